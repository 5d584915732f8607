import type { DomainWarning, Mapped } from './domain-warning';
import { ethnicityOf, isCdcSystemOrNone } from './ethnicity';
import { isObject, resourceRef } from './guards';
import { nullFlavorOf, strongerNullFlavor, type NullFlavorKey } from './null-flavor';
import { readOmbExtension } from './omb-extension';
import { cdcAncestry, OMB_1997, rollUp, type RaceScheme } from './race-scheme';
import { singleOmbCode } from './single-omb-code';
import { US_CORE_RACE_URL } from './systems';

/**
 * Race stratum key: a single category code of the scheme (bare CDC code, e.g. `2106-3`), `multiple` for two or
 * more distinct categories, `ASKU`, `UNK`, or `absent` (no race extension).
 */
export type RaceKey = string;

/** The patient's race in both views. */
export interface Race {
  /** The single-race key (STANDARDS.md "Default stratum keys"). */
  readonly key: RaceKey;
  /** The distinct categories the patient reported, in scheme order (empty for `ASKU`, `UNK`, `absent`). */
  readonly categories: readonly string[];
  /** "Alone or in combination": each category, or `[key]` when there is none, so no patient drops out. */
  readonly combined: readonly string[];
}

/**
 * Maps the US Core race extension to the app's race keys.
 *
 * Rules: `ombCategory` and `detailed` codes both count; a detailed code rolls up through the CDC hierarchy to the
 * nearest scheme category. Under a scheme that splits a category (2024: Middle Eastern or North African out of
 * White), an `ombCategory` that only restates the old roll-up of a detailed code (White for Egyptian) is dropped.
 * A code outside the CDC hierarchy (or `2131-1` Other Race, which has no category) is ignored with a warning; a
 * race extension left with nothing usable is `UNK`. Codes beat null flavors (US Core forbids mixing them).
 */
export function raceOf(patient: unknown, scheme: RaceScheme = OMB_1997): Mapped<Race> {
  if (!scheme.hispanicAsCategory) {
    const single = singleOmbCode(patient, US_CORE_RACE_URL);
    if (single === null) return ABSENT;
    const category = single === undefined ? undefined : rollUp(single, scheme.categories, scheme);
    if (category !== undefined) return singleCategory(category);
  }
  return readRace(patient, scheme);
}

const ABSENT: Mapped<Race> = Object.freeze({ value: Object.freeze(race('absent', [])), warnings: Object.freeze([]) });
const SINGLE = new Map<string, Mapped<Race>>();

/** One shared, frozen result per category: most patients report one race, and a panel maps thousands of them. */
function singleCategory(category: string): Mapped<Race> {
  let mapped = SINGLE.get(category);
  if (mapped === undefined) {
    const value = Object.freeze(race(category, Object.freeze([category])));
    mapped = Object.freeze({ value, warnings: Object.freeze([]) });
    SINGLE.set(category, mapped);
  }
  return mapped;
}

/** The full rules, for every shape {@link singleOmbCode} leaves to them. */
function readRace(patient: unknown, scheme: RaceScheme): Mapped<Race> {
  const ext = readOmbExtension(patient, US_CORE_RACE_URL);
  const categories = new Set<string>();
  if (scheme.hispanicAsCategory && ethnicityOf(patient).value === '2135-2') categories.add('2135-2');
  if (ext.count === 0 && categories.size === 0) return { value: race('absent', []), warnings: [] };

  const warnings: DomainWarning[] = [];
  const warn = (code: DomainWarning['code'], message: string): void => {
    warnings.push({ code, ...(isObject(patient) ? resourceRef(patient) : {}), message });
  };
  if (ext.count > 1) warn('duplicate', 'Patient has more than one US Core race extension; all were read.');
  if (ext.unreadable > 0) warn('missing-code', 'A race sub-extension has no code.');

  let nullFlavor: NullFlavorKey | undefined;
  const superseded = new Set<string>();
  const ombCodes: string[] = [];
  for (const coding of [...ext.ombCategory, ...ext.detailed]) {
    const nf = nullFlavorOf(coding);
    if (nf !== undefined) {
      nullFlavor = strongerNullFlavor(nullFlavor, nf);
      continue;
    }
    const category = isCdcSystemOrNone(coding.system) ? rollUp(coding.code, scheme.categories, scheme) : undefined;
    if (category === undefined) {
      warn('missing-code', 'A race code has no category in the race scheme; it was ignored.');
      continue;
    }
    if (ext.ombCategory.includes(coding)) ombCodes.push(category);
    else {
      categories.add(category);
      for (const ancestor of cdcAncestry(coding.code, scheme)) if (ancestor !== category) superseded.add(ancestor);
    }
  }
  for (const code of ombCodes) if (!superseded.has(code)) categories.add(code);

  const ordered = scheme.categories.filter((c) => categories.has(c));
  if (ordered.length > 0) {
    if (nullFlavor !== undefined) warn('missing-code', 'Race mixes a null flavor with a code; the code was used.');
    const [only] = ordered;
    return { value: race(ordered.length === 1 && only !== undefined ? only : 'multiple', ordered), warnings };
  }
  if (nullFlavor === undefined) warn('missing-code', 'Race extension has no usable code.');
  return { value: race(nullFlavor ?? 'UNK', []), warnings };
}

function race(key: RaceKey, categories: readonly string[]): Race {
  return { key, categories, combined: categories.length > 0 ? categories : [key] };
}
