import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { z } from 'zod';
import { newPage } from './browser';

const tokenResponseSchema = z.object({
  tokenResponse: z.object({ access_token: z.string().min(1), patient: z.string().optional() }),
});

/** The token response fhirclient keeps in the page's sessionStorage (the app's own, as granted). */
export async function tokenResponseOf(page: Page): Promise<z.infer<typeof tokenResponseSchema>['tokenResponse']> {
  const state: unknown = await page.evaluate(() => {
    const key: unknown = JSON.parse(sessionStorage.getItem('SMART_KEY') ?? 'null');
    return typeof key === 'string' ? (JSON.parse(sessionStorage.getItem(key) ?? 'null') as unknown) : undefined;
  });
  return tokenResponseSchema.parse(state).tokenResponse;
}

/** The page's access token. */
export async function accessTokenOf(page: Page): Promise<string> {
  return (await tokenResponseOf(page)).access_token;
}

/**
 * A quality lead's token (user-level reads across patients), from a real launch in the browser: the tests use it
 * to choose patients and to read back what the clinician view wrote, independently of the app's own code.
 */
export async function qualityLeadToken(browser: Browser, ehrUrl: string): Promise<string> {
  const { context, page } = await newPage(browser);
  await page.goto(`${ehrUrl}/ehr/launch?profile=quality-lead`);
  await page.getByTestId('population-count').waitFor();
  const token = await accessTokenOf(page);
  await context.close();
  return token;
}

const resourceSchema = z.looseObject({ resourceType: z.string(), id: z.string() });
export type Loose = z.infer<typeof resourceSchema>;
const bundleSchema = z.object({
  resourceType: z.literal('Bundle'),
  total: z.number().optional(),
  link: z.array(z.object({ relation: z.string(), url: z.string() })).optional(),
  entry: z.array(z.object({ resource: resourceSchema, search: z.object({ mode: z.string() }).optional() })).optional(),
});

/** A small FHIR client for the tests' own reads. */
export function fhirReader(fhirBaseUrl: string, token: string) {
  const get = async (pathOrUrl: string): Promise<unknown> => {
    const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${fhirBaseUrl}/${pathOrUrl}`;
    const response = await fetch(url, {
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/fhir+json' },
    });
    expect(response.status, url).toBe(200);
    return response.json();
  };
  return {
    read: async (path: string): Promise<Loose> => resourceSchema.parse(await get(path)),
    /** Every match of a search, following next links. */
    search: async (path: string): Promise<Loose[]> => {
      const all: Loose[] = [];
      let next: string | undefined = path.includes('_count')
        ? path
        : `${path}${path.includes('?') ? '&' : '?'}_count=500`;
      while (next !== undefined) {
        const bundle = bundleSchema.parse(await get(next));
        for (const entry of bundle.entry ?? []) if (entry.search?.mode !== 'include') all.push(entry.resource);
        next = bundle.link?.find((link) => link.relation === 'next')?.url;
      }
      return all;
    },
  };
}

/** Opens the clinician view for one patient through the sandbox EHR's launch URL. */
export async function launchClinician(browser: Browser, ehrUrl: string, patientId: string) {
  const opened = await newPage(browser);
  await opened.page.goto(`${ehrUrl}/ehr/launch?profile=clinician&patient=${encodeURIComponent(patientId)}`);
  return opened;
}

/** Adds a fault rule to the sandbox (`POST /__sandbox/faults`). */
export async function injectFault(ehrUrl: string, rule: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${ehrUrl}/__sandbox/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(rule),
  });
  expect(response.status).toBe(201);
}

export async function clearFaults(ehrUrl: string): Promise<void> {
  await fetch(`${ehrUrl}/__sandbox/faults`, { method: 'DELETE' });
}
