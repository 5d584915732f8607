import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';

export const BASE = 'https://ehr.example.test/fhir';

/** A FHIR search page of `count` Patients starting at `offset`, with a next link while more remain. */
export function patientPage(offset: number, count: number, total: number, nextUrl?: string): Record<string, unknown> {
  const ids = Array.from({ length: Math.min(count, total - offset) }, (_, i) => `p${offset + i}`);
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total,
    link:
      offset + count < total
        ? [{ relation: 'next', url: nextUrl ?? `${BASE}/Patient?_count=${count}&_offset=${offset + count}` }]
        : [],
    entry: ids.map((id) => ({ resource: { resourceType: 'Patient', id }, search: { mode: 'match' } })),
  };
}

export function outcome(diagnostics: string): Record<string, unknown> {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'processing', diagnostics }] };
}

export const server = setupServer();
export { http, HttpResponse };
