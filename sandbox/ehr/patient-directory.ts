import { z } from 'zod';
import { toPatientRow } from './patient-row';
import type { PatientRow } from './patient-row';

/** One page of a patient search. */
export interface PatientPage {
  readonly total: number;
  readonly patients: readonly PatientRow[];
}

/** The patient look-ups the launch and login pages need, read from the FHIR server in-process. */
export interface PatientDirectory {
  /** Patients whose name contains `text` (all patients when it is empty), sorted by family then given name. */
  search(query: { text: string; offset: number; count: number }): Promise<PatientPage>;
  /** One patient by id, or `undefined` when there is none. */
  get(id: string): Promise<PatientRow | undefined>;
  /** A practitioner's display name by reference (`Practitioner/…`), or `undefined` when unknown. */
  practitionerName(reference: string): Promise<string | undefined>;
}

/** The in-process, unguarded look-ups of the FHIR server's repository that the directory uses. */
export interface DirectoryRepository {
  /** Runs a FHIR search such as `Patient?name:contains=smi&_count=20`. */
  find(query: string): Promise<{ total: number; resources: readonly unknown[] }>;
  /** One resource, or undefined when there is none. */
  get(resourceType: string, id: string): unknown;
}

const practitionerSchema = z.object({
  name: z
    .array(
      z.object({ text: z.string().optional(), family: z.string().optional(), given: z.array(z.string()).optional() }),
    )
    .optional(),
});

/** A directory over the FHIR server's repository; ages are computed on `asOf` (YYYY-MM-DD). */
export function createPatientDirectory(repo: DirectoryRepository, asOf: string): PatientDirectory {
  return {
    async search({ text, offset, count }) {
      const params = new URLSearchParams({
        _count: String(count),
        _offset: String(offset),
        _sort: 'family,given',
        _total: 'accurate',
      });
      const trimmed = text.trim();
      if (trimmed !== '') params.set('name:contains', trimmed);
      const found = await repo.find(`Patient?${params.toString()}`);
      const patients = found.resources
        .map((resource) => toPatientRow(resource, asOf))
        .filter((row): row is PatientRow => row !== undefined);
      return { total: found.total, patients };
    },
    get(id) {
      return Promise.resolve(id === '' ? undefined : toPatientRow(repo.get('Patient', id), asOf));
    },
    practitionerName(reference) {
      const id = reference.startsWith('Practitioner/') ? reference.slice('Practitioner/'.length) : '';
      const parsed = id === '' ? undefined : practitionerSchema.safeParse(repo.get('Practitioner', id));
      const name = parsed?.success === true ? parsed.data.name?.[0] : undefined;
      if (!name) return Promise.resolve(undefined);
      return Promise.resolve(name.text ?? [...(name.given ?? []), name.family ?? ''].join(' ').trim());
    },
  };
}
