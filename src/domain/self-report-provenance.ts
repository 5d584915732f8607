import { isObject, obj, objects, str } from './guards';
import { SELF_REPORT_FIELDS, type SelfReportField } from './self-report-answers';
import { APP_BASE } from './systems';

/**
 * The one definition of how Equity Lens records that a patient reported their own race, ethnicity or language.
 * The clinician view and the data-quality panel recognise self-reported data with {@link isSelfReportProvenance}
 * and {@link selfReportedFields}; the patient's form writes it with {@link selfReportProvenance}.
 *
 * Shape (a FHIR R4 Provenance, also valid against US Core Provenance: target, recorded, agent with type and who):
 * - `activity`: coding {@link SELF_REPORT_ACTIVITY} (the app's own code system, code `self-reported`), text
 *   `self-reported`;
 * - `agent[0]`: type `author` (provenance-participant-type), `who` = `Patient/<id>` — the patient themself;
 * - `target[0]`: `Patient/<id>/_history/<version>`, the version the self-report wrote;
 * - `entity[0]`: role `source`, `what` = the QuestionnaireResponse holding the answers, when one was written;
 * - `recorded` (and `occurredDateTime`): when the patient submitted;
 * - the fields touched: one extension {@link SELF_REPORTED_FIELD_URL} per field, `valueCode` one of
 *   `race | ethnicity | language | interpreter-needed`. (R4 has no element for "which parts of the target";
 *   the core `targetElement` extension needs element ids, which Patient extensions do not carry.)
 */
export const SELF_REPORT_ACTIVITY = {
  system: `${APP_BASE}/CodeSystem/provenance-activity`,
  code: 'self-reported',
  display: 'Self-reported by the patient',
} as const;

/** Extension on the Provenance naming one Patient field the patient reported. */
export const SELF_REPORTED_FIELD_URL = `${APP_BASE}/StructureDefinition/self-reported-field`;

const PARTICIPANT_TYPE = 'http://terminology.hl7.org/CodeSystem/provenance-participant-type';

/** What a self-report Provenance says. */
export interface SelfReportProvenanceInput {
  readonly patientId: string;
  /** The Patient version the self-report wrote. */
  readonly patientVersionId: string;
  readonly fields: readonly SelfReportField[];
  /** ISO instant of the submission. */
  readonly recorded: string;
  readonly questionnaireResponseId?: string | undefined;
}

/** Builds the Provenance of a self-report (shape documented on {@link SELF_REPORT_ACTIVITY}). */
export function selfReportProvenance(input: SelfReportProvenanceInput): Record<string, unknown> {
  const patient = `Patient/${input.patientId}`;
  return {
    resourceType: 'Provenance',
    extension: input.fields.map((field) => ({ url: SELF_REPORTED_FIELD_URL, valueCode: field })),
    target: [{ reference: `${patient}/_history/${input.patientVersionId}` }],
    occurredDateTime: input.recorded,
    recorded: input.recorded,
    activity: { coding: [{ ...SELF_REPORT_ACTIVITY }], text: 'self-reported' },
    agent: [
      {
        type: { coding: [{ system: PARTICIPANT_TYPE, code: 'author', display: 'Author' }] },
        who: { reference: patient },
      },
    ],
    ...(input.questionnaireResponseId === undefined
      ? {}
      : {
          entity: [{ role: 'source', what: { reference: `QuestionnaireResponse/${input.questionnaireResponseId}` } }],
        }),
  };
}

const PATIENT_REFERENCE = /(?:^|\/)Patient\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

/**
 * The id of the patient a self-report Provenance is about, when `resource` is one: a Provenance whose activity has
 * the `self-reported` coding, one of whose agents is `Patient/<id>` and one of whose targets is that same patient
 * (any version, relative or absolute reference). Undefined for anything else.
 */
export function selfReportedPatientId(resource: unknown): string | undefined {
  if (!isObject(resource) || resource['resourceType'] !== 'Provenance') return undefined;
  const activity = objects(obj(resource, 'activity') ?? {}, 'coding');
  const selfReported = activity.some(
    (c) => str(c, 'system') === SELF_REPORT_ACTIVITY.system && str(c, 'code') === SELF_REPORT_ACTIVITY.code,
  );
  if (!selfReported) return undefined;
  const patientOf = (holder: Readonly<Record<string, unknown>>, key: string): string | undefined =>
    PATIENT_REFERENCE.exec(str(obj(holder, key) ?? {}, 'reference') ?? '')?.[1];
  const authors = new Set(objects(resource, 'agent').map((agent) => patientOf(agent, 'who')));
  const targets = objects(resource, 'target').map(
    (target) => PATIENT_REFERENCE.exec(str(target, 'reference') ?? '')?.[1],
  );
  return targets.find((id) => id !== undefined && authors.has(id));
}

/** Whether `resource` is a self-report Provenance (optionally: about this patient). */
export function isSelfReportProvenance(resource: unknown, patientId?: string): boolean {
  const id = selfReportedPatientId(resource);
  return id !== undefined && (patientId === undefined || id === patientId);
}

/** The fields a self-report Provenance says the patient reported (none when it is not one), in canonical order. */
export function selfReportedFields(resource: unknown): readonly SelfReportField[] {
  if (!isSelfReportProvenance(resource) || !isObject(resource)) return [];
  const named = new Set(
    objects(resource, 'extension')
      .filter((ext) => str(ext, 'url') === SELF_REPORTED_FIELD_URL)
      .map((ext) => str(ext, 'valueCode')),
  );
  return SELF_REPORT_FIELDS.filter((field) => named.has(field));
}

/**
 * Per patient, the fields ever self-reported and the latest `recorded` instant, from any list of resources (the
 * non-Provenance ones are skipped). For panels that count self-reported data.
 */
export function selfReportsByPatient(
  resources: readonly unknown[],
): Map<string, { readonly fields: ReadonlySet<SelfReportField>; readonly lastRecorded: string | undefined }> {
  const byPatient = new Map<string, { fields: Set<SelfReportField>; lastRecorded: string | undefined }>();
  for (const resource of resources) {
    const patientId = selfReportedPatientId(resource);
    if (patientId === undefined || !isObject(resource)) continue;
    const entry = byPatient.get(patientId) ?? { fields: new Set<SelfReportField>(), lastRecorded: undefined };
    for (const field of selfReportedFields(resource)) entry.fields.add(field);
    const recorded = str(resource, 'recorded');
    if (
      recorded !== undefined &&
      (entry.lastRecorded === undefined || Date.parse(recorded) > Date.parse(entry.lastRecorded))
    )
      entry.lastRecorded = recorded;
    byPatient.set(patientId, entry);
  }
  return byPatient;
}
