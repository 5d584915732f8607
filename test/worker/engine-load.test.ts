import { describe, expect, it, vi } from 'vitest';
import { populationPlan } from '../../src/fhir/population-queries';
import { compactRecord } from '../../src/worker/compact-record';
import { EngineClient, EngineError } from '../../src/worker/engine-client';
import { engineResponseSchema, type EngineResponse } from '../../src/worker/engine-protocol';
import { EngineSession, type EarlyEvaluation } from '../../src/worker/engine-session';
import { MeasureRun } from '../../src/worker/measure-run';
import { fromPanelRowTable } from '../../src/worker/panel-row-table';
import type { LoadRequest } from '../../src/worker/population-load-protocol';
import { AppError } from '../../src/fhir/app-error';
import { readDeck } from '../cli/deck-export';
import { bloodPressure, condition, CPT, encounter, patient, SNOMED } from '../measures/record-builder';
import { InProcessWorker } from './in-process-worker';
import { PARAMS } from './session-fixtures';

const BASE = 'https://ehr.example.test/fhir';
const SCOPES = ['user/*.rs'];
const deck = readDeck('CMS165-2025');

/** Every resource of the deck by type, plus a practitioner, as a FHIR server would hold them. */
function serverResources(): Map<string, unknown[]> {
  const byType = new Map<string, unknown[]>();
  const add = (r: { resourceType: string }): void => {
    byType.set(r.resourceType, [...(byType.get(r.resourceType) ?? []), r]);
  };
  for (const c of deck.cases) for (const r of c.resources) add(r);
  add({ resourceType: 'Practitioner', id: 'prac-1', name: [{ family: 'Okafor', given: ['Ada'] }] } as never);
  return byType;
}

interface FakeServer {
  readonly fetch: typeof fetch;
  readonly requests: string[];
}

/**
 * A FHIR server stand-in: `<Type>?…` searches (filters ignored) paged `pageSize` at a time through next links;
 * `fail` answers a type's searches with a status instead.
 */
function fakeServer(
  pageSize: number,
  fail: Readonly<Record<string, number>> = {},
  delayMs = 0,
  slow: Readonly<Record<string, number>> = {},
  arrange?: (byType: Map<string, unknown[]>) => void,
): FakeServer {
  const data = serverResources();
  arrange?.(data);
  const requests: string[] = [];
  const impl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    requests.push(url.href);
    const type = url.pathname.split('/').at(-1) ?? '';
    const delay = delayMs + (slow[type] ?? 0);
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    if (init?.signal?.aborted === true) throw new DOMException('Aborted', 'AbortError');
    const status = fail[type];
    if (status !== undefined) return new Response(JSON.stringify({ resourceType: 'OperationOutcome' }), { status });
    // `_include=MedicationRequest:medication`: every Medication comes with the first page of orders.
    const included =
      type === 'MedicationRequest' && url.searchParams.has('_include') && !url.searchParams.has('_offset')
        ? (data.get('Medication') ?? [])
        : [];
    const all = data.get(type) ?? [];
    const offset = Number(url.searchParams.get('_offset') ?? 0);
    const page = all.slice(offset, offset + pageSize);
    const next =
      offset + pageSize < all.length ? `${BASE}/${type}?_include=x&_offset=${String(offset + pageSize)}` : undefined;
    const bundle = {
      resourceType: 'Bundle',
      type: 'searchset',
      total: all.length,
      link: next === undefined ? [] : [{ relation: 'next', url: next }],
      entry: [
        ...page.map((resource) => ({ resource, search: { mode: 'match' } })),
        ...included.map((resource) => ({ resource, search: { mode: 'include' } })),
      ],
    };
    return new Response(JSON.stringify(bundle), { status: 200, headers: { 'Content-Type': 'application/fhir+json' } });
  };
  return { fetch: impl, requests };
}

function request(keepNames: boolean): LoadRequest {
  const plan = populationPlan(PARAMS.period, SCOPES);
  return { baseUrl: BASE, accessToken: 'token-1', searches: plan.searches, keepNames };
}

/** Runs a session until it posts a final message for `runId` (a result, an error, or cancelled). */
function session(server: FakeServer, early: EarlyEvaluation | false = false, onSchedule?: () => void) {
  const posted: EngineResponse[] = [];
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => {
    done = resolve;
  });
  const s = new EngineSession(
    (m) => {
      posted.push(m);
      if (m.type === 'load-result' || m.type === 'load-error' || m.type === 'error' || m.type === 'cancelled') done();
    },
    {
      fetch: server.fetch,
      progressIntervalMs: 0,
      early,
      schedule: (task) => {
        onSchedule?.();
        setTimeout(task, 0);
      },
    },
  );
  return { session: s, posted, finished };
}

