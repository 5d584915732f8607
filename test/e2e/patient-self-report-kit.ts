/** Helpers for the patient self-report end-to-end tests. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { selfReportedFields } from '../../src/domain/self-report-provenance';
import { seriousAxeViolations } from './axe';
import { accessTokenOf } from './clinician-fhir';
import type { Loose, fhirReader } from './clinician-fhir';

export type Reader = ReturnType<typeof fhirReader>;

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

export function versionOf(resource: Loose): string | undefined {
  const meta: unknown = resource['meta'];
  return typeof meta === 'object' && meta !== null && 'versionId' in meta && typeof meta.versionId === 'string'
    ? meta.versionId
    : undefined;
}

/**
 * The patients the self-report files write to: the last ones by id (other files start from the top of lists or the
 * middle), with a family name to find them by. Each test takes its own index, so no two tests share a patient.
 */
export async function selfReportPatients(lead: Reader): Promise<(index: number) => Loose> {
  const patients = (await lead.search('Patient?_count=500'))
    .filter((p) => familyOf(p) !== undefined)
    .sort((a, b) => (a.id < b.id ? 1 : -1))
    .slice(0, 8);
  return (index) => {
    const patient = patients[index];
    if (patient === undefined) throw new Error('not enough patients in the sandbox');
    return patient;
  };
}

/** A standalone patient launch: find the patient on the sandbox's sign-in page by name, sign in by id. */
export async function signInAs(page: Page, ehrUrl: string, patient: Loose): Promise<void> {
  await page.goto(`${ehrUrl}/ehr/launch?profile=patient`);
  await page.getByLabel('Patient name').fill(familyOf(patient) ?? '');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const button = page.locator(`form:has(input[name="patient"][value="${patient.id}"]) button`);
  while ((await button.count()) === 0) await page.getByRole('link', { name: 'Next page' }).click();
  await button.click();
  await page.getByTestId('patient-greeting').waitFor();
}

export async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousAxeViolations(page)).toEqual([]);
}

/** Writes the Patient's race with the patient's own token, as a second session (or staff in the EHR) would. */
export async function changeRaceElsewhere(
  page: Page,
  lead: Reader,
  fhirBaseUrl: string,
  patientId: string,
  code: string,
): Promise<void> {
  const token = await accessTokenOf(page);
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
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/fhir+json',
      'If-Match': `W/"${versionOf(current) ?? ''}"`,
    },
    body: JSON.stringify({ ...current, extension: [race, ...kept] }),
  });
  expect(response.status).toBe(200);
}

/** The self-report Provenances the patient signed, read with the quality lead's token (not the app's code). */
export async function selfReportProvenances(lead: Reader, patientId: string): Promise<Loose[]> {
  const found = await lead.search(`Provenance?agent=Patient/${patientId}`);
  return found.filter((p) => selfReportedFields(p).length > 0);
}
