import type { Resource } from 'fhir/r4';
import { isJsonObject, referenceId } from '../measures/field-reader';
import type { PatientRecord } from '../measures/types';
import type { CompactResource } from './compact-resource';

/**
 * The engine's `PatientRecord` types its resources as `Resource` but reads them as unknown JSON and validates every
 * field itself; this guard only checks the shape the engine dispatches on (an object with a `resourceType`).
 */
export function isResourceShaped(value: unknown): value is Resource {
  return isJsonObject(value) && typeof value.resourceType === 'string';
}

interface Pending {
  patient: CompactResource | undefined;
  readonly resources: CompactResource[];
}

/**
 * Groups compact resources by patient, in any order (a Bulk Data export has one file per type), and hands out one
 * `PatientRecord` per patient. Medications are shared, not patient-scoped: they are kept once and added to the
 * records of the patients whose MedicationRequests reference them.
 */
export class PatientRecordGrouper {
  readonly #pending = new Map<string, Pending>();
  readonly #medications = new Map<string, CompactResource>();

  /** Adds a resource; `patientId` undefined means a shared Medication (anything else shared is ignored). */
  add(resource: CompactResource, patientId: string | undefined): void {
    if (patientId === undefined) {
      if (resource.resourceType === 'Medication') this.#medications.set(resource.id, resource);
      return;
    }
    let entry = this.#pending.get(patientId);
    if (entry === undefined) {
      entry = { patient: undefined, resources: [] };
      this.#pending.set(patientId, entry);
    }
    // The engine uses the first Patient copy; later duplicates go with the rest so it can warn about them.
    if (resource.resourceType === 'Patient' && entry.patient === undefined) entry.patient = resource;
    else entry.resources.push(resource);
  }

  /** Patients referenced so far, with or without a Patient resource. */
  get size(): number {
    return this.#pending.size;
  }

  /** Patients referenced by some resource but without a Patient resource of their own. */
  patientsWithoutPatientResource(): number {
    let n = 0;
    for (const entry of this.#pending.values()) if (entry.patient === undefined) n++;
    return n;
  }

  /**
   * Up to `limit` records of patients that have a Patient resource so far, spread over the patients met, without
   * removing anything: what has arrived of them, to warm the engine up while the rest is still loading.
   */
  sample(limit: number): PatientRecord[] {
    const stride = Math.max(1, Math.floor(this.#pending.size / Math.max(1, limit)));
    const out: PatientRecord[] = [];
    let i = 0;
    for (const [patientId, entry] of this.#pending) {
      if (out.length >= limit) break;
      if (i++ % stride !== 0 || entry.patient === undefined) continue;
      out.push({ patientId, resources: [entry.patient, ...entry.resources].filter(isResourceShaped) });
    }
    return out;
  }

  /**
   * Yields each patient that has a Patient resource, in the order patients were first met, and forgets it as it
   * goes so that memory is released while the caller evaluates. Patients without a Patient resource are dropped
   * (no birth date or demographics: they cannot enter any initial population).
   */
  *drain(): Generator<PatientRecord> {
    for (const [patientId, entry] of this.#pending) {
      this.#pending.delete(patientId);
      if (entry.patient === undefined) continue;
      const resources: unknown[] = [entry.patient, ...entry.resources, ...this.#referencedMedications(entry.resources)];
      yield { patientId, resources: resources.filter(isResourceShaped) };
    }
  }

  #referencedMedications(resources: readonly CompactResource[]): CompactResource[] {
    const found = new Map<string, CompactResource>();
    for (const r of resources) {
      if (r.resourceType !== 'MedicationRequest' || !isJsonObject(r.medicationReference)) continue;
      const reference = r.medicationReference.reference;
      if (typeof reference !== 'string' || reference.startsWith('#')) continue;
      const id = referenceId(reference);
      const medication = this.#medications.get(id);
      if (medication !== undefined) found.set(id, medication);
    }
    return [...found.values()];
  }
}
