import {
  ACTIVE_CLINICAL_STATUSES,
  CODES,
  ENCOUNTER_DIAGNOSIS_CATEGORY,
  PROBLEM_CATEGORIES,
  VERIFIED_STATUSES,
} from './codes';
import { FieldReader, isJsonObject, referenceId } from './field-reader';
import type { JsonObject } from './field-reader';
import { parseFhirDateDays } from './fhir-date-time';
import {
  EFFECTIVE,
  ONSET,
  PERFORMED,
  abatementEnd,
  latestOf,
  periodInterval,
  prevalenceInterval,
  timingInterval,
} from './fhir-intervals';
import type { Instant, TimeInterval, Uncertain } from './cql-time';
import { medicationRequestPeriod } from './medication-request-period';
import { valueSetsOf } from './value-set-membership';
import { anyIn } from './value-sets';
import type { DataWarning, PatientRecord } from './types';

/** A Condition as the measures see it (QI-Core ConditionEncounterDiagnosis / ConditionProblemsHealthConcerns). */
export interface ConditionFact {
  readonly id: string;
  readonly codes: readonly string[];
  /** The value sets any of its codes belong to (see `valueSetsOf`): criteria test membership with one lookup. */
  readonly valueSets: ReadonlySet<string>;
  readonly encounterDiagnosis: boolean;
  readonly problemOrConcern: boolean;
  /** Status `verified()`: no verification status, or confirmed / unconfirmed / provisional / differential. */
  readonly verified: boolean;
  readonly prevalence: TimeInterval;
}

export interface EncounterFact {
  readonly id: string;
  readonly types: readonly string[];
  /** The value sets any of its types belong to. */
  readonly valueSets: ReadonlySet<string>;
  /** Status `isEncounterPerformed()`. */
  readonly finished: boolean;
  readonly period: TimeInterval | null;
  readonly classCode: string | undefined;
  readonly dischargeDisposition: readonly string[];
}

/** `Observation.value[x]` (or a component's), reduced to what the measures compare. */
export type ObservedValue =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'quantity';
      readonly value: number;
      readonly code: string | undefined;
      readonly unit: string | undefined;
      readonly system: string | undefined;
      readonly comparator: string | undefined;
    }
  | { readonly kind: 'concept'; readonly codes: readonly string[] }
  | { readonly kind: 'other' };

export interface ComponentFact {
  readonly codes: readonly string[];
  readonly value: ObservedValue;
}

export interface ObservationFact {
  readonly id: string;
  readonly codes: readonly string[];
  /** The value sets any of its codes belong to (see `valueSetsOf`): criteria test membership with one lookup. */
  readonly valueSets: ReadonlySet<string>;
  readonly status: string | undefined;
  readonly effective: TimeInterval | null;
  /** QICoreCommon `effective.latest()`. */
  readonly latest: Instant | null;
  readonly value: ObservedValue;
  readonly components: readonly ComponentFact[];
  readonly encounterId: string | undefined;
}

export interface ProcedureFact {
  readonly id: string;
  readonly codes: readonly string[];
  /** The value sets any of its codes belong to (see `valueSetsOf`): criteria test membership with one lookup. */
  readonly valueSets: ReadonlySet<string>;
  readonly status: string | undefined;
  readonly performed: TimeInterval | null;
}

/** A ServiceRequest or DeviceRequest. */
export interface RequestFact {
  readonly id: string;
  readonly codes: readonly string[];
  /** The value sets any of its codes belong to (see `valueSetsOf`): criteria test membership with one lookup. */
  readonly valueSets: ReadonlySet<string>;
  readonly status: string | undefined;
  readonly intent: string | undefined;
  readonly authoredOn: Instant | null;
}

export interface MedicationRequestFact extends RequestFact {
  /** CumulativeMedicationDuration `medicationRequestPeriod()` (whole days); `null` if not computable. */
  readonly period: TimeInterval | null;
}

