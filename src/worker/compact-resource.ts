import {
  CDC_RACE_ETHNICITY_SYSTEM,
  LOINC_SYSTEM,
  NULL_FLAVOR_SYSTEM,
  US_CORE_ETHNICITY_URL,
  US_CORE_INTERPRETER_NEEDED_URL,
  US_CORE_RACE_URL,
} from '../domain/systems';
import { isJsonObject, type JsonObject } from '../measures/field-reader';
import { patientIdOf } from './patient-reference';
import { ACUTE_CLASSES, HUNGER_CODES, relevantCodesBySystem } from './relevant-codes';

/**
 * A resource reduced to the fields the engine (`evaluatePatient`) and the stratifiers (`stratumKeysOf`) read.
 * Values are kept as found, so a malformed field stays malformed and the engine reports it as it would on the
 * whole resource. Only well-formed structures are trimmed: CodeableConcepts to `coding[].system/code` (shared
 * between resources), and Patient extensions, addresses, Observation components, Encounter hospitalization and
 * contained Medications to the parts read.
 */
export interface CompactResource extends JsonObject {
  readonly resourceType: string;
  readonly id: string;
}

/** Why a resource was left out. */
export type SkipReason =
  /** A resource type neither the measures nor the stratifiers read (Claim, Immunization, …). */
  | 'unused-type'
  /** A type the measures read, but none of its codes is in a value set or direct code they use. */
  | 'unused-code'
  /** A patient-scoped resource whose `subject`/`patient`/`beneficiary` references no Patient. */
  | 'no-patient';

/** The outcome of {@link compactResource}. */
export type Projection =
  | {
      readonly kind: 'keep';
      readonly resource: CompactResource;
      /** The patient it belongs to; undefined for shared resources (Medication). */
      readonly patientId: string | undefined;
    }
  | { readonly kind: 'skip'; readonly reason: SkipReason }
  /** Not a usable FHIR resource at all; `reason` is plain words without patient data. */
  | { readonly kind: 'invalid'; readonly reason: string };

interface TypeSpec {
  /** Top-level fields kept as they are (choice types spelled out: FHIR R4 lists every `[x]` variant). */
  readonly keep: readonly string[];
  /** CodeableConcept fields (trimmed). */
  readonly concepts?: readonly string[];
  /** Lists of CodeableConcepts (trimmed). */
  readonly conceptLists?: readonly string[];
  /** Whether the resource can matter; undefined keeps every resource of the type. */
  readonly relevant?: (r: JsonObject) => boolean;
  /** Fields needing their own projection. */
  readonly special?: readonly (readonly [string, (value: unknown) => unknown])[];
}

const choice = (name: string, ...types: string[]): string[] => types.map((t) => name + t);
const VALUE_X = choice(
  'value',
  'Quantity',
  'CodeableConcept',
  'String',
  'Boolean',
  'Integer',
  'Range',
  'Ratio',
  'SampledData',
  'Time',
  'DateTime',
  'Period',
);
const VALUE_X_SET: ReadonlySet<string> = new Set(VALUE_X);
const TIMING_X = ['DateTime', 'Age', 'Period', 'Range', 'String'];

const codeIn = (field: string) => (r: JsonObject) => conceptMatches(r[field]);

const SPECS: Readonly<Record<string, TypeSpec>> = {
  Patient: {
    keep: ['birthDate', 'gender', 'communication', 'generalPractitioner'],
    special: [
      ['extension', demographicExtensions],
      ['address', addressPostalCodes],
    ],
  },
  Coverage: { keep: ['status', 'period', 'order', 'type'] },
  Encounter: {
    keep: ['status', 'period', 'class'],
    conceptLists: ['type'],
    special: [['hospitalization', dischargeDisposition]],
    relevant: (r) => conceptListMatches(r.type) || acuteClass(r.class),
  },
  Condition: {
    keep: [...choice('onset', ...TIMING_X), ...choice('abatement', ...TIMING_X, 'Boolean')],
    concepts: ['code', 'verificationStatus', 'clinicalStatus'],
    conceptLists: ['category'],
    relevant: codeIn('code'),
  },
  Observation: {
    keep: [
      'status',
      'encounter',
      'issued',
      ...choice('effective', 'DateTime', 'Period', 'Timing', 'Instant'),
      ...VALUE_X,
    ],
    concepts: ['code'],
    special: [['component', components]],
    relevant: (r) => conceptMatches(r.code) || hungerCode(r.code),
  },
  Procedure: { keep: ['status', ...choice('performed', ...TIMING_X)], concepts: ['code'], relevant: codeIn('code') },
  ServiceRequest: {
    keep: ['status', 'intent', 'authoredOn', 'doNotPerform'],
    concepts: ['code'],
    relevant: codeIn('code'),
  },
  DeviceRequest: {
    keep: ['status', 'intent', 'authoredOn', 'modifierExtension'],
    concepts: ['codeCodeableConcept'],
    relevant: codeIn('codeCodeableConcept'),
  },
  MedicationRequest: {
    keep: [
      'status',
      'intent',
      'authoredOn',
      'doNotPerform',
      'medicationReference',
      'dosageInstruction',
      'dispenseRequest',
    ],
    concepts: ['medicationCodeableConcept'],
    special: [['contained', containedMedications]],
    // A request naming its drug by reference is kept; the Medication decides (see PatientRecordGrouper).
    relevant: (r) => r.medicationReference !== undefined || conceptMatches(r.medicationCodeableConcept),
  },
  Medication: { keep: [], concepts: ['code'], relevant: codeIn('code') },
};

