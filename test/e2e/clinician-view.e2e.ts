import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { isResourceShaped } from '../../src/worker/patient-record-grouper';
import { evaluatePatientMeasures } from '../../src/measures/evaluate-patient';
import { STATUS_LABEL, measureStatusOf } from '../../src/ui/features/clinician/measure-status';
import { raceOf } from '../../src/domain/race';
import { languageOf } from '../../src/domain/language';
import { seriousAxeViolations } from './axe';
import { launchBrowser, screenshot } from './browser';
import { selfReportProvenance } from '../../src/domain/self-report-provenance';
import { fhirReader, launchClinician, qualityLeadToken, tokenResponseOf } from './clinician-fhir';
import { newPage } from './browser';

const ehrUrl = inject('ehrUrl');
const fhirBaseUrl = inject('fhirBaseUrl');
let browser: Browser;
let fhir: ReturnType<typeof fhirReader>;

beforeAll(async () => {
  browser = await launchBrowser();
  fhir = fhirReader(fhirBaseUrl, await qualityLeadToken(browser, ehrUrl));
});
afterAll(async () => {
  await browser.close();
});

const TYPES = [
  'Observation',
  'Condition',
  'Encounter',
  'Procedure',
  'MedicationRequest',
  'ServiceRequest',
  'DeviceRequest',
  'Coverage',
];

/** A patient with both essential hypertension and diabetes on record, so both measures have something to say. */
async function patientWithBothConditions(): Promise<string> {
  const subject = z.object({ subject: z.object({ reference: z.string() }) });
  const subjects = async (codes: string): Promise<Set<string>> =>
    new Set(
      (await fhir.search(`Condition?code=${codes}`)).map((c) =>
        subject.parse(c).subject.reference.replace('Patient/', ''),
      ),
    );
  const hypertension = await subjects('http://snomed.info/sct|59621000,http://hl7.org/fhir/sid/icd-10-cm|I10');
  const diabetes = await subjects('http://snomed.info/sct|44054006,http://hl7.org/fhir/sid/icd-10-cm|E11.9');
  const both = [...hypertension].filter((id) => diabetes.has(id)).sort();
  expect(both.length).toBeGreaterThan(0);
  return both[Math.floor(both.length / 2)] ?? '';
}

describe('clinician in-visit view', () => {
  it('shows the care gaps the engine finds, the REAL data status and the prompt, fast', async () => {
    const patientId = await patientWithBothConditions();
    const { context, page, errors } = await launchClinician(browser, ehrUrl, patientId);
    await page.getByTestId('real-status').waitFor();
    // Time from the app page's own navigation start to first content (the SMART redirects come before it).
    const firstContentMs = await page.evaluate(() => performance.now());
    expect(firstContentMs).toBeLessThan(2000);
    await page.getByTestId('status-cms165').waitFor();

    // Expected statuses: the engine run here on the server's data, for the year and time zone the page uses.
    const patient = await fhir.read(`Patient/${patientId}`);
    const resources = (await Promise.all(TYPES.map((type) => fhir.search(`${type}?patient=${patientId}`)))).flat();
    const year = Number(await page.getByTestId('period-year').inputValue());
    const offset = await page.evaluate(() => -new Date().getTimezoneOffset());
    const records = [patient, ...resources].filter(isResourceShaped);
    const expected = evaluatePatientMeasures(
      ['cms165', 'cms122'],
      { patientId, resources: records },
      { start: `${year}-01-01`, end: `${year}-12-31` },
      { utcOffsetMinutes: offset },
    );
    for (const result of expected) {
      expect(await page.getByTestId(`status-${result.measure}`).textContent()).toContain(
        STATUS_LABEL[measureStatusOf(result)],
      );
    }
    const observations = resources.filter((r) => r.resourceType === 'Observation').length;
    expect(await page.getByTestId('count-Observation').textContent()).toBe(observations.toLocaleString('en-US'));

    // REAL data: the row says what the Patient resource holds.
    const race = raceOf(patient).value;
    const raceRow = page.getByTestId('real-race');
    expect(await raceRow.getAttribute('data-state')).toBe(
      race.key === 'absent'
        ? 'missing'
        : race.key === 'ASKU'
          ? 'declined'
          : race.key === 'UNK'
            ? 'unknown'
            : 'recorded',
    );
    const language = languageOf(patient).value;
    expect(await page.getByTestId('real-language').getAttribute('data-state')).toBe(
      language === 'absent' ? 'missing' : language === 'UNK' ? 'unknown' : 'recorded',
    );
    // No one has self-reported in a fresh sandbox, so the invitation is there, pointing at the patient way in.
    expect(await page.getByTestId('self-race').textContent()).toBe('No');
    const invite = new URL(await page.getByTestId('invite-link').inputValue());
    expect(invite.pathname).toBe('/launch.html');
    expect(invite.searchParams.get('iss')).toBe(fhirBaseUrl);

    // The prompt: due (never asked), with the toolkit's words.
    expect(await page.getByTestId('prompt-due').textContent()).toContain('Due');
    expect(await page.getByTestId('prompt-question').textContent()).toBe(
      'Many of my patients experience racism in their health care. Are there any experiences you would like to share with me?',
    );
    expect(await page.getByTestId('patient-banner').count()).toBe(1);
    await screenshot(page, 'clinician-view');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The previous year is one choice away and re-evaluates without reloading.
    await page.getByTestId('period-year').selectOption(String(year - 1));
    const [previous] = evaluatePatientMeasures(
      ['cms165'],
      { patientId, resources: records },
      { start: `${year - 1}-01-01`, end: `${year - 1}-12-31` },
      { utcOffsetMinutes: offset },
    );
    if (previous === undefined) throw new Error('no result');
    expect(await page.getByTestId('status-cms165').textContent()).toContain(STATUS_LABEL[measureStatusOf(previous)]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a patient’s own report as self-reported, from the Provenance their way in writes', async () => {
    // Sign in as a patient (the standalone launch) and record a self-report Provenance with the patient's own token.
    const signIn = await newPage(browser);
    await signIn.page.goto(`${ehrUrl}/ehr/launch?profile=patient`);
    await signIn.page
      .getByRole('button', { name: /^Sign in as (?!quality lead)/ })
      .nth(7)
      .click();
    await signIn.page.getByTestId('way-in').waitFor();
    const { access_token: token, patient } = await tokenResponseOf(signIn.page);
    await signIn.context.close();
    const patientId = patient ?? '';
    const asPatient = fhirReader(fhirBaseUrl, token);
    const version = z
      .object({ meta: z.object({ versionId: z.string() }) })
      .parse(await asPatient.read(`Patient/${patientId}`));
    const recorded = new Date().toISOString();
    const provenance = selfReportProvenance({
      patientId,
      patientVersionId: version.meta.versionId,
      fields: ['race', 'language'],
      recorded,
    });
    const written = await fetch(`${fhirBaseUrl}/Provenance`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/fhir+json' },
      body: JSON.stringify(provenance),
    });
    expect(written.status).toBe(201);

    const { context, page, errors } = await launchClinician(browser, ehrUrl, patientId);
    await page.getByTestId('real-status').waitFor();
    const day = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short', year: 'numeric' }).format(
      new Date(),
    );
    expect(await page.getByTestId('self-race').textContent()).toBe(`Yes, ${day}`);
    expect(await page.getByTestId('self-language').textContent()).toBe(`Yes, ${day}`);
    expect(await page.getByTestId('self-ethnicity').textContent()).toBe('No');
    expect(errors).toEqual([]);
    await context.close();
  });
});
