import type { Coding } from 'fhir/r4';
import { CONDITION } from './codes';
import { addYears, ageOn, dayOf } from './dates';
import { DISPARITY_MODEL, PREVALENCE, outcomeProbability } from './disparity-model';
import type { OutcomeFactors } from './disparity-model';
import { messyCaseOf } from './messy-cases';
import type { MessyKind } from './messy-cases';
import { AGE_BANDS, GROUP_SHARES, GROUP_ZIPS, HERITAGES } from './population-mix';
import type { Group, Heritage, Language } from './population-mix';
import { LANGUAGE_MATCH_SHARE, PRACTITIONERS } from './practitioners';
import type { Payer, PractitionerSpec } from './practitioners';
import type { Rng } from './prng';
import { drawEthnicity, drawGap, drawRace, malformedRace } from './race-ethnicity';
import type { RecordedCategory } from './race-ethnicity';

/** The dates everything is generated around. */
export interface GenerationContext {
  readonly anchor: number;
  /** The measurement period: the calendar year of the anchor. */
  readonly year: number;
  readonly periodStart: number;
  readonly periodEnd: number;
  /** First day of the second half of the period (CMS165: hypertension must start before it). */
  readonly midPeriod: number;
}

/** Evidence that removes a patient from a measure's denominator (CMS165/CMS122 exclusion logic). */
export type ExclusionKind =
  | 'hospice-encounter'
  | 'hospice-order'
  | 'hospice-discharge'
  | 'palliative-encounter'
  | 'palliative-diagnosis'
  | 'esrd'
  | 'esrd-dialysis'
  | 'kidney-transplant'
  | 'ckd5'
  | 'pregnancy'
  | 'frailty-advanced-illness'
  | 'frailty-81-plus'
  | 'nursing-home';

/** Exclusions that CMS122 shares with CMS165 (the others are CMS165-only: renal, pregnancy, frailty alone at 81+). */
export const EXCLUDES_CMS122: ReadonlySet<ExclusionKind> = new Set<ExclusionKind>([
  'hospice-encounter',
  'hospice-order',
  'hospice-discharge',
  'palliative-encounter',
  'palliative-diagnosis',
  'frailty-advanced-illness',
  'nursing-home',
]);

export type Sex = 'male' | 'female' | 'other' | 'unknown';

/** Everything the generator decides about a patient before writing resources. */
export interface PatientProfile {
  readonly index: number;
  readonly id: string;
  readonly heritage: Heritage;
  readonly group: Group;
  readonly sex: Sex;
  readonly birthDay: number;
  readonly ageAtPeriodEnd: number;
  readonly language: Language;
  /** Whether any communication is recorded (a few English speakers have none). */
  readonly languageRecorded: boolean;
  readonly interpreterNeeded: boolean | undefined;
  readonly race: RecordedCategory;
  readonly ethnicity: RecordedCategory;
  readonly zip: string;
  readonly practitioner: PractitionerSpec;
  readonly payer: Payer;
  readonly foodInsecure: boolean;
  readonly hypertension?: { readonly onset: number; readonly codings: readonly Coding[]; readonly refuted: boolean };
  readonly diabetes?: { readonly onset: number; readonly codings: readonly Coding[] };
  /** First calendar year with visits. */
  readonly firstYear: number;
  /** Whether the patient has qualifying visits in the measurement period. */
  readonly activeInPeriod: boolean;
  readonly exclusion?: ExclusionKind;
  readonly inCms165: boolean;
  readonly inCms122: boolean;
  /** Intended CMS165 numerator (BP controlled on the most recent BP day) and the model's probability of it. */
  readonly bpControlled: boolean;
  readonly bpProbability: number;
  /** Intended CMS122 numerator (poor control) and how: a high value, no test in the period, or a test without value. */
  readonly a1cPoor: boolean;
  readonly a1cMode: 'in-control' | 'high' | 'not-tested' | 'no-result';
  readonly a1cProbability: number;
  readonly messy?: MessyKind;
}

