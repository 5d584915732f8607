import type { Page } from 'playwright-core';
import {
  authorizationRequest,
  discover,
  ehrLaunch,
  exchangeCode,
  followAuthorization,
  tokenResponseSchema,
} from '../../sandbox/auth/smart-client';
import { EHR_LAUNCH_SCOPES } from '../../src/fhir/scopes';
import { isJsonObject } from '../../src/measures/field-reader';
import type { StratifierDimensions } from '../../src/measures/stratification-types';
import { MeasureRun, type MeasureOutcome } from '../../src/worker/measure-run';
import { isResourceShaped } from '../../src/worker/patient-record-grouper';
import { patientIdOf } from '../../src/worker/patient-reference';
import type { Resource } from 'fhir/r4';
import { fhirReader } from './clinician-fhir';

/** A quality lead's access token from a scripted SMART launch (no browser, no app code). */
export async function qualityLeadAccessToken(ehrUrl: string, appUrl: string): Promise<string> {
  const { iss, launch } = await ehrLaunch(ehrUrl, 'quality-lead');
  const discovery = await discover(iss);
  const redirectUri = `${appUrl}/`;
  const request = authorizationRequest({
    discovery,
    clientId: 'equity-lens',
    redirectUri,
    scope: EHR_LAUNCH_SCOPES.join(' '),
    aud: iss,
    ...(launch === undefined ? {} : { launch }),
  });
  const query = await followAuthorization(request.url, redirectUri);
  const response = await exchangeCode({
    discovery,
    clientId: 'equity-lens',
    redirectUri,
    code: query.get('code') ?? '',
    codeVerifier: request.codeVerifier,
  });
  return tokenResponseSchema.parse(await response.json()).access_token;
}

/** Every type the measures read, searched whole (no code or date narrowing: the app's own narrowing is under test). */
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

/** The live server's population, one record per patient, read with the test's own FHIR client. */
export async function livePopulation(
  fhirBaseUrl: string,
  token: string,
): Promise<{ patients: Map<string, Resource>; records: { patientId: string; resources: Resource[] }[] }> {
  const fhir = fhirReader(fhirBaseUrl, token);
  const patients = (await fhir.search('Patient?_count=1000')).filter(isResourceShaped);
  const byPatient = new Map<string, Resource[]>(patients.map((p) => [p.id, [p]]));
  for (const type of TYPES) {
    for (const resource of await fhir.search(`${type}?_count=1000`)) {
      const id = isJsonObject(resource) ? patientIdOf(resource) : undefined;
      if (id !== undefined && isResourceShaped(resource)) byPatient.get(id)?.push(resource);
    }
  }
  return {
    patients: new Map(patients.map((p) => [p.id, p])),
    records: [...byPatient].map(([patientId, resources]) => ({ patientId, resources })),
  };
}

/** The engine's result for the live population, over the page's own period and time zone. */
export function expectedOutcomes(
  records: readonly { patientId: string; resources: Resource[] }[],
  year: number,
  utcOffsetMinutes: number,
  stratifiers: readonly StratifierDimensions[],
): MeasureOutcome[] {
  const run = new MeasureRun({
    measures: ['cms165', 'cms122'],
    period: { start: `${String(year)}-01-01`, end: `${String(year)}-12-31` },
    stratifiers,
    utcOffsetMinutes,
    keepRows: true,
  });
  for (const record of records) run.add(record);
  return run.finish();
}

/** The period year and UTC offset the page evaluated with. */
export async function pageSettings(page: Page): Promise<{ year: number; offset: number }> {
  const year = Number(await page.getByTestId('period-year').inputValue());
  const offset = await page.evaluate(() => -new Date().getTimezoneOffset());
  return { year, offset };
}

/** Reads a number as the page prints it ("1,234"). */
export async function numberIn(page: Page, selector: string): Promise<number> {
  const text = (await page.locator(selector).first().textContent()) ?? '';
  return Number(text.replace(/,/g, ''));
}
