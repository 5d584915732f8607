import type { Group, Language } from './population-mix';
import type { Payer } from './practitioners';

/**
 * The built-in disparities: each patient's probability of each outcome is an additive model on the probability
 * scale (so every term reads as "percentage points"), clamped to [min, max]. The generator draws each patient's
 * intended outcome from it and reports both the draws and the expected values in the population summary.
 *
 * Published figures used (sizes and directions):
 * - BP control by race/ethnicity and sex, among US adults with hypertension, NHANES 2007–2012 (AHA Heart Disease and
 *   Stroke Statistics 2016 Update, Table 9-2): controlled NH White men 53.3 %, NH Black men 40.7 %, NH Black women
 *   54.1 %, Mexican American men 35.0 %, Mexican American women 47.0 %. The offsets are these minus NH White men
 *   (Mexican American stands in for Hispanic). NH White women are set equal to NH White men (the table's cell was
 *   not legible in our copy). CDC MMWR 2013;62(18):351–355 (Valderrama et al., NHANES 2003–2010) reports the same
 *   pattern: lower treatment and control for Mexican Americans and Black adults than for White adults.
 * - BP control, NCHS Data Brief No. 220 (Yoon, Fryar, Carroll 2015; NHANES 2011–2014): controlled NH White 55.7 %,
 *   NH Black 48.5 %, NH Asian 43.5 %, Hispanic 47.4 %; adults 18–39 less often controlled than older adults.
 *   Prevalence 18–39 7.3 %, 40–59 32.2 %, 60+ 64.9 %; NH Black 41.2 %, NH White 28.0 %, NH Asian 24.9 %,
 *   Hispanic 25.9 % (used for who has hypertension).
 * - Hispanic adults without health insurance had the lowest control (Sorlie et al., Am J Hypertens 2014;27:793–800,
 *   HCHS/SOL): the uninsured term.
 * - Glycemic control by race/ethnicity among adults with diagnosed diabetes, NHANES 1999–2002 (Ethn Dis
 *   2007;17:529–535): A1C < 7 % in 48.6 % of NH White, 36.9 % of NH Black and 35.4 % of Mexican American adults, i.e.
 *   gaps of 12–13 points, applied here as 10-point gaps in A1C > 9 %. NHANES 1999–2000 (Ethn Dis 2005): A1C ≥ 11 % in
 *   1.7 % of White, 11.1 % of Black and 10.4 % of Hispanic adults with diagnosed diabetes.
 * - Younger adults with diabetes meet A1C goals less often (Ali et al., N Engl J Med 2013;368:1613–1624).
 * - Food insecurity is associated with poor glycemic control (Seligman et al., Diabetes Care 2012;35:233–238) and with
 *   hypertension (Seligman et al., J Nutr 2010;140:304–310): the food-insecurity terms (sizes are design choices).
 * - The baselines (a reference patient's probability) are set so that the clinic's overall rates look like
 *   clinic-reported CMS165/CMS122 performance (roughly 60 % controlled, 25–30 % poorly controlled), which is better
 *   than the population surveys because everyone here is diagnosed and seen.
 * - The intersection (Spanish-preferring men aged 40–60) is a designed extra gap so that the panel shows a
 *   clearly worse intersection: about 20 points below the overall BP-control rate and about 15 points above the
 *   overall A1C > 9 % rate (targets below; the generator's summary reports what it achieved).
 */
export interface OutcomeModel {
  readonly description: string;
  /** Probability for the reference patient: NH White man, age band "ref", English, food secure, insured. */
  readonly baseline: number;
  /** Offsets by latent group and sex (points on the probability scale). */
  readonly groupSex: Readonly<Record<Group, { readonly male: number; readonly female: number }>>;
  /** Age bands by age at the end of the measurement period (inclusive bounds), with offsets. */
  readonly age: readonly { readonly min: number; readonly max: number; readonly offset: number }[];
  readonly foodInsecure: number;
  readonly uninsured: number;
  /** Offset when the preferred language is not English. */
  readonly nonEnglish: number;
  readonly intersection: {
    readonly language: Language;
    readonly sex: 'male' | 'female';
    readonly minAge: number;
    readonly maxAge: number;
    readonly offset: number;
    /** The designed gap of the intersection's rate against the overall rate (rate points, sign as the rate). */
    readonly targetGapVsOverall: number;
  };
  readonly min: number;
  readonly max: number;
}

