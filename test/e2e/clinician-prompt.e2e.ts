import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import type { RacismPromptOutcome } from '../../src/domain/racism-prompt-outcome';
import { RACISM_PROMPT_CANONICAL, RACISM_PROMPT_QUESTIONNAIRE_URL } from '../../src/domain/racism-prompt-questionnaire';
import { readRacismPromptResponse } from '../../src/domain/racism-prompt-response';
import { seriousAxeViolations } from './axe';
import { launchBrowser, screenshot } from './browser';
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
let fhir: ReturnType<typeof fhirReader>;
let patients: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  fhir = fhirReader(fhirBaseUrl, await qualityLeadToken(browser, ehrUrl));
  // Patients from the middle of the list, away from those other end-to-end files open first.
  patients = (await fhir.search('Patient?_count=500'))
    .map((p) => p.id)
    .sort()
    .slice(150, 160);
});
afterEach(() => clearFaults(ehrUrl));
afterAll(async () => {
  await browser.close();
});

/** The prompt's responses on the server for a patient, read back with the app's own reader of the shape. */
async function promptResponses(patientId: string): Promise<Loose[]> {
  return (await fhir.search(`QuestionnaireResponse?patient=${patientId}`)).filter(
    (qr) => readRacismPromptResponse(qr) !== undefined,
  );
}

const HOSTILE = 'At the front desk <img src=x onerror="window.__pwned=1"> they said "you people".';

async function fill(page: Page, outcome: RacismPromptOutcome['kind']): Promise<void> {
  const prompt = page.getByTestId('racism-prompt');
  const label = {
    shared: 'The patient shared an experience',
    'nothing-to-share': 'Asked: the patient had nothing to share',
    declined: 'Asked: the patient chose not to answer',
    'not-asked': 'I did not ask at this visit',
  }[outcome];
  await prompt.getByLabel(label).check();
  if (outcome === 'shared') {
    await prompt.getByLabel('What the patient shared').fill(HOSTILE);
    await prompt.getByLabel('Interpersonal: how someone treated them').check();
    await prompt.getByLabel('At this clinic').check();
  }
  if (outcome === 'not-asked') await prompt.getByLabel('No interpreter available').check();
  else await prompt.getByLabel('Listened, acknowledged and thanked the patient').check();
}

const authorSchema = z.object({ author: z.object({ reference: z.string().regex(/^Practitioner\//) }) });

describe('the racism-experience prompt', () => {
  it('records each outcome once, as a QuestionnaireResponse (and Observation) the FHIR server holds', async () => {
    const kinds = ['shared', 'nothing-to-share', 'declined', 'not-asked'] as const;
    for (const [index, kind] of kinds.entries()) {
      const patientId = patients[index] ?? '';
      const { context, page, errors } = await launchClinician(browser, ehrUrl, patientId);
      await page.getByTestId('prompt-question').waitFor();
      expect(await promptResponses(patientId)).toEqual([]);
      await fill(page, kind);
      if (kind === 'shared') await screenshot(page, 'clinician-prompt-filled');
      // A double click must write once.
      await page.getByTestId('save-prompt').dblclick();
      await page.getByTestId('prompt-saved').waitFor();

      const written = await promptResponses(patientId);
      expect(written).toHaveLength(1);
      const [response] = written;
      const record = readRacismPromptResponse(response);
      expect(record?.outcome.kind).toBe(kind);
      expect(response).toMatchObject({
        status: 'completed',
        questionnaire: RACISM_PROMPT_CANONICAL,
        subject: { reference: `Patient/${patientId}` },
      });
      authorSchema.parse(response);
      if (record?.outcome.kind === 'shared') expect(record.outcome.details).toBe(HOSTILE);
      const observations = (await fhir.search(`Observation?patient=${patientId}&_count=500`)).filter((o) =>
        JSON.stringify(o).includes(`"QuestionnaireResponse/${response?.id ?? ''}"`),
      );
      expect(observations).toHaveLength(kind === 'not-asked' ? 0 : 1);
      expect(errors).toEqual([]);
      await context.close();
    }
    // Launching again: no longer due, and what was recorded reads back as text, never as HTML.
    const { context, page, errors } = await launchClinician(browser, ehrUrl, patients[0] ?? '');
    await page.getByTestId('last-recorded').waitFor();
    // Four saves from four sessions, one Questionnaire on the server (read with the clinician's own token).
    const asClinician = fhirReader(fhirBaseUrl, await accessTokenOf(page));
    const url = encodeURIComponent(RACISM_PROMPT_QUESTIONNAIRE_URL);
    expect(await asClinician.search(`Questionnaire?url=${url}`)).toHaveLength(1);
    expect(await page.getByTestId('prompt-due').textContent()).toContain('Not due');
    await page.getByText('Show what was recorded').click();
    expect(await page.getByTestId('recorded-details').textContent()).toBe(HOSTILE);
    expect(await page.getByTestId('racism-prompt').locator('img').count()).toBe(0);
    expect(await page.evaluate(() => 'pwned' in window || '__pwned' in window)).toBe(false);
    await screenshot(page, 'clinician-prompt-recorded');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('after a server error keeps the draft (even across a reload), says why, and a retry writes once', async () => {
    const patientId = patients[5] ?? '';
    const fault = { status: 500, count: 1, method: 'POST', path: '^QuestionnaireResponse' };
    const { context, page, errors } = await launchClinician(browser, ehrUrl, patientId);
    await page.getByTestId('prompt-question').waitFor();
    await fill(page, 'shared');
    await injectFault(ehrUrl, fault);
    await page.getByTestId('save-prompt').click();
    const alert = page.getByTestId('racism-prompt').getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('The FHIR server had a problem');
    expect(await page.getByLabel('What the patient shared').inputValue()).toBe(HOSTILE);
    await screenshot(page, 'clinician-prompt-failed');

    // A reload (a new launch in the same browser) brings the draft back from this device.
    await page.goto(`${ehrUrl}/ehr/launch?profile=clinician&patient=${patientId}`);
    await page.getByTestId('prompt-question').waitFor();
    expect(await page.getByLabel('What the patient shared').inputValue()).toBe(HOSTILE);

    // Fails once more, then "Try again" succeeds; the server holds one response.
    await injectFault(ehrUrl, fault);
    await page.getByTestId('save-prompt').click();
    await alert.waitFor();
    await alert.getByRole('button', { name: 'Try again' }).click();
    await page.getByTestId('prompt-saved').waitFor();
    const written = await promptResponses(patientId);
    expect(written).toHaveLength(1);
    expect(readRacismPromptResponse(written[0])?.outcome).toMatchObject({ kind: 'shared', details: HOSTILE });
    expect(
      await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('racism-prompt-draft'))),
    ).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