const HERITAGE_WEIGHTS = new Map<Group, Record<string, number>>();
for (const h of HERITAGES) HERITAGE_WEIGHTS.set(h.group, { ...HERITAGE_WEIGHTS.get(h.group), [h.id]: h.share });
const HERITAGE_BY_ID = new Map(HERITAGES.map((h) => [h.id, h]));
const AGE_BAND_WEIGHTS = Object.fromEntries(AGE_BANDS.map((b, i) => [String(i), b.weight]));
const PRACTITIONER_WEIGHTS = Object.fromEntries(PRACTITIONERS.map((p) => [p.id, p.weight]));

function heritagesOf(group: Group): Record<string, number> {
  return HERITAGE_WEIGHTS.get(group) ?? {};
}

function heritageById(id: string): Heritage {
  const h = HERITAGE_BY_ID.get(id);
  if (!h) throw new Error(`Unknown heritage ${id}`);
  return h;
}

function byAge<T extends { readonly min: number; readonly max: number }>(
  bands: readonly T[],
  age: number,
): T | undefined {
  return bands.find((b) => age >= b.min && age <= b.max);
}

function drawPractitioner(rng: Rng, language: Language): PractitionerSpec {
  const speakers = PRACTITIONERS.filter((p) => p.languages.includes(language));
  if (speakers.length > 0 && rng.chance(LANGUAGE_MATCH_SHARE)) return rng.pick(speakers);
  const id = rng.weighted(PRACTITIONER_WEIGHTS);
  return PRACTITIONERS.find((p) => p.id === id) ?? rng.pick(PRACTITIONERS);
}

function drawPayer(rng: Rng, ageAtAnchor: number, practitioner: PractitionerSpec): Payer {
  // Nearly everyone 65 and over has Medicare (Medicare eligibility at 65).
  if (ageAtAnchor >= 65) return rng.chance(0.95) ? 'medicare' : 'medicaid';
  return rng.weighted(practitioner.payerMixUnder65);
}

/** A day uniformly in [from, to] (both inclusive; `to` < `from` yields `from`). */
export function dayBetween(rng: Rng, from: number, to: number): number {
  return to <= from ? from : rng.int(from, to);
}

function drawHypertensionOnset(rng: Rng, ctx: GenerationContext, adultFrom: number): number {
  const r = rng.next();
  // A few are diagnosed during the period, some after its first six months (not in CMS165's population then).
  if (r < 0.03 && ctx.anchor >= ctx.midPeriod) return dayBetween(rng, ctx.midPeriod, ctx.anchor);
  if (r < 0.08) return dayBetween(rng, Math.max(ctx.periodStart, adultFrom), Math.min(ctx.midPeriod - 1, ctx.anchor));
  return dayBetween(rng, Math.max(adultFrom, addYears(ctx.periodStart, -15)), ctx.periodStart - 1);
}

function drawExclusion(rng: Rng, p: { sex: Sex; age: number; hypertension: boolean }): ExclusionKind | undefined {
  const r = rng.next();
  let acc = 0;
  const table: [ExclusionKind, number][] = [];
  // Small shares, higher with age (design choices within what claims-based exclusion rates look like).
  if (p.age >= 66) {
    table.push(['hospice-encounter', 0.005], ['hospice-order', 0.003], ['hospice-discharge', 0.002]);
    table.push(['palliative-encounter', 0.006], ['palliative-diagnosis', 0.004], ['nursing-home', 0.02]);
    table.push(p.age <= 80 ? ['frailty-advanced-illness', 0.03] : ['frailty-81-plus', 0.08]);
  } else {
    table.push(['hospice-encounter', 0.001], ['palliative-diagnosis', 0.003]);
  }
  if (p.hypertension) {
    table.push(['esrd', 0.004], ['esrd-dialysis', 0.003], ['kidney-transplant', 0.002], ['ckd5', 0.003]);
    if (p.sex === 'female' && p.age <= 44) table.push(['pregnancy', 0.04]);
  }
  for (const [kind, share] of table) {
    acc += share;
    if (r < acc) return kind;
  }
  return undefined;
}

