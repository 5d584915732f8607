/** Code systems and extension URLs the domain mappers read or write (facts from US Core 6 / FHIR R4). */

/** CDC Race & Ethnicity Code Set (OMB categories and detailed codes). */
export const CDC_RACE_ETHNICITY_SYSTEM = 'urn:oid:2.16.840.1.113883.6.238';
/** HL7 v3 null flavors: `ASKU` (asked but declined) and `UNK` (unknown). */
export const NULL_FLAVOR_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor';
/** BCP-47 language tags. */
export const BCP47_SYSTEM = 'urn:ietf:bcp:47';
export const LOINC_SYSTEM = 'http://loinc.org';
export const ADMINISTRATIVE_GENDER_SYSTEM = 'http://hl7.org/fhir/administrative-gender';
/** Source of Payment Typology (PHDSC / NAHDO), by URL and by OID. */
export const SOPT_SYSTEMS: readonly string[] = ['https://nahdo.org/sopt', 'urn:oid:2.16.840.1.113883.3.221.5'];

export const US_CORE_RACE_URL = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-race';
export const US_CORE_ETHNICITY_URL = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity';
export const US_CORE_INTERPRETER_NEEDED_URL =
  'http://hl7.org/fhir/us/core/StructureDefinition/us-core-interpreter-needed';

/** The app's own code systems, for keys no standard system has (`absent`, `multiple`, age bands, payer groups…). */
export const APP_BASE = 'https://equity-lens.example.org';
export const APP_STRATIFIER_SYSTEM = `${APP_BASE}/CodeSystem/stratifier`;
export const APP_STRATUM_SYSTEM = `${APP_BASE}/CodeSystem/stratum`;

/** Systems under which the CDC race and ethnicity codes are found in the wild (same codes, older URLs). */
export const CDC_RACE_ETHNICITY_SYSTEMS: ReadonlySet<string> = new Set([
  CDC_RACE_ETHNICITY_SYSTEM,
  'http://terminology.hl7.org/CodeSystem/v3-Race',
  'http://terminology.hl7.org/CodeSystem/v3-Ethnicity',
  'http://hl7.org/fhir/v3/Race',
  'http://hl7.org/fhir/v3/Ethnicity',
]);
