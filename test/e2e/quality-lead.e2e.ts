import type { Browser, Page } from 'playwright-core';
import type { Resource } from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { StratifierResult } from '../../src/measures/stratification-types';
import { seriousAxeViolations } from './axe';
import { launchBrowser, newPage, screenshot } from './browser';
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
afterAll(async () => {
  await browser.close();
});

async function openPanel(query = '') {
  const opened = await newPage(browser);
  await opened.page.goto(`${ehrUrl}/ehr/launch?profile=quality-lead`);
  await opened.page.getByTestId('population-count').waitFor({ timeout: 60_000 });
  if (query !== '') {
    await opened.page.goto(`${appUrl}/?${query}`);
    await opened.page.getByTestId('population-count').waitFor({ timeout: 60_000 });
  }
  return opened;
}

/** Every stratum of the engine's stratifier is on the page with the same counts, or marked suppressed. */
async function expectTableMatches(page: Page, table: string, stratifier: StratifierResult | undefined): Promise<void> {
  expect(stratifier?.strata.length).toBeGreaterThan(0);
  for (const s of stratifier?.strata ?? []) {
    const row = `[data-testid="${table}"] [data-testid="stratum-${s.key}"]`;
    if (s.suppressed) {
      expect(await page.locator(`${row} [data-cell="suppressed"]`).count(), s.key).toBe(1);
    } else {
      expect(await numberIn(page, `${row} [data-cell="n"]`), s.key).toBe(s.performanceDenominator);
      expect(await numberIn(page, `${row} [data-cell="numerator"]`), s.key).toBe(s.counts.numerator);
    }
  }
}

describe('quality-lead panel', () => {
  it('loads the whole population and shows the overview and disparities with the engine’s exact numbers', async () => {
    const { context, page, errors } = await openPanel();
    expect(await numberIn(page, '[data-testid="population-count"]')).toBe(live.patients.size);
    const { year, offset } = await pageSettings(page);
    const [cms165, cms122] = expectedOutcomes(live.records, year, offset, [['race'], ['race', 'sex']]);
    for (const outcome of [cms165, cms122]) {
      const overall = outcome?.report.overall;
      if (overall === undefined || overall.suppressed || overall.rate === undefined) throw new Error('no overall');
      expect(await page.getByTestId(`overview-rate-${outcome?.measure ?? ''}`).textContent()).toBe(
        `${(overall.rate * 100).toFixed(0)}%`,
      );
    }
    await screenshot(page, 'quality-lead-overview');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // "Is hypertension control worse for Black women than for everyone else, and by how much?"
    await page.getByTestId('ask-race').selectOption('2054-5');
    await page.getByTestId('ask-sex').selectOption('female');
    const cell = cms165?.report.stratifiers[1]?.strata.find((s) => s.key === '2054-5 × female');
    const answer = (await page.getByTestId('answer').textContent()) ?? '';
    if (cell === undefined || cell.suppressed) expect(answer).toContain('suppressed');
    else
      expect(answer).toContain(`${String(cell.counts.numerator)} of ${String(cell.performanceDenominator)} patients`);

    await page.getByTestId('nav-disparities').click();
    await page.getByTestId('disparity-table').waitFor();
    await expectTableMatches(page, 'disparity-table', cms165?.report.stratifiers[0]);
    await screenshot(page, 'quality-lead-disparities');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the view in the address (a reload opens the same view) and loads another measurement period', async () => {
    const { context, page, errors } = await openPanel();
    await page.getByTestId('nav-disparities').click();
    await page.getByTestId('measure-select').selectOption('cms122');
    await page.getByTestId('dimension-select').selectOption('language');
    await page.getByTestId('filter-age').selectOption('30-65');
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      panel: 'disparities',
      measure: 'cms122',
      by: 'language',
      age: '30-65',
    });
    await page.reload();
    await page.getByTestId('disparity-table').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('dimension-select').inputValue()).toBe('language');
    expect(await page.getByTestId('filter-age').inputValue()).toBe('30-65');

    // The measurement period: the previous year loads again and gives the engine's numbers for that year.
    const { year, offset } = await pageSettings(page);
    await page.getByTestId('period-year').selectOption(String(year - 1));
    await page.getByText(`Measurement period ${String(year - 1)}-01-01`).waitFor({ timeout: 60_000 });
    await page.getByTestId('filter-age').selectOption('');
    const [, cms122] = expectedOutcomes(live.records, year - 1, offset, [['language']]);
    const overall = cms122?.report.overall;
    if (overall === undefined || overall.suppressed) throw new Error('no overall');
    expect(await numberIn(page, '[data-testid="stratum-overall"] [data-cell="n"]')).toBe(
      overall.performanceDenominator,
    );
    expect(await numberIn(page, '[data-testid="stratum-overall"] [data-cell="numerator"]')).toBe(
      overall.counts.numerator,
    );
    expect(new URL(page.url()).searchParams.get('year')).toBe(String(year - 1));
    expect(errors).toEqual([]);
    await context.close();
  });
});
