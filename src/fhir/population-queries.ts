import { HUNGER_VITAL_SIGN } from '../domain/food-insecurity';
import { SELF_REPORT_FORMS } from '../domain/self-report-form';
import { SELF_REPORT_QUESTIONNAIRE } from '../domain/self-report-questionnaire-response';
import { CODES } from '../measures/codes';
import type { Period } from '../measures/types';
import { VALUE_SETS, valueSetCodes } from '../measures/value-sets';
import { allows } from './scopes';

/** What a search's resources are for: the engine, the REAL self-report counts, or practitioner names. */
export type PopulationRole = 'patients' | 'clinical' | 'self-report' | 'practitioners';

/** One type-level search of the population load. */
export interface PopulationSearch {
  readonly type: string;
  /** Relative search URL with `_count`. */
  readonly path: string;
  readonly role: PopulationRole;
  /** Plain words for the resources, for the progress bar and for messages ("blood pressure and lab results"). */
  readonly label: string;
  /** Whether the panels cannot be computed without it (a failure stops the load; others only lose a detail). */
  readonly required: boolean;
  /** Whether resources the search `_include`s are read too (Medications named by reference in orders). */
  readonly includes?: boolean;
}

/** The searches a population load runs, and the types the token does not allow (so the view can say so). */
export interface PopulationPlan {
  readonly searches: readonly PopulationSearch[];
  readonly notPermitted: readonly { readonly type: string; readonly label: string; readonly required: boolean }[];
}

/** Page size asked of the server (servers may cap it lower; next links are followed either way). */
export const POPULATION_PAGE_SIZE = 1000;

/**
 * Observation codes the measures and stratifiers read, as bare codes (a token without a system matches any system,
 * and the Hunger Vital Sign is accepted without one): blood pressure, HbA1c and GMI, hospice and palliative
 * assessments, housing status and medical equipment (frailty, nursing home), the Hunger Vital Sign, and the frailty
 * symptoms. Codes that match in another system are dropped again by the engine's projection.
 */
export function observationCodes(): string[] {
  const keys = [
    CODES.bloodPressurePanel,
    CODES.systolic,
    CODES.diastolic,
    ...valueSetCodes(VALUE_SETS.hba1cLabTest),
    CODES.glucoseManagementIndicator,
    CODES.hospiceCareMds,
    CODES.facitPal,
    CODES.housingStatus,
    CODES.medicalEquipmentUsed,
    ...valueSetCodes(VALUE_SETS.frailtySymptom),
  ];
  const hunger = [
    HUNGER_VITAL_SIGN.panel,
    HUNGER_VITAL_SIGN.worriedFoodWouldRunOut,
    HUNGER_VITAL_SIGN.foodDidNotLast,
    HUNGER_VITAL_SIGN.riskItem,
  ];
  return [...new Set([...keys.map((key) => key.slice(key.lastIndexOf('|') + 1)), ...hunger])];
}

/**
 * The self-report form's canonical, bare and with each version the app writes (`…|omb-2024`): FHIR says a bare
 * canonical matches every version, but not every server does, so the versions are named too.
 */
export function selfReportQuestionnaires(): string[] {
  return [
    SELF_REPORT_QUESTIONNAIRE,
    ...Object.keys(SELF_REPORT_FORMS).map((standard) => `${SELF_REPORT_QUESTIONNAIRE}|${standard}`),
  ];
}

/** `YYYY-MM-DD` twelve months before `day` (the measures' "year before the period" look-back). */
function yearBefore(day: string): string {
  return `${String(Number(day.slice(0, 4)) - 1).padStart(4, '0')}${day.slice(4)}`;
}

/**
 * The searches that load a clinic's population for CMS165 and CMS122 over `period`: every Patient, the clinical
 * types the measures read (Observations by code, Encounters from a year before the period, the rest whole),
 * Coverage for the payer, the self-report Provenance and QuestionnaireResponses for the REAL data-quality panel,
 * and Practitioners for names. Types the token does not allow (`user/<T>.rs`) are left out and listed.
 */
export function populationPlan(period: Period, grantedScopes: readonly string[]): PopulationPlan {
  const count = `_count=${String(POPULATION_PAGE_SIZE)}`;
  const all: PopulationSearch[] = [
    // The big searches first, so that the small ones fill the gaps while they page.
    {
      type: 'Observation',
      path: `Observation?code=${observationCodes().join(',')}&${count}`,
      role: 'clinical',
      label: 'blood pressure, lab results and screenings',
      required: true,
    },
    {
      type: 'Encounter',
      path: `Encounter?date=ge${yearBefore(period.start)}&${count}`,
      role: 'clinical',
      label: 'visits',
      required: true,
    },
    { type: 'Patient', path: `Patient?${count}`, role: 'patients', label: 'patients', required: true },
    { type: 'Condition', path: `Condition?${count}`, role: 'clinical', label: 'diagnoses', required: true },
    { type: 'Coverage', path: `Coverage?${count}`, role: 'clinical', label: 'insurance', required: true },
    { type: 'Procedure', path: `Procedure?${count}`, role: 'clinical', label: 'procedures', required: true },
    {
      // A drug named by reference (`medicationReference`) is only known from its Medication: the server includes it.
      type: 'MedicationRequest',
      path: `MedicationRequest?_include=MedicationRequest:medication&${count}`,
      role: 'clinical',
      label: 'medication orders',
      required: true,
      includes: true,
    },
    {
      type: 'ServiceRequest',
      path: `ServiceRequest?${count}`,
      role: 'clinical',
      label: 'service orders',
      required: true,
    },
    {
      type: 'DeviceRequest',
      path: `DeviceRequest?${count}`,
      role: 'clinical',
      label: 'equipment orders',
      required: true,
    },
    {
      type: 'Provenance',
      path: `Provenance?${count}`,
      role: 'self-report',
      label: 'record history (self-reports)',
      required: false,
    },
    {
      type: 'QuestionnaireResponse',
      path: `QuestionnaireResponse?questionnaire=${selfReportQuestionnaires().map(encodeURIComponent).join(',')}&${count}`,
      role: 'self-report',
      label: 'self-report forms',
      required: false,
    },
    {
      type: 'Practitioner',
      path: `Practitioner?${count}`,
      role: 'practitioners',
      label: 'practitioner names',
      required: false,
    },
  ];
  const permitted = (type: string): boolean => allows(grantedScopes, 'user', type, 's');
  return {
    searches: all.filter((s) => permitted(s.type)),
    notPermitted: all.filter((s) => !permitted(s.type)).map(({ type, label, required }) => ({ type, label, required })),
  };
}
