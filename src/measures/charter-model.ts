import type { DimensionId } from '../domain/dimensions';
import type { AgeRange } from './panel-filters';
import type { PopulationCounts } from './stratification-types';
import type { MeasureId, Period } from './types';

/**
 * The app's model of an improvement project (AMA STEPS Forward, _Racial and Health Equity: Concrete STEPS_, steps 4
 * and 5): a charter with two related SMART goals set from a measured gap, and PDSA cycles under it. Pure data; how
 * it is stored in FHIR is `src/fhir/charter-README.md`.
 */

/** How a change is expressed: relative to the baseline value (10% of it), or in percentage points. */
export type ChangeKind = 'relative' | 'absolute';

/** A change asked of a rate or a gap: `amount` is a percentage (relative) or percentage points (absolute), > 0. */
export interface ChangeSpec {
  readonly kind: ChangeKind;
  readonly amount: number;
}

/** Patients kept in the charter's population: those whose key in `dimension` is one of `keys`. */
export interface CharterFilter {
  readonly dimension: DimensionId;
  readonly keys: readonly string[];
  /** What the filter means in words ("Medicaid"), for sentences. */
  readonly label: string;
}

/** A stratum of the charter's stratifier: one key per dimension (`['2054-5', 'female']` for race × sex). */
export interface CharterGroup {
  readonly keys: readonly string[];
  readonly label: string;
}

/**
 * What the focus group is compared with: everyone else in the population (the app's default), another stratum of
 * the same stratifier, or the whole population (which includes the focus group).
 */
export type CharterReference =
  | { readonly kind: 'complement'; readonly label: string }
  | { readonly kind: 'stratum'; readonly keys: readonly string[]; readonly label: string }
  | { readonly kind: 'overall'; readonly label: string };

/** Which measure, population and groups a charter is about: fixed when the charter is set. */
export interface CharterSpec {
  readonly measure: MeasureId;
  /** The stratifier the groups come from (one to three dimensions). */
  readonly stratifier: readonly DimensionId[];
  readonly focus: CharterGroup;
  readonly reference: CharterReference;
  readonly filters: readonly CharterFilter[];
  /** Ages kept, by the measure's own age at the end of each period (the panels' age filter, e.g. 30–65). */
  readonly ageRange?: AgeRange;
  /** The population in words ("adults 18–85 with hypertension"), as the goal sentence names it. */
  readonly populationLabel: string;
}

/** Counts of the three groups a charter follows over one measurement period. */
export interface CharterSnapshot {
  readonly period: Period;
  readonly overall: PopulationCounts;
  readonly focus: PopulationCounts;
  readonly reference: PopulationCounts;
}

/** The baseline: a snapshot frozen when the charter was set, never recomputed afterwards. */
export interface FrozenBaseline {
  readonly snapshot: CharterSnapshot;
  /** When it was frozen (FHIR dateTime). */
  readonly frozenAt: string;
}

/** The two SMART goals: improvement for everyone (the groups included) and a smaller gap, by a deadline. */
export interface CharterGoals {
  readonly improvement: ChangeSpec;
  readonly gapReduction: ChangeSpec;
  /** The day the goals were set (`YYYY-MM-DD`). */
  readonly start: string;
  /** The day they are due (`YYYY-MM-DD`). */
  readonly deadline: string;
}

export type CharterStatus = 'active' | 'completed' | 'stopped';

/** A charter as the app holds it. */
export interface Charter {
  readonly title: string;
  readonly spec: CharterSpec;
  readonly goals: CharterGoals;
  readonly baseline: FrozenBaseline;
  /** Free text. */
  readonly sponsor: string;
  /** Free text (names and roles, one a line if the user likes). */
  readonly team: string;
  readonly status: CharterStatus;
}

/** What may change on a charter after it is set: never the spec, the goals or the baseline. */
export interface CharterRevision {
  readonly title?: string;
  readonly sponsor?: string;
  readonly team?: string;
  readonly status?: CharterStatus;
}

/** Freezes a snapshot as the baseline: a deep, frozen copy that later snapshots cannot alter. */
export function freezeBaseline(snapshot: CharterSnapshot, frozenAt: string): FrozenBaseline {
  const counts = (c: PopulationCounts): PopulationCounts => Object.freeze({ ...c });
  return Object.freeze({
    frozenAt,
    snapshot: Object.freeze({
      period: Object.freeze({ ...snapshot.period }),
      overall: counts(snapshot.overall),
      focus: counts(snapshot.focus),
      reference: counts(snapshot.reference),
    }),
  });
}

/**
 * Applies a revision. The baseline, the goals and the spec are carried over untouched whatever the revision holds
 * (a revision typed loosely at run time cannot smuggle a new baseline in): the whole point of a baseline is that
 * progress is measured against the value the team agreed on.
 */
export function reviseCharter(charter: Charter, revision: CharterRevision): Charter {
  return {
    title: revision.title ?? charter.title,
    sponsor: revision.sponsor ?? charter.sponsor,
    team: revision.team ?? charter.team,
    status: revision.status ?? charter.status,
    spec: charter.spec,
    goals: charter.goals,
    baseline: charter.baseline,
  };
}

/** numerator ÷ (denominator − exclusions − exceptions), as the engine rates a proportion. */
export function performanceDenominator(c: PopulationCounts): number {
  return Math.max(0, c.denominator - c.denominatorExclusion - c.denominatorException);
}

/** The rate of some counts, or undefined when no patient is behind it. */
export function rateOf(c: PopulationCounts): number | undefined {
  const n = performanceDenominator(c);
  return n > 0 ? c.numerator / n : undefined;
}
