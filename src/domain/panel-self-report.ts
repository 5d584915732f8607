import { isObject, obj, objects, str } from './guards';
import { SELF_REPORT_FIELDS, type SelfReportField } from './self-report-answers';
import { selfReportedFields, selfReportedPatientId } from './self-report-provenance';
import { SELF_REPORT_QUESTIONNAIRE } from './self-report-questionnaire-response';

const PATIENT_REFERENCE = /(?:^|\/)Patient\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

/** Which Patient fields each item of the self-report form answers (race-ethnicity: the 2024 combined question). */
const ITEM_FIELDS: Readonly<Record<string, readonly SelfReportField[]>> = {
  race: ['race'],
  ethnicity: ['ethnicity'],
  'race-ethnicity': ['race', 'ethnicity'],
  language: ['language'],
  'interpreter-needed': ['interpreter-needed'],
};

const patientOf = (holder: Readonly<Record<string, unknown>>, key: string): string | undefined =>
  PATIENT_REFERENCE.exec(str(obj(holder, key) ?? {}, 'reference') ?? '')?.[1];

/**
 * When `resource` is a completed answer to the app's self-report form that the patient gave themself (its `source`
 * or `author` is the subject Patient), that patient's id and the fields answered; else undefined.
 */
export function selfReportResponseOf(
  resource: unknown,
): { readonly patientId: string; readonly fields: readonly SelfReportField[] } | undefined {
  if (!isObject(resource) || resource['resourceType'] !== 'QuestionnaireResponse') return undefined;
  const questionnaire = str(resource, 'questionnaire') ?? '';
  if (questionnaire !== SELF_REPORT_QUESTIONNAIRE && !questionnaire.startsWith(`${SELF_REPORT_QUESTIONNAIRE}|`))
    return undefined;
  const status = str(resource, 'status');
  if (status !== 'completed' && status !== 'amended') return undefined;
  const subject = patientOf(resource, 'subject');
  if (subject === undefined) return undefined;
  if (patientOf(resource, 'source') !== subject && patientOf(resource, 'author') !== subject) return undefined;
  const answered = new Set(
    objects(resource, 'item')
      .filter((item) => objects(item, 'answer').length > 0)
      .flatMap((item) => ITEM_FIELDS[str(item, 'linkId') ?? ''] ?? []),
  );
  return { patientId: subject, fields: SELF_REPORT_FIELDS.filter((field) => answered.has(field)) };
}

/**
 * Adds what one page of resources says about self-reported REAL data to `index` (patient id → fields): the app's
 * self-report Provenance and the patient's own answers to its self-report form. Other resources are ignored.
 */
export function addSelfReports(index: Map<string, Set<SelfReportField>>, resources: readonly unknown[]): void {
  for (const resource of resources) {
    const fromProvenance = selfReportedPatientId(resource);
    const found =
      fromProvenance === undefined
        ? selfReportResponseOf(resource)
        : { patientId: fromProvenance, fields: selfReportedFields(resource) };
    if (found === undefined) continue;
    const fields = index.get(found.patientId) ?? new Set<SelfReportField>();
    for (const field of found.fields) fields.add(field);
    index.set(found.patientId, fields);
  }
}
