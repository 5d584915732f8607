import { addDays } from '../../../measures/goal-time';
import type { PdsaCycle, PdsaDecision } from '../../../measures/pdsa-cycle';
import { PDSA_MAX_DAYS } from '../../../measures/pdsa-cycle';
import { isDay } from '../../../measures/goal-time';

/** The PDSA form as typed. */
export interface CycleDraft {
  readonly change: string;
  readonly targetGroup: string;
  readonly metricName: string;
  readonly metricGoal: string;
  readonly metricCount: string;
  readonly start: string;
  readonly plannedEnd: string;
  readonly end: string;
  readonly study: string;
  readonly decision: PdsaDecision | '';
}

/** A new cycle starting today, planned for the six weeks the toolkit allows at most. */
export function newCycleDraft(today: string): CycleDraft {
  return {
    change: '',
    targetGroup: '',
    metricName: '',
    metricGoal: '',
    metricCount: '',
    start: today,
    plannedEnd: addDays(today, PDSA_MAX_DAYS - 1),
    end: '',
    study: '',
    decision: '',
  };
}

/** The form for an existing cycle. */
export function cycleToDraft(c: PdsaCycle): CycleDraft {
  return {
    change: c.change,
    targetGroup: c.targetGroup,
    metricName: c.metric.name,
    metricGoal: c.metric.goal === undefined ? '' : String(c.metric.goal),
    metricCount: c.metric.count === undefined ? '' : String(c.metric.count),
    start: c.start,
    plannedEnd: c.plannedEnd,
    end: c.end ?? '',
    study: c.study,
    decision: c.decision ?? '',
  };
}

export type CycleField =
  'change' | 'targetGroup' | 'metricName' | 'metricGoal' | 'metricCount' | 'start' | 'plannedEnd' | 'end';

export interface CycleProblem {
  readonly field: CycleField;
  readonly message: string;
}

const whole = (text: string): number | undefined => {
  const t = text.trim();
  return /^\d{1,7}$/.test(t) ? Number(t) : undefined;
};

/** What must be fixed before the cycle can be saved (the six-week rule is a warning, not a problem). */
export function cycleProblems(d: CycleDraft): CycleProblem[] {
  const out: CycleProblem[] = [];
  if (d.change.trim() === '') out.push({ field: 'change', message: 'Say what change you will try.' });
  if (d.targetGroup.trim() === '')
    out.push({ field: 'targetGroup', message: 'Say who you will try it with (start small).' });
  if (d.metricName.trim() === '')
    out.push({ field: 'metricName', message: 'Name what you will count (e.g. outreach calls made).' });
  if (d.metricGoal.trim() !== '' && whole(d.metricGoal) === undefined)
    out.push({ field: 'metricGoal', message: 'Enter a whole number, or leave it empty.' });
  if (d.metricCount.trim() !== '' && whole(d.metricCount) === undefined)
    out.push({ field: 'metricCount', message: 'Enter a whole number, or leave it empty.' });
  if (!isDay(d.start)) out.push({ field: 'start', message: 'Enter the first day.' });
  if (!isDay(d.plannedEnd)) out.push({ field: 'plannedEnd', message: 'Enter the planned last day.' });
  else if (isDay(d.start) && d.plannedEnd < d.start)
    out.push({ field: 'plannedEnd', message: 'The planned last day is before the first day.' });
  if (d.end !== '' && !isDay(d.end)) out.push({ field: 'end', message: 'Enter a date, or leave it empty.' });
  else if (d.end !== '' && isDay(d.start) && d.end < d.start)
    out.push({ field: 'end', message: 'The last day is before the first day.' });
  return out;
}

/** The cycle a valid draft describes (snapshots are added by the caller). */
export function draftToCycle(d: CycleDraft): PdsaCycle {
  const goal = whole(d.metricGoal);
  const count = whole(d.metricCount);
  return {
    change: d.change.trim(),
    targetGroup: d.targetGroup.trim(),
    metric: {
      name: d.metricName.trim(),
      ...(goal === undefined ? {} : { goal }),
      ...(count === undefined ? {} : { count }),
    },
    start: d.start,
    plannedEnd: d.plannedEnd,
    ...(d.end === '' ? {} : { end: d.end }),
    study: d.study.trim(),
    ...(d.decision === '' ? {} : { decision: d.decision }),
  };
}
