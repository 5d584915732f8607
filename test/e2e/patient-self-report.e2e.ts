import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { ethnicityOf } from '../../src/domain/ethnicity';
import { interpreterNeededOf } from '../../src/domain/interpreter';
import { languageOf } from '../../src/domain/language';
import { raceOf } from '../../src/domain/race';
import { selfReportedFields } from '../../src/domain/self-report-provenance';
import { launchBrowser, newPage, screenshot } from './browser';
import { clearFaults, fhirReader, launchClinician, qualityLeadToken } from './clinician-fhir';
import type { Loose } from './clinician-fhir';
import { expectAccessible, selfReportPatients, selfReportProvenances, signInAs } from './patient-self-report-kit';
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

describe('patient self-report in the sandbox', () => {
  it('in English: records race with a detailed group, language and interpreter, with a Provenance', async () => {
    const patient = pick(0);
    const earlier = (await selfReportProvenances(lead, patient.id)).length;
    const { context, page, errors } = await newPage(browser);
    await signInAs(page, ehrUrl, patient);
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
    // A double click must write once (the Provenance count below).
    await page.getByTestId('save').dblclick();
    await page.getByText('Thank you. Your answers are saved.').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'patient-saved-en');

    const stored = await lead.read(`Patient/${patient.id}`);
    expect(raceOf(stored).value.categories).toEqual(['2028-9']);
    expect(JSON.stringify(stored['extension'])).toContain('"2036-2"');
    expect(languageOf(stored).value).toBe('tl');
    expect(interpreterNeededOf(stored).value).toBe('yes');
    const provenances = await selfReportProvenances(lead, patient.id);
    expect(provenances).toHaveLength(earlier + 1);
    const answered = ['race', 'ethnicity', 'language', 'interpreter-needed'];
    // Ethnicity was pre-filled from the record, so it counts as answered when the record had one.
    const expected = answered.filter((f) => f !== 'ethnicity' || ethnicityOf(stored).value !== 'absent');
    expect(provenances.map((p) => selfReportedFields(p))).toContainEqual(expected);
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
    const earlier = (await selfReportProvenances(lead, patient.id)).length;
    const { context, page, errors } = await newPage(browser);
    await signInAs(page, ehrUrl, patient);
    await page.getByRole('button', { name: 'Español' }).click();
    expect(await page.getByTestId('patient-greeting').textContent()).toMatch(/^Hola, /);
    const race = page.getByRole('group', { name: '¿Cuál es su raza?' });
    // By keyboard only: Space ticks a box, Enter opens the search and adds the group found.
    await race.getByRole('checkbox', { name: 'Prefiero no responder' }).focus();
    await page.keyboard.press('Space');
    expect(await race.getByRole('checkbox', { name: 'Prefiero no responder' }).isChecked()).toBe(true);
    const ethnicity = page.getByRole('group', { name: '¿Es usted de origen hispano o latino?' });
    await ethnicity.getByText('Agregar un grupo más específico').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.type('mexic');
    await ethnicity.getByRole('button', { name: 'Agregar Mexicano (Hispano o latino)' }).focus();
    await page.keyboard.press('Enter');
    expect(await ethnicity.getByRole('radio', { name: 'Hispano o latino', exact: true }).isChecked()).toBe(true);
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
    expect(await selfReportProvenances(lead, patient.id)).toHaveLength(earlier + 1);
    await page.reload();
    expect(await page.getByTestId('patient-greeting').textContent()).toMatch(/^Hola, /);
    expect(errors).toEqual([]);
    await context.close();
  });
});