describe('engine worker: a population it loads itself', () => {
  it('pages through every search and gives the same result as whole records, with names and practitioners', async () => {
    const server = fakeServer(7);
    const { session: s, posted, finished } = session(server);
    s.handle({ type: 'load', runId: 'r', params: PARAMS, load: request(true) });
    await finished;
    for (const m of posted) expect(engineResponseSchema.safeParse(structuredClone(m)).success).toBe(true);
    const types = posted.map((m) => m.type);
    expect(types.indexOf('loaded')).toBeGreaterThan(types.lastIndexOf('load-progress'));
    expect(types.at(-1)).toBe('load-result');
    const result = posted.at(-1);
    if (result?.type !== 'load-result') throw new Error('no result');

    const wholePosted: EngineResponse[] = [];
    const ref = new EngineSession((m) => wholePosted.push(m), {
      schedule: (t) => {
        t();
      },
    });
    ref.handle({ type: 'evaluate', runId: 'w', params: PARAMS });
    ref.handle({
      type: 'patients',
      runId: 'w',
      records: deck.cases.map((c) => compactRecord(c.patientId, c.resources)),
    });
    ref.handle({ type: 'finish', runId: 'w' });
    const reference = wholePosted.at(-1);
    if (reference?.type !== 'result') throw new Error('no reference result');
    expect(result.patients).toBe(deck.cases.length);
    expect(result.outcomes[0]?.report).toEqual(reference.outcomes[0]?.report);
    // The rows travel as a table; read back, they are what the panels read of the whole-record rows (in the order
    // the server's pages met the patients).
    if (result.table === undefined) throw new Error('no rows');
    const byId = (a: { patientId: string }, b: { patientId: string }) => (a.patientId < b.patientId ? -1 : 1);
    const rows = fromPanelRowTable(result.table)[0]?.rows;
    expect(rows?.length).toBe(deck.cases.length);
    expect([...(rows ?? [])].sort(byId)).toEqual(
      [...(reference.outcomes[0]?.rows ?? [])].sort(byId).map((r) => ({
        patientId: r.patientId,
        ageAtPeriodEnd: r.ageAtPeriodEnd,
        populations: r.populations,
        strata: r.strata,
        evidence: { outcome: r.evidence.outcome },
      })),
    );
    expect(result.outcomes[0]?.rows).toEqual([]);
    expect(result.outcomes[0]?.report.overall).toMatchObject({
      counts: {
        initialPopulation: deck.expected.get('initial-population'),
        denominatorExclusion: deck.expected.get('denominator-exclusion'),
        numerator: deck.expected.get('numerator'),
      },
    });

    const population = result.population;
    expect(population.names).toHaveLength(deck.cases.length);
    expect(population.practitioners).toEqual([['Practitioner/prac-1', 'Ada Okafor']]);
    expect(population.selfReports).toEqual([]);
    expect(population.skipped).toEqual([]);
    expect(population.progress.resources).toBeGreaterThan(deck.cases.length);
    // Paged: more requests than searches, every one to the server it was given.
    expect(server.requests.length).toBeGreaterThan(request(true).searches.length);
    expect(server.requests.every((u) => u.startsWith(`${BASE}/`))).toBe(true);
  });

  it('evaluates settled patients while reading, and again those whose records change, without changing the result', async () => {
    const results: Extract<EngineResponse, { type: 'load-result' }>[] = [];
    const scheduledWhileReading: number[] = [];
    const evaluations: number[] = [];
    const evaluate = vi.spyOn(MeasureRun.prototype, 'evaluate');
    for (const early of [
      false,
      // In the last search, every patient it reached as soon as a page is in: those split across pages are evaluated
      // again.
      { sliceSize: 1, quietPages: 0, whileSearchesLeft: 1 },
      { sliceSize: 3, quietPages: 1, whileSearchesLeft: 1 },
    ] as const) {
      evaluate.mockClear();
      let scheduled = 0;
      const sent: { messages?: readonly EngineResponse[] } = {};
      // Diagnoses read slowly: they are the last search, a long tail of pages as the sandbox's observations are.
      const server = fakeServer(7, {}, 1, { Condition: 40 });
      const {
        session: s,
        posted,
        finished,
      } = session(server, early, () => {
        if (!(sent.messages ?? []).some((m) => m.type === 'loaded')) scheduled++;
      });
      sent.messages = posted;
      s.handle({ type: 'load', runId: 'r', params: { ...PARAMS, rows: true }, load: request(true) });
      await finished;
      const last = posted.at(-1);
      if (last?.type !== 'load-result') throw new Error('no result');
      results.push(last);
      scheduledWhileReading.push(scheduled);
      evaluations.push(evaluate.mock.calls.length);
    }
    evaluate.mockRestore();
    // Without early evaluation nothing is evaluated before the last page; with it, slices ran while reading.
    expect(scheduledWhileReading[0]).toBe(0);
    expect(scheduledWhileReading[1]).toBeGreaterThan(0);
    expect(scheduledWhileReading[2]).toBeGreaterThan(0);
    // Once per patient without; with it, records that changed after their early evaluation were evaluated again.
    expect(evaluations[0]).toBe(deck.cases.length);
    expect(evaluations[1]).toBeGreaterThan(deck.cases.length);
    const withoutDate = (r: (typeof results)[number] | undefined) =>
      r?.outcomes.map(({ measureReport, ...rest }) => ({ ...rest, measureReport: { ...measureReport, date: '' } }));
    expect(results[0]?.patients).toBe(deck.cases.length);
    expect(results[0]?.table?.patientIds).toHaveLength(deck.cases.length);
    for (const result of results.slice(1)) {
      expect(result.patients).toBe(deck.cases.length);
      expect(withoutDate(result)).toEqual(withoutDate(results[0]));
      expect(result.table).toEqual(results[0]?.table);
    }
  });

  it('counts a patient evaluated early with what arrived after: readings split across the last search’s pages', async () => {
    // Four hypertensive patients whose uncontrolled readings come on the first page of observations and whose later,
    // controlled readings come pages later: evaluated early they miss the numerator, counted as loaded they meet it.
    const late = ['late-a', 'late-b', 'late-c', 'late-d'];
    const subject = (id: string) => ({ subject: { reference: `Patient/${id}` } });
    const arrange = (byType: Map<string, unknown[]>): void => {
      const push = (type: string, resources: readonly unknown[]) => {
        byType.set(type, [...(byType.get(type) ?? []), ...resources]);
      };
      push(
        'Patient',
        late.map((id) => ({ ...patient('1976-05-05'), id })),
      );
      push(
        'Condition',
        late.map((id) => ({ ...condition(`htn-${id}`, SNOMED, '59621000', '2020-01-01'), ...subject(id) })),
      );
      push(
        'Encounter',
        late.map((id) => ({
          ...encounter(`visit-${id}`, CPT, '99213', '2026-03-01T09:00:00Z', '2026-03-01T09:30:00Z'),
          ...subject(id),
        })),
      );
      const reading = (id: string, day: string, systolic: number, diastolic: number) => ({
        ...bloodPressure(`bp-${id}-${day}`, `${day}T10:00:00Z`, systolic, diastolic),
        ...subject(id),
      });
      byType.set('Observation', [
        ...late.map((id) => reading(id, '2026-02-01', 150, 95)),
        ...(byType.get('Observation') ?? []),
        ...late.map((id) => reading(id, '2026-11-01', 120, 75)),
      ]);
    };
    const numerators: number[] = [];
    const evaluations: number[] = [];
    const evaluate = vi.spyOn(MeasureRun.prototype, 'evaluate');
    for (const early of [false, { sliceSize: 2, quietPages: 0, whileSearchesLeft: 1 }] as const) {
      evaluate.mockClear();
      // Observations read slowly: the last search, as in the sandbox.
      const server = fakeServer(7, {}, 1, { Observation: 30 }, arrange);
      const { session: s, posted, finished } = session(server, early);
      s.handle({ type: 'load', runId: 'r', params: PARAMS, load: request(false) });
      await finished;
      const last = posted.at(-1);
      if (last?.type !== 'load-result') throw new Error('no result');
      const overall = last.outcomes[0]?.report.overall;
      numerators.push(overall?.suppressed === false ? overall.counts.numerator : -1);
      evaluations.push(evaluate.mock.calls.length);
    }
    evaluate.mockRestore();
    expect(numerators[0]).toBe((deck.expected.get('numerator') ?? 0) + late.length);
    expect(numerators[1]).toBe(numerators[0]);
    const patients = deck.cases.length + late.length;
    expect(evaluations[0]).toBe(patients);
    // The four were evaluated early on their first reading, and again once the second came.
    expect(evaluations[1]).toBeGreaterThanOrEqual(patients + late.length);
  });

  it('leaves names out unless asked for', async () => {
    const { session: s, posted, finished } = session(fakeServer(50));
    s.handle({ type: 'load', runId: 'r', params: PARAMS, load: request(false) });
    await finished;
    const result = posted.at(-1);
    expect(result?.type === 'load-result' && result.population.names).toBeUndefined();
  });

  it('stops with the load’s own message when a required search fails for good, and evaluates nothing', async () => {
    const { session: s, posted, finished } = session(fakeServer(7, { Condition: 404 }));
    s.handle({ type: 'load', runId: 'r', params: PARAMS, load: request(true) });
    await finished;
    const last = posted.at(-1);
    if (last?.type !== 'load-error') throw new Error(`expected a load error, got ${last?.type ?? 'nothing'}`);
    expect(last.error.title).toMatch(/^Loading stopped/);
    expect(last.error.detail).toContain('diagnoses');
    expect(last.error.detail).toContain('No rates are shown');
    expect(posted.some((m) => m.type === 'loaded' || m.type === 'load-result')).toBe(false);
  });

  it('goes on without an optional search that fails, and says which', async () => {
    const { session: s, posted, finished } = session(fakeServer(7, { Practitioner: 403, Provenance: 403 }));
    s.handle({ type: 'load', runId: 'r', params: PARAMS, load: request(true) });
    await finished;
    const result = posted.at(-1);
    if (result?.type !== 'load-result') throw new Error('no result');
    expect(result.population.skipped.map((k) => k.search.type).sort()).toEqual(['Practitioner', 'Provenance']);
    expect(result.population.skipped[0]?.error.kind).toBe('forbidden');
    // The self-report form could still be read, so self-reports are known (none in the deck).
    expect(result.population.selfReports).toEqual([]);
  });

  it('stops reading when cancelled and never posts a result for the run', async () => {
    const server = fakeServer(3, {}, 5);
    const { session: s, posted, finished } = session(server);
    s.handle({ type: 'load', runId: 'r', params: PARAMS, load: request(true) });
    await new Promise((r) => setTimeout(r, 30));
    s.handle({ type: 'cancel', runId: 'r' });
    await finished;
    const asked = server.requests.length;
    await new Promise((r) => setTimeout(r, 60));
    expect(posted.at(-1)?.type).toBe('cancelled');
    expect(posted.some((m) => m.type === 'load-result' || m.type === 'load-error')).toBe(false);
    // At most the requests already in flight complete; no new page is asked for.
    expect(server.requests.length - asked).toBeLessThanOrEqual(6);
  });
});

