import type {
  CodeableConcept,
  Coding,
  Condition,
  Encounter,
  EncounterParticipant,
  Meta,
  Observation,
  ObservationComponent,
  Procedure,
  Quantity,
  Reference,
  ServiceRequest,
} from 'fhir/r4';
import { ANSWER, CATEGORY, LOINC, SYSTEM, US_CORE } from './codes';
import { ORGANIZATION_ID } from './practitioners';

/**
 * Small constructors for the clinical resources, so that every resource of a kind has the same shape.
 *
 * Constant parts (codes, categories, meta, references to patients, practitioners and organisations) are built once
 * and shared between resources: a 10,000-patient population otherwise spends most of its time collecting garbage.
 * Shared parts are frozen, so a consumer that mutates a resource in place fails loudly instead of silently changing
 * thousands of others (the FHIR server deep-copies what it stores).
 */

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const refs = new Map<string, Reference>();
const concepts = new WeakMap<Coding, CodeableConcept[]>();
const metas = new Map<string, Meta>();
let lastPatient: { id: string; ref: Reference } = { id: '', ref: { reference: '' } };
let lastEncounter: { id: string; ref: Reference } = { id: '', ref: { reference: '' } };

/** A reference; those to patients, practitioners and organisations are shared. */
export function ref(type: string, id: string): Reference {
  if (type === 'Encounter') {
    // Several observations of one visit are written one after the other.
    if (lastEncounter.id !== id) lastEncounter = { id, ref: deepFreeze({ reference: `Encounter/${id}` }) };
    return lastEncounter.ref;
  }
  if (type === 'Observation') return { reference: `${type}/${id}` };
  // Calls for one patient come together: remembering the last one avoids building the same string again.
  if (type === 'Patient') {
    if (lastPatient.id !== id) lastPatient = { id, ref: deepFreeze({ reference: `Patient/${id}` }) };
    return lastPatient.ref;
  }
  const key = `${type}/${id}`;
  let r = refs.get(key);
  if (!r) {
    r = deepFreeze({ reference: key });
    refs.set(key, r);
  }
  return r;
}

const sameCodings = (a: readonly Coding[] | undefined, b: readonly Coding[]): boolean =>
  a !== undefined && a.length === b.length && a.every((c, i) => c === b[i]);

/** A CodeableConcept, shared among all callers passing the same Coding objects and text. */
function concept(codings: readonly Coding[], text?: string): CodeableConcept {
  const first = codings[0];
  if (first === undefined) return text === undefined ? {} : { text };
  let list = concepts.get(first);
  if (!list) {
    list = [];
    concepts.set(first, list);
  }
  for (const cc of list) if (cc.text === text && sameCodings(cc.coding, codings)) return cc;
  const made = deepFreeze(text === undefined ? { coding: [...codings] } : { coding: [...codings], text });
  list.push(made);
  return made;
}

function meta(profile: string): Meta {
  let m = metas.get(profile);
  if (!m) {
    m = deepFreeze({ profile: [profile] });
    metas.set(profile, m);
  }
  return m;
}

export interface EncounterInput {
  readonly id: string;
  readonly patientId: string;
  readonly practitionerId?: string;
  readonly cls: Coding;
  readonly type: readonly Coding[];
  readonly text: string;
  readonly start: string;
  readonly end: string;
  readonly discharge?: Coding;
}

/** A finished encounter at the clinic. */
export function encounter(e: EncounterInput): Encounter {
  const resource: Encounter = {
    resourceType: 'Encounter',
    id: e.id,
    meta: meta(US_CORE.encounter),
    status: 'finished',
    class: e.cls,
    type: encounterType(e.type, e.text),
    subject: ref('Patient', e.patientId),
    period: { start: e.start, end: e.end },
    serviceProvider: ref('Organization', ORGANIZATION_ID),
  };
  if (e.practitionerId !== undefined) resource.participant = participants(e.practitionerId);
  if (e.discharge) resource.hospitalization = { dischargeDisposition: { coding: [e.discharge] } };
  return resource;
}

const VITAL_SIGNS = deepFreeze([concept([CATEGORY.vitalSigns], 'Vital Signs')]);
const LABORATORY = deepFreeze([concept([CATEGORY.laboratory], 'Laboratory')]);
const SURVEY = deepFreeze([concept([CATEGORY.survey])]);
const SURVEY_SDOH = deepFreeze([concept([CATEGORY.survey]), concept([CATEGORY.sdoh])]);
const encounterTypes = new Map<CodeableConcept, CodeableConcept[]>();

