import { describe, expect, it } from 'vitest';
import { engineRequestSchema, engineResponseSchema } from '../../src/worker/engine-protocol';
import { MeasureRun } from '../../src/worker/measure-run';
import { cms165Deck, PARAMS } from './session-fixtures';

function outcome() {
  const run = new MeasureRun({ ...PARAMS, keepRows: true });
  for (const r of cms165Deck().records.slice(0, 30)) run.add({ patientId: r.patientId, resources: [...r.resources] });
  const [first] = run.finish();
  if (first === undefined) throw new Error('no outcome');
  return first;
}

describe('the engine worker protocol', () => {
  it('accepts every request the client sends', () => {
    const ok = [
      { type: 'evaluate', runId: 'r', params: { ...PARAMS, reference: { kind: 'stratum', key: ['2106-3', 'male'] } } },
      {
        type: 'patients',
        runId: 'r',
        records: [{ patientId: 'p', resources: [{ resourceType: 'Patient', id: 'p' }] }],
      },
      { type: 'finish', runId: 'r' },
      { type: 'cancel', runId: 'r' },
    ];
    for (const m of ok) expect(engineRequestSchema.safeParse(m).error).toBeUndefined();
  });

  it.each([
    ['an unknown type', { type: 'pause', runId: 'r' }],
    ['an unknown measure', { type: 'evaluate', runId: 'r', params: { ...PARAMS, measures: ['cms2'] } }],
    [
      'four dimensions',
      { type: 'evaluate', runId: 'r', params: { ...PARAMS, stratifiers: [['race', 'sex', 'zip', 'payer']] } },
    ],
    [
      'a reversed period',
      { type: 'evaluate', runId: 'r', params: { ...PARAMS, period: { start: '2026-12-31', end: '2026-01-01' } } },
    ],
    [
      'a resource without an id',
      { type: 'patients', runId: 'r', records: [{ patientId: 'p', resources: [{ resourceType: 'Patient' }] }] },
    ],
  ])('rejects a request with %s', (_, message) => {
    expect(engineRequestSchema.safeParse(message).success).toBe(false);
  });

  it('carries a real result through a structured clone, and rejects one that lost its fields', () => {
    const result = { type: 'result', runId: 'r', patients: 30, outcomes: [outcome()] };
    const parsed = engineResponseSchema.parse(structuredClone(result));
    expect(parsed).toEqual(result);
    const broken = structuredClone(result);
    const [first] = broken.outcomes;
    if (first !== undefined) Reflect.deleteProperty(first.report, 'overall');
    expect(engineResponseSchema.safeParse(broken).success).toBe(false);
  });
});
