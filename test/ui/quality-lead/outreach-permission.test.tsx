/** @vitest-environment jsdom */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { OutreachPanel } from '../../../src/ui/features/quality-lead/OutreachPanel';
import type { PopulationData } from '../../../src/ui/features/quality-lead/population-run';
import { defaultView } from '../../../src/ui/features/quality-lead/view-state';

afterEach(cleanup);

const data: PopulationData = {
  period: { start: '2026-01-01', end: '2026-12-31' },
  utcOffsetMinutes: 0,
  outcomes: [],
  patients: 0,
  names: undefined,
  practitioners: new Map(),
  selfReports: undefined,
  plan: { searches: [], notPermitted: [] },
  skipped: [],
  progress: { searches: [], pages: 0, resources: 0, patients: 0, retries: 0 },
  loadedAt: '2026-11-01T00:00:00Z',
  elapsedMs: 0,
};

describe('outreach list permission', () => {
  it('is not shown, and says why, when the token does not allow reading patients one by one', () => {
    render(<OutreachPanel data={data} view={defaultView(2026)} update={() => undefined} canSeePatients={false} />);
    expect(screen.getByTestId('outreach-hidden').textContent).toContain('user/Patient.rs');
    expect(screen.queryByRole('table')).toBeNull();
  });
});
