import type { Resource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { trendSeries, trendWindows } from '../../../src/measures/trend-series';
import type { TrendResponse } from '../../../src/ui/features/goals/trend-protocol';
import { TrendSession } from '../../../src/ui/features/goals/trend-session';
import { bloodPressure, hypertensive } from '../../measures/record-builder';
import { AppError } from '../../../src/fhir/app-error';
import type { PopulationSearch } from '../../../src/fhir/population-queries';
import { TrendClient } from '../../../src/ui/features/goals/trend-client';
import { InProcessWorker } from '../../worker/in-process-worker';

const SPEC = {
  measure: 'cms165',
  stratifier: ['race'],
  focus: { keys: ['absent'], label: 'Not recorded' },
  reference: { kind: 'complement', label: 'everyone else' },
  filters: [],
} as const;

const BASE = 'https://fhir.example/r4';

/** The record-builder patient, its resources pointing at it (as a server's would), one reading. */
function resourcesOf(id: string, systolic: number): Resource[] {
  const resources = [...hypertensive(), bloodPressure(`bp-${id}`, '2026-06-01T10:00:00Z', systolic, 80)];
  return resources.map((r): Resource => {
    const placed =
      r.resourceType === 'Patient'
        ? { ...r, id }
        : { ...r, id: `${r.id}-${id}`, subject: { reference: `Patient/${id}` } };
    return placed;
  });
}

const search = (type: string, role: 'patients' | 'clinical'): PopulationSearch => ({
  type,
  path: `${type}?_count=2`,
  role,
  label: type,
  required: true,
});
const SEARCHES = [
  search('Patient', 'patients'),
  search('Condition', 'clinical'),
  search('Encounter', 'clinical'),
  search('Observation', 'clinical'),
];

/** A FHIR server holding `resources`: each type's search answered in pages of two with next links. */
function server(resources: readonly Resource[], status: Partial<Record<string, number>> = {}): typeof fetch {
  return (input) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const type = url.pathname.slice(new URL(BASE).pathname.length + 1);
    const failed = status[type];
    if (failed !== undefined) return Promise.resolve(new Response('{}', { status: failed }));
    const all = resources.filter((r) => r.resourceType === type);
    const offset = Number(url.searchParams.get('_offset') ?? 0);
    const next = offset + 2 < all.length ? `${BASE}/${type}?_count=2&_offset=${String(offset + 2)}` : undefined;
    const bundle = {
      resourceType: 'Bundle',
      type: 'searchset',
      entry: all.slice(offset, offset + 2).map((resource) => ({ resource })),
      link: next === undefined ? [] : [{ relation: 'next', url: next }],
    };
    return Promise.resolve(Response.json(bundle, { headers: { 'Content-Type': 'application/fhir+json' } }));
  };
}

/** Lets the session's reads run until it has posted a message of `type`. */
async function until(posted: readonly TrendResponse[], type: TrendResponse['type']): Promise<void> {
  for (let i = 0; i < 1000 && !posted.some((m) => m.type === type); i++) await new Promise((r) => setTimeout(r, 0));
}

