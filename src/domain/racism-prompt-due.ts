import { fhirDay } from './fhir-day';
import { wasAsked } from './racism-prompt-outcome';
import type { RecordedRacismPrompt } from './racism-prompt-response';

/** How long after an answer the prompt comes back by default (the issue: "not asked in the last 12 months"). */
export const DEFAULT_PROMPT_INTERVAL_MONTHS = 12;

/** The visit the clinician is in, as far as the app can tell. */
export type VisitKind = 'annual-preventive' | 'other' | 'unknown';

export interface PromptDueInput {
  /** The clinician's calendar day, `YYYY-MM-DD`. */
  readonly today: string;
  /** The day the patient was last asked (`shared`, `nothing-to-share` or `declined`), if ever. */
  readonly lastAsked: string | undefined;
  readonly visit: VisitKind;
  /** First day of the current visit, when known: an answer on or after it already covers this visit. */
  readonly visitStart?: string;
  readonly intervalMonths?: number;
}

export type PromptDue =
  | {
      readonly due: true;
      readonly reason: 'never-asked' | 'interval-passed' | 'annual-visit';
      readonly lastAsked: string | undefined;
    }
  | {
      readonly due: false;
      readonly reason: 'asked-recently' | 'asked-this-visit';
      readonly lastAsked: string;
      /** The first day it becomes due again by the interval alone (an annual visit may bring it sooner). */
      readonly nextDue: string;
    };

/**
 * Whether to offer the racism-experience prompt at this visit: when the patient has never been asked, when the last
 * time was `intervalMonths` (default 12) or more ago (so on the anniversary day it is due again), or at an annual or
 * preventive visit unless they were already asked during it (on or after `visitStart`, else today). Recording "not
 * asked" does not count as asking: the caller passes only days the patient was asked ({@link lastAskedDay}).
 *
 * @throws RangeError when a day is not a valid `YYYY-MM-DD` or the interval is not a positive whole number (a
 * programming error, not bad data: the caller reads dates with {@link lastAskedDay}).
 */
export function racismPromptDue(input: PromptDueInput): PromptDue {
  const intervalMonths = input.intervalMonths ?? DEFAULT_PROMPT_INTERVAL_MONTHS;
  if (!Number.isInteger(intervalMonths) || intervalMonths < 1) throw new RangeError('intervalMonths must be ≥ 1');
  const today = checkedDay(input.today);
  if (input.lastAsked === undefined) return { due: true, reason: 'never-asked', lastAsked: undefined };
  const lastAsked = checkedDay(input.lastAsked);
  const nextDue = addMonths(lastAsked, intervalMonths);
  if (today >= nextDue) return { due: true, reason: 'interval-passed', lastAsked };
  if (input.visit === 'annual-preventive') {
    const visitStart = input.visitStart === undefined ? today : checkedDay(input.visitStart);
    if (lastAsked >= visitStart) return { due: false, reason: 'asked-this-visit', lastAsked, nextDue };
    return { due: true, reason: 'annual-visit', lastAsked };
  }
  return { due: false, reason: 'asked-recently', lastAsked, nextDue };
}

/**
 * The latest day on which the patient was asked, from the responses read back; responses whose `authored` cannot
 * be read as a day are ignored (they cannot say when).
 */
export function lastAskedDay(records: readonly RecordedRacismPrompt[]): string | undefined {
  let latest: string | undefined;
  for (const record of records) {
    if (!wasAsked(record.outcome)) continue;
    const day = fhirDay(record.authored);
    if (day !== undefined && (latest === undefined || day > latest)) latest = day;
  }
  return latest;
}

function checkedDay(value: string): string {
  if (value.length !== 10 || fhirDay(value) !== value) throw new RangeError(`not a YYYY-MM-DD day: ${value}`);
  return value;
}

/** `day` plus `months` calendar months; a day missing in the target month becomes that month's last day. */
export function addMonths(day: string, months: number): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7)) - 1 + months;
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = (month % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const dayOfMonth = Math.min(Number(day.slice(8, 10)), lastDay);
  return `${String(targetYear).padStart(4, '0')}-${pad(targetMonth)}-${pad(dayOfMonth)}`;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
