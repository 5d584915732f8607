import type { Resource } from '@medplum/fhirtypes';

/**
 * The fields through which a resource belongs to a patient's compartment, kept deliberately simple: the fields the
 * patient compartment uses for the types this app meets (subject, patient, beneficiary, and Task's `for`), read
 * directly rather than through FHIRPath so that indexing 200k resources stays cheap.
 */
const PATIENT_FIELDS = ['subject', 'patient', 'beneficiary', 'for'] as const;

const PATIENT_REFERENCE = /(?:^|\/)Patient\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

/**
 * Definitional resources that the R4 Patient CompartmentDefinition never includes, shared by every patient's record:
 * a `patient/` scope on them reaches every instance, since no compartment could ever hold one (an app launched for a
 * patient reads, or creates, the Questionnaire its responses cite).
 */
export const SHARED_DEFINITION_TYPES: ReadonlySet<string> = new Set(['Questionnaire']);

/** Looks up the patients of a referenced resource (`Type/id`), for resources that belong through another one. */
export type CompartmentLookup = (reference: string) => readonly string[];

/**
 * Ids of the patients whose compartment holds `resource`: the Patient itself, resources whose subject, patient,
 * beneficiary or `for` references `Patient/<id>`, and a Provenance whose target is such a patient or a resource in
 * their compartment (found with `lookup`; a patient recording a QuestionnaireResponse also signs its Provenance).
 */
export function compartmentPatientIds(resource: Resource, lookup?: CompartmentLookup): string[] {
  if (resource.resourceType === 'Patient') return resource.id ? [resource.id] : [];
  const ids: string[] = [];
  // Plain loops and no Set: this runs for every resource the sandbox loads.
  for (const field of PATIENT_FIELDS) {
    const value: unknown = Reflect.get(resource, field);
    if (value !== undefined) for (const reference of referencesIn(value)) addPatient(ids, patientIdOf(reference));
  }
  if (resource.resourceType === 'Provenance') {
    for (const reference of referencesIn(resource.target)) {
      const id = patientIdOf(reference);
      if (id) addPatient(ids, id);
      else for (const other of lookup?.(reference) ?? []) addPatient(ids, other);
    }
  }
  return ids;
}

function addPatient(ids: string[], id: string | undefined): void {
  if (id !== undefined && !ids.includes(id)) ids.push(id);
}

/** Whether `resource` lies in the compartment of patient `patientId`. */
export function isInPatientCompartment(resource: Resource, patientId: string, lookup?: CompartmentLookup): boolean {
  return compartmentPatientIds(resource, lookup).includes(patientId);
}

/** The patient id of a `Patient/<id>` reference (relative, absolute or versioned), else undefined. */
export function patientIdOf(reference: string): string | undefined {
  return PATIENT_REFERENCE.exec(reference)?.[1];
}

function referencesIn(value: unknown): string[] {
  const items: unknown[] = Array.isArray(value) ? value : [value];
  const references: string[] = [];
  for (const item of items) {
    if (typeof item === 'object' && item !== null && 'reference' in item && typeof item.reference === 'string') {
      references.push(item.reference);
    }
  }
  return references;
}
