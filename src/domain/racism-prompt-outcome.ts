import type { ExperienceKind, ExperienceSetting, FollowUp, NotAskedReason } from './racism-prompt-questionnaire';

/** What the clinician did with the question when it was asked: the follow-up and an optional note. */
interface AskedCommon {
  readonly followUps: readonly FollowUp[];
  readonly careTeamNote: string;
}

/**
 * The outcome of the racism-experience prompt at one visit, as the clinician records it:
 * - `shared`: the patient shared an experience (free text and optional categories);
 * - `nothing-to-share`: asked, the patient said no;
 * - `declined`: asked, the patient chose not to answer;
 * - `not-asked`: the clinician did not ask, and says why.
 */
export type RacismPromptOutcome =
  | (AskedCommon & {
      readonly kind: 'shared';
      readonly details: string;
      readonly experienceKinds: readonly ExperienceKind[];
      readonly settings: readonly ExperienceSetting[];
    })
  | (AskedCommon & { readonly kind: 'nothing-to-share' })
  | (AskedCommon & { readonly kind: 'declined' })
  | { readonly kind: 'not-asked'; readonly reason: NotAskedReason; readonly note: string };

export type RacismPromptOutcomeKind = RacismPromptOutcome['kind'];

/** Whether the outcome means the patient was asked (a `not-asked` outcome does not reset the "when due" clock). */
export function wasAsked(outcome: RacismPromptOutcome): boolean {
  return outcome.kind !== 'not-asked';
}
