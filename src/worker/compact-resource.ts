import {
  LOINC_SYSTEM,
  US_CORE_ETHNICITY_URL,
  US_CORE_INTERPRETER_NEEDED_URL,
  US_CORE_RACE_URL,
} from '../domain/systems';
import { isJsonObject, type JsonObject } from '../measures/field-reader';
import { patientIdOf } from './patient-reference';
import { ACUTE_CLASSES, HUNGER_CODES, relevantCodeKeys } from './relevant-codes';

/**
 * A resource reduced to the fields the engine (`evaluatePatient`) and the stratifiers (`stratumKeysOf`) read.
 * Values are kept as found, so a malformed field stays malformed and the engine reports it as it would on the
 * whole resource; only CodeableConcepts are trimmed to `coding[].system/code` when they are well formed.
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
  /** Top-level fields kept as they are. */
  readonly keep: readonly string[];
  /** Choice-type prefixes kept as they are (`onset` keeps `onsetDateTime`, `onsetPeriod`, …). */
  readonly prefixes?: readonly string[];
  /** CodeableConcept fields (trimmed). */
  readonly concepts?: readonly string[];
  /** Lists of CodeableConcepts (trimmed). */
  readonly conceptLists?: readonly string[];
  /** Whether the resource can matter; undefined keeps every resource of the type. */
  readonly relevant?: (r: JsonObject) => boolean;
  /** Fields needing their own projection. */
  readonly special?: Readonly<Record<string, (value: unknown) => unknown>>;
}

const codeIn = (field: string) => (r: JsonObject) => conceptMatches(r[field], relevantCodeKeys());

const SPECS: Readonly<Record<string, TypeSpec>> = {
  Patient: {
    keep: ['birthDate', 'gender', 'communication', 'generalPractitioner'],
    special: { extension: demographicExtensions, address: addressPostalCodes },
  },
  Coverage: { keep: ['status', 'period', 'order', 'type'] },
  Encounter: {
    keep: ['status', 'period', 'class'],
    conceptLists: ['type'],
    special: { hospitalization: dischargeDisposition },
    relevant: (r) => conceptListMatches(r.type, relevantCodeKeys()) || acuteClass(r.class),
  },
  Condition: {
    keep: [],
    prefixes: ['onset', 'abatement'],
    concepts: ['code', 'verificationStatus', 'clinicalStatus'],
    conceptLists: ['category'],
    relevant: codeIn('code'),
  },
  Observation: {
    keep: ['status', 'encounter', 'issued'],
    prefixes: ['effective', 'value'],
    concepts: ['code'],
    special: { component: components },
    relevant: (r) => conceptMatches(r.code, relevantCodeKeys()) || hungerCode(r.code),
  },
  Procedure: { keep: ['status'], prefixes: ['performed'], concepts: ['code'], relevant: codeIn('code') },
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
    special: { contained: containedMedications },
    // A request naming its drug by reference is kept; the Medication decides (see PatientRecordGrouper).
    relevant: (r) => r.medicationReference !== undefined || codeIn('medicationCodeableConcept')(r),
  },
  Medication: { keep: [], concepts: ['code'], relevant: codeIn('code') },
};

/** The resource types the measures or the stratifiers read (others are skipped whole, file by file if possible). */
export const USED_RESOURCE_TYPES: ReadonlySet<string> = new Set(Object.keys(SPECS));

/**
 * Reduces one resource read from outside to what the engine can use (see {@link CompactResource}), or says why it
 * is left out. Never throws.
 */
export function compactResource(raw: unknown): Projection {
  if (!isJsonObject(raw)) return { kind: 'invalid', reason: 'not a JSON object' };
  const type = raw.resourceType;
  if (typeof type !== 'string' || type === '') return { kind: 'invalid', reason: 'no resourceType' };
  const spec = SPECS[type];
  if (spec === undefined) return { kind: 'skip', reason: 'unused-type' };
  const id = raw.id;
  if (typeof id !== 'string' || id === '') return { kind: 'invalid', reason: `${type} without an id` };
  if (spec.relevant !== undefined && !spec.relevant(raw)) return { kind: 'skip', reason: 'unused-code' };
  let patientId: string | undefined;
  if (type === 'Patient') patientId = id;
  else if (type !== 'Medication') {
    patientId = patientIdOf(raw);
    if (patientId === undefined) return { kind: 'skip', reason: 'no-patient' };
  }
  return { kind: 'keep', resource: project(raw, type, id, spec), patientId };
}

function project(raw: JsonObject, resourceType: string, id: string, spec: TypeSpec): CompactResource {
  const out: Record<string, unknown> = {};
  for (const key of spec.keep) if (raw[key] !== undefined) out[key] = raw[key];
  for (const key of spec.concepts ?? []) if (raw[key] !== undefined) out[key] = compactConcept(raw[key]);
  for (const key of spec.conceptLists ?? []) if (raw[key] !== undefined) out[key] = compactConceptList(raw[key]);
  for (const [key, fn] of Object.entries(spec.special ?? {})) if (raw[key] !== undefined) out[key] = fn(raw[key]);
  const prefixes = spec.prefixes;
  if (prefixes !== undefined) {
    for (const key in raw) if (prefixes.some((p) => key.startsWith(p))) out[key] = raw[key];
  }
  return { ...out, resourceType, id };
}

/** `{ coding: [{ system, code }] }` when well formed; anything else unchanged, so the engine sees the problem. */
export function compactConcept(value: unknown): unknown {
  if (!isJsonObject(value)) return value;
  const coding = value.coding;
  if (coding === undefined) return {};
  if (!Array.isArray(coding)) return value;
  const list: unknown[] = coding;
  const out: { system?: string; code?: string }[] = [];
  for (const c of list) {
    if (!isJsonObject(c)) return value;
    const { system, code } = c;
    if ((system !== undefined && typeof system !== 'string') || (code !== undefined && typeof code !== 'string'))
      return value;
    out.push({ ...(system === undefined ? {} : { system }), ...(code === undefined ? {} : { code }) });
  }
  return { coding: out };
}

function compactConceptList(value: unknown): unknown {
  return Array.isArray(value) ? value.map(compactConcept) : value;
}

/** Lenient scan (malformed codings are ignored here; the engine judges them): any `system|code` in the set. */
function conceptMatches(value: unknown, keys: ReadonlySet<string>): boolean {
  if (!isJsonObject(value) || !Array.isArray(value.coding)) return false;
  const list: unknown[] = value.coding;
  for (const c of list) {
    if (isJsonObject(c) && typeof c.system === 'string' && typeof c.code === 'string') {
      if (keys.has(`${c.system}|${c.code}`)) return true;
    }
  }
  return false;
}

function conceptListMatches(value: unknown, keys: ReadonlySet<string>): boolean {
  if (!Array.isArray(value)) return false;
  const list: unknown[] = value;
  return list.some((v) => conceptMatches(v, keys));
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

/** Race, ethnicity and interpreter-needed extensions only (Synthea adds several large ones nobody here reads). */
function demographicExtensions(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const list: unknown[] = value;
  return list.filter((e) => isJsonObject(e) && DEMOGRAPHIC_EXTENSIONS.has(e.url));
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
    if (c.code !== undefined) out.code = compactConcept(c.code);
    for (const key in c) if (key.startsWith('value')) out[key] = c[key];
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