/** What the messy cases force on their patients (see messy-cases.ts). */
interface Forced {
  heritage?: string;
  language?: Language;
  hypertension?: boolean;
  diabetes?: boolean;
  bpControlled?: boolean;
  a1cMode?: PatientProfile['a1cMode'];
  minAge?: number;
  maxAge?: number;
}

const FORCED: Readonly<Partial<Record<MessyKind, Forced>>> = {
  'race-ombcategory-without-coding': { heritage: 'african-american' },
  'race-coding-without-system': { heritage: 'european' },
  'bp-exact-duplicate': { hypertension: true, minAge: 45, maxAge: 75 },
  'hba1c-mmol-per-mol': { diabetes: true, a1cMode: 'in-control', minAge: 45, maxAge: 70 },
  'future-dated-observation': { hypertension: true, minAge: 45, maxAge: 75 },
  'hba1c-missing-value': { diabetes: true, a1cMode: 'no-result', minAge: 45, maxAge: 70 },
  'bp-missing-unit': { hypertension: true, minAge: 45, maxAge: 75 },
  'bp-missing-diastolic-value': { hypertension: true, minAge: 45, maxAge: 75 },
  'hypertension-refuted': { hypertension: true, minAge: 45, maxAge: 75 },
  'hba1c-exactly-9': { diabetes: true, a1cMode: 'in-control', minAge: 45, maxAge: 70 },
  'bp-systolic-exactly-140': { hypertension: true, bpControlled: false, minAge: 45, maxAge: 75 },
  'language-preferred-not-first': { heritage: 'dominican', language: 'es' },
  'language-without-preferred-flag': { heritage: 'vietnamese', language: 'vi' },
};

