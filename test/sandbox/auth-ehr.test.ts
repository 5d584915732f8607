import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../sandbox/sandbox';
import type { Sandbox } from '../../sandbox/sandbox';

let sandbox: Sandbox;

const page = async (query = ''): Promise<string> => (await fetch(`${sandbox.ehrUrl}/${query}`)).text();
const launch = (query: string): Promise<Response> =>
  fetch(`${sandbox.ehrUrl}/ehr/launch?${query}`, { redirect: 'manual' });

beforeAll(async () => {
  sandbox = await startSandbox({ ehrPort: 0, app: 'none', patients: 30, seed: 11, anchor: '2026-06-30' });
}, 60_000);
afterAll(() => sandbox.close());

describe('the EHR launch page', () => {
  it('lists synthetic patients, says so, shows the seed, and searches by name', async () => {
    const html = await page();
    expect(html).toContain('<title>Equity Lens sandbox EHR</title>');
    expect(html).toMatch(/synthetic/i);
    expect(html).toContain('seed 11');
    const first = /patient=([^"&]+)"[^>]*aria-label="Launch as clinician with ([^"]+)"/.exec(html);
    expect(first).not.toBeNull();
    const family = (first?.[2] ?? '').split(' ').at(-1) ?? '';
    const filtered = await page(`?q=${encodeURIComponent(family)}`);
    expect(filtered).toContain(first?.[2]);
    expect(await page('?q=zzzz-no-such-name')).toContain('No patient matches');
  });

  it('turns each way in into an app launch URL with a single-use launch id (standalone: iss only)', async () => {
    const html = await page();
    const patient = /profile=clinician&amp;patient=([^"&]+)"/.exec(html)?.[1] ?? '';
    const clinician = new URL((await launch(`profile=clinician&patient=${patient}`)).headers.get('location') ?? '');
    expect(`${clinician.origin}${clinician.pathname}`).toBe(`${sandbox.appUrl}/launch.html`);
    expect(clinician.searchParams.get('iss')).toBe(sandbox.fhirBaseUrl);
    expect(clinician.searchParams.get('launch')).toMatch(/^[\w-]{16,}$/);
    const lead = new URL((await launch('profile=quality-lead')).headers.get('location') ?? '');
    expect(lead.searchParams.get('launch')).not.toBe(clinician.searchParams.get('launch'));
    const standalone = new URL((await launch('profile=patient')).headers.get('location') ?? '');
    expect([...standalone.searchParams.keys()]).toEqual(['iss']);
    expect((await launch('profile=clinician&patient=nobody')).status).toBe(400);
    expect((await launch('profile=admin')).status).toBe(400);
  });
});