/** The real session in process, reading from a fake server. */
const loadingWorker = (server: FakeServer): InProcessWorker =>
  new InProcessWorker((post) => new EngineSession(post, { fetch: server.fetch }));

describe('EngineClient.load', () => {
  it('resolves with the measures and the population, after progress and the loaded signal', async () => {
    const client = new EngineClient(loadingWorker(fakeServer(10)));
    const progress: number[] = [];
    let loaded = 0;
    const result = await client.load(PARAMS, request(true), {
      onProgress: (p) => progress.push(p.resources),
      onLoaded: () => loaded++,
    });
    expect(loaded).toBe(1);
    expect(progress.length).toBeGreaterThan(0);
    expect(result.patients).toBe(deck.cases.length);
    expect(result.population.practitioners).toHaveLength(1);
  });

  it('rejects with the AppError the user must see when loading fails', async () => {
    const client = new EngineClient(loadingWorker(fakeServer(10, { Patient: 404 })));
    const error: unknown = await client.load(PARAMS, request(true)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error instanceof AppError && error.kind).toBe('not-found');
  });

  it('rejects as cancelled when the signal aborts', async () => {
    const client = new EngineClient(loadingWorker(fakeServer(2, {}, 5)));
    const controller = new AbortController();
    const pending = client.load(PARAMS, request(true), { signal: controller.signal });
    setTimeout(() => {
      controller.abort();
    }, 20);
    const error: unknown = await pending.catch((e: unknown) => e);
    expect(error instanceof EngineError && error.kind).toBe('cancelled');
  });
});