/** One patient's record, read once into the shapes the measure logic uses. */
export interface PatientFacts {
  readonly patientId: string;
  /** `Patient.birthDate` as the range of day numbers it may be; `null` when missing or unreadable. */
  readonly birthDays: Uncertain | null;
  readonly conditions: readonly ConditionFact[];
  readonly encounters: readonly EncounterFact[];
  readonly encountersById: ReadonlyMap<string, EncounterFact>;
  readonly observations: readonly ObservationFact[];
  readonly procedures: readonly ProcedureFact[];
  readonly serviceRequests: readonly RequestFact[];
  readonly deviceRequests: readonly RequestFact[];
  readonly medicationRequests: readonly MedicationRequestFact[];
  /** Problems met while reading; the measure evaluations add their own. */
  readonly warnings: readonly DataWarning[];
}

/** The codes the measures name directly (not through a value set), e.g. the blood-pressure panel. */
const DIRECT_CODES: ReadonlySet<string> = new Set(Object.values(CODES));

const DEVICE_DO_NOT_PERFORM = 'http://hl7.org/fhir/5.0/StructureDefinition/extension-DeviceRequest.doNotPerform';
const VALUE_KEYS_OTHER: ReadonlySet<string> = new Set([
  'valueString',
  'valueBoolean',
  'valueInteger',
  'valueRange',
  'valueRatio',
  'valueSampledData',
  'valueTime',
  'valueDateTime',
  'valuePeriod',
]);

/** The resource types the measures read; everything else is ignored without a look. */
type ReadType =
  | 'Patient'
  | 'Medication'
  | 'Condition'
  | 'Encounter'
  | 'Observation'
  | 'Procedure'
  | 'ServiceRequest'
  | 'DeviceRequest'
  | 'MedicationRequest';

/** Each type the measures read, with its place in the per-type lists of a record. */
const READ_TYPES: ReadonlyMap<string, number> = new Map<ReadType, number>(
  (
    [
      'Patient',
      'Medication',
      'Condition',
      'Encounter',
      'Observation',
      'Procedure',
      'ServiceRequest',
      'DeviceRequest',
      'MedicationRequest',
    ] as const
  ).map((type, slot) => [type, slot]),
);

/** A slot per read type, none filled: copied for each record (a builtin copy, cheaper than building one). */
const NO_LISTS: readonly (RawResource[] | undefined)[] = [...READ_TYPES.keys()].map(() => undefined);

/** A resource that passed the first look: an object with a resource type and an id. */
interface RawResource {
  readonly raw: JsonObject;
  readonly id: string;
}

/**
 * Reads a patient's resources into facts for the measure logic. Never throws on bad data: malformed resources
 * are skipped with a `malformed-resource` warning, unparseable dates read as absent with an `unparseable-date`
 * warning.
 *
 * Reading is lazy per resource type: the first pass only sorts resources by type, and each type is read when the
 * logic first asks for it, so a patient outside a measure's initial population never has their observations or
 * medication requests parsed. Warnings therefore cover the data the evaluation met. There is no cache across
 * calls (a WeakMap keyed by record halved throughput on large panels): `evaluatePatientMeasures` reads once for
 * several measures.
 */
export function readPatientFacts(record: PatientRecord, offsetMs: number): PatientFacts {
  return new LazyPatientFacts(record, offsetMs);
}

class LazyPatientFacts implements PatientFacts {
  readonly patientId: string;
  readonly birthDays: Uncertain | null = null;
  private readonly r: FieldReader;
  private readonly found: DataWarning[] = [];
  /** The record's resources by type (see `READ_TYPES`); a list only for the types it has. */
  private readonly raw: (RawResource[] | undefined)[] = NO_LISTS.slice();
  private medicationCodesById: Map<string, readonly string[]> | undefined;
  private conditionFacts: ConditionFact[] | undefined;
  private encounterFacts: EncounterFact[] | undefined;
  private encounterIndex: Map<string, EncounterFact> | undefined;
  private observationFacts: ObservationFact[] | undefined;
  private procedureFacts: ProcedureFact[] | undefined;
  private serviceRequestFacts: RequestFact[] | undefined;
  private deviceRequestFacts: RequestFact[] | undefined;
  private medicationRequestFacts: MedicationRequestFact[] | undefined;

