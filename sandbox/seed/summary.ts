import { DISPARITY_MODEL } from './disparity-model';
import type { OutcomeModel } from './disparity-model';
import { languageKey } from './patient-resource';
import type { Group } from './population-mix';
import type { Payer } from './practitioners';
import { EXCLUDES_CMS122 } from './profile';
import type { ExclusionKind, PatientProfile, Sex } from './profile';

/** Where the generator intends a patient to land in one measure for the measurement period. */
export interface MeasureIntent {
  readonly initialPopulation: boolean;
  /** In the initial population and excluded (exclusions are only drawn for initial-population patients). */
  readonly excluded: boolean;
  readonly exclusion?: ExclusionKind;
  /** Numerator (CMS165: BP controlled; CMS122: HbA1c > 9 % or missing); false unless in the denominator and not excluded. */
  readonly numerator: boolean;
  /** The outcome model's probability of the numerator for this patient. */
  readonly probability: number;
}

/** One patient's intended strata and outcomes: the generator's ground truth for engine and end-to-end tests. */
export interface PatientIntent {
  readonly patientId: string;
  readonly practitionerId: string;
  readonly payer: Payer;
  /** Latent group that drives the model (may differ from what is recorded, e.g. when race is declined). */
  readonly group: Group;
  /** Stratum keys per STANDARDS.md, from what is recorded. */
  readonly raceKey: string;
  readonly ethnicityKey: string;
  readonly languageKey: string;
  readonly sex: Sex;
  readonly ageAtPeriodEnd: number;
  readonly zip: string;
  readonly foodInsecure: boolean;
  readonly interpreterNeeded: boolean | undefined;
  readonly cms165: MeasureIntent;
  readonly cms122: MeasureIntent;
}

/** Counts behind one rate. rate = numerator / (initialPopulation − exclusions). */
export interface Tally {
  initialPopulation: number;
  exclusions: number;
  numerator: number;
  /** Sum of the model's probabilities over the counted denominator: the rate the model expects. */
  expectedNumerator: number;
}

/** One measure's intended tallies, overall, for the designed intersection, and by every stratifier. */
export interface MeasureSummary {
  readonly overall: Tally;
  readonly byRace: Record<string, Tally>;
  readonly byEthnicity: Record<string, Tally>;
  readonly byLanguage: Record<string, Tally>;
  readonly bySex: Record<string, Tally>;
  readonly byAgeBand: Record<string, Tally>;
  readonly byPayer: Record<string, Tally>;
  readonly byPractitioner: Record<string, Tally>;
  readonly byZip: Record<string, Tally>;
  readonly byFoodInsecurity: Record<string, Tally>;
  /** The model's designed intersection (Spanish-preferring men aged 40–60 at the end of the period). */
  readonly intersection: Tally;
}

/** The rate of a tally, or undefined when its denominator is empty. */
export function rateOf(t: Tally): number | undefined {
  const d = t.initialPopulation - t.exclusions;
  return d > 0 ? t.numerator / d : undefined;
}

/** The model's expected rate of a tally, or undefined when its denominator is empty. */
export function expectedRateOf(t: Tally): number | undefined {
  const d = t.initialPopulation - t.exclusions;
  return d > 0 ? t.expectedNumerator / d : undefined;
}

/** Where a profile is meant to land in CMS165 and CMS122. */
export function measureIntents(p: PatientProfile): { cms165: MeasureIntent; cms122: MeasureIntent } {
  const intent = (ip: boolean, excludedBy: boolean, numerator: boolean, probability: number): MeasureIntent => {
    const excluded = ip && excludedBy;
    const base = { initialPopulation: ip, excluded, numerator: ip && !excluded && numerator, probability };
    return excluded && p.exclusion !== undefined ? { ...base, exclusion: p.exclusion } : base;
  };
  return {
    cms165: intent(p.inCms165, p.exclusion !== undefined, p.bpControlled, p.bpProbability),
    cms122: intent(
      p.inCms122,
      p.exclusion !== undefined && EXCLUDES_CMS122.has(p.exclusion),
      p.a1cPoor,
      p.a1cProbability,
    ),
  };
}

