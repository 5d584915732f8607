import type { Charter, ChangeKind } from '../../../measures/charter-model';
import { freezeBaseline } from '../../../measures/charter-model';
import { addMonths } from '../../../measures/goal-time';
import { MEASURES } from '../../../measures/measure-catalogue';
import type { GoalView } from './goal-view';
import { POPULATION_LABELS, viewSnapshot } from './goal-view';

/** What the "Set a goal" form holds, as typed (numbers stay strings until they are checked). */
export interface CharterDraft {
  readonly title: string;
  readonly improvementKind: ChangeKind;
  readonly improvementAmount: string;
  readonly gapKind: ChangeKind;
  readonly gapAmount: string;
  /** Months from today to the deadline. */
  readonly months: number;
  readonly sponsor: string;
  readonly team: string;
}

/** Deadlines offered, in months: a quarter to two years. */
export const DEADLINE_MONTHS: readonly number[] = [3, 6, 9, 12, 18, 24];

/** The toolkit's worked example as a starting point: 10% better for everyone, the gap halved, in a year. */
export function defaultDraft(view: GoalView): CharterDraft {
  return {
    title: `${MEASURES[view.measure].title}: ${view.focus.label.replaceAll(' × ', ', ')}`,
    improvementKind: 'relative',
    improvementAmount: '10',
    gapKind: 'relative',
    gapAmount: '50',
    months: 12,
    sponsor: '',
    team: '',
  };
}

/** A problem with one field of the draft, in words for the person filling it in. */
export interface DraftProblem {
  readonly field: 'title' | 'improvementAmount' | 'gapAmount';
  readonly message: string;
}

function amountProblem(
  field: DraftProblem['field'],
  text: string,
  kind: ChangeKind,
  what: string,
): DraftProblem | undefined {
  const n = Number(text.trim().replace(',', '.'));
  if (text.trim() === '' || !Number.isFinite(n)) return { field, message: `Enter the ${what} as a number.` };
  if (n <= 0) return { field, message: `The ${what} must be more than 0.` };
  if (kind === 'absolute' && n > 100) return { field, message: `A change of more than 100 points is not possible.` };
  if (field === 'gapAmount' && kind === 'relative' && n > 100)
    return { field, message: 'A gap can shrink by at most 100% (closed).' };
  return undefined;
}

/** What is wrong with a draft; empty when it can be saved. */
export function draftProblems(draft: CharterDraft): DraftProblem[] {
  const problems: (DraftProblem | undefined)[] = [
    draft.title.trim() === '' ? { field: 'title', message: 'Give the charter a title.' } : undefined,
    amountProblem('improvementAmount', draft.improvementAmount, draft.improvementKind, 'improvement'),
    amountProblem('gapAmount', draft.gapAmount, draft.gapKind, 'gap reduction'),
  ];
  return problems.filter((p) => p !== undefined);
}

/**
 * The charter a valid draft describes, with the view's counts frozen as its baseline at `now`. Amounts are read
 * as typed (a decimal comma is accepted).
 */
export function draftToCharter(view: GoalView, draft: CharterDraft, now: Date): Charter {
  const today = now.toISOString().slice(0, 10);
  const amount = (text: string): number => Number(text.trim().replace(',', '.'));
  return {
    title: draft.title.trim(),
    spec: {
      measure: view.measure,
      stratifier: view.stratifier,
      focus: { keys: view.focus.keys, label: view.focus.label },
      reference: { kind: 'complement', label: view.reference.label },
      filters: view.filters,
      ...(view.ageRange === undefined ? {} : { ageRange: view.ageRange }),
      populationLabel: POPULATION_LABELS[view.measure],
    },
    goals: {
      improvement: { kind: draft.improvementKind, amount: amount(draft.improvementAmount) },
      gapReduction: { kind: draft.gapKind, amount: amount(draft.gapAmount) },
      start: today,
      deadline: addMonths(today, draft.months),
    },
    baseline: freezeBaseline(viewSnapshot(view), now.toISOString()),
    sponsor: draft.sponsor.trim(),
    team: draft.team.trim(),
    status: 'active',
  };
}
