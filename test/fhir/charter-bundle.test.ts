import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { charterBundle, CharterImportError, readCharterBundle } from '../../src/fhir/charter-bundle';
import { importCharter } from '../../src/fhir/charter-import';
import { addCycle, createCharter, loadCharter } from '../../src/fhir/charter-store';
import type { FhirGateway } from '../../src/fhir/fhir-gateway';
import type { Harness } from '../sandbox/fhir-harness';
import { CHARTER, charterServer, cycle } from './charter-harness';

let harness: Harness;
let gateway: FhirGateway;
const author = { fhirUser: 'Practitioner/sandbox-quality-lead' };
let n = 0;
const fakeUuid = (): string => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

beforeAll(async () => {
  ({ harness, gateway } = await charterServer());
});
afterAll(async () => {
  await harness.close();
});

describe('export and import as a FHIR Bundle', () => {
  it('round-trips a charter with its cycles, and importing twice creates it once', async () => {
    const stored = await createCharter(gateway, 'c-4', CHARTER, author);
    await addCycle(gateway, stored, 'cy-4a', cycle('2026-11-02', '2026-12-10', 'Text reminders'), author);
    const loaded = await loadCharter(gateway, stored.id);
    const bundle = charterBundle({ uuid: loaded.uuid, charter: loaded.charter, cycles: loaded.cycles }, fakeUuid);
    const data = readCharterBundle(JSON.parse(JSON.stringify(bundle)));
    expect(data.charter).toEqual(CHARTER);
    expect(data.cycles.map((c) => c.cycle)).toEqual(loaded.cycles.map((c) => c.cycle));
    const { harness: other, gateway: elsewhere } = await charterServer();
    try {
      const first = await importCharter(elsewhere, data, author);
      const second = await importCharter(elsewhere, data, author);
      expect(second.id).toBe(first.id);
      expect(second.cycles).toHaveLength(1);
      expect(second.charter).toEqual(CHARTER);
    } finally {
      await other.close();
    }
  });

  it('is a transaction any FHIR server can take as it is', async () => {
    const bundle = charterBundle({ uuid: 'c-5', charter: CHARTER, cycles: [] }, fakeUuid);
    const headers = { 'Content-Type': 'application/fhir+json' };
    const reply = await harness.request('', { method: 'POST', token: 'admin', headers, body: JSON.stringify(bundle) });
    expect(reply.status).toBe(200);
    const found = await gateway.searchAll(
      'PlanDefinition?identifier=https://equity-lens.example.org/identifier/charter|c-5',
      {
        what: 'test',
      },
    );
    expect(found).toHaveLength(1);
  });

  it('says what is wrong with a file that is not a charter', () => {
    expect(() => readCharterBundle({ resourceType: 'Patient' })).toThrow('not a FHIR Bundle');
    expect(() => readCharterBundle({ resourceType: 'Bundle', type: 'collection', entry: [] })).toThrow(
      CharterImportError,
    );
  });
});