  constructor(record: PatientRecord, offsetMs: number) {
    this.patientId = record.patientId;
    this.r = new FieldReader(offsetMs);
    let patient: JsonObject | undefined;
    // Resources arrive untyped whatever their static type says: read them as unknown JSON.
    const resources: readonly unknown[] = record.resources;
    for (const raw of resources) {
      if (!isJsonObject(raw) || typeof raw.resourceType !== 'string') {
        this.warn('malformed-resource', undefined, undefined, 'An entry is not a FHIR resource; it was skipped.');
        continue;
      }
      const type = raw.resourceType;
      const slot = READ_TYPES.get(type);
      if (slot === undefined) continue;
      const id = raw.id;
      if (typeof id !== 'string' || id === '') {
        this.warn('malformed-resource', type, undefined, `A ${type} has no id; it was skipped.`);
        continue;
      }
      const list = this.raw[slot];
      if (list === undefined) this.raw[slot] = [{ raw, id }];
      else list.push({ raw, id });
      if (type === 'Patient' && (patient === undefined || id === record.patientId)) patient = raw;
    }
    if (patient === undefined) {
      this.warn('missing-value', 'Patient', this.patientId, 'The record has no Patient resource; age is unknown.');
    } else {
      this.birthDays = this.readBirthDays(patient);
    }
  }

  get warnings(): readonly DataWarning[] {
    return this.found;
  }

  get conditions(): readonly ConditionFact[] {
    return (this.conditionFacts ??= this.readAll('Condition', (raw, id) => this.readCondition(raw, id)));
  }

  get encounters(): readonly EncounterFact[] {
    return (this.encounterFacts ??= this.readAll('Encounter', (raw, id) => this.readEncounter(raw, id)));
  }

  get encountersById(): ReadonlyMap<string, EncounterFact> {
    return (this.encounterIndex ??= new Map(this.encounters.map((e) => [e.id, e])));
  }

  get observations(): readonly ObservationFact[] {
    return (this.observationFacts ??= this.readAll('Observation', (raw, id) => this.readObservation(raw, id)));
  }

  get procedures(): readonly ProcedureFact[] {
    return (this.procedureFacts ??= this.readAll('Procedure', (raw, id) => {
      const codes = this.r.concept(raw, 'code');
      return {
        id,
        codes,
        valueSets: valueSetsOf(codes),
        status: this.r.str(raw, 'status'),
        performed: timingInterval(this.r, raw, PERFORMED, this.birthDays),
      };
    }));
  }

  get serviceRequests(): readonly RequestFact[] {
    // QI-Core ServiceNotRequested (doNotPerform) is not part of the [ServiceRequest] retrieve.
    return (this.serviceRequestFacts ??= this.readAll('ServiceRequest', (raw, id) =>
      this.r.bool(raw, 'doNotPerform') === true ? undefined : this.readRequest(raw, id, 'code'),
    ));
  }

  get deviceRequests(): readonly RequestFact[] {
    // QI-Core DeviceNotRequested carries the R5 doNotPerform as a modifier extension.
    return (this.deviceRequestFacts ??= this.readAll('DeviceRequest', (raw, id) =>
      this.deviceDoNotPerform(raw) ? undefined : this.readRequest(raw, id, 'codeCodeableConcept'),
    ));
  }

  get medicationRequests(): readonly MedicationRequestFact[] {
    if (this.medicationRequestFacts === undefined) {
      const medications = this.medicationIndex();
      // QI-Core MedicationNotRequested (doNotPerform) is not part of the [MedicationRequest] retrieve.
      this.medicationRequestFacts = this.readAll('MedicationRequest', (raw, id) =>
        this.r.bool(raw, 'doNotPerform') === true ? undefined : this.readMedicationRequest(raw, id, medications),
      );
    }
    return this.medicationRequestFacts;
  }

  /** Codes of the Medication resources in the record, by id (for `medicationReference`). */
  private medicationIndex(): ReadonlyMap<string, readonly string[]> {
    return (this.medicationCodesById ??= new Map(
      this.readAll('Medication', (raw, id) => [id, this.r.concept(raw, 'code')] as const),
    ));
  }

  private warn(
    code: DataWarning['code'],
    resourceType: string | undefined,
    resourceId: string | undefined,
    message: string,
  ) {
    this.found.push({ code, resourceType, resourceId, message });
  }

