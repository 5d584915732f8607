import valueSetData from './valuesets/valuesets.json';

const VSAC = 'http://cts.nlm.nih.gov/fhir/ValueSet/';

/**
 * The value sets CMS165 (v0.5.000) and CMS122 (v0.5.000) and their libraries retrieve by, keyed by a short name.
 * URLs as declared in the measures' CQL; expansions in `valuesets/valuesets.json` (see test/measures/build-valuesets.ts).
 */
export const VALUE_SETS = {
  advancedIllness: `${VSAC}2.16.840.1.113883.3.464.1003.110.12.1082`,
  annualWellnessVisit: `${VSAC}2.16.840.1.113883.3.526.3.1240`,
  ckdStage5: `${VSAC}2.16.840.1.113883.3.526.3.1002`,
  dementiaMedications: `${VSAC}2.16.840.1.113883.3.464.1003.196.12.1510`,
  diabetes: `${VSAC}2.16.840.1.113883.3.464.1003.103.12.1001`,
  dialysisServices: `${VSAC}2.16.840.1.113883.3.464.1003.109.12.1013`,
  edVisit: `${VSAC}2.16.840.1.113883.3.464.1003.101.12.1010`,
  encounterInpatient: `${VSAC}2.16.840.1.113883.3.666.5.307`,
  esrd: `${VSAC}2.16.840.1.113883.3.526.3.353`,
  esrdMonthlyOutpatient: `${VSAC}2.16.840.1.113883.3.464.1003.109.12.1014`,
  essentialHypertension: `${VSAC}2.16.840.1.113883.3.464.1003.104.12.1011`,
  frailtyDevice: `${VSAC}2.16.840.1.113883.3.464.1003.118.12.1300`,
  frailtyDiagnosis: `${VSAC}2.16.840.1.113883.3.464.1003.113.12.1074`,
  frailtyEncounter: `${VSAC}2.16.840.1.113883.3.464.1003.101.12.1088`,
  frailtySymptom: `${VSAC}2.16.840.1.113883.3.464.1003.113.12.1075`,
  hba1cLabTest: `${VSAC}2.16.840.1.113883.3.464.1003.198.12.1013`,
  homeHealthcare: `${VSAC}2.16.840.1.113883.3.464.1003.101.12.1016`,
  hospiceCareAmbulatory: `${VSAC}2.16.840.1.113883.3.526.3.1584`,
  hospiceDiagnosis: `${VSAC}2.16.840.1.113883.3.464.1003.1165`,
  hospiceEncounter: `${VSAC}2.16.840.1.113883.3.464.1003.1003`,
  kidneyTransplant: `${VSAC}2.16.840.1.113883.3.464.1003.109.12.1012`,
  kidneyTransplantRecipient: `${VSAC}2.16.840.1.113883.3.464.1003.109.12.1029`,
  nutritionServices: `${VSAC}2.16.840.1.113883.3.464.1003.1006`,
  officeVisit: `${VSAC}2.16.840.1.113883.3.464.1003.101.12.1001`,
  palliativeCareDiagnosis: `${VSAC}2.16.840.1.113883.3.464.1003.1167`,
  palliativeCareEncounter: `${VSAC}2.16.840.1.113883.3.464.1003.101.12.1090`,
  palliativeCareIntervention: `${VSAC}2.16.840.1.113883.3.464.1003.198.12.1135`,
  pregnancy: `${VSAC}2.16.840.1.113883.3.526.3.378`,
  preventiveEstablished18: `${VSAC}2.16.840.1.113883.3.464.1003.101.12.1025`,
  preventiveInitial18: `${VSAC}2.16.840.1.113883.3.464.1003.101.12.1023`,
  telephoneVisits: `${VSAC}2.16.840.1.113883.3.464.1003.101.12.1080`,
  virtualEncounter: `${VSAC}2.16.840.1.113883.3.464.1003.101.12.1089`,
} as const;

export type ValueSetKey = keyof typeof VALUE_SETS;

const cache = new Map<string, ReadonlySet<string>>();

/**
 * The codes of a value set as a `Set` of `system|code` keys, built once per process. Unknown URLs give an empty
 * set (a value set the data file lacks cannot match anything, which is also what a CQL engine would conclude).
 */
export function valueSetCodes(url: string): ReadonlySet<string> {
  let set = cache.get(url);
  if (set === undefined) {
    const entry = Object.entries(valueSetData.valueSets).find(([u]) => u === url)?.[1];
    const keys: string[] = [];
    if (entry !== undefined) {
      for (const [system, codes] of Object.entries(entry.codes))
        for (const code of codes) keys.push(`${system}|${code}`);
    }
    set = new Set(keys);
    cache.set(url, set);
  }
  return set;
}

/** The value set's name as the measure's CQL calls it, for evidence and messages. */
export function valueSetName(url: string): string | undefined {
  return Object.entries(valueSetData.valueSets).find(([u]) => u === url)?.[1].name;
}

/** Whether any of the `system|code` keys is in the set. */
export function anyIn(keys: readonly string[], set: ReadonlySet<string>): boolean {
  for (const key of keys) if (set.has(key)) return true;
  return false;
}