/** What becomes of a kept field: kept as it is, or projected. */
type FieldAction = 'keep' | ((value: unknown) => unknown);

/**
 * Each type's spec with its fields' actions by name: a resource is projected by going through its own keys (a dozen)
 * rather than every name the spec lists (choice types spelled out: some thirty).
 */
const TYPES: ReadonlyMap<
  string,
  { readonly type: string; readonly spec: TypeSpec; readonly actions: ReadonlyMap<string, FieldAction> }
> = new Map(Object.entries(SPECS).map(([type, spec]) => [type, { type, spec, actions: fieldActions(spec) }]));

function fieldActions(spec: TypeSpec): ReadonlyMap<string, FieldAction> {
  const actions = new Map<string, FieldAction>();
  for (const key of spec.keep) actions.set(key, 'keep');
  for (const key of spec.concepts ?? []) actions.set(key, compactConcept);
  for (const key of spec.conceptLists ?? []) actions.set(key, compactConceptList);
  for (const [key, fn] of spec.special ?? []) actions.set(key, fn);
  return actions;
}

/** The resource types the measures or the stratifiers read (others are skipped whole, file by file if possible). */
export const USED_RESOURCE_TYPES: ReadonlySet<string> = new Set(TYPES.keys());

/**
 * Reduces one resource read from outside to what the engine can use (see {@link CompactResource}), or says why it
 * is left out. Never throws.
 */
export function compactResource(raw: unknown): Projection {
  if (!isJsonObject(raw)) return { kind: 'invalid', reason: 'not a JSON object' };
  const type = raw.resourceType;
  if (typeof type !== 'string' || type === '') return { kind: 'invalid', reason: 'no resourceType' };
  const known = TYPES.get(type);
  if (known === undefined) return SKIP_TYPE;
  // The spec's own spelling of the type, not the parsed copy: the engine compares it with its constants, and one
  // shared string compares by identity.
  const { spec, actions } = known;
  const canonicalType = known.type;
  const id = raw.id;
  if (typeof id !== 'string' || id === '') return { kind: 'invalid', reason: `${type} without an id` };
  if (spec.relevant !== undefined && !spec.relevant(raw)) return SKIP_CODE;
  let patientId: string | undefined;
  if (type === 'Patient') patientId = id;
  else if (type !== 'Medication') {
    patientId = patientIdOf(raw);
    if (patientId === undefined) return SKIP_PATIENT;
  }
  return { kind: 'keep', resource: project(raw, canonicalType, id, actions), patientId };
}

const SKIP_TYPE: Projection = { kind: 'skip', reason: 'unused-type' };
const SKIP_CODE: Projection = { kind: 'skip', reason: 'unused-code' };
const SKIP_PATIENT: Projection = { kind: 'skip', reason: 'no-patient' };

function project(
  raw: JsonObject,
  resourceType: string,
  id: string,
  actions: ReadonlyMap<string, FieldAction>,
): CompactResource {
  const out: { [key: string]: unknown; resourceType: string; id: string } = { resourceType, id };
  for (const key in raw) {
    const action = actions.get(key);
    if (action === undefined) continue;
    const v = raw[key];
    if (v === undefined) continue;
    out[key] = action === 'keep' ? v : action(v);
  }
  return out;
}

/**
 * Shared trimmed concepts by their codings: an export repeats the same few thousand codes millions of times. Most
 * concepts have one coding: those are found by system, then code (no key to build); the others by a key string.
 */
const singleCodingCache = new Map<string | undefined, Map<string | undefined, unknown>>();
const conceptCache = new Map<string, unknown>();
const CONCEPT_CACHE_LIMIT = 50_000;
let cachedConcepts = 0;

