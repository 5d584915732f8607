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
  /** With change tracking: the page count when this patient last received something. */
  changedAt: number;
  /** With change tracking: handed out by `takeSettled` and unchanged since. */
  taken: boolean;
  /** With change tracking: the sources (bits, see `add`) this patient's resources came from. */
  sources: number;
}

/** A patient's id and, unless it was handed out by `takeSettled` and has not changed since, their record. */
export interface DrainedPatient {
  readonly patientId: string;
  readonly record: PatientRecord | undefined;
}

/**
 * Groups compact resources by patient, in any order (a Bulk Data export has one file per type), and hands out one
 * `PatientRecord` per patient. Medications are shared, not patient-scoped: they are kept once and added to the
 * records of the patients whose MedicationRequests reference them.
 */
export class PatientRecordGrouper {
  readonly #pending = new Map<string, Pending>();
  readonly #medications = new Map<string, CompactResource>();
  /**
   * With change tracking: patients not handed out since they last changed, least recently changed first (a change
   * moves a patient to the end); and which patients' orders name each Medication.
   */
  readonly #changes:
    { readonly unsettled: Set<string>; readonly medicationUsers: Map<string, Set<string>> } | undefined;
  #pages = 0;
  /** With change tracking: the patient at the end of `unsettled` (the last to change), if still there. */
  #lastChanged: string | undefined;

  /**
   * `trackChanges`: remember what changed since records were handed out by {@link takeSettled}, so that a population
   * can be evaluated while it is still loading and only what changed afterwards evaluated again.
   */
  constructor(options: { readonly trackChanges?: boolean } = {}) {
    this.#changes = options.trackChanges === true ? { unsettled: new Set(), medicationUsers: new Map() } : undefined;
  }

  /**
   * Adds a resource; `patientId` undefined means a shared Medication (anything else shared is ignored). `source`
   * (0–30), with change tracking: where it came from (a search), for {@link takeSettled}.
   */
  add(resource: CompactResource, patientId: string | undefined, source = 0): void {
    if (patientId === undefined) {
      if (resource.resourceType === 'Medication') {
        this.#medications.set(resource.id, resource);
        // The records that include this Medication (see `drain`) have changed.
        const users = this.#changes?.medicationUsers.get(resource.id);
        if (users !== undefined) for (const user of users) this.#changed(user);
      }
      return;
    }
    let entry = this.#pending.get(patientId);
    if (entry === undefined) {
      entry = { patient: undefined, resources: [], changedAt: 0, taken: false, sources: 0 };
      this.#pending.set(patientId, entry);
    }
    // The engine uses the first Patient copy; later duplicates go with the rest so it can warn about them.
    if (resource.resourceType === 'Patient' && entry.patient === undefined) entry.patient = resource;
    else entry.resources.push(resource);
    if (this.#changes !== undefined) {
      entry.sources |= 1 << source;
      this.#changed(patientId, entry);
      if (resource.resourceType === 'MedicationRequest') this.#usesMedication(patientId, resource);
    }
  }

  /** With change tracking: one more page has been added (the clock of {@link takeSettled}). */
  endPage(): void {
    this.#pages++;
  }

  /**
   * With change tracking: up to `limit` records of patients that changed since they were last handed out, but not
   * during the last `quietPages` pages, least recently changed first, and that have a Patient resource and something
   * from every source in `sources` (bits). Each is marked as handed out until it changes again; {@link drainChanges}
   * then gives only the records that did. Patients passed over for a missing Patient or source wait for their next
   * change (or the drain): while a search is still running, a patient it has not touched may simply not have been
   * reached yet.
   */
  takeSettled(quietPages: number, limit: number, sources = 0): PatientRecord[] {
    const changes = this.#changes;
    if (changes === undefined) return [];
    const out: PatientRecord[] = [];
    for (const patientId of changes.unsettled) {
      if (out.length >= limit) break;
      const entry = this.#pending.get(patientId);
      if (entry !== undefined && this.#pages - entry.changedAt < quietPages) break;
      changes.unsettled.delete(patientId);
      if (this.#lastChanged === patientId) this.#lastChanged = undefined;
      if (entry?.patient === undefined || (entry.sources & sources) !== sources) continue;
      entry.taken = true;
      out.push(this.#record(patientId, entry.patient, entry.resources));
    }
    return out;
  }

  #changed(patientId: string, entry = this.#pending.get(patientId)): void {
    if (entry === undefined || this.#changes === undefined) return;
    entry.changedAt = this.#pages;
    entry.taken = false;
    // A search returns a patient's resources one after another: most changes are to the patient already last.
    if (this.#lastChanged === patientId) return;
    this.#lastChanged = patientId;
    this.#changes.unsettled.delete(patientId);
    this.#changes.unsettled.add(patientId);
  }

  #usesMedication(patientId: string, request: CompactResource): void {
    const id = medicationIdOf(request);
    if (id === undefined || this.#changes === undefined) return;
    const users = this.#changes.medicationUsers.get(id);
    if (users === undefined) this.#changes.medicationUsers.set(id, new Set([patientId]));
    else users.add(patientId);
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
   * Yields each patient that has a Patient resource, in the order patients were first met, and forgets it as it
   * goes so that memory is released while the caller evaluates. Patients without a Patient resource are dropped
   * (no birth date or demographics: they cannot enter any initial population).
   */
  *drain(): Generator<PatientRecord> {
    for (const { record } of this.#drain(false)) if (record !== undefined) yield record;
  }

  /**
   * Like {@link drain}, in the same order, but a patient handed out by {@link takeSettled} and unchanged since comes
   * without a record: the caller already has their result.
   */
  drainChanges(): Generator<DrainedPatient> {
    return this.#drain(true);
  }

  *#drain(skipTaken: boolean): Generator<DrainedPatient> {
    for (const [patientId, entry] of this.#pending) {
      this.#pending.delete(patientId);
      if (entry.patient === undefined) continue;
      yield {
        patientId,
        record: skipTaken && entry.taken ? undefined : this.#record(patientId, entry.patient, entry.resources),
      };
    }
    this.#changes?.unsettled.clear();
    this.#lastChanged = undefined;
  }

  #record(patientId: string, patient: CompactResource, resources: readonly CompactResource[]): PatientRecord {
    const all: unknown[] = [patient, ...resources, ...this.#referencedMedications(resources)];
    return { patientId, resources: all.filter(isResourceShaped) };
  }

  #referencedMedications(resources: readonly CompactResource[]): CompactResource[] {
    const found = new Map<string, CompactResource>();
    for (const r of resources) {
      const id = medicationIdOf(r);
      const medication = id === undefined ? undefined : this.#medications.get(id);
      if (id !== undefined && medication !== undefined) found.set(id, medication);
    }
    return [...found.values()];
  }
}

/** The id of the Medication a MedicationRequest names by a reference to another resource, if any. */
function medicationIdOf(r: CompactResource): string | undefined {
  if (r.resourceType !== 'MedicationRequest' || !isJsonObject(r.medicationReference)) return undefined;
  const reference = r.medicationReference.reference;
  if (typeof reference !== 'string' || reference.startsWith('#')) return undefined;
  return referenceId(reference);
}
