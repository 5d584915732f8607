import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { trendSeries, windowEndingOn } from '../../src/measures/trend-series';
import { seriousAxeViolations } from './axe';
import { launchBrowser, newPage, screenshot } from './browser';
import { accessTokenOf, fhirReader } from './clinician-fhir';
import { livePopulation, numberIn } from './quality-lead-expected';

const ehrUrl = inject('ehrUrl');
const fhirBaseUrl = inject('fhirBaseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** The row of the disparity table to set a goal for: Black patients when their counts are shown, else the first. */
async function goalRow(page: Page): Promise<{ key: string; label: string }> {
  const rows = page.locator('[data-testid="disparity-table"] tr:has([data-testid="set-goal"])');
  const black = rows.and(page.locator('[data-testid="stratum-2054-5"]'));
  const row = (await black.count()) > 0 ? black : rows.first();
  const key = ((await row.getAttribute('data-testid')) ?? '').replace(/^stratum-/, '');
  const label = ((await row.getByTestId('set-goal').getAttribute('aria-label')) ?? '').replace(/^Set a goal for /, '');
  return { key, label };
}

async function planCycle(page: Page, change: string, plannedEnd?: string): Promise<void> {
  await page.getByTestId('add-cycle').click();
  const form = page.getByRole('form', { name: 'Plan a new PDSA cycle' });
  await form.getByLabel('Plan: the change to try').fill(change);
  await form.getByLabel('Who: a small group to start with').fill('Black women 40–50 with uncontrolled hypertension');
  await form.getByLabel('What you will count').fill('Outreach calls made');
  await form.getByLabel('How many you aim for (optional)').fill('20');
  if (plannedEnd !== undefined) {
    await form.getByLabel('Planned last day').fill(plannedEnd);
    await form.getByTestId('six-week-warning').waitFor();
  }
  await form.getByTestId('save-cycle').click();
  await form.waitFor({ state: 'detached', timeout: 30_000 });
}

const coded = z.object({ coding: z.array(z.object({ code: z.string() })) });
const reportSchema = z.object({
  group: z.array(
    z.object({
      stratifier: z.array(
        z.object({
          stratum: z.array(
            z.object({ value: coded, population: z.array(z.object({ code: coded, count: z.number() })) }),
          ),
        }),
      ),
    }),
  ),
});

const countsOf = (text: string | null): number =>
  Number(/n = ([\d,]+)/.exec(text ?? '')?.[1]?.replace(/,/g, '') ?? NaN);

describe('goals: from a gap on the disparity panel to a charter stored in the FHIR server', () => {
  it('creates a charter, adds two PDSA cycles, and finds them again after a reload', async () => {
    const { context, page, errors } = await newPage(browser);
    await page.goto(`${ehrUrl}/ehr/launch?profile=quality-lead`);
    await page.getByTestId('population-count').waitFor({ timeout: 60_000 });
    await page.getByTestId('nav-disparities').click();
    await page.getByTestId('disparity-table').waitFor();
    const { key, label } = await goalRow(page);
    const row = `[data-testid="disparity-table"] [data-testid="stratum-${key}"]`;
    const n = await numberIn(page, `${row} [data-cell="n"]`);
    const numerator = await numberIn(page, `${row} [data-cell="numerator"]`);

    await page.locator(row).getByTestId('set-goal').click();
    const dialog = page.getByRole('dialog', { name: `Set a goal for ${label}` });
    const title = `E2E charter ${String(Date.now())}`;
    await dialog.getByLabel('Charter title').fill(title);
    await dialog.getByLabel('Executive sponsor').fill('Dr. Sponsor, CMO');
    await dialog.getByLabel('Team (one person a line)').fill('Nurse lead\nData analyst');
    expect(await dialog.getByTestId('preview-improvement').textContent()).toMatch(
      /^Within 12 months, achieve at least 10% increase from baseline in Controlling High Blood Pressure for /,
    );
    await screenshot(page, 'goals-set-goal');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await dialog.getByTestId('save-charter').click();
    await dialog.getByTestId('charter-saved').waitFor({ timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Open the charter' }).click();

    await page.getByTestId('charter-view').waitFor();
    expect(await page.getByTestId('charter-title').textContent()).toBe(title);
    await page.getByTestId('progress-table').waitFor({ timeout: 90_000 });
    expect(countsOf(await page.getByTestId('progress-focus').locator('td').first().textContent())).toBe(n);
    await planCycle(page, 'Nurse calls to patients due for a blood-pressure check');
    const today = new Date().toISOString().slice(0, 10);
    const later = new Date(Date.now() + 49 * 86_400_000).toISOString().slice(0, 10);
    await planCycle(page, 'Home blood-pressure cuffs lent for a month', later);
    expect(await page.getByTestId('pdsa-cycle').count()).toBe(2);
    await screenshot(page, 'goals-charter');
    await page.locator('.trend').screenshot({ path: 'test/e2e/artifacts/goals-trend.png' });
    expect(await seriousAxeViolations(page)).toEqual([]);

    // What the server holds, read with the page's own token but without the app's code.
    const fhir = fhirReader(fhirBaseUrl, await accessTokenOf(page));
    const id = new URL(page.url()).hash.replace('#charter=', '');
    const tasks = await fhir.search(`Task?based-on=PlanDefinition/${id}`);
    expect(tasks).toHaveLength(2);
    const plan = await fhir.read(`PlanDefinition/${id}`);
    const ext = z
      .object({ extension: z.array(z.object({ extension: z.array(z.looseObject({ url: z.string() })) })) })
      .parse(plan);
    const baselineRef = ext.extension[0]?.extension.find((e) => e.url === 'baseline');
    const reference = z.object({ valueReference: z.object({ reference: z.string() }) }).parse(baselineRef);
    const report = reportSchema.parse(await fhir.read(reference.valueReference.reference));
    const focus = report.group[0]?.stratifier[0]?.stratum.find((s) => s.value.coding[0]?.code === 'focus');
    const count = (code: string): number | undefined =>
      focus?.population.find((p) => p.code.coding[0]?.code === code)?.count;
    expect([count('numerator'), (count('denominator') ?? 0) - (count('denominator-exclusion') ?? 0)]).toEqual([
      numerator,
      n,
    ]);

    // "Now" on the page is the engine's count over the live data for the twelve months ending today.
    const token = await accessTokenOf(page);
    const live = await livePopulation(fhirBaseUrl, token);
    const [now] = trendSeries(
      live.records,
      {
        measure: 'cms165',
        stratifier: ['race'],
        focus: { keys: [key], label },
        reference: { kind: 'complement', label: '' },
        filters: [],
      },
      [windowEndingOn(today)],
      { utcOffsetMinutes: await page.evaluate(() => -new Date().getTimezoneOffset()) },
    );
    const nowN =
      (now?.focus.denominator ?? 0) - (now?.focus.denominatorExclusion ?? 0) - (now?.focus.denominatorException ?? 0);
    const nowCell = await page.getByTestId('progress-focus').locator('td').nth(1).textContent();
    if (nowN >= 11) expect(countsOf(nowCell)).toBe(nowN);
    else expect(nowCell).toContain('not yet measurable');

    await page.reload();
    await page.getByTestId('charter-view').waitFor({ timeout: 90_000 });
    await page.getByTestId('pdsa-cycle').nth(1).waitFor({ timeout: 30_000 });
    const cycles = await page.getByTestId('pdsa-cycle').allTextContents();
    expect(cycles[0]).toContain('Nurse calls');
    expect(cycles[1]).toContain('Home blood-pressure cuffs');
    expect(cycles[1]).toContain('Six-week rule');
    expect(await page.getByTestId('charter-sponsor').textContent()).toBe('Dr. Sponsor, CMO');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export as a FHIR Bundle' }).click();
    const file = await (await download).path();
    const bundle = z
      .object({
        resourceType: z.literal('Bundle'),
        type: z.literal('transaction'),
        entry: z.array(z.object({ resource: z.looseObject({ resourceType: z.string() }) })),
      })
      .parse(JSON.parse(await readFile(file, 'utf8')));
    expect(bundle.entry.filter((e) => e.resource.resourceType === 'Task')).toHaveLength(2);
    // Importing the file into the same EHR finds the charter it came from instead of copying it.
    await page.getByRole('button', { name: 'Back to the charters' }).click();
    await page.getByTestId('charter-list').getByRole('button', { name: title }).waitFor();
    await page.getByLabel('Import a charter (a FHIR Bundle exported from Equity Lens)').setInputFiles(file);
    await page.getByTestId('charter-view').waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).hash).toBe(`#charter=${id}`);
    expect(await fhir.search(`Task?based-on=PlanDefinition/${id}`)).toHaveLength(2);

    await page.getByTestId('progress-table').waitFor({ timeout: 90_000 });
    await page.emulateMedia({ media: 'print' });
    // The screenshot at the width of a Letter page's printable area (8.5 in − 2 × 12 mm), for people to look at.
    await page.setViewportSize({ width: 726, height: 966 });
    await screenshot(page, 'goals-print');
    expect(await page.getByTestId('nav-disparities').isVisible()).toBe(false);
    // The progress summary prints on one Letter page (Chromium writes one `/Type /Page` object per page).
    const pdf = await page.pdf({ format: 'Letter', path: 'test/e2e/artifacts/goals-print.pdf' });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)).toHaveLength(1);
    await page.emulateMedia({ media: 'screen' });
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});
