import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seriousAxeViolations } from './axe';
import { launchBrowser, newPage, screenshot } from './browser';
import { E2E_SEED } from './seed';

const ehrUrl = inject('ehrUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('the three ways in, through the real SMART launch', () => {
  it('clinician: launching from a patient row of the EHR page opens that patient with a banner', async () => {
    const { context, page, errors } = await newPage(browser);
    await page.goto(`${ehrUrl}/`);
    const link = page.getByRole('link', { name: /^Launch as clinician with / }).first();
    const label = (await link.getAttribute('aria-label')) ?? '';
    const patientName = label.replace(/^Launch as clinician with /, '');
    expect(patientName.length).toBeGreaterThan(0);
    await link.click();
    await page.getByTestId('patient-banner').waitFor();
    expect(await page.getByTestId('way-in').textContent()).toBe('Clinician view');
    expect(await page.getByTestId('patient-banner').textContent()).toContain(patientName);
    expect(await page.getByTestId('fhir-server').textContent()).toBe(new URL(ehrUrl).host);
    const observations = Number((await page.getByTestId('count-Observation').textContent())?.replace(/,/g, ''));
    expect(observations).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.has('code')).toBe(false);
    await screenshot(page, 'clinician');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('quality lead: an EHR launch without a patient counts the whole population', async () => {
    const { context, page, errors } = await newPage(browser);
    await page.goto(`${ehrUrl}/ehr/launch?profile=quality-lead`);
    await page.getByTestId('population-count').waitFor();
    expect(await page.getByTestId('way-in').textContent()).toBe('Quality lead view');
    expect(await page.getByTestId('population-count').textContent()).toBe(E2E_SEED.patients.toLocaleString('en-US'));
    expect(await page.getByTestId('patient-banner').count()).toBe(0);
    expect(await page.getByTestId('signed-in-user').textContent()).not.toBe('unknown user');
    await screenshot(page, 'quality-lead');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('patient: a standalone launch lets the patient sign in and greets them by name', async () => {
    const { context, page, errors } = await newPage(browser);
    await page.goto(`${ehrUrl}/ehr/launch?profile=patient`);
    const signIn = page.getByRole('button', { name: /^Sign in as (?!quality lead)/ }).first();
    const patientName = ((await signIn.getAttribute('aria-label')) ?? '').replace(/^Sign in as /, '');
    await signIn.click();
    await page.getByTestId('patient-greeting').waitFor();
    expect(await page.getByTestId('way-in').textContent()).toBe('My information');
    expect(await page.getByTestId('patient-greeting').textContent()).toBe(`Hello, ${patientName}`);
    await screenshot(page, 'patient');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
