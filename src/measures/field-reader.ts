import { parseFhirDateTime } from './fhir-date-time';
import type { Instant } from './cql-time';

/** A JSON object from outside, not yet trusted. */
export type JsonObject = Readonly<Record<string, unknown>>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const EMPTY: readonly never[] = Object.freeze([]);

/** Keys of deeply frozen CodeableConcepts (see `FieldReader.conceptKeys`). */
const KEYS_OF_CONCEPT = new WeakMap<object, readonly string[]>();

/** A CodeableConcept whose codings cannot change: it, its `coding` list and every coding are frozen. */
function isFrozenConcept(cc: JsonObject): boolean {
  if (!Object.isFrozen(cc)) return false;
  const coding = cc.coding;
  if (coding === undefined) return true;
  if (!Array.isArray(coding) || !Object.isFrozen(coding)) return false;
  const list: readonly unknown[] = coding;
  for (const c of list) if (!Object.isFrozen(c)) return false;
  return true;
}

/**
 * `system|code` keys, made once per pair: a fresh concatenation per coding would be flattened and hashed again at
 * every value-set lookup. Bounded, so that unusual data cannot grow it without limit (beyond it keys are built).
 */
const CODING_KEYS = new Map<string, Map<string, string>>();
const CODING_KEY_LIMIT = 200_000;
let codingKeys = 0;

function codingKeyOf(system: string, code: string): string {
  let bySystem = CODING_KEYS.get(system);
  if (bySystem === undefined) {
    if (codingKeys >= CODING_KEY_LIMIT) return `${system}|${code}`;
    bySystem = new Map();
    CODING_KEYS.set(system, bySystem);
  }
  let key = bySystem.get(code);
  if (key === undefined) {
    key = `${system}|${code}`;
    if (codingKeys < CODING_KEY_LIMIT) {
      bySystem.set(code, key);
      codingKeys++;
    }
  }
  return key;
}

/**
 * Reads the fields of one untrusted resource with type guards instead of a schema parse: the engine's hot path
 * touches a handful of fields per resource, and a full zod parse of FHIR resources would dominate its cost.
 *
 * A field of the wrong JSON type records the first offending path in `problem` (the caller then skips the
 * resource with a `malformed-resource` warning); a missing field is simply `undefined`. A date that does not
 * parse is recorded in `badDates` and read as absent, as CQL would see no usable value.
 */
export class FieldReader {
  problem: string | undefined;
  badDates: string[] = [];

  constructor(readonly offsetMs: number) {}

  /** Starts reading a new resource. */
  reset(): void {
    this.problem = undefined;
    if (this.badDates.length > 0) this.badDates = [];
  }

  fail(path: string): void {
    this.problem ??= path;
  }

  /** Records a type problem at `path` and returns `fallback`, so reading can go on to the next field. */
  failWith<T>(path: string, fallback: T): T {
    this.problem ??= path;
    return fallback;
  }

  str(o: JsonObject, key: string): string | undefined {
    const v = o[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v;
    this.fail(key);
    return undefined;
  }

  num(o: JsonObject, key: string): number | undefined {
    const v = o[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    this.fail(key);
    return undefined;
  }

  bool(o: JsonObject, key: string): boolean | undefined {
    const v = o[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'boolean') return v;
    this.fail(key);
    return undefined;
  }

  obj(o: JsonObject, key: string): JsonObject | undefined {
    const v = o[key];
    if (v === undefined || v === null) return undefined;
    if (isJsonObject(v)) return v;
    this.fail(key);
    return undefined;
  }

  arr(o: JsonObject, key: string): readonly unknown[] {
    const v = o[key];
    if (v === undefined || v === null) return EMPTY;
    return Array.isArray(v) ? v : this.failWith(key, EMPTY);
  }

  /** The `system|code` keys of a CodeableConcept field (empty when absent). The result may be shared: never mutate it. */
  concept(o: JsonObject, key: string): readonly string[] {
    const cc = this.obj(o, key);
    return cc === undefined ? EMPTY : this.conceptKeys(cc, key);
  }

  /** The `system|code` keys of every CodeableConcept in an array field, flattened. */
  concepts(o: JsonObject, key: string): readonly string[] {
    const list = this.arr(o, key);
    if (list.length === 0) return EMPTY;
    if (list.length === 1) {
      const only = list[0];
      return isJsonObject(only) ? this.conceptKeys(only, key) : this.failWith(key, EMPTY);
    }
    const keys: string[] = [];
    for (const cc of list) {
      if (!isJsonObject(cc)) return this.failWith(key, EMPTY);
      for (const k of this.conceptKeys(cc, key)) keys.push(k);
    }
    return keys;
  }

  /** The `system|code` key of a single Coding field. */
  coding(o: JsonObject, key: string): string | undefined {
    const c = this.obj(o, key);
    return c === undefined ? undefined : this.codingKey(c, key);
  }

  /**
   * The keys of one CodeableConcept. A deeply frozen concept cannot change, so its keys are kept with it: the
   * command line and the workers share one frozen object per distinct concept (`compactConcept`), which a panel
   * repeats hundreds of thousands of times. A malformed concept is never cached, so its problem is always recorded.
   */
  private conceptKeys(cc: JsonObject, path: string): readonly string[] {
    const cached = KEYS_OF_CONCEPT.get(cc);
    if (cached !== undefined) return cached;
    const before = this.problem;
    const keys: string[] = [];
    this.collectCodings(cc.coding, path, keys);
    if (this.problem === before && isFrozenConcept(cc)) KEYS_OF_CONCEPT.set(cc, Object.freeze(keys));
    return keys;
  }

  private collectCodings(codings: unknown, path: string, into: string[]): void {
    if (codings === undefined || codings === null) return;
    if (!Array.isArray(codings)) {
      this.fail(`${path}.coding`);
      return;
    }
    for (const c of codings) {
      if (!isJsonObject(c)) {
        this.fail(`${path}.coding`);
        return;
      }
      const k = this.codingKey(c, path);
      if (k !== undefined) into.push(k);
    }
  }

  private codingKey(c: JsonObject, path: string): string | undefined {
    const system = c.system;
    const code = c.code;
    if ((system !== undefined && typeof system !== 'string') || (code !== undefined && typeof code !== 'string')) {
      this.fail(`${path}.coding`);
      return undefined;
    }
    // CQL code equivalence needs both parts: a coding without a system matches no declared code.
    return system === undefined || code === undefined ? undefined : codingKeyOf(system, code);
  }

  /** A FHIR date/dateTime/instant field as an uncertain instant; `null` when absent or unparseable. */
  dateTime(o: JsonObject, key: string): Instant | null {
    const text = this.str(o, key);
    if (text === undefined) return null;
    const parsed = parseFhirDateTime(text, this.offsetMs);
    if (parsed === undefined) {
      this.badDates.push(key);
      return null;
    }
    return parsed;
  }
}

/** The logical id at the end of a reference (`Encounter/123`, `https://x/Encounter/123/_history/2` → `123`). */
export function referenceId(reference: string): string {
  const history = reference.indexOf('/_history/');
  const path = history >= 0 ? reference.slice(0, history) : reference;
  return path.slice(path.lastIndexOf('/') + 1);
}