/** Draws one patient's profile from its own random stream. */
export function drawProfile(rng: Rng, index: number, ctx: GenerationContext): PatientProfile {
  const messy = messyCaseOf(index)?.kind;
  const forced: Forced = messy ? (FORCED[messy] ?? {}) : {};
  const id = `pat-${String(index).padStart(6, '0')}`;

  const heritage = forced.heritage
    ? heritageById(forced.heritage)
    : heritageById(rng.weighted(heritagesOf(rng.weighted(GROUP_SHARES))));
  const group = heritage.group;
  const sexDraw = rng.next();
  const sex: Sex = sexDraw < 0.003 ? 'unknown' : sexDraw < 0.005 ? 'other' : sexDraw < 0.48 ? 'male' : 'female';

  const band = rng.weighted(AGE_BAND_WEIGHTS);
  const ageBand = AGE_BANDS[Number(band)] ?? { min: 18, max: 90 };
  const age = Math.min(Math.max(rng.int(ageBand.min, ageBand.max), forced.minAge ?? 18), forced.maxAge ?? 90);
  // Born so that the age on the anchor date is exactly `age`.
  const birthDay = dayBetween(rng, addYears(ctx.anchor, -age - 1) + 1, addYears(ctx.anchor, -age));
  const ageAtPeriodEnd = ageOn(birthDay, ctx.periodEnd);

  const language: Language = forced.language ?? rng.weighted(heritage.languages);
  const languageRecorded = forced.language !== undefined || language !== 'en' || !rng.chance(0.03);
  const interpreterNeeded = language !== 'en' ? rng.chance(0.75) : rng.chance(0.5) ? false : undefined;

  const raceGap = messy === 'race-absent' ? 'absent' : messy !== undefined ? undefined : drawGap(rng);
  const race = malformedRace(messy) ?? drawRace(rng, heritage, raceGap);
  // Missing demographics tend to travel together.
  const ethnicityGap = raceGap === 'absent' && messy === undefined && rng.chance(0.7) ? 'absent' : drawGap(rng);
  const ethnicity = drawEthnicity(rng, heritage, messy === 'race-absent' ? undefined : ethnicityGap);

  const zip = rng.weighted(heritage.zips ?? GROUP_ZIPS[group]);
  const practitioner = drawPractitioner(rng, language);
  const payer = drawPayer(rng, age, practitioner);
  const fi = PREVALENCE.foodInsecurityGroup[group] * PREVALENCE.foodInsecurityPayer[payer];
  const foodInsecure = rng.chance(Math.min(0.6, fi));

  const adultFrom = addYears(birthDay, 18);
  const htnAge = byAge(PREVALENCE.hypertensionByAge, age)?.p ?? 0;
  const hasHypertension =
    forced.hypertension ?? rng.chance(Math.min(0.9, htnAge * PREVALENCE.hypertensionGroup[group]));
  const hypertension = hasHypertension
    ? {
        // Messy-case patients must be in the population for their oddity to matter: long-standing diagnosis.
        onset:
          forced.hypertension === true
            ? dayBetween(rng, Math.max(adultFrom, addYears(ctx.periodStart, -10)), ctx.periodStart - 1)
            : drawHypertensionOnset(rng, ctx, adultFrom),
        codings: rng.next() < 0.85 ? CONDITION.hypertension[0] : rng.pick(CONDITION.hypertension),
        refuted: messy === 'hypertension-refuted',
      }
    : undefined;
  const dmAge = byAge(PREVALENCE.diabetesByAge, age)?.p ?? 0;
  const hasDiabetes = forced.diabetes ?? rng.chance(dmAge * PREVALENCE.diabetesGroup[group]);
  const diabetes = hasDiabetes
    ? {
        onset: dayBetween(rng, Math.max(adultFrom, addYears(ctx.periodStart, -12)), ctx.periodStart - 1),
        codings:
          age < 35 && rng.chance(0.4)
            ? CONDITION.diabetesType1
            : rng.chance(0.15)
              ? CONDITION.diabetesType2Hyperglycemia
              : CONDITION.diabetesType2,
      }
    : undefined;
  const chronic = hypertension !== undefined || diabetes !== undefined;

  const firstYearDraw = rng.next();
  const firstYear =
    messy !== undefined || firstYearDraw < 0.88
      ? ctx.year - 3
      : firstYearDraw < 0.94
        ? ctx.year - 2
        : firstYearDraw < 0.98
          ? ctx.year - 1
          : ctx.year;
  const activeInPeriod = messy !== undefined || firstYear === ctx.year || rng.chance(chronic ? 0.92 : 0.85);

  const htnCounts =
    hypertension !== undefined && !hypertension.refuted && hypertension.onset < ctx.midPeriod && activeInPeriod;
  const cms165Eligible = htnCounts && ageAtPeriodEnd >= 18 && ageAtPeriodEnd <= 85;
  const cms122Eligible = diabetes !== undefined && activeInPeriod && ageAtPeriodEnd >= 18 && ageAtPeriodEnd <= 75;
  const exclusion =
    messy === undefined && (cms165Eligible || cms122Eligible)
      ? drawExclusion(rng, { sex, age: ageAtPeriodEnd, hypertension: cms165Eligible })
      : undefined;

  const factors: OutcomeFactors = { group, sex, age: ageAtPeriodEnd, language, foodInsecure, payer };
  const bpProbability = outcomeProbability(DISPARITY_MODEL.cms165, factors);
  const bpDraw = rng.chance(bpProbability);
  const a1cProbability = outcomeProbability(DISPARITY_MODEL.cms122, factors);
  const a1cDraw = rng.chance(a1cProbability);
  const notTested = rng.chance(0.3);
  const a1cMode = forced.a1cMode ?? (a1cDraw ? (notTested ? 'not-tested' : 'high') : 'in-control');

  return {
    index,
    id,
    heritage,
    group,
    sex,
    birthDay,
    ageAtPeriodEnd,
    language,
    languageRecorded,
    interpreterNeeded,
    race,
    ethnicity,
    zip,
    practitioner,
    payer,
    foodInsecure,
    hypertension,
    diabetes,
    firstYear,
    activeInPeriod,
    exclusion,
    inCms165: cms165Eligible,
    inCms122: cms122Eligible,
    bpControlled: forced.bpControlled ?? bpDraw,
    bpProbability,
    a1cPoor: a1cMode !== 'in-control',
    a1cMode,
    a1cProbability,
    messy,
  };
}

/** The first day of the second half of a year. */
export function midYear(year: number): number {
  return dayOf(year, 7, 1);
}
