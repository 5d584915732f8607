import { z } from 'zod';
import type { SelfReportDraft } from '../../../fhir/self-report-submit';

/**
 * Keeps a submission's answers in local storage until the server confirms them, so a failed write, a closed tab
 * or an ended session loses nothing. One entry per patient; removed as soon as the answers are saved. Entries
 * older than a week are dropped rather than offered to whoever uses the device next.
 */
const PREFIX = 'equity-lens:self-report-draft:';
const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

const codedAnswerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('codes'), codes: z.array(z.string()) }),
  z.object({ kind: z.literal('ASKU') }),
  z.object({ kind: z.literal('UNK') }),
]);

const answersSchema = z.object({
  race: codedAnswerSchema.optional(),
  ethnicity: codedAnswerSchema.optional(),
  language: z.string().optional(),
  interpreterNeeded: z.boolean().optional(),
});

const draftSchema = z.object({
  submissionId: z.string().min(1),
  patientId: z.string().min(1),
  standard: z.enum(['omb-1997', 'omb-2024']),
  answers: answersSchema,
  formLanguage: z.string(),
  base: z.object({ versionId: z.string(), answers: answersSchema }),
  writtenVersionId: z.string().optional(),
  questionnaireResponseId: z.string().optional(),
});

const entrySchema = z.object({ savedAt: z.number(), draft: draftSchema });

/** The unsaved submission kept for this patient, if any (and readable, and recent). */
export function loadPendingDraft(patientId: string, now: number = Date.now()): SelfReportDraft | undefined {
  let raw: string | null;
  try {
    raw = localStorage.getItem(PREFIX + patientId);
  } catch {
    return undefined;
  }
  if (raw === null) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const parsed = entrySchema.safeParse(json);
  if (!parsed.success || parsed.data.draft.patientId !== patientId || now - parsed.data.savedAt > MAX_AGE_MS) {
    clearPendingDraft(patientId);
    return undefined;
  }
  return parsed.data.draft;
}

/** Keeps the submission until it is confirmed. Storage may be full or blocked: the page still holds the answers. */
export function savePendingDraft(draft: SelfReportDraft, now: number = Date.now()): void {
  try {
    localStorage.setItem(PREFIX + draft.patientId, JSON.stringify({ savedAt: now, draft }));
  } catch {
    // Nothing more to do: the answers stay on the page.
  }
}

export function clearPendingDraft(patientId: string): void {
  try {
    localStorage.removeItem(PREFIX + patientId);
  } catch {
    // See savePendingDraft.
  }
}