describe('TrendSession (the trend worker, in process)', () => {
  it('reads every page itself, keeps the records by patient and answers several evaluations from them', async () => {
    const posted: TrendResponse[] = [];
    const resources = [...resourcesOf('a', 120), ...resourcesOf('b', 150), ...resourcesOf('c', 135)];
    const session = new TrendSession((m) => posted.push(m), { fetch: server(resources), progressIntervalMs: 0 });
    const windows = trendWindows('2026-11-01', 2);
    session.handle({ type: 'evaluate', id: 'early', spec: SPEC, windows, utcOffsetMinutes: 0 });
    expect(posted).toEqual([{ type: 'error', id: 'early', message: 'The clinic’s data has not finished loading.' }]);
    session.handle({ type: 'load', id: 'l1', load: { baseUrl: BASE, accessToken: 't', searches: SEARCHES } });
    await until(posted, 'loaded');
    // Three resources of each type, two a page: two pages for each of the four searches.
    expect(posted.filter((m) => m.type === 'load-progress').at(-1)).toMatchObject({
      id: 'l1',
      progress: { resources: resources.length, patients: 3, pages: 8 },
    });
    session.handle({ type: 'evaluate', id: 'e1', spec: SPEC, windows, utcOffsetMinutes: 0 });
    session.handle({ type: 'evaluate', id: 'e2', spec: SPEC, windows: windows.slice(1), utcOffsetMinutes: 0 });
    const results = posted.filter((m) => m.type === 'result');
    const expected = trendSeries(
      ['a', 'b', 'c'].map((id) => ({
        patientId: id,
        resources: resources.filter(
          (r) => r.id === id || (r.resourceType !== 'Patient' && r.id?.endsWith(`-${id}`) === true),
        ),
      })),
      SPEC,
      windows,
    );
    expect(results[0]).toEqual({ type: 'result', id: 'e1', snapshots: expected });
    expect(results[0]?.type === 'result' && results[0].snapshots[1]?.focus).toMatchObject({
      denominator: 3,
      numerator: 2,
    });
    expect(results[1]).toEqual({ type: 'result', id: 'e2', snapshots: expected.slice(1) });
  });

  it('says what failed when a search fails for good, and evaluates nothing', async () => {
    const posted: TrendResponse[] = [];
    const session = new TrendSession((m) => posted.push(m), {
      fetch: server(resourcesOf('a', 120), { Encounter: 403 }),
    });
    session.handle({ type: 'load', id: 'l1', load: { baseUrl: BASE, searches: SEARCHES } });
    await until(posted, 'load-error');
    expect(posted.find((m) => m.type === 'load-error')).toMatchObject({ id: 'l1', error: { kind: 'forbidden' } });
    session.handle({
      type: 'evaluate',
      id: 'e1',
      spec: SPEC,
      windows: trendWindows('2026-11-01', 1),
      utcOffsetMinutes: 0,
    });
    expect(posted.at(-1)).toMatchObject({ type: 'error', id: 'e1' });
  });

  it('answers a message it cannot read with an error, and does not throw', () => {
    const posted: TrendResponse[] = [];
    const session = new TrendSession((m) => posted.push(m));
    session.handle({ type: 'evaluate', id: 'x', spec: { measure: 'cms999' }, windows: [], utcOffsetMinutes: 0 });
    expect(posted).toEqual([{ type: 'error', message: 'The trend calculation received a request it cannot read.' }]);
  });
});

/** The real trend session in process, reading from a fake server. */
const trendWorker = (fetchImpl: typeof fetch): InProcessWorker =>
  new InProcessWorker((post) => new TrendSession(post, { fetch: fetchImpl, progressIntervalMs: 0 }));

describe('TrendClient', () => {
  it('resolves the load once every page is in, with progress on the way, then evaluates', async () => {
    const resources = [...resourcesOf('a', 120), ...resourcesOf('b', 150)];
    const client = new TrendClient(trendWorker(server(resources)));
    const seen: number[] = [];
    await client.load({ baseUrl: BASE, searches: SEARCHES }, (p) => seen.push(p.resources));
    expect(seen.at(-1)).toBe(resources.length);
    const snapshots = await client.evaluate(SPEC, trendWindows('2026-11-01', 1), 0);
    expect(snapshots[0]?.focus).toMatchObject({ denominator: 2, numerator: 1 });
  });

  it('rejects the load with the AppError the worker sent', async () => {
    const client = new TrendClient(trendWorker(server(resourcesOf('a', 120), { Observation: 404 })));
    const failure = client.load({ baseUrl: BASE, searches: SEARCHES });
    await expect(failure).rejects.toBeInstanceOf(AppError);
    await expect(failure).rejects.toMatchObject({ kind: 'not-found' });
  });
});
