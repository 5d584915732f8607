/**
 * Deliberately messy or edge-case data, placed on fixed patients so that tests and documentation can name them.
 * Each patient's other attributes are forced so that the oddity sits where it is meant to (e.g. the duplicate
 * reading is on the decisive blood-pressure day of a patient in the CMS165 denominator). A case is present when the
 * population has at least that many patients (all are within the first 45).
 */
export type MessyKind =
  | 'race-absent'
  | 'race-ombcategory-without-coding'
  | 'race-coding-without-system'
  | 'bp-exact-duplicate'
  | 'hba1c-mmol-per-mol'
  | 'future-dated-observation'
  | 'hba1c-missing-value'
  | 'bp-missing-unit'
  | 'bp-missing-diastolic-value'
  | 'hypertension-refuted'
  | 'hba1c-exactly-9'
  | 'bp-systolic-exactly-140'
  | 'language-preferred-not-first'
  | 'language-without-preferred-flag';

export interface MessyCase {
  readonly patientId: string;
  readonly kind: MessyKind;
  /** What is odd in the data. */
  readonly description: string;
  /** How a careful engine should treat it, and whether the patient's intended measure outcome depends on it. */
  readonly expected: string;
}

/** The designed oddities, one patient each (ids are fixed whatever the seed). */
export const MESSY_CASES: readonly MessyCase[] = [
  {
    patientId: 'pat-000003',
    kind: 'race-absent',
    description: 'No us-core-race extension at all (ethnicity is recorded).',
    expected: 'Race stratum "absent"; never dropped from a panel.',
  },
  {
    patientId: 'pat-000005',
    kind: 'race-ombcategory-without-coding',
    description:
      'Race extension with two ombCategory sub-extensions: a valid 2054-5 and one carrying valueString "Black" ' +
      'instead of valueCoding.',
    expected: 'Ignore the malformed sub-extension (warn: malformed-resource); race stratum 2054-5.',
  },
  {
    patientId: 'pat-000008',
    kind: 'race-coding-without-system',
    description: 'Race ombCategory valueCoding {code 2106-3, display White} with no system; text "White".',
    expected:
      'Not a valid US Core coding (the system is required): warn (malformed-resource). The app reads a bare CDC ' +
      'code as CDC (src/domain: "CDC system or none"), so the summary counts this patient as 2106-3; a stricter ' +
      'reader would say UNK.',
  },
  {
    patientId: 'pat-000012',
    kind: 'bp-exact-duplicate',
    description: 'The most recent blood-pressure panel appears twice: same time and values, different ids.',
    expected: 'Warn (duplicate); the outcome is the same with or without the copy.',
  },
  {
    patientId: 'pat-000015',
    kind: 'hba1c-mmol-per-mol',
    description: 'Most recent HbA1c is 53 mmol/mol (IFCC units, about 7.0 %), coded 4548-4 with unit mmol/mol.',
    expected:
      'Convert (NGSP % = 0.09148 × IFCC + 2.152, so 53 mmol/mol ≈ 7.0 %) and warn (converted-unit), or treat as an ' +
      'unknown unit; either way not > 9 %: CMS122 numerator false.',
  },
  {
    patientId: 'pat-000018',
    kind: 'future-dated-observation',
    description: 'One blood-pressure panel is dated 45 days after the anchor date (in the future).',
    expected:
      'Warn (future-date). Its values have the same control status as the intended outcome, so the outcome does ' +
      'not depend on whether it is used.',
  },
  {
    patientId: 'pat-000021',
    kind: 'hba1c-missing-value',
    description: 'Most recent HbA1c has neither a value nor a dataAbsentReason.',
    expected: 'Warn (missing-value); CMS122 counts a most recent test without a result as numerator (poor control).',
  },
  {
    patientId: 'pat-000024',
    kind: 'bp-missing-unit',
    description: 'An earlier blood-pressure panel in the period has component values with no unit, system or code.',
    expected: 'Warn (unknown-unit) and skip it; it is not on the most recent day, so the outcome does not change.',
  },
  {
    patientId: 'pat-000027',
    kind: 'bp-missing-diastolic-value',
    description: 'An earlier blood-pressure panel in the period has a diastolic component with no value.',
    expected: 'Warn (missing-value); not on the most recent day, so the outcome does not change.',
  },
  {
    patientId: 'pat-000030',
    kind: 'hypertension-refuted',
    description: 'The only essential-hypertension Condition has verificationStatus "refuted".',
    expected: 'Not verified (Status.verified()): the patient is not in the CMS165 initial population.',
  },
  {
    patientId: 'pat-000033',
    kind: 'hba1c-exactly-9',
    description: 'Most recent HbA1c is exactly 9.0 %.',
    expected: 'Boundary: the numerator is "> 9 %", so CMS122 numerator false.',
  },
  {
    patientId: 'pat-000036',
    kind: 'bp-systolic-exactly-140',
    description: 'The most recent blood pressure is 140/80 mm[Hg] (a single reading that day).',
    expected: 'Boundary: control needs systolic < 140, so CMS165 numerator false.',
  },
  {
    patientId: 'pat-000039',
    kind: 'language-preferred-not-first',
    description: 'communication lists English first (no preferred flag) and es-MX second with preferred: true.',
    expected: 'Language stratum "es" (the preferred one, primary subtag), not "en".',
  },
  {
    patientId: 'pat-000042',
    kind: 'language-without-preferred-flag',
    description: 'A single communication (Vietnamese) with no preferred flag.',
    expected: 'Language stratum "vi" (the first one when none is preferred).',
  },
];

/** The messy case of a patient index (1-based, as in `pat-000012`), if any. */
export function messyCaseOf(index: number): MessyCase | undefined {
  return MESSY_BY_INDEX.get(index);
}

const MESSY_BY_INDEX = new Map(MESSY_CASES.map((m) => [Number(m.patientId.slice('pat-'.length)), m]));
