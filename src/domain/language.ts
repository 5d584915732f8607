import type { Mapped } from './domain-warning';
import { codings, isObject, obj, objects, resourceRef } from './guards';
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
  if (!isObject(patient)) return { value: 'absent', warnings: [] };
  const communications = objects(patient, 'communication');
  const chosen = communications.find((c) => c['preferred'] === true) ?? communications[0];
  if (chosen === undefined) return { value: 'absent', warnings: [] };
  const tags = codings(obj(chosen, 'language'));
  const tag = (tags.find((c) => c.system === BCP47_SYSTEM) ?? tags[0])?.code;
  const primary = tag === undefined ? undefined : primarySubtag(tag);
  if (primary !== undefined) return { value: primary, warnings: [] };
  return {
    value: 'UNK',
    warnings: [{ code: 'missing-code', ...resourceRef(patient), message: 'Preferred language has no BCP-47 tag.' }],
  };
}

/** `en-US` → `en`, `ZH-Hant` → `zh`; undefined when the tag does not start with a 2–3 letter language subtag. */
export function primarySubtag(tag: string): string | undefined {
  const primary = tag.trim().split(/[-_]/)[0]?.toLowerCase();
  return primary !== undefined && PRIMARY_SUBTAG.test(primary) ? primary : undefined;
}
