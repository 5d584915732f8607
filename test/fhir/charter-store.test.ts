import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/fhir/app-error';
import {
  addCycle,
  createCharter,
  listCharters,
  loadCharter,
  saveCharterRevision,
  saveCycle,
} from '../../src/fhir/charter-store';
import type { FhirGateway } from '../../src/fhir/fhir-gateway';
import type { Harness } from '../sandbox/fhir-harness';
import { CHARTER, charterServer, cycle } from './charter-harness';

let harness: Harness;
let gateway: FhirGateway;
const author = { fhirUser: 'Practitioner/sandbox-quality-lead' };

beforeAll(async () => {
  ({ harness, gateway } = await charterServer());
});
afterAll(async () => {
  await harness.close();
});

describe('charters in the sandbox FHIR server (validated writes)', () => {
  it('writes a charter that reads back equal, and a retry with the same uuid writes nothing twice', async () => {
    const first = await createCharter(gateway, 'c-1', CHARTER, author);
    const again = await createCharter(gateway, 'c-1', CHARTER, author);
    expect(again.id).toBe(first.id);
    expect(again.refs).toEqual(first.refs);
    const loaded = await loadCharter(gateway, first.id);
    expect(loaded.charter).toEqual(CHARTER);
    expect((await listCharters(gateway)).map((c) => c.id)).toEqual([first.id]);
  });

  it('adds two cycles under the charter and finds them again, in timeline order, with their snapshots', async () => {
    const stored = await createCharter(gateway, 'c-2', CHARTER, author);
    await addCycle(gateway, stored, 'cy-b', cycle('2026-12-01', '2027-01-10', 'Second change'), author);
    const a = await addCycle(gateway, stored, 'cy-a', cycle('2026-11-02', '2026-11-30', 'First change'), author);
    const ended = { ...a.cycle, end: '2026-11-30', metric: { ...a.cycle.metric, count: 23 }, study: 'Calls work.' };
    await saveCycle(
      gateway,
      stored,
      a,
      { ...ended, decision: 'adopt', endSnapshot: CHARTER.baseline.snapshot },
      author,
    );
    const loaded = await loadCharter(gateway, stored.id);
    expect(loaded.cycles.map((c) => c.cycle.change)).toEqual(['First change', 'Second change']);
    expect(loaded.cycles[0]?.cycle).toMatchObject({ end: '2026-11-30', decision: 'adopt', metric: { count: 23 } });
    expect(loaded.cycles[0]?.cycle.endSnapshot).toEqual(CHARTER.baseline.snapshot);
    expect(loaded.cycles[1]?.cycle.startSnapshot).toEqual(CHARTER.baseline.snapshot);
  });

  it('refuses a revision made on a stale version with a conflict, and keeps the baseline on a good one', async () => {
    const stored = await createCharter(gateway, 'c-3', CHARTER, author);
    const saved = await saveCharterRevision(gateway, stored, { sponsor: 'New sponsor', status: 'completed' }, author);
    const stale = saveCharterRevision(gateway, stored, { team: 'Someone else' }, author);
    await expect(stale).rejects.toBeInstanceOf(AppError);
    await expect(stale).rejects.toMatchObject({ kind: 'conflict' });
    const loaded = await loadCharter(gateway, saved.id);
    expect(loaded.charter).toMatchObject({ sponsor: 'New sponsor', status: 'completed' });
    expect(loaded.charter.baseline).toEqual(CHARTER.baseline);
    const goal = await gateway.read(`Goal/${loaded.goals.gap.id}`, { what: 'test' });
    expect(goal['lifecycleStatus']).toBe('completed');
  });
});
