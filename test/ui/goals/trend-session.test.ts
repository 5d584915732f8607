import type { Resource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { trendSeries, trendWindows } from '../../../src/measures/trend-series';
import type { TrendResponse } from '../../../src/ui/features/goals/trend-protocol';
import { TrendSession } from '../../../src/ui/features/goals/trend-session';
import { bloodPressure, hypertensive } from '../../measures/record-builder';

const SPEC = {
  measure: 'cms165',
  stratifier: ['race'],
  focus: { keys: ['absent'], label: 'Not recorded' },
  reference: { kind: 'complement', label: 'everyone else' },
  filters: [],
} as const;

/** The record-builder patient, its resources pointing at it (as a server's would), one reading. */
function items(id: string, systolic: number) {
  const resources = [...hypertensive(), bloodPressure(`bp-${id}`, '2026-06-01T10:00:00Z', systolic, 80)];
  return resources.map((r) =>
    r.resourceType === 'Patient'
      ? { patientId: id, resource: { ...r, id } }
      : { patientId: id, resource: { ...r, id: `${r.id}-${id}`, subject: { reference: `Patient/${id}` } } },
  );
}

describe('TrendSession (the trend worker, in process)', () => {
  it('groups streamed resources by patient and answers several evaluations from the kept records', () => {
    const posted: TrendResponse[] = [];
    const session = new TrendSession((m) => posted.push(m));
    session.handle({ type: 'items', items: items('a', 120) });
    session.handle({ type: 'items', items: items('b', 150) });
    const windows = trendWindows('2026-11-01', 2);
    session.handle({ type: 'evaluate', id: 'e1', spec: SPEC, windows, utcOffsetMinutes: 0 });
    session.handle({ type: 'evaluate', id: 'e2', spec: SPEC, windows: windows.slice(1), utcOffsetMinutes: 0 });
    const results = posted.filter((m) => m.type === 'result');
    const expected = trendSeries(
      ['a', 'b'].map((id) => ({
        patientId: id,
        resources: items(id, id === 'a' ? 120 : 150).map((i): Resource => i.resource),
      })),
      SPEC,
      windows,
    );
    expect(results[0]).toEqual({ type: 'result', id: 'e1', snapshots: expected });
    expect(results[0]?.type === 'result' && results[0].snapshots[1]?.focus).toMatchObject({
      denominator: 2,
      numerator: 1,
    });
    expect(results[1]).toEqual({ type: 'result', id: 'e2', snapshots: expected.slice(1) });
  });

  it('answers a message it cannot read with an error, and does not throw', () => {
    const posted: TrendResponse[] = [];
    const session = new TrendSession((m) => posted.push(m));
    session.handle({ type: 'evaluate', id: 'x', spec: { measure: 'cms999' }, windows: [], utcOffsetMinutes: 0 });
    expect(posted).toEqual([{ type: 'error', message: 'The trend calculation received a request it cannot read.' }]);
  });
});
