/** @vitest-environment jsdom */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { listCharters, loadCharter } from '../../../src/fhir/charter-store';
import type { Session } from '../../../src/fhir/session';
import { SetGoalButton } from '../../../src/ui/features/goals/SetGoalButton';
import { VIEW } from './goal-view-fixture';
import { goalsSession } from './goals-session';

let session: Session;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ session, close } = await goalsSession());
});
afterAll(() => close());
afterEach(cleanup);

describe('SetGoalButton', () => {
  it('previews both goal sentences, tells relative from absolute change, and refuses a bad amount', () => {
    render(<SetGoalButton view={VIEW} session={session} />);
    fireEvent.click(screen.getByTestId('set-goal'));
    expect(screen.getByTestId('preview-improvement').textContent).toMatch(
      /^Within 12 months, achieve at least 10% increase from baseline in Controlling High Blood Pressure for /,
    );
    expect(screen.getByTestId('preview-gap').textContent).toContain('by at least 50% from baseline');
    const [, gapKinds] = screen.getAllByRole('group');
    fireEvent.click(within(gapKinds ?? document.body).getByLabelText('percentage points (absolute)'));
    expect(screen.getByTestId('preview-gap').textContent).toContain('by at least 50 percentage-point from baseline');
    fireEvent.change(screen.getByLabelText('Decrease of the gap between the groups'), { target: { value: '150' } });
    expect(screen.getByText('A change of more than 100 points is not possible.')).toBeTruthy();
    expect(screen.getByTestId<HTMLButtonElement>('save-charter').disabled).toBe(true);
  });

  it('saves a charter whose baseline is the view’s counts', async () => {
    const onCreated = vi.fn();
    render(<SetGoalButton view={VIEW} session={session} onCreated={onCreated} />);
    fireEvent.click(screen.getByTestId('set-goal'));
    fireEvent.change(screen.getByLabelText('Executive sponsor'), { target: { value: 'Dr. Sponsor' } });
    fireEvent.click(screen.getByTestId('save-charter'));
    fireEvent.click(await screen.findByRole('button', { name: 'Open the charter' }, { timeout: 10_000 }));
    const id: unknown = onCreated.mock.lastCall?.[0];
    expect(typeof id).toBe('string');
    const stored = await loadCharter(session.gateway, String(id));
    expect(stored.charter.sponsor).toBe('Dr. Sponsor');
    expect(stored.charter.baseline.snapshot.focus).toEqual(VIEW.focus.counts);
    expect((await listCharters(session.gateway)).length).toBeGreaterThan(0);
  });
});
