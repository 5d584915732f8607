import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seriousAxeViolations } from './axe';
import { launchBrowser, newPage, screenshot } from './browser';

const ehrUrl = inject('ehrUrl');
const appUrl = inject('appUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function alertOf(page: Page): Promise<{ kind: string | null; text: string }> {
  const alert = page.getByRole('alert');
  await alert.waitFor();
  return { kind: await alert.getAttribute('data-error-kind'), text: (await alert.textContent()) ?? '' };
}

describe('failed launches explain themselves instead of showing a blank page', () => {
  it('opening the launch URL without iss says to start from the EHR', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${appUrl}/launch.html`);
    const alert = await alertOf(page);
    expect(alert.kind).toBe('launch-missing-iss');
    expect(alert.text).toContain('Open Equity Lens from your EHR');
    await screenshot(page, 'failed-no-iss');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });

  it('opening the app directly, with no launch in progress, says to start from the EHR', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${appUrl}/`);
    expect((await alertOf(page)).kind).toBe('launch-no-state');
    await context.close();
  });

  it('a patient who denies access is told so, with what to do', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${ehrUrl}/ehr/launch?profile=patient`);
    await page.getByRole('button', { name: 'Deny' }).click();
    const alert = await alertOf(page);
    expect(alert.kind).toBe('launch-denied');
    expect(alert.text).toContain('Launch the app again');
    await screenshot(page, 'failed-denied');
    await context.close();
  });

  it('a FHIR server that is down is reported as unreachable', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${appUrl}/launch.html?iss=${encodeURIComponent('http://localhost:9/fhir')}&launch=x`);
    expect((await alertOf(page)).kind).toBe('network');
    await context.close();
  });

  it('a token the server no longer accepts ends the session with a clear message', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${ehrUrl}/ehr/launch?profile=quality-lead`);
    await page.getByTestId('population-count').waitFor();
    // Corrupt the stored access token as if it had been revoked, then reload: the app must say the session ended.
    await page.evaluate(() => {
      for (let i = 0; i < sessionStorage.length; i += 1) {
        const key = sessionStorage.key(i);
        const value = key === null ? null : sessionStorage.getItem(key);
        if (key === null || value === null || !value.includes('access_token')) continue;
        const state = JSON.parse(value) as { tokenResponse?: { access_token?: string } };
        if (state.tokenResponse) state.tokenResponse.access_token = 'revoked-token';
        sessionStorage.setItem(key, JSON.stringify(state));
      }
    });
    await page.reload();
    const alert = await alertOf(page);
    expect(alert.kind).toBe('unauthorized');
    expect(alert.text).toMatch(/your session has ended/i);
    await context.close();
  });
});
