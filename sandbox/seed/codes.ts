import type { Coding } from 'fhir/r4';

/**
 * Every code the generator writes, in one place. Clinical codes are taken from the expanded value sets shipped with
 * the measures (`/work/shared/ecqm/CMS165-2025/valuesets.json`, `CMS122-2025/valuesets.json`), so that they qualify
 * under the measures' CQL; the value set each one comes from is named beside it.
 */
export const SYSTEM = {
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  cpt: 'http://www.ama-assn.org/go/cpt',
  // The HCPCS system URI used by the VSAC expansions in valuesets.json.
  hcpcs: 'http://www.nlm.nih.gov/research/umls/hcpcs',
  ucum: 'http://unitsofmeasure.org',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  nullFlavor: 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor',
  cdcRace: 'urn:oid:2.16.840.1.113883.6.238',
  bcp47: 'urn:ietf:bcp:47',
  sopt: 'https://nahdo.org/sopt',
  obsCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  usCoreCategory: 'http://hl7.org/fhir/us/core/CodeSystem/us-core-category',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  dischargeDisposition: 'http://terminology.hl7.org/CodeSystem/discharge-disposition',
  npi: 'http://hl7.org/fhir/sid/us-npi',
  mrn: 'http://sandbox.equity-lens.example/mrn',
  memberId: 'http://sandbox.equity-lens.example/member-id',
} as const;

export const US_CORE = {
  race: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-race',
  ethnicity: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity',
  interpreterNeeded: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-interpreter-needed',
  patient: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient',
  bloodPressure: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-blood-pressure',
  lab: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-observation-lab',
  screening: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-observation-screening-assessment',
  condition: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-condition-problems-health-concerns',
  encounterDiagnosis: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-condition-encounter-diagnosis',
  encounter: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-encounter',
  coverage: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-coverage',
} as const;

const c = (system: string, code: string, display?: string): Coding =>
  display === undefined ? { system, code } : { system, code, display };

/** Encounter types. */
export const VISIT = {
  // "Office Visit" 2.16.840.1.113883.3.464.1003.101.12.1001
  office: [c(SYSTEM.cpt, '99213'), c(SYSTEM.cpt, '99214'), c(SYSTEM.cpt, '99212'), c(SYSTEM.cpt, '99215')],
  officeNew: c(SYSTEM.cpt, '99203'),
  officeOutOfHours: c(SYSTEM.snomed, '185463005', 'Visit out of hours (procedure)'),
  // "Annual Wellness Visit" 2.16.840.1.113883.3.526.3.1240
  annualWellness: c(SYSTEM.hcpcs, 'G0439', 'Annual wellness visit, subsequent visit'),
  // "Preventive Care Services Established Office Visit, 18 and Up" 2.16.840.1.113883.3.464.1003.101.12.1025
  preventive18to39: c(SYSTEM.cpt, '99395'),
  preventive40to64: c(SYSTEM.cpt, '99396'),
  preventive65up: c(SYSTEM.cpt, '99397'),
  // "Telephone Visits" 2.16.840.1.113883.3.464.1003.101.12.1080
  telephone: [c(SYSTEM.cpt, '99442'), c(SYSTEM.snomed, '185317003', 'Telephone encounter (procedure)')],
  // "Virtual Encounter" 2.16.840.1.113883.3.464.1003.101.12.1089 (CMS165's online assessments; not in CMS122)
  online: c(SYSTEM.cpt, '99422'),
  // "Emergency Department Evaluation and Management Visit" 2.16.840.1.113883.3.464.1003.101.12.1010
  emergency: [c(SYSTEM.cpt, '99284'), c(SYSTEM.snomed, '4525004', 'Emergency department patient visit (procedure)')],
  // "Encounter Inpatient" 2.16.840.1.113883.3.666.5.307
  inpatient: c(SYSTEM.snomed, '32485007', 'Hospital admission (procedure)'),
  // "Hospice Encounter" 2.16.840.1.113883.3.464.1003.1003
  hospice: c(SYSTEM.snomed, '305336008', 'Admission to hospice (procedure)'),
  // "Palliative Care Encounter" 2.16.840.1.113883.3.464.1003.101.12.1090
  palliative: c(SYSTEM.snomed, '713281006', 'Consultation for palliative care (procedure)'),
} as const;

