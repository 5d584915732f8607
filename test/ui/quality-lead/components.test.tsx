/** @vitest-environment jsdom */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LoadProgressView } from '../../../src/ui/features/quality-lead/LoadProgressView';
import { StrataTable } from '../../../src/ui/features/quality-lead/StrataTable';
import { stratumView } from '../../../src/ui/features/quality-lead/stratum-view';

afterEach(cleanup);

describe('quality-lead components', () => {
  it('says a suppressed cell is suppressed in words, never only by an empty bar or a colour', () => {
    const suppressed = stratumView({
      key: '1002-5',
      label: 'American Indian or Alaska Native',
      components: [{ dimension: 'race', key: '1002-5', label: 'American Indian or Alaska Native' }],
      suppressed: true,
      reason: 'small-cell',
    });
    render(
      <StrataTable
        caption="By race"
        strata={[suppressed]}
        overall={undefined}
        numeratorLabel="Controlled"
        testId="t"
      />,
    );
    expect(screen.getByRole('row', { name: /American Indian/ }).textContent).toContain('suppressed (fewer than 11)');
  });

  it('shows pages against the expected total, a retry in words, and Cancel', () => {
    const search = {
      type: 'Observation',
      path: 'Observation',
      role: 'clinical' as const,
      label: 'lab results',
      required: true,
    };
    render(
      <LoadProgressView
        progress={{
          searches: [{ search, state: 'retrying', pages: 2, resources: 2000, total: 4500, retryInMs: 2000 }],
          pages: 2,
          resources: 2000,
          patients: 0,
          retries: 1,
        }}
        calculating={false}
        onCancel={() => undefined}
      />,
    );
    expect(screen.getByRole('progressbar').getAttribute('max')).toBe('5');
    expect(screen.getByRole('status').textContent).toContain('2 of 5 pages');
    expect(screen.getByText(/server busy, retrying in 2 s/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cancel loading' })).toBeTruthy();
  });
});
