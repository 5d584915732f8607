import { useCallback, useRef, useState } from 'react';
import {
  changedAnswers,
  withoutEmptyAnswers,
  type AnswerKey,
  type SelfReportAnswers,
} from '../../../domain/self-report-answers';
import { SELF_REPORT_FORMS, type SelfReportStandard } from '../../../domain/self-report-form';
import { answersFromPatient } from '../../../domain/self-report-patient';
import type { AppError } from '../../../fhir/app-error';
import type { FhirGateway } from '../../../fhir/fhir-gateway';
import type { LooseResource } from '../../../fhir/schemas';
import { submitSelfReport, type SelfReportDraft } from '../../../fhir/self-report-submit';
import { clearPendingDraft, loadPendingDraft, savePendingDraft } from './pending-draft';

/** Where the form is: the patient edits, it saves, it is saved, or a write needs the patient's attention. */
export type SelfReportPhase =
  | { readonly kind: 'editing'; readonly nothingToSave?: boolean }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved'; readonly incomplete: boolean }
  | {
      readonly kind: 'conflict';
      readonly changed: readonly AnswerKey[];
      readonly before: SelfReportAnswers;
      readonly now: SelfReportAnswers;
    }
  | { readonly kind: 'failed'; readonly error: AppError }
  | { readonly kind: 'forbidden' };

/** The record a change is made against: the Patient as read, its version, and what it says. */
interface Base {
  readonly patient: LooseResource;
  readonly versionId: string;
  readonly answers: SelfReportAnswers;
}

export interface SelfReport {
  readonly answers: SelfReportAnswers;
  /** What the record says now (the base of the next write). */
  readonly record: SelfReportAnswers;
  /** The answers came back from local storage: an earlier submission was never confirmed. */
  readonly restored: boolean;
  readonly phase: SelfReportPhase;
  readonly setAnswers: (answers: SelfReportAnswers) => void;
  /** Saves (again): also the retry after a failure, which continues where the last attempt stopped. */
  readonly save: () => void;
  /** After a conflict: write the patient's answers over the new version. */
  readonly keepMine: () => void;
  /** After a conflict: back to the form, now against the new version. */
  readonly review: () => void;
  /** After saving: change the answers again. */
  readonly editAgain: () => void;
}

interface Options {
  readonly gateway: FhirGateway;
  readonly patientId: string;
  readonly patient: LooseResource;
  readonly versionId: string;
  readonly standard: SelfReportStandard;
  /** The language the form is shown in, recorded with the answers. */
  readonly formLanguage: string;
}

/**
 * The self-report's state machine. Answers stay in the page whatever happens, and in local storage from the first
 * Save until the server confirms them; a second Save while one runs does nothing (and the write layer dedupes it
 * too); a 412 never turns into a silent overwrite.
 */
export function useSelfReport(options: Options): SelfReport {
  const { gateway, patientId, standard, formLanguage } = options;
  const form = SELF_REPORT_FORMS[standard];
  const [start] = useState(() => {
    const base: Base = {
      patient: options.patient,
      versionId: options.versionId,
      answers: answersFromPatient(options.patient, form),
    };
    const stored = loadPendingDraft(patientId);
    const pending = stored?.standard === standard ? stored : undefined;
    return { base, pending, answers: pending?.answers ?? base.answers };
  });
  const base = useRef<Base>(start.base);
  const pending = useRef<SelfReportDraft | undefined>(start.pending);
  const latest = useRef<Base | undefined>(undefined);
  const busy = useRef(false);
  const [answers, setAnswers] = useState<SelfReportAnswers>(start.answers);
  const [record, setRecord] = useState<SelfReportAnswers>(start.base.answers);
  const [phase, setPhase] = useState<SelfReportPhase>({ kind: 'editing' });
  const [restored, setRestored] = useState(start.pending !== undefined);

  const run = useCallback(
    async (draft: SelfReportDraft) => {
      busy.current = true;
      pending.current = draft;
      savePendingDraft(draft);
      setPhase({ kind: 'saving' });
      const result = await submitSelfReport(gateway, draft, base.current.patient);
      busy.current = false;
      switch (result.kind) {
        case 'saved': {
          clearPendingDraft(patientId);
          pending.current = undefined;
          base.current = {
            patient: result.patient,
            versionId: result.versionId,
            answers: answersFromPatient(result.patient, form),
          };
          setRecord(base.current.answers);
          setRestored(false);
          setPhase({ kind: 'saved', incomplete: result.incomplete !== undefined });
          return;
        }
        case 'conflict':
          latest.current = { patient: result.latest, versionId: result.latestVersionId, answers: result.latestAnswers };
          setPhase({
            kind: 'conflict',
            changed: result.changed,
            before: draft.base.answers,
            now: result.latestAnswers,
          });
          return;
        case 'failed':
          pending.current = result.draft;
          savePendingDraft(result.draft);
          setPhase(
            result.error.kind === 'forbidden' && result.draft.writtenVersionId === undefined
              ? { kind: 'forbidden' }
              : { kind: 'failed', error: result.error },
          );
          return;
      }
    },
    [gateway, patientId, form],
  );

  const save = useCallback(() => {
    if (busy.current) return;
    const cleaned = withoutEmptyAnswers(answers);
    if (changedAnswers({}, cleaned).length === 0) {
      setPhase({ kind: 'editing', nothingToSave: true });
      return;
    }
    const previous = pending.current;
    // Unchanged answers continue the earlier submission (its progress and id); changed ones start a new one.
    const draft: SelfReportDraft =
      previous !== undefined && changedAnswers(previous.answers, cleaned).length === 0
        ? previous
        : {
            submissionId: crypto.randomUUID(),
            patientId,
            standard,
            formLanguage,
            answers: cleaned,
            base: { versionId: base.current.versionId, answers: base.current.answers },
          };
    void run(draft);
  }, [answers, patientId, standard, formLanguage, run]);

  /** Moves to the version found in a conflict, carrying the pending submission over to it. */
  const adoptLatest = useCallback((): SelfReportDraft | undefined => {
    const next = latest.current;
    const draft = pending.current;
    if (next === undefined || draft === undefined) return undefined;
    base.current = next;
    setRecord(next.answers);
    const moved: SelfReportDraft = {
      ...draft,
      base: { versionId: next.versionId, answers: next.answers },
      writtenVersionId: undefined,
    };
    pending.current = moved;
    savePendingDraft(moved);
    return moved;
  }, []);

  const keepMine = useCallback(() => {
    const moved = adoptLatest();
    if (moved !== undefined && !busy.current) void run(moved);
  }, [adoptLatest, run]);

  const review = useCallback(() => {
    adoptLatest();
    setPhase({ kind: 'editing' });
  }, [adoptLatest]);

  const editAgain = useCallback(() => {
    setPhase({ kind: 'editing' });
  }, []);

  return {
    answers,
    record,
    restored,
    phase,
    setAnswers,
    save,
    keepMine,
    review,
    editAgain,
  };
}
