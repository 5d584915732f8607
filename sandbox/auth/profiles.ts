/** The three sandbox users an app can be launched as. */
export const SANDBOX_PROFILES = ['clinician', 'quality-lead', 'patient'] as const;

export type SandboxProfile = (typeof SANDBOX_PROFILES)[number];

/** SMART v2 permission letters, in the order the specification requires them (c r u d s). */
export type Permission = 'c' | 'r' | 'u' | 'd' | 's';

export const PERMISSION_ORDER: readonly Permission[] = ['c', 'r', 'u', 'd', 's'];

/** What a profile may be granted: one SMART context, and the permission letters allowed per resource type. */
export interface ProfilePolicy {
  readonly context: 'patient' | 'user';
  /** Letters per resource type; `*` applies to every type (on top of a type's own letters). */
  readonly permissions: Readonly<Record<string, string>>;
}

const READ = 'rs';

// The quality lead reads panels across patients and, for later features, records follow-up (tasks, goals, lists,
// measure reports). Types it may create or update can also be read back, or an If-Match update could never start.
const QUALITY_LEAD_READS = [
  'Patient',
  'Observation',
  'Condition',
  'Encounter',
  'Coverage',
  'QuestionnaireResponse',
  'Provenance',
  'Practitioner',
  'Organization',
  'Procedure',
  'MedicationRequest',
  'ServiceRequest',
  'DeviceRequest',
];
const QUALITY_LEAD_WRITES = [
  'QuestionnaireResponse',
  'Observation',
  'Goal',
  'Task',
  'List',
  'Measure',
  'MeasureReport',
  'PlanDefinition',
  'Provenance',
  'Questionnaire',
];

function qualityLeadPermissions(): Record<string, string> {
  const permissions: Record<string, string> = {};
  for (const type of QUALITY_LEAD_READS) permissions[type] = READ;
  for (const type of QUALITY_LEAD_WRITES) permissions[type] = 'crus';
  return permissions;
}

/** Per-profile grant policy: the sandbox down-scopes whatever the app asks for to these. */
export const PROFILE_POLICIES: Readonly<Record<SandboxProfile, ProfilePolicy>> = {
  // A clinician in an EHR launch gets every patient-level scope the app asks for, limited to the patient in context.
  clinician: { context: 'patient', permissions: { '*': 'cruds' } },
  'quality-lead': { context: 'user', permissions: qualityLeadPermissions() },
  // A patient reads their own record, updates their demographics and records self-reported answers.
  patient: {
    context: 'patient',
    permissions: { '*': READ, Patient: 'rus', QuestionnaireResponse: 'crs', Provenance: 'crs' },
  },
};