function encounterType(codings: readonly Coding[], text: string): CodeableConcept[] {
  const cc = concept(codings, text);
  let list = encounterTypes.get(cc);
  if (!list) {
    list = deepFreeze([cc]);
    encounterTypes.set(cc, list);
  }
  return list;
}

const participantLists = new Map<string, EncounterParticipant[]>();

function participants(practitionerId: string): EncounterParticipant[] {
  let list = participantLists.get(practitionerId);
  if (!list) {
    list = deepFreeze([{ individual: ref('Practitioner', practitionerId) }]);
    participantLists.set(practitionerId, list);
  }
  return list;
}

// Blood-pressure components and lab quantities take a few hundred distinct values: share one object per value.
const components = new Map<string, ObservationComponent>();

function component(code: Coding, value: number | undefined, unitless: boolean): ObservationComponent {
  const key = `${code.code ?? ''}|${value ?? ''}|${unitless ? 'u' : ''}`;
  let c = components.get(key);
  if (!c) {
    const quantity: Quantity | undefined =
      value === undefined
        ? undefined
        : unitless
          ? { value }
          : { value, unit: 'mmHg', system: SYSTEM.ucum, code: 'mm[Hg]' };
    c = deepFreeze(quantity ? { code: concept([code]), valueQuantity: quantity } : { code: concept([code]) });
    components.set(key, c);
  }
  return c;
}

const quantities = new Map<string, Quantity>();

function quantity(value: number, unit: string): Quantity {
  const key = `${value}|${unit}`;
  let q = quantities.get(key);
  if (!q) {
    q = deepFreeze({ value, unit, system: SYSTEM.ucum, code: unit });
    quantities.set(key, q);
  }
  return q;
}

export interface BloodPressureInput {
  readonly id: string;
  readonly patientId: string;
  readonly encounterId?: string;
  readonly when: string;
  readonly systolic: number;
  readonly diastolic: number;
  /** Messy: the components carry a bare number with no unit. */
  readonly missingUnit?: boolean;
  /** Messy: the diastolic component has no value at all. */
  readonly missingDiastolic?: boolean;
}

/** A US Core blood-pressure panel (85354-9) with systolic and diastolic components in mm[Hg]. */
export function bloodPressure(b: BloodPressureInput): Observation {
  const unitless = b.missingUnit === true;
  const systolic = component(LOINC.systolic, b.systolic, unitless);
  const diastolic = component(LOINC.diastolic, b.missingDiastolic === true ? undefined : b.diastolic, unitless);
  const resource: Observation = {
    resourceType: 'Observation',
    id: b.id,
    meta: meta(US_CORE.bloodPressure),
    status: 'final',
    category: VITAL_SIGNS,
    code: concept([LOINC.bpPanel], 'Blood pressure'),
    subject: ref('Patient', b.patientId),
    effectiveDateTime: b.when,
    component: [systolic, diastolic],
  };
  if (b.encounterId !== undefined) resource.encounter = ref('Encounter', b.encounterId);
  return resource;
}

export interface HbA1cInput {
  readonly id: string;
  readonly patientId: string;
  readonly encounterId: string;
  readonly when: string;
  /** Undefined for the messy result with no value. */
  readonly value: number | undefined;
  readonly unit: '%' | 'mmol/mol';
  readonly code: Coding;
}

/** A US Core laboratory result for HbA1c (a code from the "HbA1c Laboratory Test" value set). */
export function hba1c(h: HbA1cInput): Observation {
  const resource: Observation = {
    resourceType: 'Observation',
    id: h.id,
    meta: meta(US_CORE.lab),
    status: 'final',
    category: LABORATORY,
    code: concept([h.code], 'Hemoglobin A1c'),
    subject: ref('Patient', h.patientId),
    encounter: ref('Encounter', h.encounterId),
    effectiveDateTime: h.when,
    issued: h.when,
  };
  if (h.value !== undefined) resource.valueQuantity = quantity(h.value, h.unit);
  return resource;
}

export interface ConditionInput {
  readonly id: string;
  readonly patientId: string;
  readonly codings: readonly Coding[];
  readonly category: 'problem-list-item' | 'encounter-diagnosis';
  readonly onset: string;
  readonly abatement?: string;
  readonly encounterId?: string;
  readonly verification?: 'confirmed' | 'refuted';
}

