import { AppError } from './app-error';
import type { FhirGateway } from './fhir-gateway';
import type { LooseResource } from './schemas';
import { allows } from './scopes';

/** The clinical types the measures read for one patient (CMS165, CMS122 and their exclusions). */
export const CLINICAL_TYPES = [
  'Observation',
  'Condition',
  'Encounter',
  'Procedure',
  'MedicationRequest',
  'ServiceRequest',
  'DeviceRequest',
  'Coverage',
] as const;
export type ClinicalType = (typeof CLINICAL_TYPES)[number];

/** What the clinician view reads first: the Patient, the responses recorded for them, and self-report Provenance. */
export interface PatientContext {
  readonly patient: LooseResource;
  /** Every QuestionnaireResponse of the patient (the prompt's and the patient's own self-reports). */
  readonly responses: readonly LooseResource[];
  /** Provenance naming the patient as an agent (how self-reports are signed). */
  readonly provenances: readonly LooseResource[];
  /** Types the token may not search, so the view can say what it cannot show instead of showing nothing. */
  readonly notPermitted: readonly string[];
}

/** The patient's clinical record as the measures need it. */
export interface ClinicalRecord {
  readonly resources: readonly LooseResource[];
  /** Resources found per type; absent for a type that was not permitted. */
  readonly counts: Readonly<Partial<Record<ClinicalType, number>>>;
  readonly notPermitted: readonly ClinicalType[];
}

interface LoadOptions {
  readonly signal: AbortSignal;
  readonly grantedScopes: readonly string[];
}

const PAGE = '_count=200';

/**
 * Searches `type` for the patient unless the granted scopes rule it out (undefined: not permitted). A 403 from the
 * server counts as not permitted too: the EHR may narrow access below what the token's scopes say.
 */
async function searchIfPermitted(
  gateway: FhirGateway,
  type: string,
  query: string,
  what: string,
  { signal, grantedScopes }: LoadOptions,
): Promise<LooseResource[] | undefined> {
  if (!allows(grantedScopes, 'patient', type, 's') && !allows(grantedScopes, 'user', type, 's')) return undefined;
  try {
    return await gateway.searchAll(`${type}?${query}&${PAGE}`, { what, signal });
  } catch (error) {
    if (error instanceof AppError && error.kind === 'forbidden') return undefined;
    throw error;
  }
}

/**
 * Reads the Patient, their QuestionnaireResponses and the Provenance they signed, in parallel. A failure to read the
 * Patient fails the whole view; a type the token may not search is reported in `notPermitted`.
 */
export async function loadPatientContext(
  gateway: FhirGateway,
  patientId: string,
  options: LoadOptions,
): Promise<PatientContext> {
  const id = encodeURIComponent(patientId);
  const [patient, responses, provenances] = await Promise.all([
    gateway.read(`Patient/${id}`, { what: 'reading the patient’s record', signal: options.signal }),
    searchIfPermitted(
      gateway,
      'QuestionnaireResponse',
      `patient=${id}`,
      'reading the patient’s questionnaire answers',
      options,
    ),
    searchIfPermitted(
      gateway,
      'Provenance',
      `agent=Patient/${id}`,
      'reading who recorded the patient’s details',
      options,
    ),
  ]);
  const notPermitted = [
    ...(responses === undefined ? ['QuestionnaireResponse'] : []),
    ...(provenances === undefined ? ['Provenance'] : []),
  ];
  return { patient, responses: responses ?? [], provenances: provenances ?? [], notPermitted };
}

/** Reads every clinical type the measures use for the patient, all searches in parallel. */
export async function loadClinicalRecord(
  gateway: FhirGateway,
  patientId: string,
  options: LoadOptions,
): Promise<ClinicalRecord> {
  const id = encodeURIComponent(patientId);
  const results = await Promise.all(
    CLINICAL_TYPES.map(async (type) => ({
      type,
      found: await searchIfPermitted(
        gateway,
        type,
        `patient=${id}`,
        `reading the patient’s ${TYPE_WORDS[type]}`,
        options,
      ),
    })),
  );
  const counts: Partial<Record<ClinicalType, number>> = {};
  for (const { type, found } of results) if (found !== undefined) counts[type] = found.length;
  return {
    resources: results.flatMap(({ found }) => found ?? []),
    counts,
    notPermitted: results.filter(({ found }) => found === undefined).map(({ type }) => type),
  };
}

/** Plain words for each type, for error messages and the "cannot show" notice. */
export const TYPE_WORDS: Readonly<Record<string, string>> = {
  Observation: 'observations (blood pressure, lab results)',
  Condition: 'diagnoses',
  Encounter: 'visits',
  Procedure: 'procedures',
  MedicationRequest: 'medications',
  ServiceRequest: 'orders and referrals',
  DeviceRequest: 'medical equipment orders',
  Coverage: 'insurance',
  QuestionnaireResponse: 'questionnaire answers',
  Provenance: 'record history (who recorded what)',
};
