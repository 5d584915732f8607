/**
 * SMART scopes Equity Lens asks for, per way in (SMART App Launch 2.x letters c r u d s). The app asks for what its
 * views use and no more; an EHR may grant less, and the views explain what a missing permission hides.
 */

/** What the measures read: CMS165 and CMS122 need these for their populations and exclusions. */
export const MEASURE_READ_TYPES = [
  'Patient',
  'Observation',
  'Condition',
  'Encounter',
  'Coverage',
  'Procedure',
  'MedicationRequest',
  'ServiceRequest',
  'DeviceRequest',
  'QuestionnaireResponse',
] as const;

const IDENTITY = ['openid', 'fhirUser'];

/** What the quality lead's improvement charters read and write (created, read, updated with If-Match, searched). */
export const CHARTER_WRITE_TYPES = ['PlanDefinition', 'Goal', 'Task', 'MeasureReport'] as const;

/**
 * EHR launch. The same launch URL serves the clinician (patient in context) and the quality lead (no patient), so
 * the app asks for both patient- and user-level reads; the EHR grants the set the user's role allows, and the
 * token's `patient` decides the view.
 */
export const EHR_LAUNCH_SCOPES: readonly string[] = [
  'launch',
  ...IDENTITY,
  ...MEASURE_READ_TYPES.map((type) => `patient/${type}.rs`),
  'patient/QuestionnaireResponse.cu',
  'patient/Observation.c',
  // The clinician view: whether REAL data was self-reported (the self-report Provenance), and the app's own
  // racism-prompt Questionnaire, created on a server that lacks it (conditional create searches, then creates).
  'patient/Provenance.rs',
  'patient/Questionnaire.cs',
  ...MEASURE_READ_TYPES.map((type) => `user/${type}.rs`),
  'user/Practitioner.rs',
  'user/Provenance.rs',
  // Improvement charters (issue #7): the charter (PlanDefinition), its two Goals, PDSA cycles (Task), frozen
  // baseline and snapshots (MeasureReport), and the app's own Measure they cite (see src/fhir/charter-README.md).
  ...CHARTER_WRITE_TYPES.map((type) => `user/${type}.crus`),
  'user/Measure.cs',
];

/** Standalone patient launch (self-report from a portal). */
export const PATIENT_LAUNCH_SCOPES: readonly string[] = [
  'launch/patient',
  ...IDENTITY,
  'patient/Patient.rus',
  'patient/QuestionnaireResponse.c',
  'patient/Provenance.c',
];

/** Whether a granted scope list lets the app do `letter` (c r u d s) on `type` at `level` (`patient` or `user`). */
export function allows(
  granted: readonly string[],
  level: 'patient' | 'user',
  type: string,
  letter: 'c' | 'r' | 'u' | 'd' | 's',
): boolean {
  return granted.some((scope) => {
    const match = /^(patient|user|system)\/([A-Za-z*]+)\.(\*|read|write|[cruds]+)$/.exec(scope);
    if (match === null) return false;
    const [, scopeLevel, scopeType, permission] = match;
    if (scopeLevel !== level || (scopeType !== '*' && scopeType !== type)) return false;
    if (permission === '*') return true;
    if (permission === 'read') return letter === 'r' || letter === 's';
    if (permission === 'write') return letter === 'c' || letter === 'u' || letter === 'd';
    return permission?.includes(letter) ?? false;
  });
}
