/** Code systems the measures' CQL names (exact URIs: CQL code equivalence compares system and code). */
export const SYSTEMS = {
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  cpt: 'http://www.ama-assn.org/go/cpt',
  // CMS122 declares HCPCS by this URI; its value sets use http://www.nlm.nih.gov/research/umls/hcpcs.
  hcpcsCms: 'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  usCoreConditionCategory: 'http://hl7.org/fhir/us/core/CodeSystem/condition-category',
  ucum: 'http://unitsofmeasure.org',
} as const;

const key = (system: string, code: string): string => `${system}|${code}`;

/**
 * Direct-reference codes of CMS165 / CMS122 v0.5.000 and their libraries, as `system|code` keys.
 * Each names the CQL `code` declaration it comes from.
 */
export const CODES = {
  /** CMS165 "Systolic blood pressure". */
  systolic: key(SYSTEMS.loinc, '8480-6'),
  /** CMS165 "Diastolic blood pressure". */
  diastolic: key(SYSTEMS.loinc, '8462-4'),
  /** US Core Blood Pressure profile's fixed code (the `[USCoreBloodPressureProfile]` retrieve). */
  bloodPressurePanel: key(SYSTEMS.loinc, '85354-9'),
  /** CMS122 "Glucose management indicator". */
  glucoseManagementIndicator: key(SYSTEMS.loinc, '97506-0'),
  /** Hospice "Hospice care [Minimum Data Set]". */
  hospiceCareMds: key(SYSTEMS.loinc, '45755-6'),
  /** Hospice "Yes (qualifier value)". */
  yes: key(SYSTEMS.snomed, '373066001'),
  /** Hospice "Discharge to home for hospice care (procedure)". */
  dischargeHomeHospice: key(SYSTEMS.snomed, '428361000124107'),
  /** Hospice "Discharge to healthcare facility for hospice care (procedure)". */
  dischargeFacilityHospice: key(SYSTEMS.snomed, '428371000124100'),
  /** PalliativeCare "FACIT-Pal" questionnaire. */
  facitPal: key(SYSTEMS.loinc, '71007-9'),
  /** AdvancedIllnessandFrailty "Housing status". */
  housingStatus: key(SYSTEMS.loinc, '71802-3'),
  /** AdvancedIllnessandFrailty "Lives in nursing home (finding)". */
  livesInNursingHome: key(SYSTEMS.snomed, '160734000'),
  /** AdvancedIllnessandFrailty "Medical equipment used". */
  medicalEquipmentUsed: key(SYSTEMS.loinc, '98181-1'),
} as const;

/** CMS122 "Qualifying Encounters": the medical nutrition therapy codes matched on `Encounter.type` directly. */
export const NUTRITION_THERAPY_CODES: ReadonlySet<string> = new Set([
  key(SYSTEMS.cpt, '97802'),
  key(SYSTEMS.cpt, '97803'),
  key(SYSTEMS.cpt, '97804'),
  key(SYSTEMS.hcpcsCms, 'G0270'),
  key(SYSTEMS.hcpcsCms, 'G0271'),
]);

/** QICoreCommon `isActive`: clinical statuses that make a Condition's prevalence open-ended. */
export const ACTIVE_CLINICAL_STATUSES: ReadonlySet<string> = new Set(
  ['active', 'recurrence', 'relapse'].map((c) => key(SYSTEMS.conditionClinical, c)),
);

/** Status `verified()`: verification statuses that keep a Condition (absence also keeps it). */
export const VERIFIED_STATUSES: ReadonlySet<string> = new Set(
  ['confirmed', 'unconfirmed', 'provisional', 'differential'].map((c) => key(SYSTEMS.conditionVerification, c)),
);

/** QI-Core ConditionEncounterDiagnosis is the `encounter-diagnosis` category. */
export const ENCOUNTER_DIAGNOSIS_CATEGORY = key(SYSTEMS.conditionCategory, 'encounter-diagnosis');

/** QI-Core ConditionProblemsHealthConcerns is the `problem-list-item` or `health-concern` category. */
export const PROBLEM_CATEGORIES: ReadonlySet<string> = new Set([
  key(SYSTEMS.conditionCategory, 'problem-list-item'),
  key(SYSTEMS.usCoreConditionCategory, 'health-concern'),
]);

/** CMS165: a reading whose own encounter has one of these `class` codes does not qualify via the second branch. */
export const ACUTE_ENCOUNTER_CLASSES: ReadonlySet<string> = new Set(['EMER', 'IMP', 'ACUTE', 'NONAC', 'PRENC', 'SS']);

/** Status library: observation statuses of a performed assessment / lab test / BP reading. */
export const RESULT_STATUSES: ReadonlySet<string> = new Set(['final', 'amended', 'corrected']);

/** Status `isSymptom`. */
export const SYMPTOM_STATUSES: ReadonlySet<string> = new Set(['preliminary', 'final', 'amended', 'corrected']);

/** Status library: request intents that count as an order. */
export const ORDER_INTENTS: ReadonlySet<string> = new Set([
  'order',
  'original-order',
  'reflex-order',
  'filler-order',
  'instance-order',
]);

/** Status `isInterventionOrder` / `isDeviceOrderPersonalUseDevices`. */
export const ORDER_STATUSES: ReadonlySet<string> = new Set(['active', 'completed']);
