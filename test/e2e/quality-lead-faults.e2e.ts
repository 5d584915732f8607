import type { Browser } from 'playwright-core';
import type { Resource } from 'fhir/r4';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { seriousAxeViolations } from './axe';
import { launchBrowser, newPage, screenshot } from './browser';
import { clearFaults, injectFault } from './clinician-fhir';
import {
  expectedOutcomes,
  livePopulation,
  numberIn,
  pageSettings,
  qualityLeadAccessToken,
} from './quality-lead-expected';

const ehrUrl = inject('ehrUrl');
const appUrl = inject('appUrl');
const fhirBaseUrl = inject('fhirBaseUrl');
let browser: Browser;
let live: { patients: Map<string, Resource>; records: { patientId: string; resources: Resource[] }[] };

beforeAll(async () => {
  browser = await launchBrowser();
  live = await livePopulation(fhirBaseUrl, await qualityLeadAccessToken(ehrUrl, appUrl));
});
afterEach(async () => {
  await clearFaults(ehrUrl);
});
afterAll(async () => {
  await browser.close();
});

async function activeFaults(): Promise<number> {
  const body: unknown = await (await fetch(`${ehrUrl}/__sandbox/faults`)).json();
  return z.object({ faults: z.array(z.unknown()) }).parse(body).faults.length;
}

describe('quality-lead loading under faults', () => {
  it('retries a 429 injected mid-load (after the server’s Retry-After) and shows complete, exact numbers', async () => {
    await injectFault(ehrUrl, { status: 429, count: 1, path: '^Observation', afterMatches: 1, retryAfter: 1 });
    const { context, page, errors } = await newPage(browser);
    await page.goto(`${ehrUrl}/ehr/launch?profile=quality-lead`);
    await page.getByTestId('load-progress').waitFor();
    await page.getByTestId('population-count').waitFor({ timeout: 60_000 });
    expect(await activeFaults()).toBe(0);
    expect(await numberIn(page, '[data-testid="load-retries"]')).toBeGreaterThanOrEqual(1);
    expect(await numberIn(page, '[data-testid="population-count"]')).toBe(live.patients.size);
    const { year, offset } = await pageSettings(page);
    const [cms165] = expectedOutcomes(live.records, year, offset, [['race']]);
    const overall = cms165?.report.overall;
    if (overall === undefined || overall.suppressed || overall.rate === undefined) throw new Error('no overall');
    expect(await page.getByTestId('overview-rate-cms165').textContent()).toBe(`${(overall.rate * 100).toFixed(0)}%`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('when a search fails for good, says what failed and what was loaded, shows no numbers, and Try again works', async () => {
    await injectFault(ehrUrl, { status: 503, count: 50, path: '^Encounter' });
    const { context, page, errors } = await newPage(browser);
    await page.goto(`${ehrUrl}/ehr/launch?profile=quality-lead`);
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 60_000 });
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('Loading stopped');
    expect(text).toContain('503');
    expect(text).toContain('visits');
    expect(text).toContain('No rates are shown');
    expect(await page.getByTestId('population-count').count()).toBe(0);
    expect(await page.getByTestId('panel-overview').count()).toBe(0);
    await screenshot(page, 'quality-lead-load-failed');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await clearFaults(ehrUrl);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByTestId('population-count').waitFor({ timeout: 60_000 });
    expect(await numberIn(page, '[data-testid="population-count"]')).toBe(live.patients.size);
    expect(errors).toEqual([]);
    await context.close();
  });
});
