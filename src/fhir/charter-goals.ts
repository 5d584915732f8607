import type { Goal, GoalTarget, Quantity, Reference } from 'fhir/r4';
import type { Charter, CharterStatus } from '../measures/charter-model';
import { rateOf } from '../measures/charter-model';
import { gapTarget, rateTarget, signedGap } from '../measures/goal-arithmetic';
import type { GoalSentences } from '../measures/goal-sentence';
import { groupPhrase, populationPhrase } from '../measures/goal-sentence';
import { MEASURES } from '../measures/measure-catalogue';
import { CHARTER_CODE_SYSTEM, CHARTER_CODES, CHARTER_IDENTIFIER_SYSTEM, UCUM } from './charter-codes';

/** Goal.lifecycleStatus for a charter status. */
export function goalLifecycle(status: CharterStatus): Goal['lifecycleStatus'] {
  switch (status) {
    case 'active':
      return 'active';
    case 'completed':
      return 'completed';
    case 'stopped':
      return 'cancelled';
  }
}

/** A percentage as a UCUM quantity, rounded to 0.1 (the precision the goal is stated in). */
function pct(proportion: number, unit = '%'): Quantity {
  return { value: Math.round(proportion * 1000) / 10, unit, system: UCUM, code: '%' };
}

const concept = (code: string, text: string) => ({ coding: [{ system: CHARTER_CODE_SYSTEM, code }], text });

/**
 * The charter's two SMART goals as Goal resources: the improvement goal with one target per group (overall, focus,
 * reference: "at least" for measures where higher is better, "at most" where lower is better, as `detailRange`),
 * and the gap goal with the gap's allowed size either way (`detailRange` −T to +T percentage points). Both are
 * due on the deadline. `subject` (1..1 in R4) names the charter population as a Group by description only: the
 * population is a definition (measure + filters), not a list of patients the app could write.
 */
export function charterGoals(
  uuid: string,
  charter: Charter,
  sentences: GoalSentences,
  expressedBy?: Reference,
): { readonly improvement: Goal; readonly gap: Goal } {
  const { spec, goals, baseline } = charter;
  const definition = MEASURES[spec.measure];
  const notation = definition.improvementNotation;
  const subject: Reference = {
    type: 'Group',
    display: `${populationPhrase(spec)}: ${definition.title}`,
  };
  const base = (kind: 'improvement' | 'gap', description: string, note: string): Goal => ({
    resourceType: 'Goal',
    identifier: [{ system: CHARTER_IDENTIFIER_SYSTEM, value: `${uuid}.${kind}` }],
    lifecycleStatus: goalLifecycle(charter.status),
    category: [concept(kind === 'improvement' ? CHARTER_CODES.improvementGoal : CHARTER_CODES.gapGoal, `${kind} goal`)],
    description: { text: `${description}.` },
    subject,
    startDate: goals.start,
    ...(expressedBy === undefined ? {} : { expressedBy }),
    note: [{ text: note }],
  });

  const groups = [
    [CHARTER_CODES.rateOverall, 'everyone', baseline.snapshot.overall],
    [CHARTER_CODES.rateFocus, groupPhrase(spec.focus.label), baseline.snapshot.focus],
    [CHARTER_CODES.rateReference, groupPhrase(spec.reference.label), baseline.snapshot.reference],
  ] as const;
  const rateTargets = groups.flatMap(([code, who, counts]): GoalTarget[] => {
    const rate = rateOf(counts);
    if (rate === undefined) return [];
    const t = pct(rateTarget(rate, goals.improvement, notation).target);
    return [
      {
        measure: concept(code, `${definition.title}, ${who}`),
        detailRange: notation === 'increase' ? { low: t } : { high: t },
        dueDate: goals.deadline,
      },
    ];
  });

  const focus = rateOf(baseline.snapshot.focus);
  const reference = rateOf(baseline.snapshot.reference);
  const gap =
    focus === undefined || reference === undefined
      ? undefined
      : gapTarget(signedGap(focus, reference, notation), goals.gapReduction);
  const gapMeasure = concept(CHARTER_CODES.gap, `Gap in ${definition.title}, percentage points`);
  const gapTargetList: GoalTarget[] = [
    gap?.kind === 'target'
      ? {
          measure: gapMeasure,
          detailRange: { low: pct(-gap.target, 'percentage points'), high: pct(gap.target, 'percentage points') },
          dueDate: goals.deadline,
        }
      : { measure: gapMeasure, dueDate: goals.deadline },
  ];

  return {
    improvement: { ...base('improvement', sentences.improvement, sentences.improvementDetail), target: rateTargets },
    gap: { ...base('gap', sentences.gap, sentences.gapDetail), target: gapTargetList },
  };
}
