import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { toRacismPromptObservation, toRacismPromptResponse } from '../../src/domain/racism-prompt-response';
import type { RacismPromptContext } from '../../src/domain/racism-prompt-response';
import { AppError } from '../../src/fhir/app-error';
import { FhirGateway } from '../../src/fhir/fhir-gateway';
import { saveRacismPrompt } from '../../src/fhir/racism-prompt-store';
import { BASE, HttpResponse, http, outcome, server } from './fhir-server-mock';

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => {
  server.resetHandlers();
});
afterAll(() => {
  server.close();
});

const SCOPES = ['patient/QuestionnaireResponse.cu', 'patient/Observation.c', 'patient/Questionnaire.cs'];
const ctx: RacismPromptContext = {
  patientId: 'p1',
  author: 'Practitioner/d1',
  authorName: undefined,
  encounterId: undefined,
  authored: '2026-11-23T10:00:00Z',
  identifier: 'draft-1',
};
const outcomeShared = { kind: 'declined', followUps: [], careTeamNote: '' } as const;

interface Seen {
  method: string;
  path: string;
  ifNoneExist: string | null;
  body: unknown;
}

/** A server that stores what is posted and answers identifier searches, recording every request. */
function fakeServer(options: { questionnaireStatus?: number; existing?: boolean } = {}): Seen[] {
  const seen: Seen[] = [];
  const record = async (request: Request): Promise<unknown> => {
    const body: unknown = request.method === 'POST' ? await request.json() : undefined;
    const url = new URL(request.url);
    seen.push({
      method: request.method,
      path: url.pathname.slice(new URL(BASE).pathname.length + 1) + url.search,
      ifNoneExist: request.headers.get('If-None-Exist'),
      body,
    });
    return body;
  };
  server.use(
    http.post(`${BASE}/Questionnaire`, async ({ request }) => {
      await record(request);
      const status = options.questionnaireStatus ?? 201;
      return status < 400
        ? HttpResponse.json({ resourceType: 'Questionnaire', id: 'q1' }, { status })
        : HttpResponse.json(outcome('no'), { status });
    }),
    http.post(`${BASE}/:type`, async ({ request, params }) => {
      const body = await record(request);
      return HttpResponse.json(
        { ...(typeof body === 'object' && body !== null ? body : {}), id: `${String(params.type)}-1` },
        { status: 201 },
      );
    }),
    http.get(`${BASE}/QuestionnaireResponse`, async ({ request }) => {
      await record(request);
      const entry =
        options.existing === true
          ? [{ resource: { resourceType: 'QuestionnaireResponse', id: 'old' }, search: { mode: 'match' } }]
          : [];
      return HttpResponse.json({ resourceType: 'Bundle', type: 'searchset', entry });
    }),
  );
  return seen;
}

const gateway = (): FhirGateway => new FhirGateway({ baseUrl: BASE, accessToken: () => 't' });
const input = (retrying: boolean, grantedScopes = SCOPES) => ({
  response: toRacismPromptResponse(outcomeShared, ctx),
  observationFor: (reference: string) => toRacismPromptObservation(outcomeShared, ctx, reference),
  grantedScopes,
  retrying,
});

describe('saveRacismPrompt', () => {
  it('creates the Questionnaire once per connection, then the response and its Observation, all conditionally', async () => {
    const seen = fakeServer();
    const fhir = gateway();
    const result = await saveRacismPrompt(fhir, input(false));
    await saveRacismPrompt(fhir, input(false));
    expect(seen.map((s) => `${s.method} ${s.path}`)).toEqual([
      'POST Questionnaire',
      'POST QuestionnaireResponse',
      'POST Observation',
      'POST QuestionnaireResponse',
      'POST Observation',
    ]);
    expect(seen[0]?.ifNoneExist).toContain('version=1.0.0');
    expect(seen[1]?.ifNoneExist).toBe(
      `identifier=${encodeURIComponent('https://equity-lens.example.org/identifier/racism-prompt|draft-1')}`,
    );
    expect(seen[2]?.body).toMatchObject({
      derivedFrom: [{ reference: 'QuestionnaireResponse/QuestionnaireResponse-1' }],
    });
    expect(result.questionnaire).toBe('on-server');
  });

  it('on a retry looks for the earlier copy first and does not write it twice', async () => {
    const seen = fakeServer({ existing: true });
    const result = await saveRacismPrompt(gateway(), input(true, ['patient/QuestionnaireResponse.cus']));
    expect(seen.map((s) => `${s.method} ${s.path.split('?')[0] ?? ''}`)).toEqual(['GET QuestionnaireResponse']);
    expect(result.response.id).toBe('old');
    expect(result.questionnaire).toBe('not-permitted');
  });

  it('still saves the response when the server refuses the Questionnaire', async () => {
    fakeServer({ questionnaireStatus: 403 });
    const result = await saveRacismPrompt(gateway(), input(false));
    expect(result.questionnaire).toBe('not-permitted');
    expect(result.response.resourceType).toBe('QuestionnaireResponse');
  });

  it('explains a missing write permission without sending anything', async () => {
    const seen = fakeServer();
    await expect(saveRacismPrompt(gateway(), input(false, ['patient/QuestionnaireResponse.rs']))).rejects.toSatisfy(
      (error) => error instanceof AppError && error.kind === 'forbidden',
    );
    expect(seen).toEqual([]);
  });
});
