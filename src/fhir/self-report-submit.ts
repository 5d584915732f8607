import { changedAnswers, sameAnswer, type AnswerKey, type SelfReportAnswers } from '../domain/self-report-answers';
import { SELF_REPORT_FORMS, type SelfReportStandard } from '../domain/self-report-form';
import { answeredFields, answersFromPatient, applySelfReport } from '../domain/self-report-patient';
import { selfReportProvenance } from '../domain/self-report-provenance';
import { selfReportQuestionnaireResponse } from '../domain/self-report-questionnaire-response';
import { AppError, toAppError } from './app-error';
import type { FhirGateway } from './fhir-gateway';
import type { LooseResource } from './schemas';

/**
 * One submission of the self-report form: the answers, the record they were given against, and how far the writes
 * got. It is plain data so the page can keep it in local storage until the server confirms it, and a retry (even
 * after a reload) continues where the last attempt stopped instead of writing twice.
 */
export interface SelfReportDraft {
  /** A random id, the QuestionnaireResponse's identifier; the same across retries of one submission. */
  readonly submissionId: string;
  readonly patientId: string;
  readonly standard: SelfReportStandard;
  readonly answers: SelfReportAnswers;
  /** The language the form was shown in (BCP-47), recorded on the QuestionnaireResponse. */
  readonly formLanguage: string;
  /** The record as the patient saw it: its version (for If-Match) and what it said. */
  readonly base: { readonly versionId: string; readonly answers: SelfReportAnswers };
  /** Set once the Patient update succeeded: the version written. */
  readonly writtenVersionId?: string | undefined;
  /** Set once the QuestionnaireResponse was created. */
  readonly questionnaireResponseId?: string | undefined;
}

/** How a submission ended. */
export type SubmitResult =
  | {
      readonly kind: 'saved';
      readonly versionId: string;
      /** The Patient as written (the base for a later change). */
      readonly patient: LooseResource;
      /** Set when the record was updated but the server refused the QuestionnaireResponse or Provenance. */
      readonly incomplete?: AppError | undefined;
    }
  | {
      /** Someone changed the answered fields since the patient opened the form: nothing was written. */
      readonly kind: 'conflict';
      readonly latest: LooseResource;
      readonly latestVersionId: string;
      readonly latestAnswers: SelfReportAnswers;
      readonly changed: readonly AnswerKey[];
    }
  | { readonly kind: 'failed'; readonly error: AppError; readonly draft: SelfReportDraft };

export interface SubmitOptions {
  readonly now?: () => Date;
  readonly signal?: AbortSignal;
}

const inFlight = new Map<string, Promise<SubmitResult>>();

/**
 * Writes a self-report: updates the Patient with If-Match on the version the patient saw, then records a
 * QuestionnaireResponse of the answers and a Provenance saying the patient reported them (shape in
 * `domain/self-report-provenance.ts`). A second call for the same submission while one runs gets the same promise,
 * so a double click writes once.
 *
 * On 412 the Patient is read again: if it already holds these answers (an earlier attempt's response was lost) the
 * write counts as done; if only fields the patient did not answer changed, the answers are applied to the new
 * version once; otherwise nothing is written and the changes are returned for the patient to look at.
 */
export function submitSelfReport(
  gateway: FhirGateway,
  draft: SelfReportDraft,
  basePatient: LooseResource,
  options: SubmitOptions = {},
): Promise<SubmitResult> {
  const running = inFlight.get(draft.submissionId);
  if (running !== undefined) return running;
  const promise = runSubmission(gateway, draft, basePatient, options).finally(() => {
    inFlight.delete(draft.submissionId);
  });
  inFlight.set(draft.submissionId, promise);
  return promise;
}

