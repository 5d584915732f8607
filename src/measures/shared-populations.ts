import type { Uncertain } from './cql-time';
import {
  advancedIllnessOrDementiaIds,
  frailtyIds,
  hospiceIds,
  nursingHomeIds,
  palliativeCareIds,
} from './exclusion-criteria';
import type { MeasurementContext } from './measurement-context';
import { ageIn } from './patient-age';
import type { ExclusionEvidence, PopulationGap } from './patient-measure-result';
import type { PatientFacts } from './patient-facts';
import { withinPeriodDays } from './period-predicates';
import type { Populations } from './types';
import { anyIn, valueSetCodes } from './value-sets';

/**
 * The `system|code` keys of the value sets plus the direct codes, as one set: built once per measure at module
 * load, so that `qualifyingEncounterIds` makes one lookup per encounter type however many value sets there are.
 */
export function combinedCodes(
  valueSetUrls: readonly string[],
  directCodes: Iterable<string> = [],
): ReadonlySet<string> {
  const combined = new Set(directCodes);
  for (const url of valueSetUrls) for (const key of valueSetCodes(url)) combined.add(key);
  return combined;
}

/**
 * Ids of finished encounters typed by one of `codes` (see `combinedCodes`) that lie wholly within the period's
 * days: the "Qualifying Encounters" pattern shared by both measures.
 */
export function qualifyingEncounterIds(
  facts: PatientFacts,
  ctx: MeasurementContext,
  codes: ReadonlySet<string>,
): string[] {
  const found: string[] = [];
  for (const e of facts.encounters) {
    // The cheap code test first: most encounters of a record are not qualifying visits.
    if (e.finished && anyIn(e.types, codes) && withinPeriodDays(e.period, ctx)) found.push(e.id);
  }
  return found;
}

/** The eight possible answers of {@link populationGaps}, shared and frozen, by a three-bit index. */
const GAPS: readonly (readonly PopulationGap[])[] = Array.from({ length: 8 }, (_, bits) => {
  const gaps: PopulationGap[] = [];
  if ((bits & 1) !== 0) gaps.push('age');
  if ((bits & 2) !== 0) gaps.push('diagnosis');
  if ((bits & 4) !== 0) gaps.push('encounter');
  return Object.freeze(gaps);
});

/**
 * What keeps a patient out of the initial population, in the order age, diagnosis, encounter. The lists are
 * shared constants: every patient of a panel gets one, and most get the same few.
 */
export function populationGaps(
  ageMet: boolean,
  diagnosisMet: boolean,
  encounterMet: boolean,
): readonly PopulationGap[] {
  return GAPS[(ageMet ? 0 : 1) | (diagnosisMet ? 0 : 2) | (encounterMet ? 0 : 4)] ?? [];
}

/** Exclusions both measures share: hospice, palliative care and (66+) long-term nursing home. */
export function commonExclusions(
  facts: PatientFacts,
  ctx: MeasurementContext,
  age: Uncertain | null,
): ExclusionEvidence[] {
  const found: ExclusionEvidence[] = [];
  const hospice = hospiceIds(facts, ctx);
  if (hospice.length > 0) found.push({ kind: 'hospice', resourceIds: hospice });
  const palliative = palliativeCareIds(facts, ctx);
  if (palliative.length > 0) found.push({ kind: 'palliative-care', resourceIds: palliative });
  if (ageIn(age, 66)) {
    const nursingHome = nursingHomeIds(facts, ctx);
    if (nursingHome.length > 0) found.push({ kind: 'nursing-home', resourceIds: nursingHome });
  }
  return found;
}

/**
 * AdvancedIllnessandFrailty: frailty with advanced illness or dementia medication from age 66 (to 80 when
 * `frailtyAloneFrom` is given), and frailty alone from `frailtyAloneFrom` (81 in CMS165; CMS122 has no such rule).
 */
export function frailtyExclusions(
  facts: PatientFacts,
  ctx: MeasurementContext,
  age: Uncertain | null,
  frailtyAloneFrom?: number,
): ExclusionEvidence[] {
  if (!ageIn(age, 66)) return [];
  const frailty = frailtyIds(facts, ctx);
  if (frailty.length === 0) return [];
  if (frailtyAloneFrom !== undefined && ageIn(age, frailtyAloneFrom)) {
    return [{ kind: 'frailty-age-81-plus', resourceIds: frailty }];
  }
  if (frailtyAloneFrom !== undefined && !ageIn(age, 66, frailtyAloneFrom - 1)) return [];
  const illness = advancedIllnessOrDementiaIds(facts, ctx);
  return illness.length > 0 ? [{ kind: 'advanced-illness-and-frailty', resourceIds: [...frailty, ...illness] }] : [];
}

/**
 * eCQM proportion-measure membership: denominator = initial population; exclusion and numerator only count
 * inside the denominator, and an excluded patient is never in the numerator (as MeasureReports show them).
 */
export function proportionPopulations(
  initialPopulation: boolean,
  excluded: boolean,
  numeratorCriteria: boolean,
): Populations {
  return {
    initialPopulation,
    denominator: initialPopulation,
    denominatorExclusion: initialPopulation && excluded,
    denominatorException: false,
    numerator: initialPopulation && !excluded && numeratorCriteria,
  };
}