/** A Condition (problem-list item or encounter diagnosis), verified unless stated otherwise. */
export function condition(c: ConditionInput): Condition {
  const resource: Condition = {
    resourceType: 'Condition',
    id: c.id,
    meta: meta(c.category === 'problem-list-item' ? US_CORE.condition : US_CORE.encounterDiagnosis),
    clinicalStatus: {
      coding: [{ system: SYSTEM.conditionClinical, code: c.abatement === undefined ? 'active' : 'resolved' }],
    },
    verificationStatus: { coding: [{ system: SYSTEM.conditionVerification, code: c.verification ?? 'confirmed' }] },
    category: [concept([c.category === 'problem-list-item' ? CATEGORY.problemList : CATEGORY.encounterDiagnosis])],
    code: concept(c.codings, c.codings[0]?.display),
    subject: ref('Patient', c.patientId),
    onsetDateTime: c.onset,
    recordedDate: c.onset,
  };
  if (c.abatement !== undefined) resource.abatementDateTime = c.abatement;
  if (c.encounterId !== undefined) resource.encounter = ref('Encounter', c.encounterId);
  return resource;
}

/** A completed procedure on one day (dialysis). */
export function procedure(id: string, patientId: string, code: Coding, when: string): Procedure {
  return {
    resourceType: 'Procedure',
    id,
    status: 'completed',
    code: concept([code], code.display),
    subject: ref('Patient', patientId),
    performedDateTime: when,
  };
}

/** An active order (a hospice referral). */
export function order(
  id: string,
  patientId: string,
  practitionerId: string,
  code: Coding,
  when: string,
): ServiceRequest {
  return {
    resourceType: 'ServiceRequest',
    id,
    status: 'active',
    intent: 'order',
    code: concept([code], code.display),
    subject: ref('Patient', patientId),
    authoredOn: when,
    requester: ref('Practitioner', practitionerId),
  };
}

/** A "Housing status" screening answered "Lives in nursing home" (AdvancedIllnessandFrailty library). */
export function housingStatus(id: string, patientId: string, when: string): Observation {
  return {
    resourceType: 'Observation',
    id,
    meta: meta(US_CORE.screening),
    status: 'final',
    category: SURVEY,
    code: concept([LOINC.housingStatus], 'Housing status'),
    subject: ref('Patient', patientId),
    effectiveDateTime: when,
    valueCodeableConcept: concept([ANSWER.livesInNursingHome]),
  };
}

export interface HungerInput {
  /** Ids for the panel, the two questions and the risk item, in that order. */
  readonly ids: readonly [string, string, string, string];
  readonly patientId: string;
  readonly encounterId: string;
  readonly when: string;
  readonly worried: Coding;
  readonly didNotLast: Coding;
}

/** A Hunger Vital Sign screening: the items and the risk, then the panel (88121-9) that lists them in hasMember. */
export function hungerVitalSign(h: HungerInput): Observation[] {
  const positive = (a: Coding): boolean => a.code === ANSWER.often.code || a.code === ANSWER.sometimes.code;
  const atRisk = positive(h.worried) || positive(h.didNotLast);
  const [panelId, worriedId, lastId, riskId] = h.ids;
  const base = (id: string, code: Coding): Observation => ({
    resourceType: 'Observation',
    id,
    meta: meta(US_CORE.screening),
    status: 'final',
    category: SURVEY_SDOH,
    code: concept([code]),
    subject: ref('Patient', h.patientId),
    encounter: ref('Encounter', h.encounterId),
    effectiveDateTime: h.when,
  });
  const worried: Observation = { ...base(worriedId, LOINC.hungerWorried), valueCodeableConcept: concept([h.worried]) };
  const lasted: Observation = {
    ...base(lastId, LOINC.hungerDidNotLast),
    valueCodeableConcept: concept([h.didNotLast]),
  };
  const worriedRef = ref('Observation', worriedId);
  const lastRef = ref('Observation', lastId);
  const risk: Observation = {
    ...base(riskId, LOINC.hungerRisk),
    valueCodeableConcept: concept([atRisk ? ANSWER.atRisk : ANSWER.noRisk]),
    derivedFrom: [worriedRef, lastRef],
  };
  const panel: Observation = {
    ...base(panelId, LOINC.hungerPanel),
    hasMember: [worriedRef, lastRef, ref('Observation', riskId)],
  };
  return [worried, lasted, risk, panel];
}