async function runSubmission(
  gateway: FhirGateway,
  start: SelfReportDraft,
  basePatient: LooseResource,
  options: SubmitOptions,
): Promise<SubmitResult> {
  const form = SELF_REPORT_FORMS[start.standard];
  const now = (options.now ?? (() => new Date()))().toISOString();
  const { signal } = options;
  let draft = start;
  // When an earlier attempt wrote the Patient, the page has read it since: that is the version written.
  let patient = basePatient;
  if (draft.writtenVersionId === undefined) {
    const written = await writePatient(gateway, draft, basePatient, signal);
    if (written.kind !== 'written') return written;
    draft = { ...draft, writtenVersionId: written.versionId };
    patient = written.patient;
  }
  const versionId = draft.writtenVersionId ?? '';
  try {
    if (draft.questionnaireResponseId === undefined) {
      const response = selfReportQuestionnaireResponse({
        patientId: draft.patientId,
        answers: draft.answers,
        form,
        authored: now,
        submissionId: draft.submissionId,
        formLanguage: draft.formLanguage,
      });
      const created = await gateway.create(loose(response), { what: 'saving your answers', signal });
      draft = { ...draft, questionnaireResponseId: created.resource.id };
    }
    const provenance = selfReportProvenance({
      patientId: draft.patientId,
      patientVersionId: versionId,
      fields: answeredFields(draft.answers, form),
      recorded: now,
      questionnaireResponseId: draft.questionnaireResponseId,
    });
    await gateway.create(loose(provenance), { what: 'noting that you gave these answers', signal });
    return { kind: 'saved', versionId, patient };
  } catch (caught) {
    const error = toAppError(caught, 'saving your answers');
    // The record holds the answers already; a refusal that retrying cannot fix must not hide that.
    if (!error.retryable && error.kind !== 'unauthorized')
      return { kind: 'saved', versionId, patient, incomplete: error };
    return { kind: 'failed', error, draft };
  }
}

type PatientWrite =
  | { readonly kind: 'written'; readonly versionId: string; readonly patient: LooseResource }
  | Exclude<SubmitResult, { kind: 'saved' }>;

async function writePatient(
  gateway: FhirGateway,
  draft: SelfReportDraft,
  basePatient: LooseResource,
  signal: AbortSignal | undefined,
): Promise<PatientWrite> {
  const form = SELF_REPORT_FORMS[draft.standard];
  const path = `Patient/${encodeURIComponent(draft.patientId)}`;
  const what = 'saving your answers to your record';
  const put = async (patient: LooseResource, versionId: string): Promise<PatientWrite> => {
    const result = await gateway.update(loose(applySelfReport(patient, draft.answers, form)), versionId, {
      what,
      signal,
    });
    return {
      kind: 'written',
      versionId: result.versionId ?? result.resource.meta?.versionId ?? versionId,
      patient: result.resource,
    };
  };
  try {
    try {
      return await put(basePatient, draft.base.versionId);
    } catch (caught) {
      if (!(caught instanceof AppError) || caught.kind !== 'conflict') throw caught;
    }
    // no-store: the browser may hold the version read when the form opened, which is exactly what the 412 says is old.
    const latest = await gateway.read(path, { what: 'reading your record again', signal, cache: 'no-store' });
    const latestVersionId = latest.meta?.versionId;
    if (latestVersionId === undefined || latestVersionId === draft.base.versionId) {
      throw new AppError(staleRead(what));
    }
    const latestAnswers = answersFromPatient(latest, form);
    const intended = answersFromPatient(applySelfReport(basePatient, draft.answers, form), form);
    const answered = changedAnswers({}, draft.answers);
    if (answered.every((key) => sameAnswer(key, latestAnswers, intended))) {
      return { kind: 'written', versionId: latestVersionId, patient: latest };
    }
    const changed = changedAnswers(draft.base.answers, latestAnswers);
    if (changed.length === 0) return await put(latest, latestVersionId);
    return { kind: 'conflict', latest, latestVersionId, latestAnswers, changed };
  } catch (caught) {
    return { kind: 'failed', error: toAppError(caught, what), draft };
  }
}

/** After a 412 the record must have a version other than the one the patient saw; anything else is not believable. */
function staleRead(what: string) {
  return {
    kind: 'invalid-response' as const,
    retryable: true,
    title: 'Unexpected answer from the FHIR server',
    detail: `While ${what}, the server said the record had changed but sent the old version.`,
    action: 'Try again; if it keeps happening, tell your clinic.',
  };
}

/** The domain builders return plain objects with a `resourceType`; the gateway takes them as loose resources. */
function loose(resource: Readonly<Record<string, unknown>>): LooseResource {
  const resourceType = resource['resourceType'];
  if (typeof resourceType !== 'string') throw new Error('a resource without resourceType');
  return { ...resource, resourceType };
}
