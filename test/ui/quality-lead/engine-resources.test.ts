import { describe, expect, it } from 'vitest';
import { compactResource } from '../../../src/worker/compact-resource';
import { engineResponseSchema, type CompactItem } from '../../../src/worker/engine-protocol';
import { readDeck } from '../../cli/deck-export';
import { batches, manualSession, PARAMS } from '../../worker/session-fixtures';

/** The CMS165 deck as single resources, ordered by type as type-by-type FHIR searches return them. */
function itemsByType(): { items: CompactItem[]; patients: number } {
  const deck = readDeck('CMS165-2025');
  const items: CompactItem[] = [];
  for (const c of deck.cases) {
    for (const raw of c.resources) {
      const p = compactResource(raw);
      if (p.kind === 'keep')
        items.push(
          p.patientId === undefined ? { resource: p.resource } : { patientId: p.patientId, resource: p.resource },
        );
    }
  }
  items.sort((a, b) =>
    a.resource.resourceType < b.resource.resourceType ? -1 : a.resource.resourceType > b.resource.resourceType ? 1 : 0,
  );
  return { items, patients: deck.cases.length };
}

function run(send: (session: ReturnType<typeof manualSession>['session']) => void) {
  const { session, posted, drain } = manualSession(25);
  session.handle({ type: 'evaluate', runId: 'r', params: PARAMS });
  send(session);
  session.handle({ type: 'finish', runId: 'r' });
  drain();
  for (const m of posted) expect(engineResponseSchema.safeParse(structuredClone(m)).success).toBe(true);
  const result = posted.at(-1);
  if (result?.type !== 'result') throw new Error(`expected a result, got ${result?.type ?? 'nothing'}`);
  return result;
}

describe('engine worker: resources streamed one type at a time', () => {
  it('groups them by patient and gives the same result as whole records', () => {
    const { items, patients } = itemsByType();
    const streamed = run((session) => {
      for (const b of batches(items, 7)) session.handle({ type: 'resources', runId: 'r', items: b });
    });
    const deck = readDeck('CMS165-2025');
    const whole = run((session) => {
      const records = deck.cases.map((c) => ({
        patientId: c.patientId,
        resources: c.resources.flatMap((raw) => {
          const p = compactResource(raw);
          return p.kind === 'keep' ? [p.resource] : [];
        }),
      }));
      session.handle({ type: 'patients', runId: 'r', records });
    });
    expect(streamed.patients).toBe(patients);
    expect(streamed.outcomes[0]?.report.overall).toEqual(whole.outcomes[0]?.report.overall);
    expect(streamed.outcomes[0]?.report.overall).toMatchObject({
      counts: { initialPopulation: deck.expected.get('initial-population'), numerator: deck.expected.get('numerator') },
    });
  });

  it('drops resources of a run that was cancelled', () => {
    const { session, posted, drain } = manualSession(25);
    session.handle({ type: 'evaluate', runId: 'r', params: PARAMS });
    session.handle({ type: 'cancel', runId: 'r' });
    session.handle({ type: 'resources', runId: 'r', items: itemsByType().items });
    drain();
    expect(posted.map((m) => m.type)).toEqual(['cancelled']);
  });
});
