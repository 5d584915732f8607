import { describe, expect, it } from 'vitest';
import { engineResponseSchema } from '../../src/worker/engine-protocol';
import { batches, cms165Deck, manualSession, PARAMS } from './session-fixtures';

const { records, expected } = cms165Deck();

describe('EngineSession', () => {
  it('evaluates streamed batches and posts progress, then the result the deck expects', () => {
    const { session, posted, drain } = manualSession(10);
    session.handle({ type: 'evaluate', runId: 'r1', params: PARAMS });
    for (const b of batches(records, 25)) session.handle({ type: 'patients', runId: 'r1', records: b });
    session.handle({ type: 'finish', runId: 'r1' });
    drain();
    for (const m of posted) expect(engineResponseSchema.safeParse(structuredClone(m)).success).toBe(true);
    const progress = posted.flatMap((m) => (m.type === 'progress' ? [m.patients] : []));
    expect(progress).toEqual([10, 20, 30, 40, 50, 60, 68]);
    const result = posted.at(-1);
    if (result?.type !== 'result') throw new Error(`expected a result, got ${result?.type ?? 'nothing'}`);
    const [outcome] = result.outcomes;
    expect(result.patients).toBe(records.length);
    expect(outcome?.rows).toHaveLength(records.length);
    expect(outcome?.report.overall).toMatchObject({
      suppressed: false,
      counts: {
        initialPopulation: expected.get('initial-population'),
        denominatorExclusion: expected.get('denominator-exclusion'),
        numerator: expected.get('numerator'),
      },
    });
    expect(outcome?.report.stratifiers.map((s) => s.id)).toEqual(['race', 'race+sex']);
  });

  it('stops at the next slice when cancelled mid-stream, and ignores the batches still in flight', () => {
    const { session, posted, step, drain } = manualSession(10);
    session.handle({ type: 'evaluate', runId: 'r1', params: PARAMS });
    session.handle({ type: 'patients', runId: 'r1', records });
    session.handle({ type: 'finish', runId: 'r1' });
    step();
    session.handle({ type: 'cancel', runId: 'r1' });
    session.handle({ type: 'patients', runId: 'r1', records });
    drain();
    expect(posted.map((m) => m.type)).toEqual(['progress', 'cancelled']);
  });

  it('answers unreadable requests with an error for the user, and lets a new run replace the old one', () => {
    const { session, posted, drain } = manualSession(100);
    session.handle('hello');
    session.handle({ type: 'evaluate', runId: 'r2', params: { ...PARAMS, stratifiers: [['race', 'religion']] } });
    session.handle({ type: 'evaluate', runId: 'r3', params: PARAMS });
    session.handle({ type: 'evaluate', runId: 'r4', params: { ...PARAMS, stratifiers: [['race', 'race']] } });
    session.handle({ type: 'finish', runId: 'r3' });
    drain();
    expect(posted).toMatchObject([
      { type: 'error', message: expect.stringContaining('cannot read') as string },
      { type: 'error', runId: 'r2', message: expect.stringContaining('params.stratifiers.0.1') as string },
      { type: 'cancelled', runId: 'r3' },
      { type: 'error', runId: 'r4', message: expect.stringContaining('distinct dimensions') as string },
      { type: 'error', runId: 'r3', message: 'The measure run to finish is not running.' },
    ]);
    expect(posted[0]).not.toHaveProperty('runId');
  });
});