/** The published ground truth of one patient. */
export function toIntent(p: PatientProfile): PatientIntent {
  return {
    patientId: p.id,
    practitionerId: p.practitioner.id,
    payer: p.payer,
    group: p.group,
    raceKey: p.race.key,
    ethnicityKey: p.ethnicity.key,
    languageKey: languageKey(p),
    sex: p.sex,
    ageAtPeriodEnd: p.ageAtPeriodEnd,
    zip: p.zip,
    foodInsecure: p.foodInsecure,
    interpreterNeeded: p.interpreterNeeded,
    ...measureIntents(p),
  };
}

const emptyTally = (): Tally => ({ initialPopulation: 0, exclusions: 0, numerator: 0, expectedNumerator: 0 });

function add(t: Tally, m: MeasureIntent): void {
  if (!m.initialPopulation) return;
  t.initialPopulation += 1;
  if (m.excluded) {
    t.exclusions += 1;
    return;
  }
  if (m.numerator) t.numerator += 1;
  t.expectedNumerator += m.probability;
}

function addTo(table: Record<string, Tally>, key: string, m: MeasureIntent): void {
  const t = (table[key] ??= emptyTally());
  add(t, m);
}

/** Age band at the end of the measurement period (the bands of NCHS Data Brief 220). */
export function ageBand(age: number): string {
  return age < 40 ? '18-39' : age < 60 ? '40-59' : '60+';
}

/** Whether a patient is in the model's designed intersection, judged from the recorded language, sex and age. */
export function inIntersectionOf(model: OutcomeModel, i: PatientIntent): boolean {
  const x = model.intersection;
  return (
    i.languageKey === x.language && i.sex === x.sex && i.ageAtPeriodEnd >= x.minAge && i.ageAtPeriodEnd <= x.maxAge
  );
}

/** Tallies one measure's intended outcomes by every stratifier the app offers. */
export function summarizeMeasure(
  intents: readonly PatientIntent[],
  pick: (i: PatientIntent) => MeasureIntent,
  model: OutcomeModel,
): MeasureSummary {
  const s: MeasureSummary = {
    overall: emptyTally(),
    byRace: {},
    byEthnicity: {},
    byLanguage: {},
    bySex: {},
    byAgeBand: {},
    byPayer: {},
    byPractitioner: {},
    byZip: {},
    byFoodInsecurity: {},
    intersection: emptyTally(),
  };
  for (const i of intents) {
    const m = pick(i);
    if (!m.initialPopulation) continue;
    add(s.overall, m);
    addTo(s.byRace, i.raceKey, m);
    addTo(s.byEthnicity, i.ethnicityKey, m);
    addTo(s.byLanguage, i.languageKey, m);
    addTo(s.bySex, i.sex, m);
    addTo(s.byAgeBand, ageBand(i.ageAtPeriodEnd), m);
    addTo(s.byPayer, i.payer, m);
    addTo(s.byPractitioner, i.practitionerId, m);
    addTo(s.byZip, i.zip, m);
    addTo(s.byFoodInsecurity, i.foodInsecure ? 'food-insecure' : 'food-secure', m);
    if (inIntersectionOf(model, i)) add(s.intersection, m);
  }
  return s;
}

/** Both measures' summaries. */
export function summarizeMeasures(intents: readonly PatientIntent[]): {
  cms165: MeasureSummary;
  cms122: MeasureSummary;
} {
  return {
    cms165: summarizeMeasure(intents, (i) => i.cms165, DISPARITY_MODEL.cms165),
    cms122: summarizeMeasure(intents, (i) => i.cms122, DISPARITY_MODEL.cms122),
  };
}