/** The outcome models: CMS165 P(BP controlled) and CMS122 P(A1C > 9 % or not tested). */
export const DISPARITY_MODEL: { readonly cms165: OutcomeModel; readonly cms122: OutcomeModel } = {
  cms165: {
    description: 'Probability that the most recent BP day in the measurement period is < 140/90 (numerator).',
    baseline: 0.72,
    groupSex: {
      white: { male: 0, female: 0 },
      black: { male: -0.126, female: 0.008 },
      hispanic: { male: -0.183, female: -0.063 },
      asian: { male: -0.122, female: -0.122 },
      // No figures in the sources above for these groups: modest gaps as a design choice.
      aian: { male: -0.1, female: -0.06 },
      nhpi: { male: -0.08, female: -0.05 },
      multiracial: { male: -0.05, female: -0.03 },
    },
    age: [
      { min: 18, max: 39, offset: -0.1 },
      { min: 40, max: 59, offset: 0 },
      { min: 60, max: 200, offset: 0.02 },
    ],
    foodInsecure: -0.06,
    uninsured: -0.08,
    nonEnglish: -0.03,
    intersection: {
      language: 'es',
      sex: 'male',
      minAge: 40,
      maxAge: 60,
      offset: -0.06,
      targetGapVsOverall: -0.2,
    },
    min: 0.05,
    max: 0.95,
  },
  cms122: {
    description: 'Probability that the most recent HbA1c in the period is > 9 % or missing, or none (numerator).',
    baseline: 0.15,
    groupSex: {
      white: { male: 0.02, female: 0 },
      black: { male: 0.12, female: 0.1 },
      hispanic: { male: 0.12, female: 0.1 },
      asian: { male: 0.04, female: 0.02 },
      aian: { male: 0.12, female: 0.1 },
      nhpi: { male: 0.08, female: 0.06 },
      multiracial: { male: 0.06, female: 0.04 },
    },
    age: [
      { min: 18, max: 44, offset: 0.1 },
      { min: 45, max: 64, offset: 0 },
      { min: 65, max: 200, offset: -0.06 },
    ],
    foodInsecure: 0.08,
    uninsured: 0.08,
    nonEnglish: 0.03,
    intersection: {
      language: 'es',
      sex: 'male',
      minAge: 40,
      maxAge: 60,
      offset: 0.06,
      targetGapVsOverall: 0.15,
    },
    min: 0.03,
    max: 0.97,
  },
};

/** The attributes of a patient that the outcome models read. */
export interface OutcomeFactors {
  readonly group: Group;
  readonly sex: 'male' | 'female' | 'other' | 'unknown';
  /** Age at the end of the measurement period. */
  readonly age: number;
  readonly language: Language;
  readonly foodInsecure: boolean;
  readonly payer: Payer;
}

/** Whether a patient belongs to the model's designed intersection. */
export function inIntersection(model: OutcomeModel, f: OutcomeFactors): boolean {
  const i = model.intersection;
  return f.language === i.language && f.sex === i.sex && f.age >= i.minAge && f.age <= i.maxAge;
}

/** The model's probability for one patient. */
export function outcomeProbability(model: OutcomeModel, f: OutcomeFactors): number {
  const gs = model.groupSex[f.group];
  // Sex other/unknown: the mean of the two published figures.
  const sexTerm = f.sex === 'male' ? gs.male : f.sex === 'female' ? gs.female : (gs.male + gs.female) / 2;
  const ageTerm = model.age.find((b) => f.age >= b.min && f.age <= b.max)?.offset ?? 0;
  const p =
    model.baseline +
    sexTerm +
    ageTerm +
    (f.foodInsecure ? model.foodInsecure : 0) +
    (f.payer === 'uninsured' ? model.uninsured : 0) +
    (f.language !== 'en' ? model.nonEnglish : 0) +
    (inIntersection(model, f) ? model.intersection.offset : 0);
  return Math.min(model.max, Math.max(model.min, p));
}

/** Published figures for who has which condition and who is food insecure (see the sources above). */
export const PREVALENCE = {
  /** Diagnosed hypertension by age at the anchor (NCHS DB 220 prevalence, ≈ 90 % of it diagnosed). */
  hypertensionByAge: [
    { min: 18, max: 39, p: 0.07 },
    { min: 40, max: 59, p: 0.29 },
    { min: 60, max: 200, p: 0.58 },
  ],
  /** Relative to the all-adult prevalence (NCHS DB 220: 41.2, 28.0, 24.9, 25.9 against 29.0 overall). */
  hypertensionGroup: { white: 0.97, black: 1.42, hispanic: 0.89, asian: 0.86, aian: 1.1, nhpi: 1.1, multiracial: 1 },
  /**
   * Diagnosed diabetes by age (CDC National Diabetes Statistics Report: roughly 3 % at 18–44, 14 % at 45–64,
   * 24 % at 65+) and relative risk by group (same report: AIAN, Black and Hispanic adults highest, Asian next,
   * NH White lowest).
   */
  diabetesByAge: [
    { min: 18, max: 44, p: 0.03 },
    { min: 45, max: 64, p: 0.14 },
    { min: 65, max: 200, p: 0.24 },
  ],
  diabetesGroup: { white: 0.8, black: 1.3, hispanic: 1.3, asian: 1.05, aian: 1.5, nhpi: 1.3, multiracial: 1.1 },
  /**
   * Household food insecurity by race/ethnicity, 2016–2021 (USDA ERS, Household Food Insecurity Across Race and
   * Ethnicity in the United States, EIB-269, April 2024): all households 11.1 %, AIAN 23.3 %, Black 21.0 %,
   * multiracial (other combinations) 18.4 %, Hispanic 16.9 %, NHPI 15.6 %, White 8.0 %, Asian 5.4 %.
   * Household Food Security in the United States in 2023 (ERS): 13.5 % of households.
   */
  foodInsecurityGroup: {
    white: 0.08,
    black: 0.21,
    hispanic: 0.169,
    asian: 0.054,
    aian: 0.233,
    nhpi: 0.156,
    multiracial: 0.184,
  },
  /** Multiplier by payer (income proxy: a clinic population is poorer than the average household). Design choice. */
  foodInsecurityPayer: { medicaid: 1.9, uninsured: 2.1, private: 0.7, medicare: 1.1 },
} as const;
