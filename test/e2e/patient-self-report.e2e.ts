import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { ethnicityOf } from '../../src/domain/ethnicity';
import { interpreterNeededOf } from '../../src/domain/interpreter';
import { languageOf } from '../../src/domain/language';
import { raceOf } from '../../src/domain/race';
import { selfReportedFields } from '../../src/domain/self-report-provenance';
import { seriousAxeViolations } from './axe';
import { launchBrowser, newPage, screenshot } from './browser';
import {
  accessTokenOf,
  clearFaults,
  fhirReader,
  injectFault,
  launchClinician,
  qualityLeadToken,
} from './clinician-fhir';
import type { Loose } from './clinician-fhir';

const ehrUrl = inject('ehrUrl');
const fhirBaseUrl = inject('fhirBaseUrl');
let browser: Browser;
let lead: ReturnType<typeof fhirReader>;
/** Patients of the seeded population this file writes to, one per test, chosen once from the live server. */
let patients: Loose[];

beforeAll(async () => {
  browser = await launchBrowser();
  lead = fhirReader(fhirBaseUrl, await qualityLeadToken(browser, ehrUrl));
  // The last patients by id (other files start from the top of lists), with a usable name to sign in by.
  patients = (await lead.search('Patient?_count=500'))
    .filter((p) => familyOf(p) !== undefined)
    .sort((a, b) => (a.id < b.id ? 1 : -1))
    .slice(0, 6);
});
afterEach(async () => {
  await clearFaults(ehrUrl);
});
afterAll(async () => {
  await browser.close();
});

function familyOf(patient: Loose): string | undefined {
  const names: unknown = patient['name'];
  if (!Array.isArray(names)) return undefined;
  for (const name of names as unknown[]) {
    if (typeof name === 'object' && name !== null && 'family' in name && typeof name.family === 'string') {
      return name.family.split(' ')[0];
    }
  }
  return undefined;
}

function versionOf(resource: Loose): string | undefined {
  const meta: unknown = resource['meta'];
  return typeof meta === 'object' && meta !== null && 'versionId' in meta && typeof meta.versionId === 'string'
    ? meta.versionId
    : undefined;
}

function pick(index: number): Loose {
  const patient = patients[index];
  if (patient === undefined) throw new Error('not enough patients in the sandbox');
  return patient;
}

/** A standalone patient launch: find the patient on the sandbox's sign-in page by name, sign in by id. */
async function signInAs(page: Page, patient: Loose): Promise<void> {
  await page.goto(`${ehrUrl}/ehr/launch?profile=patient`);
  await page.getByLabel('Patient name').fill(familyOf(patient) ?? '');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const button = page.locator(`form:has(input[name="patient"][value="${patient.id}"]) button`);
  while ((await button.count()) === 0) await page.getByRole('link', { name: 'Next page' }).click();
  await button.click();
  await page.getByTestId('patient-greeting').waitFor();
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousAxeViolations(page)).toEqual([]);
}

/** Writes the Patient with the patient's own token, as a second session (or a clinician in the EHR) would. */
async function changeRaceElsewhere(page: Page, patientId: string, code: string): Promise<void> {
  const token = await accessTokenOf(page);
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/fhir+json' };
  const current = await lead.read(`Patient/${patientId}`);
  const race = {
    url: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-race',
    extension: [
      { url: 'ombCategory', valueCoding: { system: 'urn:oid:2.16.840.1.113883.6.238', code } },
      { url: 'text', valueString: 'changed by staff' },
    ],
  };
  const others: unknown = current['extension'];
  const kept = Array.isArray(others)
    ? (others as unknown[]).filter((e) => !JSON.stringify(e).includes('us-core-race'))
    : [];
  const response = await fetch(`${fhirBaseUrl}/Patient/${patientId}`, {
    method: 'PUT',
    headers: { ...headers, 'If-Match': `W/"${versionOf(current) ?? ''}"` },
    body: JSON.stringify({ ...current, extension: [race, ...kept] }),
  });
  expect(response.status).toBe(200);
}

/** The self-report Provenances of a patient, read with the quality lead's token (not the app's code). */
async function selfReportProvenances(patientId: string): Promise<Loose[]> {
  const found = await lead.search(`Provenance?agent=Patient/${patientId}`);
  return found.filter((p) => selfReportedFields(p).length > 0);
}

