import type { Mapped } from './domain-warning';
import { isObject, obj, objects, resourceRef, type JsonObject } from './guards';
import { BCP47_SYSTEM } from './systems';

/** Language stratum key: a lower-case ISO 639 primary subtag (`en`, `es`, `zh`), `UNK`, or `absent`. */
export type LanguageKey = string;

const PRIMARY_SUBTAG = /^[a-z]{2,3}$/;

/**
 * The primary subtag, lower case, of the `preferred: true` communication, else of the first one (STANDARDS.md
 * "Default stratum keys"; `en-US` → `en`). Within a communication a `urn:ietf:bcp:47` coding is preferred over
 * other codings. `absent` when the patient has no communication; `UNK` with a warning when the chosen one has no
 * usable language tag.
 */
export function languageOf(patient: unknown): Mapped<LanguageKey> {
  if (!isObject(patient)) return ABSENT;
  const communications = objects(patient, 'communication');
  // Loops rather than find/filter: this runs for every patient of a panel.
  let chosen: JsonObject | undefined;
  for (const c of communications) {
    if (c['preferred'] === true) {
      chosen = c;
      break;
    }
  }
  chosen ??= communications[0];
  if (chosen === undefined) return ABSENT;
  const primary = primarySubtagOf(languageTag(obj(chosen, 'language')));
  if (primary !== undefined) return known(primary);
  return {
    value: 'UNK',
    warnings: [{ code: 'missing-code', ...resourceRef(patient), message: 'Preferred language has no BCP-47 tag.' }],
  };
}

/** The code of the first `urn:ietf:bcp:47` coding with one, else of the first coding with a code. */
function languageTag(concept: JsonObject | undefined): string | undefined {
  if (concept === undefined) return undefined;
  let first: string | undefined;
  for (const c of objects(concept, 'coding')) {
    const code = c['code'];
    if (typeof code !== 'string') continue;
    if (c['system'] === BCP47_SYSTEM) return code;
    first ??= code;
  }
  return first;
}

const ABSENT: Mapped<LanguageKey> = Object.freeze({ value: 'absent', warnings: Object.freeze([]) });
/** Results and subtags by tag: a panel has a few dozen distinct tags (bounded, in case of unusual data). */
const KNOWN = new Map<string, Mapped<LanguageKey>>();
const SUBTAGS = new Map<string, string | null>();
const CACHE_LIMIT = 1000;

function known(primary: string): Mapped<LanguageKey> {
  let mapped = KNOWN.get(primary);
  if (mapped === undefined) {
    mapped = Object.freeze({ value: primary, warnings: Object.freeze([]) });
    if (KNOWN.size < CACHE_LIMIT) KNOWN.set(primary, mapped);
  }
  return mapped;
}

function primarySubtagOf(tag: string | undefined): string | undefined {
  if (tag === undefined) return undefined;
  const hit = SUBTAGS.get(tag);
  if (hit !== undefined) return hit ?? undefined;
  const primary = primarySubtag(tag);
  if (SUBTAGS.size < CACHE_LIMIT) SUBTAGS.set(tag, primary ?? null);
  return primary;
}

/** `en-US` → `en`, `ZH-Hant` → `zh`; undefined when the tag does not start with a 2–3 letter language subtag. */
export function primarySubtag(tag: string): string | undefined {
  const primary = tag.trim().split(/[-_]/)[0]?.toLowerCase();
  return primary !== undefined && PRIMARY_SUBTAG.test(primary) ? primary : undefined;
}
