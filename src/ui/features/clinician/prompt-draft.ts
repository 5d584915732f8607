import { z } from 'zod';
import type { RacismPromptOutcome } from '../../../domain/racism-prompt-outcome';
import {
  EXPERIENCE_KINDS,
  EXPERIENCE_SETTINGS,
  FOLLOW_UPS,
  NOT_ASKED_REASONS,
} from '../../../domain/racism-prompt-questionnaire';
import type {
  ExperienceKind,
  ExperienceSetting,
  FollowUp,
  NotAskedReason,
} from '../../../domain/racism-prompt-questionnaire';

const keysOf = <K extends string>(labels: Readonly<Record<K, string>>): [K, ...K[]] => {
  const keys = Object.keys(labels).filter((key): key is K => Object.hasOwn(labels, key));
  const [first, ...rest] = keys;
  if (first === undefined) throw new RangeError('empty label set');
  return [first, ...rest];
};

const choiceSchema = z.enum(['shared', 'nothing-to-share', 'declined', 'not-asked']);
export type DraftChoice = z.infer<typeof choiceSchema>;

/** What the clinician has typed or ticked so far; stored locally until the server confirms the write. */
const draftSchema = z.object({
  /** Client-generated identifier of the response this draft becomes: stable across retries and reloads. */
  identifier: z.string().min(1),
  /** Whether a write was attempted: it may have reached the server, so the next try looks before writing. */
  attempted: z.boolean(),
  choice: choiceSchema.optional(),
  details: z.string(),
  experienceKinds: z.array(z.enum(keysOf<ExperienceKind>(EXPERIENCE_KINDS))),
  settings: z.array(z.enum(keysOf<ExperienceSetting>(EXPERIENCE_SETTINGS))),
  followUps: z.array(z.enum(keysOf<FollowUp>(FOLLOW_UPS))),
  careTeamNote: z.string(),
  reason: z.enum(keysOf<NotAskedReason>(NOT_ASKED_REASONS)).optional(),
  reasonNote: z.string(),
});
export type PromptDraft = z.infer<typeof draftSchema>;

/** A blank draft with a fresh identifier. */
export function emptyDraft(newId: () => string = () => crypto.randomUUID()): PromptDraft {
  return {
    identifier: newId(),
    attempted: false,
    details: '',
    experienceKinds: [],
    settings: [],
    followUps: [],
    careTeamNote: '',
    reasonNote: '',
  };
}

/** Whether the clinician has entered anything worth keeping. */
export function isBlank(draft: PromptDraft): boolean {
  return (
    draft.choice === undefined &&
    draft.details.trim() === '' &&
    draft.careTeamNote.trim() === '' &&
    draft.reasonNote.trim() === '' &&
    draft.followUps.length === 0
  );
}

/** The outcome the draft records, or undefined while it is incomplete (no choice, or "not asked" without a reason). */
export function outcomeOf(draft: PromptDraft): RacismPromptOutcome | undefined {
  const common = { followUps: draft.followUps, careTeamNote: draft.careTeamNote };
  switch (draft.choice) {
    case undefined:
      return undefined;
    case 'shared':
      return {
        kind: 'shared',
        details: draft.details,
        experienceKinds: draft.experienceKinds,
        settings: draft.settings,
        ...common,
      };
    case 'nothing-to-share':
      return { kind: 'nothing-to-share', ...common };
    case 'declined':
      return { kind: 'declined', ...common };
    case 'not-asked':
      return draft.reason === undefined
        ? undefined
        : { kind: 'not-asked', reason: draft.reason, note: draft.reasonNote };
  }
}

const KEY_PREFIX = 'equity-lens:racism-prompt-draft:';

/** The storage key of a patient's draft (one per patient, on this device only). */
export function draftKey(patientId: string): string {
  return `${KEY_PREFIX}${patientId}`;
}

/** Reads a stored draft; anything unreadable counts as none (it was written by this app or not at all). */
export function loadDraft(storage: Storage | undefined, patientId: string): PromptDraft | undefined {
  try {
    const text = storage?.getItem(draftKey(patientId));
    if (text === null || text === undefined) return undefined;
    const parsed = draftSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keeps the draft, or forgets it when blank. Returns false when the device refused (private mode, storage full): the
 * page then warns that the draft lives only in this window.
 */
export function storeDraft(storage: Storage | undefined, patientId: string, draft: PromptDraft | undefined): boolean {
  if (storage === undefined) return false;
  try {
    if (draft === undefined || (isBlank(draft) && !draft.attempted)) storage.removeItem(draftKey(patientId));
    else storage.setItem(draftKey(patientId), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

/** The browser's localStorage, or undefined where it is unavailable (some private modes, sandboxed frames). */
export function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
