import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './fhir-harness';
import { asBundle, asOutcome, smallPopulation, startFhirHarness } from './fhir-harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startFhirHarness(smallPopulation(3));
});
afterAll(() => harness.close());

describe('access control', () => {
  it('answers 401 with a Bearer challenge and an OperationOutcome without a valid token', async () => {
    const none = await harness.request('Patient/p1');
    expect(none.status).toBe(401);
    expect(none.headers.get('WWW-Authenticate')).toMatch(/^Bearer realm=/);
    expect(asOutcome(none.body).issue[0]?.code).toBe('login');
    const wrong = await harness.request('Patient/p1', { token: 'forged' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('WWW-Authenticate')).toContain('error="invalid_token"');
  });

  it('serves metadata without a token, with the SMART endpoints', async () => {
    const reply = await harness.request('metadata');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ resourceType: 'CapabilityStatement', fhirVersion: '4.0.1' });
    expect(JSON.stringify(reply.body)).toContain('http://localhost:8080/token');
  });

  it('answers 403 when no scope grants the type', async () => {
    expect((await harness.request('Patient/p1', { token: 'patients-only' })).status).toBe(200);
    const reply = await harness.request('Observation?patient=p1', { token: 'patients-only' });
    expect(reply.status).toBe(403);
    asOutcome(reply.body);
    const create = await harness.request('Patient', {
      method: 'POST',
      token: 'patients-only',
      headers: { 'Content-Type': 'application/fhir+json' },
      body: JSON.stringify({ resourceType: 'Patient' }),
    });
    expect(create.status).toBe(403);
  });

  it("keeps patient scopes to the patient's compartment: 403 on reads, nothing found by searches", async () => {
    expect((await harness.request('Patient/p1', { token: 'patient-p1' })).status).toBe(200);
    expect((await harness.request('Patient/p2', { token: 'patient-p1' })).status).toBe(403);
    expect((await harness.request('Observation/p2-obs-0', { token: 'patient-p1' })).status).toBe(403);
    const other = asBundle((await harness.request('Observation?patient=p2', { token: 'patient-p1' })).body);
    expect(other.total).toBe(0);
    const all = asBundle((await harness.request('Observation', { token: 'patient-p1' })).body);
    expect(all.entry?.map((entry) => entry.resource.id).sort()).toEqual(['p1-obs-0', 'p1-obs-1', 'p1-obs-2']);
  });

  it('lets a patient scope create only for its own patient', async () => {
    const write = (subject: string): Promise<{ status: number }> =>
      harness.request('Observation', {
        method: 'POST',
        token: 'patient-p1',
        headers: { 'Content-Type': 'application/fhir+json' },
        body: JSON.stringify({
          resourceType: 'Observation',
          status: 'final',
          code: { text: 'x' },
          subject: { reference: subject },
        }),
      });
    expect((await write('Patient/p1')).status).toBe(201);
    expect((await write('Patient/p2')).status).toBe(403);
  });

  it('accepts a transaction whose Provenance comes before the response it signs, for the own patient only', async () => {
    const transaction = (patient: string): Promise<{ status: number }> => {
      const response = 'urn:uuid:0b7d4a4e-8c0e-4a55-9d1e-5d3c2f1a0b01';
      const entry = [
        {
          resource: {
            resourceType: 'Provenance',
            target: [{ reference: response }],
            recorded: '2024-05-01T10:00:00Z',
            agent: [{ who: { reference: `Patient/${patient}` } }],
          },
          request: { method: 'POST', url: 'Provenance' },
        },
        {
          fullUrl: response,
          resource: {
            resourceType: 'QuestionnaireResponse',
            status: 'completed',
            subject: { reference: `Patient/${patient}` },
          },
          request: { method: 'POST', url: 'QuestionnaireResponse' },
        },
      ];
      return harness.request('', {
        method: 'POST',
        token: 'self-report-p1',
        headers: { 'Content-Type': 'application/fhir+json' },
        body: JSON.stringify({ resourceType: 'Bundle', type: 'transaction', entry }),
      });
    };
    expect((await transaction('p1')).status).toBe(200);
    expect((await transaction('p2')).status).toBe(403);
    const stored = asBundle((await harness.request('Provenance', { token: 'admin' })).body);
    expect(stored.total).toBe(1);
  });
});