/**
 * `{ coding: [{ system, code }] }` when well formed; anything else unchanged, so the engine sees the problem.
 * Equal concepts are one shared, frozen object (the engine never mutates its input): fewer objects to allocate and,
 * above all, fewer for the garbage collector to trace while a whole panel is held in memory.
 */
export function compactConcept(value: unknown): unknown {
  if (!isJsonObject(value)) return value;
  const coding = value.coding;
  if (coding === undefined) return EMPTY_CONCEPT;
  if (!Array.isArray(coding)) return value;
  const list: unknown[] = coding;
  if (list.length === 1) return singleCodingConcept(list[0]) ?? value;
  let key = '';
  for (const c of list) {
    if (!isJsonObject(c)) return value;
    const { system, code } = c;
    if (!isCodePart(system) || !isCodePart(code)) return value;
    key += keyPart(system) + keyPart(code);
  }
  const cached = conceptCache.get(key);
  if (cached !== undefined) return cached;
  const out: { system?: string; code?: string }[] = [];
  for (const c of list) {
    if (isJsonObject(c) && isCodePart(c.system) && isCodePart(c.code)) out.push(frozenCoding(c.system, c.code));
  }
  const concept = Object.freeze({ coding: Object.freeze(out) });
  if (cachedConcepts < CONCEPT_CACHE_LIMIT) {
    cachedConcepts++;
    conceptCache.set(key, concept);
  }
  return concept;
}

/** The shared concept of one well-formed coding; undefined when it is malformed. */
function singleCodingConcept(c: unknown): unknown {
  if (!isJsonObject(c)) return undefined;
  const { system, code } = c;
  if (!isCodePart(system) || !isCodePart(code)) return undefined;
  let bySystem = singleCodingCache.get(system);
  const cached = bySystem?.get(code);
  if (cached !== undefined) return cached;
  const concept = Object.freeze({ coding: Object.freeze([frozenCoding(system, code)]) });
  if (cachedConcepts < CONCEPT_CACHE_LIMIT) {
    cachedConcepts++;
    if (bySystem === undefined) {
      bySystem = new Map();
      singleCodingCache.set(system, bySystem);
    }
    bySystem.set(code, concept);
  }
  return concept;
}

/** A part of a cache key, length-prefixed so that keys are unambiguous whatever characters the strings hold. */
function keyPart(value: string | undefined): string {
  return value === undefined ? '-' : `${String(value.length)}:${value}`;
}

function isCodePart(value: unknown): value is string | undefined {
  return value === undefined || typeof value === 'string';
}

function frozenCoding(system: string | undefined, code: string | undefined): { system?: string; code?: string } {
  const coded: { system?: string; code?: string } = {};
  if (system !== undefined) coded.system = system;
  if (code !== undefined) coded.code = code;
  return Object.freeze(coded);
}

const EMPTY_CONCEPT = Object.freeze({});

function compactConceptList(value: unknown): unknown {
  return Array.isArray(value) ? value.map(compactConcept) : value;
}

/** Lenient scan (malformed codings are ignored here; the engine judges them): any relevant `system|code`. */
function conceptMatches(value: unknown): boolean {
  if (!isJsonObject(value) || !Array.isArray(value.coding)) return false;
  const list: unknown[] = value.coding;
  const bySystem = relevantCodesBySystem();
  for (const c of list) {
    if (isJsonObject(c) && typeof c.system === 'string' && typeof c.code === 'string') {
      if (bySystem.get(c.system)?.has(c.code) === true) return true;
    }
  }
  return false;
}

function conceptListMatches(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  const list: unknown[] = value;
  for (const v of list) if (conceptMatches(v)) return true;
  return false;
}

function hungerCode(value: unknown): boolean {
  if (!isJsonObject(value) || !Array.isArray(value.coding)) return false;
  const list: unknown[] = value.coding;
  return list.some(
    (c) =>
      isJsonObject(c) &&
      typeof c.code === 'string' &&
      HUNGER_CODES.has(c.code) &&
      (c.system === undefined || c.system === LOINC_SYSTEM),
  );
}

function acuteClass(value: unknown): boolean {
  return isJsonObject(value) && typeof value.code === 'string' && ACUTE_CLASSES.has(value.code);
}

const DEMOGRAPHIC_EXTENSIONS: ReadonlySet<unknown> = new Set([
  US_CORE_RACE_URL,
  US_CORE_ETHNICITY_URL,
  US_CORE_INTERPRETER_NEEDED_URL,
]);

/**
 * Race, ethnicity and interpreter-needed extensions only (Synthea adds several large ones nobody here reads); race
 * and ethnicity as shared objects (see {@link sharedOmbExtension}).
 */