export const ENCOUNTER_CLASS = {
  ambulatory: c(SYSTEM.actCode, 'AMB', 'ambulatory'),
  virtual: c(SYSTEM.actCode, 'VR', 'virtual'),
  emergency: c(SYSTEM.actCode, 'EMER', 'emergency'),
  inpatient: c(SYSTEM.actCode, 'IMP', 'inpatient encounter'),
  homeHealth: c(SYSTEM.actCode, 'HH', 'home health'),
} as const;

export const DISCHARGE = {
  home: c(SYSTEM.dischargeDisposition, 'home', 'Home'),
  // Hospice library: "Discharge to home for hospice care (procedure)"
  homeHospice: c(SYSTEM.snomed, '428361000124107', 'Discharge to home for hospice care (procedure)'),
} as const;

/** Condition codes; each pairs a SNOMED CT code with the ICD-10-CM code an EHR usually sends beside it. */
export const CONDITION = {
  // "Essential Hypertension" 2.16.840.1.113883.3.464.1003.104.12.1011 (both codes are in the value set)
  hypertension: [
    [c(SYSTEM.snomed, '59621000', 'Essential hypertension (disorder)'), c(SYSTEM.icd10cm, 'I10')],
    [c(SYSTEM.snomed, '1201005', 'Benign essential hypertension (disorder)'), c(SYSTEM.icd10cm, 'I10')],
    [c(SYSTEM.snomed, '371125006', 'Labile essential hypertension (disorder)')],
  ],
  // "Diabetes" 2.16.840.1.113883.3.464.1003.103.12.1001
  diabetesType2: [c(SYSTEM.snomed, '44054006', 'Diabetes mellitus type 2 (disorder)'), c(SYSTEM.icd10cm, 'E11.9')],
  diabetesType2Hyperglycemia: [c(SYSTEM.icd10cm, 'E11.65', 'Type 2 diabetes mellitus with hyperglycemia')],
  diabetesType1: [c(SYSTEM.snomed, '46635009', 'Diabetes mellitus type 1 (disorder)'), c(SYSTEM.icd10cm, 'E10.9')],
  // "End Stage Renal Disease" 2.16.840.1.113883.3.526.3.353
  esrd: [c(SYSTEM.snomed, '46177005', 'End-stage renal disease (disorder)'), c(SYSTEM.icd10cm, 'N18.6')],
  // "Kidney Transplant Recipient" 2.16.840.1.113883.3.464.1003.109.12.1029
  kidneyTransplant: [c(SYSTEM.icd10cm, 'Z94.0', 'Kidney transplant status')],
  // "Chronic Kidney Disease, Stage 5" 2.16.840.1.113883.3.526.3.1002
  ckd5: [c(SYSTEM.snomed, '433146000', 'Chronic kidney disease stage 5 (disorder)'), c(SYSTEM.icd10cm, 'N18.5')],
  // "Pregnancy" 2.16.840.1.113883.3.526.3.378
  pregnancy: [c(SYSTEM.snomed, '77386006', 'Pregnancy (finding)')],
  // "Palliative Care Diagnosis" 2.16.840.1.113883.3.464.1003.1167
  palliative: [c(SYSTEM.icd10cm, 'Z51.5', 'Encounter for palliative care')],
  // "Frailty Diagnosis" 2.16.840.1.113883.3.464.1003.113.12.1074
  frailtyFall: [c(SYSTEM.snomed, '217082002', 'Accidental fall (event)')],
  frailtyFailureToThrive: [c(SYSTEM.snomed, '129588001', 'Adult failure to thrive syndrome (disorder)')],
  // "Advanced Illness" 2.16.840.1.113883.3.464.1003.110.12.1082
  heartFailure: [c(SYSTEM.snomed, '84114007', 'Heart failure (disorder)')],
  dementia: [c(SYSTEM.snomed, '26929004', "Alzheimer's disease (disorder)")],
} as const;

