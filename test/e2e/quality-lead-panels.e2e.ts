import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import type { Resource } from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { DISPARITY_MODEL } from '../../sandbox/seed/disparity-model';
import type { StratumResult } from '../../src/measures/stratification-types';
import { seriousAxeViolations } from './axe';
import { launchBrowser, newPage, screenshot } from './browser';
import { expectedOutcomes, livePopulation, pageSettings, qualityLeadAccessToken } from './quality-lead-expected';

const ehrUrl = inject('ehrUrl');
const appUrl = inject('appUrl');
const fhirBaseUrl = inject('fhirBaseUrl');
let browser: Browser;
let live: { records: { patientId: string; resources: Resource[] }[] };

beforeAll(async () => {
  browser = await launchBrowser();
  live = await livePopulation(fhirBaseUrl, await qualityLeadAccessToken(ehrUrl, appUrl));
});
afterAll(async () => {
  await browser.close();
});

/** Launches as the quality lead, then opens the view `query` in the same tab (the SMART state is kept). */
async function open(query: string) {
  const opened = await newPage(browser);
  await opened.page.goto(`${ehrUrl}/ehr/launch?profile=quality-lead`);
  await opened.page.getByTestId('population-count').waitFor({ timeout: 60_000 });
  await opened.page.goto(`${appUrl}/?${query}`);
  await opened.page.getByTestId('population-count').waitFor({ timeout: 60_000 });
  return opened;
}

const measureReportSchema = z.object({
  resourceType: z.literal('MeasureReport'),
  period: z.object({ start: z.string() }),
  group: z.array(
    z.object({
      population: z.array(
        z.object({ code: z.object({ coding: z.array(z.object({ code: z.string() })) }), count: z.number() }),
      ),
    }),
  ),
});

/** The model's group for a race code (the seed draws outcomes by group and sex). */
const GROUP_OF: Readonly<Record<string, keyof typeof DISPARITY_MODEL.cms165.groupSex>> = {
  '2106-3': 'white',
  '2054-5': 'black',
  '2028-9': 'asian',
  '1002-5': 'aian',
  '2076-8': 'nhpi',
  multiple: 'multiracial',
};

describe('quality-lead panels', () => {
  it('shows the worst race × sex intersection the engine finds, the one the seed’s model makes worst', async () => {
    const { context, page, errors } = await open('panel=intersections');
    const { year, offset } = await pageSettings(page);
    const [cms165] = expectedOutcomes(live.records, year, offset, [['race', 'sex']]);
    const shown = (cms165?.report.stratifiers[0]?.strata ?? []).filter(
      (s): s is Extract<StratumResult, { suppressed: false }> =>
        !s.suppressed && s.comparison !== undefined && GROUP_OF[s.components[0]?.key ?? ''] !== undefined,
    );
    // The panel's rule: cells beyond chance first, then the largest gap.
    const worst = [...shown]
      .filter((s) => (s.comparison?.gap ?? 0) > 0)
      .sort(
        (a, b) =>
          Number(b.comparison?.excludesReference) - Number(a.comparison?.excludesReference) ||
          (b.comparison?.gap ?? 0) - (a.comparison?.gap ?? 0),
      )[0];
    expect(await page.getByTestId('worst-intersection').getAttribute('data-key')).toBe(worst?.key);
    // Of the groups shown, the model's race × sex offsets put this one furthest below the reference.
    const offsetOf = (s: StratumResult): number => {
      const [race, sex] = s.components.map((c) => c.key);
      const term = DISPARITY_MODEL.cms165.groupSex[GROUP_OF[race ?? ''] ?? 'white'];
      return sex === 'male' ? term.male : term.female;
    };
    const modelWorst = [...shown].sort((a, b) => offsetOf(a) - offsetOf(b))[0];
    expect(worst?.key).toBe(modelWorst?.key);
    await page.getByText('Table of these numbers').click();
    await screenshot(page, 'quality-lead-intersections');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lists exactly the patients of a group who are not meeting the measure, and downloads them as CSV', async () => {
    const { context, page, errors } = await open('panel=outreach&group=race:2054-5');
    const { year, offset } = await pageSettings(page);
    const [cms165] = expectedOutcomes(live.records, year, offset, [['race']]);
    const expected = (cms165?.rows ?? [])
      .filter((r) => r.strata.race === '2054-5')
      .filter((r) => r.populations.denominator && !r.populations.denominatorExclusion && !r.populations.numerator)
      .map((r) => r.patientId)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    const ids = await page
      .locator('[data-testid="outreach-table"] tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-patient-id') ?? ''));
    expect(ids.sort()).toEqual(expected);
    await page.getByTestId('sort-bp').click();
    expect(await page.locator('th[aria-sort="ascending"]').textContent()).toContain('Last blood pressure');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Download CSV: outreach list/ }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8')
      .trim()
      .split('\r\n');
    expect(csv[0]).toBe('patient,patient_id,age,last_bp,bp_date,last_hba1c_percent,hba1c_date,reason');
    expect(
      csv
        .slice(1)
        .map((line) => line.split(',')[1])
        .sort(),
    ).toEqual(expected);
    await screenshot(page, 'quality-lead-outreach');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('downloads a panel as CSV and the MeasureReport as JSON with the engine’s numbers', async () => {
    const { context, page, errors } = await open('panel=disparities');
    const { year, offset } = await pageSettings(page);
    const [cms165] = expectedOutcomes(live.records, year, offset, [['race']]);
    const black = cms165?.report.stratifiers[0]?.strata.find((s) => s.key === '2054-5');
    if (black === undefined || black.suppressed) throw new Error('the seed has no visible Black stratum');
    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Download CSV: Blood pressure/ }).click(),
    ]);
    const csv = readFileSync(await csvDownload.path(), 'utf8');
    expect(csv).toContain(
      `Black or African American,${String(black.performanceDenominator)},${String(black.counts.numerator)},`,
    );
    const [jsonDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-measure-report').click(),
    ]);
    const report = measureReportSchema.parse(JSON.parse(readFileSync(await jsonDownload.path(), 'utf8')));
    expect(report.period.start).toBe(`${String(year)}-01-01`);
    const overall = cms165?.report.overall;
    if (overall === undefined || overall.suppressed) throw new Error('no overall');
    const count = (code: string) => report.group[0]?.population.find((p) => p.code.coding[0]?.code === code)?.count;
    expect(count('numerator')).toBe(overall.counts.numerator);
    expect(count('denominator')).toBe(overall.counts.denominator);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('pins a group at the top of every page, and shows data quality and payer mix accessibly', async () => {
    const { context, page, errors } = await open('panel=disparities');
    await page.getByRole('button', { name: 'Pin: Black or African American' }).click();
    await page.getByTestId('pinned-view').waitFor();
    // Keyboard: the panel navigation works without a mouse.
    await page.getByTestId('nav-quality').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('panel-quality').waitFor();
    expect(await page.getByTestId('pinned-view').textContent()).toContain('Black or African American');
    await screenshot(page, 'quality-lead-data-quality');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByTestId('nav-payer').click();
    await page.getByTestId('benchmark-medicaid').fill('15');
    await expect
      .poll(() => page.getByTestId('payer-summary').textContent())
      .toMatch(/Medicaid \(7\.0 points more than the region\)/);
    expect(await page.getByTestId('pinned-view').count()).toBe(1);
    await screenshot(page, 'quality-lead-payer-mix');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(new URL(page.url()).searchParams.get('medicaid')).toBe('15');
    expect(errors).toEqual([]);
    await context.close();
  });
});