function demographicExtensions(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const list: unknown[] = value;
  const out: unknown[] = [];
  for (const e of list) {
    if (!isJsonObject(e) || !DEMOGRAPHIC_EXTENSIONS.has(e.url)) continue;
    out.push(e.url === US_CORE_INTERPRETER_NEEDED_URL ? e : sharedOmbExtension(e));
  }
  return out;
}

/** The strings of a well-formed race or ethnicity extension, as the constants the mappers compare them with. */
const CANONICAL: ReadonlyMap<unknown, string> = new Map(
  [
    US_CORE_RACE_URL,
    US_CORE_ETHNICITY_URL,
    CDC_RACE_ETHNICITY_SYSTEM,
    NULL_FLAVOR_SYSTEM,
    'ombCategory',
    'detailed',
  ].map((text) => [text, text]),
);
const ombExtensionCache = new Map<string, unknown>();
const OMB_EXTENSION_CACHE_LIMIT = 10_000;

/**
 * A US Core race or ethnicity extension whose parts are all well formed (`ombCategory` / `detailed` with a
 * `valueCoding` of string `system` and `code`, plus an optional `text`) becomes one shared, frozen object per
 * distinct list of codings, holding the mappers' own constant strings: a panel repeats a few dozen of them for every
 * patient, and the mappers then compare strings by identity and read objects that stay in the cache. `text` and
 * `display` are left out (the mappers read neither). Any other shape is kept as found, for the mappers to judge.
 */
function sharedOmbExtension(e: JsonObject): unknown {
  const url = CANONICAL.get(e.url);
  const parts = e.extension;
  if (url === undefined || !Array.isArray(parts)) return e;
  const list: unknown[] = parts;
  let key = url;
  for (const part of list) {
    if (!isJsonObject(part)) return e;
    if (part.url === 'text' && typeof part.valueString === 'string') continue;
    const coding = part.valueCoding;
    if (!isJsonObject(coding) || (part.url !== 'ombCategory' && part.url !== 'detailed')) return e;
    const { system, code } = coding;
    if (typeof code !== 'string' || !isCodePart(system)) return e;
    key += `|${part.url}|${keyPart(system)}${keyPart(code)}`;
  }
  const cached = ombExtensionCache.get(key);
  if (cached !== undefined) return cached;
  const shared: JsonObject[] = [];
  for (const part of list) {
    // Every part passed the loop above: the coded ones are exactly those named ombCategory or detailed (a `text`
    // part is left out even if it also carries a valueCoding, as the key leaves it out).
    if (!isJsonObject(part) || (part.url !== 'ombCategory' && part.url !== 'detailed')) continue;
    const coding = part.valueCoding;
    if (!isJsonObject(coding)) continue;
    const { system, code } = coding;
    if (typeof code !== 'string' || !isCodePart(system)) continue;
    const valueCoding = system === undefined ? { code } : { system: CANONICAL.get(system) ?? system, code };
    shared.push(Object.freeze({ url: CANONICAL.get(part.url), valueCoding: Object.freeze(valueCoding) }));
  }
  const extension = Object.freeze({ url, extension: Object.freeze(shared) });
  if (ombExtensionCache.size < OMB_EXTENSION_CACHE_LIMIT) ombExtensionCache.set(key, extension);
  return extension;
}

/** `use` and `postalCode` of each address (the ZIP stratifier reads nothing else). */
function addressPostalCodes(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const list: unknown[] = value;
  return list.filter(isJsonObject).map((a) => ({
    ...(a.use === undefined ? {} : { use: a.use }),
    ...(a.postalCode === undefined ? {} : { postalCode: a.postalCode }),
  }));
}

function dischargeDisposition(value: unknown): unknown {
  if (!isJsonObject(value)) return value;
  const d = value.dischargeDisposition;
  return d === undefined ? {} : { dischargeDisposition: compactConcept(d) };
}

function components(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const list: unknown[] = value;
  if (!list.every(isJsonObject)) return value;
  return list.map((c: JsonObject) => {
    const out: Record<string, unknown> = {};
    for (const key in c) {
      if (key === 'code') out.code = compactConcept(c.code);
      else if (VALUE_X_SET.has(key) && c[key] !== undefined) out[key] = c[key];
    }
    return out;
  });
}

/** Contained Medications only (what a `#ref` medicationReference can point at), trimmed to their code. */
function containedMedications(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const list: unknown[] = value;
  return list
    .filter((c) => isJsonObject(c) && c.resourceType === 'Medication')
    .map((c) => (isJsonObject(c) ? { resourceType: 'Medication', id: c.id, code: compactConcept(c.code) } : c));
}
