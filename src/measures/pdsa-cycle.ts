import type { CharterSnapshot } from './charter-model';
import { addDays, daysBetween } from './goal-time';

/** The toolkit's rule: rapid PDSA cycles of at most six weeks, starting small. */
export const PDSA_MAX_DAYS = 42;

/** What the team decided after studying a cycle. */
export type PdsaDecision = 'adopt' | 'adapt' | 'abandon';

/** A count the team keeps during a cycle ("outreach calls made"), with the count aimed for. */
export interface ProcessMetric {
  readonly name: string;
  readonly count?: number;
  readonly goal?: number;
}

/** One Plan-Do-Study-Act cycle of a charter. */
export interface PdsaCycle {
  /** The change tried ("call patients due for a blood-pressure check"). */
  readonly change: string;
  /** The small group it is tried on ("Black women 40–50 with uncontrolled hypertension"). */
  readonly targetGroup: string;
  readonly metric: ProcessMetric;
  /** First day (`YYYY-MM-DD`). */
  readonly start: string;
  /** Planned last day. */
  readonly plannedEnd: string;
  /** Actual last day, once the cycle is over. */
  readonly end?: string;
  /** The measure at the start and at the end of the cycle. */
  readonly startSnapshot?: CharterSnapshot;
  readonly endSnapshot?: CharterSnapshot;
  /** What the team learned (Study). */
  readonly study: string;
  /** Act. */
  readonly decision?: PdsaDecision;
}

/** Days a cycle spans, both ends included (a Monday to the Sunday six weeks later is 42 days). */
export function cycleDays(start: string, end: string): number {
  return daysBetween(start, end) + 1;
}

/** The last day a cycle starting on `start` may run to under the six-week rule. */
export function latestEnd(start: string): string {
  return addDays(start, PDSA_MAX_DAYS - 1);
}

/** Why a cycle breaks the six-week rule. */
export type SixWeekWarning =
  /** Planned longer than six weeks. */
  | { readonly kind: 'planned-too-long'; readonly days: number }
  /** Over, but it ran longer than six weeks. */
  | { readonly kind: 'ran-too-long'; readonly days: number }
  /** Still open, and six weeks have passed since it started. */
  | { readonly kind: 'overdue'; readonly days: number }
  /** Ends before it starts. */
  | { readonly kind: 'ends-before-start' };

/**
 * The six-week rule, as warnings (the app warns, it does not forbid: a team may have a reason). `today` is the
 * viewer's day, used for a cycle that is still open.
 */
export function sixWeekWarnings(
  cycle: Pick<PdsaCycle, 'start' | 'plannedEnd' | 'end'>,
  today: string,
): SixWeekWarning[] {
  const warnings: SixWeekWarning[] = [];
  const planned = cycleDays(cycle.start, cycle.plannedEnd);
  if (planned < 1 || (cycle.end !== undefined && cycleDays(cycle.start, cycle.end) < 1)) {
    return [{ kind: 'ends-before-start' }];
  }
  if (planned > PDSA_MAX_DAYS) warnings.push({ kind: 'planned-too-long', days: planned });
  if (cycle.end !== undefined) {
    const ran = cycleDays(cycle.start, cycle.end);
    if (ran > PDSA_MAX_DAYS) warnings.push({ kind: 'ran-too-long', days: ran });
  } else {
    const running = cycleDays(cycle.start, today);
    if (running > PDSA_MAX_DAYS) warnings.push({ kind: 'overdue', days: running });
  }
  return warnings;
}

/** Plain words for a warning. */
export function sixWeekMessage(warning: SixWeekWarning): string {
  switch (warning.kind) {
    case 'planned-too-long':
      return `Planned for ${warning.days} days: PDSA cycles should last at most six weeks (${PDSA_MAX_DAYS} days). Try a smaller change or a smaller group.`;
    case 'ran-too-long':
      return `This cycle ran ${warning.days} days, longer than six weeks. Keep the next one shorter.`;
    case 'overdue':
      return `This cycle started ${warning.days} days ago, more than six weeks: study what happened and decide to adopt, adapt or abandon.`;
    case 'ends-before-start':
      return 'The cycle ends before it starts: check the dates.';
  }
}

/** Cycles in timeline order: by start, then by planned end. */
export function timelineOrder<T extends Pick<PdsaCycle, 'start' | 'plannedEnd'>>(cycles: readonly T[]): T[] {
  return [...cycles].sort((a, b) =>
    a.start === b.start ? (a.plannedEnd < b.plannedEnd ? -1 : 1) : a.start < b.start ? -1 : 1,
  );
}
