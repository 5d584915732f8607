import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { raceOf } from '../../src/domain/race';
import { launchBrowser, newPage, screenshot } from './browser';
import { clearFaults, fhirReader, injectFault, qualityLeadToken } from './clinician-fhir';
import type { Loose } from './clinician-fhir';
import {
  changeRaceElsewhere,
  expectAccessible,
  selfReportPatients,
  selfReportProvenances,
  signInAs,
  versionOf,
} from './patient-self-report-kit';
import type { Reader } from './patient-self-report-kit';

const ehrUrl = inject('ehrUrl');
const fhirBaseUrl = inject('fhirBaseUrl');
let browser: Browser;
let lead: Reader;
let pick: (index: number) => Loose;

beforeAll(async () => {
  browser = await launchBrowser();
  lead = fhirReader(fhirBaseUrl, await qualityLeadToken(browser, ehrUrl));
  pick = await selfReportPatients(lead);
});
afterEach(async () => {
  await clearFaults(ehrUrl);
});
afterAll(async () => {
  await browser.close();
});

describe('patient self-report when writing goes wrong', () => {
  it('on a 412 shows what changed elsewhere, and writes only when the patient confirms', async () => {
    const patient = pick(2);
    const { context, page, errors } = await newPage(browser);
    await signInAs(page, ehrUrl, patient);
    const race = page.getByRole('group', { name: 'What is your race?' });
    await race.getByRole('checkbox', { name: 'I don’t know' }).check();
    const staffCode = raceOf(await lead.read(`Patient/${patient.id}`)).value.key === '2076-8' ? '2028-9' : '2076-8';
    await changeRaceElsewhere(page, lead, fhirBaseUrl, patient.id, staffCode);
    await page.getByTestId('save').click();
    await page.getByTestId('conflict').waitFor();
    expect(await page.getByTestId('conflict-now-race').textContent()).toBe(
      staffCode === '2076-8' ? 'Native Hawaiian or Other Pacific Islander' : 'Asian',
    );
    // Nothing was written over the change.
    expect(raceOf(await lead.read(`Patient/${patient.id}`)).value.key).toBe(staffCode);
    await expectAccessible(page);
    await screenshot(page, 'patient-conflict');
    await page.getByRole('button', { name: 'Save my answers' }).click();
    await page.getByTestId('saved').waitFor();
    expect(raceOf(await lead.read(`Patient/${patient.id}`)).value.key).toBe('UNK');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('after a failed write keeps the answers, on the page and after a reload, and Try again saves them', async () => {
    const patient = pick(3);
    const earlier = (await selfReportProvenances(lead, patient.id)).length;
    const { context, page } = await newPage(browser);
    await signInAs(page, ehrUrl, patient);
    let failed = false;
    await page.route('**/fhir/Patient/*', async (route) => {
      if (route.request().method() === 'PUT' && !failed) {
        failed = true;
        await route.abort('internetdisconnected');
      } else {
        await route.continue();
      }
    });
    const black = page.getByRole('checkbox', { name: 'Black or African American' });
    await black.check();
    await page.getByTestId('save').click();
    const alert = page.getByRole('alert');
    expect(await alert.textContent()).toContain('We could not reach your clinic’s system');
    await expectAccessible(page);
    await screenshot(page, 'patient-failed');
    expect(await black.isChecked()).toBe(true);
    await page.reload();
    await page.getByTestId('restored').waitFor();
    expect(await black.isChecked()).toBe(true);
    await injectFault(ehrUrl, { status: 503, count: 1, method: 'PUT', path: `^Patient/${patient.id}$` });
    await page.getByTestId('save').click();
    await alert.getByRole('button', { name: 'Try again' }).click();
    await page.getByTestId('saved').waitFor();
    expect(raceOf(await lead.read(`Patient/${patient.id}`)).value.categories).toContain('2054-5');
    expect(await selfReportProvenances(lead, patient.id)).toHaveLength(earlier + 1);
    await context.close();
  });

  it('when the server refuses the write (403), shows the answers to print or hand to staff', async () => {
    const patient = pick(4);
    const { context, page, errors } = await newPage(browser);
    await page.setViewportSize({ width: 390, height: 844 });
    await signInAs(page, ehrUrl, patient);
    const before = await lead.read(`Patient/${patient.id}`);
    await injectFault(ehrUrl, { status: 403, count: 1, method: 'PUT', path: `^Patient/${patient.id}$` });
    await page
      .getByRole('group', { name: /interpreter/ })
      .getByRole('radio', { name: 'No' })
      .check();
    await page.getByTestId('save').click();
    const panel = page.getByTestId('forbidden');
    await panel.waitFor();
    expect(await panel.textContent()).toContain('interpreter needed: no');
    await expectAccessible(page);
    await screenshot(page, 'patient-forbidden-phone');
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'patient-forbidden-print');
    expect(await page.getByRole('button', { name: 'Print my answers' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    expect(versionOf(await lead.read(`Patient/${patient.id}`))).toBe(versionOf(before));
    expect(errors).toEqual([]);
    await context.close();
  });
});
