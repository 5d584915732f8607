import type { ChangeSpec, Charter, CharterSpec } from './charter-model';
import type { AgeRange } from './panel-filters';
import { rateOf } from './charter-model';
import { gapTarget, rateTarget, signedGap } from './goal-arithmetic';
import { durationPhrase, longDay } from './goal-time';
import { MEASURES } from './measure-catalogue';

/** The two goal sentences, each in the toolkit's template, with a line that spells out the numbers. */
export interface GoalSentences {
  /** "Within [time], achieve at least [X]% increase from baseline in [measure] for [population]" */
  readonly improvement: string;
  readonly improvementDetail: string;
  /** "Decrease the gap in [measure] between [groups] by at least [Y]% from baseline" */
  readonly gap: string;
  readonly gapDetail: string;
}

/** 52.0% for 0.52. */
export function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

/** 12.0 percentage points for 0.12. */
export function points(gap: number): string {
  const value = (Math.abs(gap) * 100).toFixed(1);
  return `${value} percentage point${value === '1.0' ? '' : 's'}`;
}

/** An amount as typed (10, 12.5), without trailing zeros. */
function amount(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** "10%" for a relative change, "5 percentage-point" for an absolute one (it reads "at least 5 percentage-point increase"). */
function changeWords(change: ChangeSpec): string {
  return change.kind === 'relative' ? `${amount(change.amount)}%` : `${amount(change.amount)} percentage-point`;
}

/** A group named in a sentence: "Black or African American patients", "everyone else". */
export function groupPhrase(label: string): string {
  const plain = label.replaceAll(' × ', ', ');
  return /^(everyone|all )|patients$/i.test(plain) ? plain : `${plain} patients`;
}

/** "ages 30–65", "ages 75 and over". */
export function agePhrase(range: AgeRange): string {
  return range.max === undefined ? `ages ${range.min} and over` : `ages ${range.min}–${range.max}`;
}

/** "adults 18–85 with hypertension (ages 30–65; Medicaid)". */
export function populationPhrase(spec: Pick<CharterSpec, 'populationLabel' | 'filters' | 'ageRange'>): string {
  const populationLabel = spec.populationLabel;
  const labels = [
    ...(spec.ageRange === undefined ? [] : [agePhrase(spec.ageRange)]),
    ...spec.filters.map((f) => f.label).filter((l) => l.length > 0),
  ];
  return labels.length === 0 ? populationLabel : `${populationLabel} (${labels.join('; ')})`;
}

/**
 * The two SMART goals in the words of the toolkit's templates. A measure where lower is better (CMS122, poor
 * control) asks for a decrease, and the sentence says so; each detail line names relative or absolute change and
 * the numbers, so that nobody has to guess what "10%" meant.
 */
export function goalSentences(charter: Charter): GoalSentences {
  const { spec, goals, baseline } = charter;
  const definition = MEASURES[spec.measure];
  const notation = definition.improvementNotation;
  const direction = notation === 'increase' ? 'increase' : 'decrease';
  const measure = definition.title;
  const time = durationPhrase(goals.start, goals.deadline);
  const population = `${populationPhrase(spec)}, including ${groupPhrase(spec.focus.label)} and ${groupPhrase(spec.reference.label)}`;
  const improvement = `Within ${time}, achieve at least ${changeWords(goals.improvement)} ${direction} from baseline in ${measure} for ${population}`;
  const groups = `${groupPhrase(spec.focus.label)} and ${groupPhrase(spec.reference.label)}`;
  const gap = `Decrease the gap in ${measure} between ${groups} by at least ${changeWords(goals.gapReduction)} from baseline`;

  const kind = (c: ChangeSpec): string => (c.kind === 'relative' ? 'relative change' : 'absolute change');
  const better = notation === 'increase' ? 'higher is better' : 'lower is better';
  const bound = notation === 'increase' ? 'at least' : 'at most';
  const overall = rateOf(baseline.snapshot.overall);
  const improvementDetail =
    overall === undefined
      ? `A ${kind(goals.improvement)} (${better}), due ${longDay(goals.deadline)}; the baseline has no patients to rate.`
      : `A ${kind(goals.improvement)} (${better}), due ${longDay(goals.deadline)}: overall from ${percent(overall)} to ${bound} ${percent(rateTarget(overall, goals.improvement, notation).target)}, and the same change for each group.`;
  const focus = rateOf(baseline.snapshot.focus);
  const reference = rateOf(baseline.snapshot.reference);
  let gapDetail: string;
  if (focus === undefined || reference === undefined) {
    gapDetail = `A ${kind(goals.gapReduction)}; the baseline has no patients to rate in one of the groups.`;
  } else {
    const g0 = signedGap(focus, reference, notation);
    const t = gapTarget(g0, goals.gapReduction);
    gapDetail =
      t.kind === 'no-gap'
        ? `At baseline ${groupPhrase(spec.focus.label)} did not fare worse than ${groupPhrase(spec.reference.label)}: there is no gap to close.`
        : `A ${kind(goals.gapReduction)}, due ${longDay(goals.deadline)}: from ${points(g0)} to at most ${points(t.target)}, whichever group then fares worse.`;
  }
  return { improvement, improvementDetail, gap, gapDetail };
}