  /**
   * Reads every resource of a type; `read` may return `undefined` to leave one out (a negation profile).
   * A second resource with the same id is skipped with a `duplicate` warning.
   */
  private readAll<T>(type: ReadType, read: (raw: JsonObject, id: string) => T | undefined): T[] {
    const facts: T[] = [];
    const slot = READ_TYPES.get(type);
    const list = (slot === undefined ? undefined : this.raw[slot]) ?? [];
    // Few resources per type is the common case: a linear scan beats hashing every id into a Set.
    const ids = list.length > 16 ? new Set<string>() : undefined;
    for (let i = 0; i < list.length; i++) {
      const entry = list[i];
      if (entry === undefined) continue;
      const { raw, id } = entry;
      if (ids ? ids.has(id) : appearsBefore(list, i, id)) {
        this.warn('duplicate', type, id, `${type} appears more than once; the first copy was used.`);
        continue;
      }
      ids?.add(id);
      this.r.reset();
      const fact = read(raw, id);
      if (this.accept(type, id) && fact !== undefined) facts.push(fact);
    }
    return facts;
  }

  /**
   * Whether the resource just read is usable: a field of the wrong type skips it with a `malformed-resource`
   * warning; unparseable dates are reported but keep it (they read as absent).
   */
  private accept(type: string, id: string): boolean {
    if (this.r.problem !== undefined) {
      this.warn('malformed-resource', type, id, `${type} has a malformed ${this.r.problem}; it was skipped.`);
      return false;
    }
    for (const field of this.r.badDates) {
      this.warn('unparseable-date', type, id, `${type}.${field} is not a valid FHIR date; it was read as absent.`);
    }
    return true;
  }

  private readBirthDays(raw: JsonObject): Uncertain | null {
    this.r.reset();
    const text = this.r.str(raw, 'birthDate');
    if (this.r.problem !== undefined) {
      this.warn('malformed-resource', 'Patient', this.patientId, 'Patient.birthDate is not a string.');
      return null;
    }
    if (text === undefined) {
      this.warn(
        'missing-value',
        'Patient',
        this.patientId,
        'The patient has no birth date; age criteria cannot be met.',
      );
      return null;
    }
    const days = parseFhirDateDays(text);
    if (days === undefined) {
      this.warn('unparseable-date', 'Patient', this.patientId, 'Patient.birthDate is not a valid FHIR date.');
      return null;
    }
    return days;
  }

  private readCondition(raw: JsonObject, id: string): ConditionFact {
    const r = this.r;
    const categories = r.concepts(raw, 'category');
    const encounterDiagnosis = categories.includes(ENCOUNTER_DIAGNOSIS_CATEGORY);
    const problemOrConcern = categories.some((c) => PROBLEM_CATEGORIES.has(c));
    if (!encounterDiagnosis && !problemOrConcern) {
      this.warn(
        'missing-code',
        'Condition',
        id,
        'Condition has no encounter-diagnosis, problem-list-item or health-concern category; QI-Core measures ignore it.',
      );
    }
    const verification = r.obj(raw, 'verificationStatus');
    const verified =
      verification === undefined || r.concept(raw, 'verificationStatus').some((c) => VERIFIED_STATUSES.has(c));
    const active = r.concept(raw, 'clinicalStatus').some((c) => ACTIVE_CLINICAL_STATUSES.has(c));
    const onset = timingInterval(r, raw, ONSET, this.birthDays);
    const abatement = abatementEnd(r, raw, this.birthDays);
    const codes = r.concept(raw, 'code');
    return {
      id,
      codes,
      valueSets: valueSetsOf(codes),
      encounterDiagnosis,
      problemOrConcern,
      verified,
      prevalence: prevalenceInterval(onset, abatement, active),
    };
  }

  private readEncounter(raw: JsonObject, id: string): EncounterFact {
    const r = this.r;
    const period = r.obj(raw, 'period');
    const hospitalization = r.obj(raw, 'hospitalization');
    const classCoding = r.obj(raw, 'class');
    const types = r.concepts(raw, 'type');
    return {
      id,
      types,
      valueSets: valueSetsOf(types),
      finished: r.str(raw, 'status') === 'finished',
      period: period === undefined ? null : periodInterval(r, period),
      classCode: classCoding === undefined ? undefined : r.str(classCoding, 'code'),
      dischargeDisposition: hospitalization === undefined ? [] : r.concept(hospitalization, 'dischargeDisposition'),
    };
  }

