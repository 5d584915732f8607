import valueSetData from './valuesets/valuesets.json';

/** The value sets (URLs) of no code: shared, so facts without a listed code allocate nothing. */
const NONE: ReadonlySet<string> = new Set();

/**
 * For every `system|code` of the expansions in `valuesets/valuesets.json`, the URLs of the value sets holding it,
 * built once at module load. Reading a fact then costs one lookup per code, and every criterion after that is a
 * single `Set.has` instead of a scan of the fact's codes against each value set in turn.
 */
const BY_CODE: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const byCode = new Map<string, Set<string>>();
  for (const [url, entry] of Object.entries(valueSetData.valueSets)) {
    for (const [system, codes] of Object.entries(entry.codes)) {
      for (const code of codes) {
        const key = `${system}|${code}`;
        let urls = byCode.get(key);
        if (urls === undefined) {
          urls = new Set();
          byCode.set(key, urls);
        }
        urls.add(url);
      }
    }
  }
  return byCode;
})();

/**
 * The URLs of the value sets that hold any of the `system|code` keys: `valueSetsOf(codes).has(url)` is exactly
 * `anyIn(codes, valueSetCodes(url))`. The result may be shared between calls: never mutate it.
 */
export function valueSetsOf(codes: readonly string[]): ReadonlySet<string> {
  if (codes.length === 0) return NONE;
  // Frozen code lists come shared from `FieldReader.concept` (one per distinct concept): their answer is kept.
  const frozen = Object.isFrozen(codes);
  if (frozen) {
    const cached = BY_CODES.get(codes);
    if (cached !== undefined) return cached;
  }
  const found = lookUp(codes);
  if (frozen) BY_CODES.set(codes, found);
  return found;
}

const BY_CODES = new WeakMap<readonly string[], ReadonlySet<string>>();

function lookUp(codes: readonly string[]): ReadonlySet<string> {
  let found: ReadonlySet<string> = NONE;
  let merged: Set<string> | undefined;
  for (const code of codes) {
    const urls = BY_CODE.get(code);
    if (urls === undefined || urls === found) continue;
    if (found === NONE) {
      found = urls;
      continue;
    }
    // A second code in other value sets (rare): only now is a set of the fact's own built.
    merged ??= new Set(found);
    for (const url of urls) merged.add(url);
    found = merged;
  }
  return found;
}
