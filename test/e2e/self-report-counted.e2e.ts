import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage } from './browser';
import { fhirReader, qualityLeadToken } from './clinician-fhir';
import { selfReportPatients, selfReportProvenances, signInAs } from './patient-self-report-kit';
import type { Reader } from './patient-self-report-kit';

const ehrUrl = inject('ehrUrl');
const appUrl = inject('appUrl');
const fhirBaseUrl = inject('fhirBaseUrl');
let browser: Browser;
let lead: Reader;

beforeAll(async () => {
  browser = await launchBrowser();
  lead = fhirReader(fhirBaseUrl, await qualityLeadToken(browser, ehrUrl));
});
afterAll(async () => {
  await browser.close();
});

/** The number of patients the data-quality panel counts as having self-reported their race. */
async function selfReportedRaceCount(): Promise<number> {
  const { context, page } = await newPage(browser);
  await page.goto(`${ehrUrl}/ehr/launch?profile=quality-lead`);
  await page.getByTestId('population-count').waitFor({ timeout: 60_000 });
  await page.goto(`${appUrl}/?panel=quality`);
  const cell = page.getByTestId('quality-race').locator('[data-cell="self"]');
  await cell.waitFor({ timeout: 60_000 });
  const count = countIn((await cell.textContent()) ?? '');
  await context.close();
  return count;
}

function countIn(text: string): number {
  const match = /\(([\d,]+)\)/.exec(text);
  expect(match, `no count in "${text}"`).not.toBeNull();
  return Number((match?.[1] ?? '').replace(/,/g, ''));
}

describe('self-reported REAL data reaches the quality lead', () => {
  it('counts a patient who just self-reported their race in the data-quality panel', async () => {
    const patient = (await selfReportPatients(lead))(7);
    expect(await selfReportProvenances(lead, patient.id)).toHaveLength(0);
    const before = await selfReportedRaceCount();

    const { context, page } = await newPage(browser);
    await signInAs(page, ehrUrl, patient);
    const race = page.getByRole('group', { name: 'What is your race?' });
    for (const box of await race.getByRole('checkbox', { checked: true }).all()) await box.uncheck();
    await race.getByRole('checkbox', { name: 'White' }).check();
    await page.getByTestId('save').click();
    await page.getByText('Thank you. Your answers are saved.').waitFor();
    await context.close();
    expect(await selfReportProvenances(lead, patient.id)).toHaveLength(1);

    expect(await selfReportedRaceCount()).toBe(before + 1);
  });
});
