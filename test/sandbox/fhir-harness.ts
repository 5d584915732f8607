import { createServer } from 'node:http';
import type { Observation, Patient, Resource } from 'fhir/r4';
import { z } from 'zod';
import type { AccessDecision, FhirServer } from '../../sandbox/fhir/fhir-server';
import { createFhirServer } from '../../sandbox/fhir/fhir-server';

/** Tokens the fake `authorize` knows; anything else is refused with 401. */
export const TOKENS: Readonly<Record<string, AccessDecision>> = {
  admin: { ok: true, scopes: ['user/*.cruds'] },
  'patients-only': { ok: true, scopes: ['user/Patient.rs'] },
  'patient-p1': { ok: true, scopes: ['patient/*.rs', 'patient/Observation.c'], patient: 'p1' },
  'self-report-p1': {
    ok: true,
    scopes: ['patient/Patient.rus', 'patient/QuestionnaireResponse.c', 'patient/Provenance.c'],
    patient: 'p1',
  },
};

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

export interface Harness {
  /** The public FHIR base the server was told about (used in links). */
  readonly publicBase: string;
  /** Where it actually listens, e.g. `http://127.0.0.1:41234`. */
  readonly origin: string;
  readonly fhir: FhirServer;
  /** A request to `<origin>/fhir/<path>` (or to an absolute URL on the public base), with an optional token. */
  request(path: string, init?: RequestInit & { token?: string }): Promise<Reply>;
  close(): Promise<void>;
}

/** Starts the FHIR server on an ephemeral loopback port with the fake tokens above and `resources` loaded. */
export async function startFhirHarness(resources: readonly Resource[], testHooks = true): Promise<Harness> {
  const publicBase = 'http://localhost:8080/fhir';
  const fhir = await createFhirServer({
    baseUrl: publicBase,
    testHooks,
    oauth: { authorize: 'http://localhost:8080/auth', token: 'http://localhost:8080/token' },
    authorize: (req) => {
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const known = token === undefined ? undefined : TOKENS[token];
      return Promise.resolve(known ?? { ok: false, status: 401, reason: token ? 'unknown token' : 'no token' });
    },
  });
  await fhir.load(structuredClone(resources));
  const server = createServer((req, res) => {
    void (req.url?.startsWith('/__sandbox/') ? fhir.handleTestHook(req, res) : fhir.handle(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the test server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    publicBase,
    origin,
    fhir,
    async request(path, init = {}) {
      const { token, ...rest } = init;
      const url = path.startsWith(publicBase)
        ? `${origin}/fhir${path.slice(publicBase.length)}`
        : `${origin}/fhir/${path}`;
      const headers = new Headers(rest.headers);
      if (token !== undefined) headers.set('Authorization', `Bearer ${token}`);
      const response = await fetch(url, { ...rest, headers });
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** A small population: patients p1 and p2, and `perPatient` observations each with known dates and values. */
export function smallPopulation(perPatient: number): Resource[] {
  const resources: (Patient | Observation)[] = [
    { resourceType: 'Patient', id: 'p1', name: [{ family: 'Smith', given: ['Ana'] }], gender: 'female' },
    { resourceType: 'Patient', id: 'p2', name: [{ family: 'Nesmith', given: ['Bo'] }], gender: 'male' },
  ];
  for (const patient of ['p1', 'p2']) {
    for (let i = 0; i < perPatient; i++) {
      resources.push({
        resourceType: 'Observation',
        id: `${patient}-obs-${i}`,
        status: 'final',
        code: { coding: [{ system: 'http://loinc.org', code: '4548-4' }] },
        subject: { reference: `Patient/${patient}` },
        effectiveDateTime: new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10),
        valueQuantity: { value: 5 + i / 10, unit: '%', system: 'http://unitsofmeasure.org', code: '%' },
      });
    }
  }
  return resources;
}

const bundleSchema = z.object({
  resourceType: z.literal('Bundle'),
  total: z.number().optional(),
  link: z.array(z.object({ relation: z.string(), url: z.string() })).optional(),
  entry: z
    .array(
      z.object({
        fullUrl: z.string().optional(),
        search: z.object({ mode: z.string() }).optional(),
        resource: z.looseObject({ resourceType: z.string(), id: z.string().optional() }),
      }),
    )
    .optional(),
});

/** The reply body as a Bundle (fails the test when it is not one). */
export function asBundle(body: unknown): z.infer<typeof bundleSchema> {
  return bundleSchema.parse(body);
}

/** The URL of a Bundle link relation, if present. */
export function linkOf(bundle: z.infer<typeof bundleSchema>, relation: string): string | undefined {
  return bundle.link?.find((link) => link.relation === relation)?.url;
}

const outcomeSchema = z.object({
  resourceType: z.literal('OperationOutcome'),
  issue: z
    .array(
      z.object({
        severity: z.string(),
        code: z.string(),
        details: z.object({ text: z.string() }).optional(),
        expression: z.array(z.string()).optional(),
      }),
    )
    .min(1),
});

/** The reply body as an OperationOutcome (fails the test when it is not one). */
export function asOutcome(body: unknown): z.infer<typeof outcomeSchema> {
  return outcomeSchema.parse(body);
}
