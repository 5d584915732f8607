import { HUNGER_VITAL_SIGN } from '../domain/food-insecurity';
import { ACUTE_ENCOUNTER_CLASSES, CODES, NUTRITION_THERAPY_CODES } from '../measures/codes';
import { VALUE_SETS, valueSetCodes } from '../measures/value-sets';

let relevant: ReadonlySet<string> | undefined;
let bySystem: ReadonlyMap<string, ReadonlySet<string>> | undefined;

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

/** {@link relevantCodeKeys} as system → codes, so that a coding is checked without building its key string. */
export function relevantCodesBySystem(): ReadonlyMap<string, ReadonlySet<string>> {
  if (bySystem === undefined) {
    const map = new Map<string, Set<string>>();
    for (const key of relevantCodeKeys()) {
      const bar = key.lastIndexOf('|');
      const system = key.slice(0, bar);
      let codes = map.get(system);
      if (codes === undefined) {
        codes = new Set();
        map.set(system, codes);
      }
      codes.add(key.slice(bar + 1));
    }
    bySystem = map;
  }
  return bySystem;
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
