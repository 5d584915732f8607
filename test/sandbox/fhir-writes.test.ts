import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Harness } from './fhir-harness';
import { asBundle, asOutcome, smallPopulation, startFhirHarness } from './fhir-harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startFhirHarness(smallPopulation(1));
});
afterAll(() => harness.close());

const json = (body: unknown): RequestInit => ({
  body: typeof body === 'string' ? body : JSON.stringify(body),
  headers: { 'Content-Type': 'application/fhir+json' },
});
const observation = {
  resourceType: 'Observation',
  status: 'final',
  code: { text: 'note' },
  subject: { reference: 'Patient/p1' },
};
const stored = z.looseObject({ id: z.string(), meta: z.object({ versionId: z.string() }) });

describe('writes', () => {
  it('creates with 201, Location and ETag, then updates with If-Match', async () => {
    const created = await harness.request('Observation', { method: 'POST', token: 'admin', ...json(observation) });
    expect(created.status).toBe(201);
    const { id } = stored.parse(created.body);
    expect(created.headers.get('Location')).toBe(`${harness.publicBase}/Observation/${id}/_history/1`);
    expect(created.headers.get('ETag')).toBe('W/"1"');

    const update = { ...observation, id, status: 'amended' };
    const fresh = await harness.request(`Observation/${id}`, {
      method: 'PUT',
      token: 'admin',
      ...json(update),
      headers: { 'Content-Type': 'application/fhir+json', 'If-Match': 'W/"1"' },
    });
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('ETag')).toBe('W/"2"');

    const stale = await harness.request(`Observation/${id}`, {
      method: 'PUT',
      token: 'admin',
      ...json(update),
      headers: { 'Content-Type': 'application/fhir+json', 'If-Match': 'W/"1"' },
    });
    expect(stale.status).toBe(412);
    asOutcome(stale.body);
    const history = asBundle((await harness.request(`Observation/${id}/_history`, { token: 'admin' })).body);
    expect(history.entry?.map((entry) => stored.parse(entry.resource).meta.versionId)).toEqual(['2', '1']);
  });

  it('refuses an invalid resource with 400 and says what is wrong and where', async () => {
    const post = (body: unknown): ReturnType<Harness['request']> =>
      harness.request('Observation', { method: 'POST', token: 'admin', ...json(body) });
    const unknownElement = await post({ ...observation, colour: 'red' });
    expect(unknownElement.status).toBe(400);
    expect(JSON.stringify(asOutcome(unknownElement.body).issue)).toContain('Observation.colour');
    const badCode = await post({ ...observation, status: 'bogus' });
    expect(badCode.status).toBe(400);
    expect(JSON.stringify(asOutcome(badCode.body).issue)).toContain('Observation.status');
    const missing = await post({ resourceType: 'Observation', status: 'final' });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(asOutcome(missing.body).issue)).toContain('Observation.code');
  });

  it('answers malformed JSON with 400, an unknown type with 404, a wrong body type with 400', async () => {
    expect(
      (await harness.request('Observation', { method: 'POST', token: 'admin', ...json('{"resourceType": ') })).status,
    ).toBe(400);
    const unknown = await harness.request('Spaceship/1', { token: 'admin' });
    expect(unknown.status).toBe(404);
    asOutcome(unknown.body);
    expect((await harness.request('Condition', { method: 'POST', token: 'admin', ...json(observation) })).status).toBe(
      400,
    );
  });

  it('rolls a transaction back when one entry fails', async () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          resource: { resourceType: 'Patient', name: [{ family: 'Rollback' }] },
          request: { method: 'POST', url: 'Patient' },
        },
        { resource: { resourceType: 'Observation', status: 'final' }, request: { method: 'POST', url: 'Observation' } },
      ],
    };
    const reply = await harness.request('', { method: 'POST', token: 'admin', ...json(bundle) });
    expect(reply.status).toBe(400);
    const found = asBundle((await harness.request('Patient?name=rollback', { token: 'admin' })).body);
    expect(found.total).toBe(0);
  });

  it('deletes, then reads as 410 Gone', async () => {
    expect((await harness.request('Observation/p2-obs-0', { method: 'DELETE', token: 'admin' })).status).toBe(200);
    expect((await harness.request('Observation/p2-obs-0', { token: 'admin' })).status).toBe(410);
  });
});