export const PROCEDURE = {
  // "Dialysis Services" 2.16.840.1.113883.3.464.1003.109.12.1013
  hemodialysis: c(SYSTEM.snomed, '302497006', 'Hemodialysis (procedure)'),
  // "Hospice Care Ambulatory" 2.16.840.1.113883.3.526.3.1584 (used as a ServiceRequest: a hospice order)
  hospiceCare: c(SYSTEM.snomed, '385763009', 'Hospice care (regime/therapy)'),
} as const;

export const LOINC = {
  bpPanel: c(SYSTEM.loinc, '85354-9', 'Blood pressure panel with all children optional'),
  systolic: c(SYSTEM.loinc, '8480-6', 'Systolic blood pressure'),
  diastolic: c(SYSTEM.loinc, '8462-4', 'Diastolic blood pressure'),
  // "HbA1c Laboratory Test" 2.16.840.1.113883.3.464.1003.198.12.1013. The IFCC mmol/mol code 59261-8 is not in it,
  // so the messy mmol/mol result is written as 4548-4 with a mmol/mol unit.
  hba1c: c(SYSTEM.loinc, '4548-4', 'Hemoglobin A1c/Hemoglobin.total in Blood'),
  hba1cHplc: c(SYSTEM.loinc, '17856-6', 'Hemoglobin A1c/Hemoglobin.total in Blood by HPLC'),
  hungerPanel: c(SYSTEM.loinc, '88121-9', 'Hunger Vital Sign [HVS]'),
  hungerWorried: c(
    SYSTEM.loinc,
    '88122-7',
    'Within the past 12 months we worried whether our food would run out before we got money to buy more [U.S. FDA]',
  ),
  hungerDidNotLast: c(
    SYSTEM.loinc,
    '88123-5',
    "Within the past 12 months the food we bought just didn't last and we didn't have money to get more [U.S. FDA]",
  ),
  hungerRisk: c(SYSTEM.loinc, '88124-3', 'Food insecurity risk [HVS]'),
  // AdvancedIllnessandFrailty library: "Housing status"
  housingStatus: c(SYSTEM.loinc, '71802-3', 'Housing status'),
} as const;

export const ANSWER = {
  often: c(SYSTEM.loinc, 'LA28397-0', 'Often true'),
  sometimes: c(SYSTEM.loinc, 'LA6729-3', 'Sometimes true'),
  never: c(SYSTEM.loinc, 'LA28398-8', 'Never true'),
  refused: c(SYSTEM.loinc, 'LA15775-2', "Don't know/refused"),
  atRisk: c(SYSTEM.loinc, 'LA19952-3', 'At risk'),
  noRisk: c(SYSTEM.loinc, 'LA19983-8', 'No risk'),
  livesInNursingHome: c(SYSTEM.snomed, '160734000', 'Lives in nursing home (finding)'),
  yes: c(SYSTEM.snomed, '373066001', 'Yes (qualifier value)'),
  no: c(SYSTEM.snomed, '373067005', 'No (qualifier value)'),
} as const;

export const CATEGORY = {
  vitalSigns: c(SYSTEM.obsCategory, 'vital-signs', 'Vital Signs'),
  laboratory: c(SYSTEM.obsCategory, 'laboratory', 'Laboratory'),
  survey: c(SYSTEM.obsCategory, 'survey', 'Survey'),
  sdoh: c(SYSTEM.usCoreCategory, 'sdoh', 'SDOH'),
  problemList: c(SYSTEM.conditionCategory, 'problem-list-item', 'Problem List Item'),
  encounterDiagnosis: c(SYSTEM.conditionCategory, 'encounter-diagnosis', 'Encounter Diagnosis'),
} as const;

/** Source of Payment Typology (https://nahdo.org/sopt), as in the "Payer Type" value set. */
export const PAYER_TYPE = {
  medicare: c(SYSTEM.sopt, '1', 'MEDICARE'),
  medicaid: c(SYSTEM.sopt, '2', 'MEDICAID'),
  private: c(SYSTEM.sopt, '5', 'PRIVATE HEALTH INSURANCE'),
  selfPay: c(SYSTEM.sopt, '81', 'Self-pay (Includes applicants for insurance and Medicaid applicants)'),
  noPayment: c(SYSTEM.sopt, '8', 'NO PAYMENT from an Organization/Agency/Program/Private Payer Listed'),
} as const;