  private readObservation(raw: JsonObject, id: string): ObservationFact | undefined {
    const r = this.r;
    // Codes first: an observation no criterion can match (a hunger screening, a weight) is left out before its
    // dates, value and components are read. Every observation criterion tests the code first, so results are the
    // same; only warnings about the fields of such unused observations are no longer raised.
    const codes = r.concept(raw, 'code');
    const valueSets = valueSetsOf(codes);
    if (valueSets.size === 0 && !anyIn(codes, DIRECT_CODES)) return undefined;
    const effective = timingInterval(r, raw, EFFECTIVE, this.birthDays);
    const components: ComponentFact[] = [];
    const list = r.arr(raw, 'component');
    for (let i = 0; i < list.length; i++) {
      const c = list[i];
      if (!isJsonObject(c)) {
        r.fail('component');
        break;
      }
      components.push({ codes: r.concept(c, 'code'), value: this.readValue(c) });
    }
    const encounter = r.obj(raw, 'encounter');
    const encounterRef = encounter === undefined ? undefined : r.str(encounter, 'reference');
    return {
      id,
      codes,
      valueSets,
      status: r.str(raw, 'status'),
      effective,
      latest: latestOf(effective),
      value: this.readValue(raw),
      components,
      encounterId: encounterRef === undefined ? undefined : referenceId(encounterRef),
    };
  }

  private readValue(o: JsonObject): ObservedValue {
    const r = this.r;
    const q = r.obj(o, 'valueQuantity');
    if (q !== undefined) {
      const value = r.num(q, 'value');
      // FHIRHelpers.ToQuantity: a quantity without a value is a null value.
      if (value === undefined) return NONE;
      return {
        kind: 'quantity',
        value,
        code: r.str(q, 'code'),
        unit: r.str(q, 'unit'),
        system: r.str(q, 'system'),
        comparator: r.str(q, 'comparator'),
      };
    }
    if (o.valueCodeableConcept !== undefined) return { kind: 'concept', codes: r.concept(o, 'valueCodeableConcept') };
    // The object's own keys (a dozen, internalized) rather than a probe for each of nine absent ones.
    for (const key in o) if (VALUE_KEYS_OTHER.has(key) && o[key] !== undefined) return OTHER;
    return NONE;
  }

  private readRequest(raw: JsonObject, id: string, codeKey: string): RequestFact {
    const r = this.r;
    const codes = r.concept(raw, codeKey);
    return {
      id,
      codes,
      valueSets: valueSetsOf(codes),
      status: r.str(raw, 'status'),
      intent: r.str(raw, 'intent'),
      authoredOn: r.dateTime(raw, 'authoredOn'),
    };
  }

  private deviceDoNotPerform(raw: JsonObject): boolean {
    for (const ext of this.r.arr(raw, 'modifierExtension')) {
      if (isJsonObject(ext) && ext.url === DEVICE_DO_NOT_PERFORM && ext.valueBoolean === true) return true;
    }
    return false;
  }

  private readMedicationRequest(
    raw: JsonObject,
    id: string,
    medications: ReadonlyMap<string, readonly string[]>,
  ): MedicationRequestFact {
    const r = this.r;
    const reference = r.obj(raw, 'medicationReference');
    const ref = reference === undefined ? undefined : r.str(reference, 'reference');
    const request = this.readRequest(raw, id, 'medicationCodeableConcept');
    const codes = ref === undefined ? request.codes : this.medicationCodes(raw, ref, medications);
    return {
      ...request,
      codes,
      valueSets: ref === undefined ? request.valueSets : valueSetsOf(codes),
      period: medicationRequestPeriod(r, raw),
    };
  }

  /** Codes of the Medication a request refers to: contained (`#id`) or another resource in the record. */
  private medicationCodes(
    raw: JsonObject,
    ref: string,
    medications: ReadonlyMap<string, readonly string[]>,
  ): readonly string[] {
    if (ref.startsWith('#')) {
      for (const c of this.r.arr(raw, 'contained')) {
        if (isJsonObject(c) && c.resourceType === 'Medication' && c.id === ref.slice(1))
          return this.r.concept(c, 'code');
      }
      return [];
    }
    return medications.get(referenceId(ref)) ?? [];
  }
}

function appearsBefore(list: readonly RawResource[], index: number, id: string): boolean {
  for (let j = 0; j < index; j++) if (list[j]?.id === id) return true;
  return false;
}

const NONE: ObservedValue = { kind: 'none' };
const OTHER: ObservedValue = { kind: 'other' };
