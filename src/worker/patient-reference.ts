import { isJsonObject, type JsonObject } from '../measures/field-reader';

/** The fields through which a resource points at its patient, in the order they are tried. */
const PATIENT_FIELDS = ['subject', 'patient', 'beneficiary'] as const;

/**
 * The id of the Patient a reference points at: `Patient/123`, `https://host/fhir/Patient/123` or
 * `Patient/123/_history/2` give `123`; anything else (a Group, a `urn:uuid:`, a contained `#ref`) gives undefined.
 */
export function patientIdFromReference(reference: string): string | undefined {
  // Index arithmetic rather than split('/'): this runs for every resource of an export.
  const history = reference.indexOf('/_history/');
  const end = history === -1 ? reference.length : history;
  const slash = reference.lastIndexOf('/', end - 1);
  if (slash <= 0 || slash === end - 1) return undefined;
  const typeStart = reference.lastIndexOf('/', slash - 1) + 1;
  return reference.slice(typeStart, slash) === 'Patient' ? reference.slice(slash + 1, end) : undefined;
}

/**
 * The patient a resource belongs to, from `subject`, `patient` or `beneficiary` (Coverage), as Bulk Data exports
 * group resources into the Patient compartment; undefined when none of them references a Patient.
 */
export function patientIdOf(resource: JsonObject): string | undefined {
  for (const field of PATIENT_FIELDS) {
    const ref = resource[field];
    if (!isJsonObject(ref)) continue;
    const reference = ref.reference;
    if (typeof reference === 'string') {
      const id = patientIdFromReference(reference);
      if (id !== undefined) return id;
    }
  }
  return undefined;
}