describe('patient self-report in the sandbox', () => {
  it('in English: records race with a detailed group, language and interpreter, with a Provenance', async () => {
    const patient = pick(0);
    const { context, page, errors } = await newPage(browser);
    await signInAs(page, patient);
    await expectAccessible(page);
    const race = page.getByRole('group', { name: 'What is your race?' });
    for (const box of await race.getByRole('checkbox', { checked: true }).all()) await box.uncheck();
    await race.getByRole('checkbox', { name: 'Asian' }).check();
    await race.getByText('Add a more specific group').click();
    await race.getByRole('searchbox', { name: 'Search for a group' }).fill('filip');
    await race.getByRole('button', { name: 'Add Filipino (Asian)' }).click();
    await page.getByRole('radio', { name: /^Tagalog/ }).check();
    await page
      .getByRole('group', { name: /interpreter/ })
      .getByRole('radio', { name: 'Yes' })
      .check();
    await screenshot(page, 'patient-form-en');
    await page.getByTestId('save').click();
    await page.getByText('Thank you. Your answers are saved.').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'patient-saved-en');

    const stored = await lead.read(`Patient/${patient.id}`);
    expect(raceOf(stored).value.categories).toEqual(['2028-9']);
    expect(JSON.stringify(stored['extension'])).toContain('"2036-2"');
    expect(languageOf(stored).value).toBe('tl');
    expect(interpreterNeededOf(stored).value).toBe('yes');
    const [provenance] = await selfReportProvenances(patient.id);
    expect(selfReportedFields(provenance)).toEqual(
      ['race', 'ethnicity', 'language', 'interpreter-needed'].filter(
        (field) => field !== 'ethnicity' || ethnicityOf(stored).value !== 'absent',
      ),
    );
    expect(errors).toEqual([]);
    await context.close();

    // The clinician view now shows the race as self-reported.
    const clinician = await launchClinician(browser, ehrUrl, patient.id);
    await clinician.page.getByTestId('real-status').waitFor();
    expect(await clinician.page.getByTestId('self-race').textContent()).toMatch(/^Yes/);
    await clinician.context.close();
  });
  it('in Spanish: declines race, records Mexican ethnicity and Spanish, and keeps the choice of language', async () => {
    const patient = pick(1);
    const { context, page, errors } = await newPage(browser);
    await signInAs(page, patient);
    await page.getByRole('button', { name: 'Español' }).click();
    expect(await page.getByTestId('patient-greeting').textContent()).toMatch(/^Hola, /);
    const race = page.getByRole('group', { name: '¿Cuál es su raza?' });
    await race.getByRole('checkbox', { name: 'Prefiero no responder' }).check();
    const ethnicity = page.getByRole('group', { name: '¿Es usted de origen hispano o latino?' });
    await ethnicity.getByText('Agregar un grupo más específico').click();
    await ethnicity.getByRole('searchbox', { name: 'Buscar un grupo' }).fill('mexic');
    await ethnicity.getByRole('button', { name: 'Agregar Mexicano (Hispano o latino)' }).click();
    await page.getByRole('radio', { name: /^Español/ }).check();
    await expectAccessible(page);
    await screenshot(page, 'patient-form-es');
    await page.getByTestId('save').click();
    await page.getByText('Gracias. Sus respuestas se guardaron.').waitFor();
    await expectAccessible(page);

    const stored = await lead.read(`Patient/${patient.id}`);
    expect(raceOf(stored).value.key).toBe('ASKU');
    expect(ethnicityOf(stored).value).toBe('2135-2');
    expect(JSON.stringify(stored['extension'])).toContain('"2148-5"');
    expect(languageOf(stored).value).toBe('es');
    const responses = await lead.search(`QuestionnaireResponse?subject=Patient/${patient.id}`);
    expect(responses.some((r) => r['language'] === 'es')).toBe(true);
    expect(await selfReportProvenances(patient.id)).toHaveLength(1);
    await page.reload();
    expect(await page.getByTestId('patient-greeting').textContent()).toMatch(/^Hola, /);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('on a 412 shows what changed elsewhere, and writes only when the patient confirms', async () => {
    const patient = pick(2);
    const { context, page, errors } = await newPage(browser);
    await signInAs(page, patient);
    const race = page.getByRole('group', { name: 'What is your race?' });
    await race.getByRole('checkbox', { name: 'I don’t know' }).check();
    await changeRaceElsewhere(page, patient.id, '2076-8');
    await page.getByTestId('save').click();
    await page.waitForTimeout(3000);
    await screenshot(page, 'debug-conflict');
    await page.getByTestId('conflict').waitFor();
    expect(await page.getByTestId('conflict-now-race').textContent()).toBe('Native Hawaiian or Other Pacific Islander');
    expect(raceOf(await lead.read(`Patient/${patient.id}`)).value.key).toBe('2076-8');
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
    const { context, page } = await newPage(browser);
    await signInAs(page, patient);
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
    expect(await selfReportProvenances(patient.id)).toHaveLength(1);
    await context.close();
  });

  it('when the server refuses the write (403), shows the answers to print or hand to staff', async () => {
    const patient = pick(4);
    const { context, page, errors } = await newPage(browser);
    await page.setViewportSize({ width: 390, height: 844 });
    await signInAs(page, patient);
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
    expect(versionOf(await lead.read(`Patient/${patient.id}`))).toBe(versionOf(before));
    expect(errors).toEqual([]);
    await context.close();
  });
});
