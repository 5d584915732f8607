import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './fhir-harness';
import { asBundle, smallPopulation, startFhirHarness } from './fhir-harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startFhirHarness(smallPopulation(1));
});
afterAll(() => harness.close());

const questionnaire = {
  resourceType: 'Questionnaire',
  url: 'https://example.org/Questionnaire/shared',
  status: 'active',
  item: [{ linkId: 'q', type: 'boolean', text: 'Q?' }],
};

describe('definitional resources outside every patient compartment', () => {
  it('are reachable with patient/ scopes, which no compartment could otherwise satisfy', async () => {
    const created = await harness.request('Questionnaire', {
      method: 'POST',
      token: 'admin',
      headers: { 'Content-Type': 'application/fhir+json' },
      body: JSON.stringify(questionnaire),
    });
    expect(created.status).toBe(201);
    // patient-p1 holds patient/*.rs: before, a Questionnaire search found nothing in p1's compartment.
    const found = asBundle(
      (await harness.request(`Questionnaire?url=${questionnaire.url}`, { token: 'patient-p1' })).body,
    );
    expect(found.entry?.length).toBe(1);
    // Reading is not writing: patient-p1 has no create scope on Questionnaire.
    const refused = await harness.request('Questionnaire', {
      method: 'POST',
      token: 'patient-p1',
      headers: { 'Content-Type': 'application/fhir+json' },
      body: JSON.stringify(questionnaire),
    });
    expect(refused.status).toBe(403);
    // Other patients' data stays out of reach.
    expect((await harness.request('Patient/p2', { token: 'patient-p1' })).status).toBe(403);
  });
});
