import { HUNGER_VITAL_SIGN } from '../domain/food-insecurity';
import { ACUTE_ENCOUNTER_CLASSES, CODES, NUTRITION_THERAPY_CODES } from '../measures/codes';
import { VALUE_SETS, valueSetCodes } from '../measures/value-sets';

let relevant: ReadonlySet<string> | undefined;

/**
 * Every `system|code` key the engine's measures (CMS165, CMS122 and their libraries) compare a resource's code
 * with: all their value sets, their direct-reference codes and CMS122's nutrition-therapy codes. A resource whose
 * codes are all outside this set cannot change any population, so it can be dropped before evaluation.
 */
export function relevantCodeKeys(): ReadonlySet<string> {
  if (relevant === undefined) {
    const keys = new Set<string>([...Object.values(CODES), ...NUTRITION_THERAPY_CODES]);
    for (const url of Object.values(VALUE_SETS)) for (const key of valueSetCodes(url)) keys.add(key);
    relevant = keys;
  }
  return relevant;
}

/**
 * Hunger Vital Sign LOINC codes, matched on the code alone: the food-insecurity stratifier also accepts codings
 * without a system (see `foodInsecurityOf`).
 */
export const HUNGER_CODES: ReadonlySet<string> = new Set([
  HUNGER_VITAL_SIGN.panel,
  HUNGER_VITAL_SIGN.worriedFoodWouldRunOut,
  HUNGER_VITAL_SIGN.foodDidNotLast,
  HUNGER_VITAL_SIGN.riskItem,
]);

/**
 * Encounter classes that matter even when the encounter's type is in no value set: CMS165 excludes a reading whose
 * own encounter is acute.
 */
export const ACUTE_CLASSES: ReadonlySet<string> = ACUTE_ENCOUNTER_CLASSES;
