import type {
  Coding,
  Identifier,
  Observation,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  QuestionnaireResponseItemAnswer,
} from 'fhir/r4';
import { z } from 'zod';
import type { RacismPromptOutcome } from './racism-prompt-outcome';
import {
  ANSWER,
  EXPERIENCE_KINDS,
  EXPERIENCE_SETTINGS,
  FOLLOW_UPS,
  LINK,
  NOT_ASKED_REASONS,
  RACISM_PROMPT_CANONICAL,
  RACISM_PROMPT_IDENTIFIER_SYSTEM,
  RACISM_PROMPT_QUESTION,
  RACISM_PROMPT_QUESTIONNAIRE_URL,
  RACISM_PROMPT_SYSTEM,
} from './racism-prompt-questionnaire';

/** Who recorded the outcome, for which patient, when and in which visit. */
export interface RacismPromptContext {
  readonly patientId: string;
  /** The signed-in user (`Practitioner/123`), when the launch said. */
  readonly author: string | undefined;
  readonly authorName: string | undefined;
  readonly encounterId: string | undefined;
  /** ISO dateTime with time zone. */
  readonly authored: string;
  /** Client-generated, stable across retries of one draft: the server keeps one response per value. */
  readonly identifier: string;
}

const coding = (labels: Readonly<Record<string, string>>, code: string): Coding => ({
  system: RACISM_PROMPT_SYSTEM,
  code,
  display: labels[code] ?? code,
});

function item(linkId: string, answers: readonly QuestionnaireResponseItemAnswer[]): QuestionnaireResponseItem[] {
  return answers.length === 0 ? [] : [{ linkId, answer: [...answers] }];
}

function text(linkId: string, value: string): QuestionnaireResponseItem[] {
  const trimmed = value.trim();
  return trimmed === '' ? [] : item(linkId, [{ valueString: trimmed }]);
}

function askedItems(outcome: Exclude<RacismPromptOutcome, { kind: 'not-asked' }>): QuestionnaireResponseItem[] {
  const answer =
    outcome.kind === 'shared' ? ANSWER.yes : outcome.kind === 'nothing-to-share' ? ANSWER.no : ANSWER.declined;
  const items: QuestionnaireResponseItem[] = [
    ...item(LINK.asked, [{ valueBoolean: true }]),
    ...item(LINK.experience, [{ valueCoding: { ...answer } }]),
  ];
  if (outcome.kind === 'shared') {
    items.push(
      ...text(LINK.details, outcome.details),
      ...item(
        LINK.kind,
        outcome.experienceKinds.map((code) => ({ valueCoding: coding(EXPERIENCE_KINDS, code) })),
      ),
      ...item(
        LINK.setting,
        outcome.settings.map((code) => ({ valueCoding: coding(EXPERIENCE_SETTINGS, code) })),
      ),
    );
  }
  items.push(
    ...item(
      LINK.followUp,
      outcome.followUps.map((code) => ({ valueCoding: coding(FOLLOW_UPS, code) })),
    ),
    ...text(LINK.careTeamNote, outcome.careTeamNote),
  );
  return items;
}

/**
 * The QuestionnaireResponse recording one visit's outcome against the app's Questionnaire
 * ({@link RACISM_PROMPT_CANONICAL}): subject, author (when the launch named the user), encounter (when in context),
 * `authored`, and a client-generated identifier so that a retried write can be made idempotent. Items appear only
 * when answered (empty text is left out), as the Questionnaire's enableWhen rules allow.
 */
export function toRacismPromptResponse(
  outcome: RacismPromptOutcome,
  ctx: RacismPromptContext,
): QuestionnaireResponse & { identifier: Identifier } {
  const items =
    outcome.kind === 'not-asked'
      ? [
          ...item(LINK.asked, [{ valueBoolean: false }]),
          ...item(LINK.notAskedReason, [{ valueCoding: coding(NOT_ASKED_REASONS, outcome.reason) }]),
          ...text(LINK.notAskedNote, outcome.note),
        ]
      : askedItems(outcome);
  return {
    resourceType: 'QuestionnaireResponse',
    identifier: { system: RACISM_PROMPT_IDENTIFIER_SYSTEM, value: ctx.identifier },
    questionnaire: RACISM_PROMPT_CANONICAL,
    status: 'completed',
    subject: { reference: `Patient/${ctx.patientId}` },
    ...(ctx.encounterId === undefined ? {} : { encounter: { reference: `Encounter/${ctx.encounterId}` } }),
    authored: ctx.authored,
    ...(ctx.author === undefined
      ? {}
      : { author: { reference: ctx.author, ...(ctx.authorName === undefined ? {} : { display: ctx.authorName }) } }),
    item: items,
  };
}

const US_CORE_CATEGORY = 'http://hl7.org/fhir/us/core/CodeSystem/us-core-category';
const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';

/**
 * The optional screening Observation derived from a response (STANDARDS.md: category `survey` + US Core `sdoh`,
 * `derivedFrom` the response), so that systems reading Observations see the answer too. Undefined for `not-asked`
 * (there is no answer to record). The free text stays in the response only: the Observation carries the coded
 * answer, never what the patient said.
 */
export function toRacismPromptObservation(
  outcome: RacismPromptOutcome,
  ctx: RacismPromptContext,
  responseReference: string,
): Observation | undefined {
  if (outcome.kind === 'not-asked') return undefined;
  const answer =
    outcome.kind === 'shared' ? ANSWER.yes : outcome.kind === 'nothing-to-share' ? ANSWER.no : ANSWER.declined;
  return {
    resourceType: 'Observation',
    identifier: [{ system: RACISM_PROMPT_IDENTIFIER_SYSTEM, value: `${ctx.identifier}-observation` }],
    status: 'final',
    category: [
      { coding: [{ system: OBSERVATION_CATEGORY, code: 'survey', display: 'Survey' }] },
      { coding: [{ system: US_CORE_CATEGORY, code: 'sdoh', display: 'SDOH' }] },
    ],
    code: {
      coding: [
        {
          system: RACISM_PROMPT_SYSTEM,
          code: 'racism-experience-in-health-care',
          display: 'Experience of racism in health care',
        },
      ],
      text: RACISM_PROMPT_QUESTION,
    },
    subject: { reference: `Patient/${ctx.patientId}` },
    ...(ctx.encounterId === undefined ? {} : { encounter: { reference: `Encounter/${ctx.encounterId}` } }),
    effectiveDateTime: ctx.authored,
    ...(ctx.author === undefined ? {} : { performer: [{ reference: ctx.author }] }),
    valueCodeableConcept: { coding: [{ ...answer }], text: answer.display },
    derivedFrom: [{ reference: responseReference }],
  };
}

/** A response the app wrote earlier, read back for "last asked" and "what was recorded". */
export interface RecordedRacismPrompt {
  readonly id: string | undefined;
  /** As written (ISO dateTime). */
  readonly authored: string;
  readonly author: { readonly reference: string | undefined; readonly display: string | undefined } | undefined;
  readonly encounter: string | undefined;
  readonly outcome: RacismPromptOutcome;
}

const answerSchema = z.looseObject({
  valueBoolean: z.boolean().optional(),
  valueString: z.string().optional(),
  valueCoding: z.looseObject({ system: z.string().optional(), code: z.string().optional() }).optional(),
});
const responseSchema = z.looseObject({
  resourceType: z.literal('QuestionnaireResponse'),
  id: z.string().optional(),
  questionnaire: z.string(),
  status: z.string(),
  authored: z.string(),
  author: z.looseObject({ reference: z.string().optional(), display: z.string().optional() }).optional(),
  encounter: z.looseObject({ reference: z.string().optional() }).optional(),
  item: z.array(z.looseObject({ linkId: z.string(), answer: z.array(answerSchema).optional() })).optional(),
});
type Answer = z.infer<typeof answerSchema>;

/** Whether a `questionnaire` canonical names the app's prompt (any version). */
export function isRacismPromptCanonical(canonical: string): boolean {
  return canonical === RACISM_PROMPT_QUESTIONNAIRE_URL || canonical.startsWith(`${RACISM_PROMPT_QUESTIONNAIRE_URL}|`);
}

function codesIn<K extends string>(answers: readonly Answer[], labels: Readonly<Record<K, string>>): K[] {
  const known = (code: string | undefined): code is K => code !== undefined && Object.hasOwn(labels, code);
  return answers
    .filter((a) => a.valueCoding?.system === RACISM_PROMPT_SYSTEM)
    .map((a) => a.valueCoding?.code)
    .filter(known);
}

/**
 * Reads a QuestionnaireResponse written against the app's prompt back into an outcome; undefined for anything else
 * (another questionnaire, not `completed`/`amended`, or answers that fit no outcome). Unknown codes are dropped.
 */
export function readRacismPromptResponse(resource: unknown): RecordedRacismPrompt | undefined {
  const parsed = responseSchema.safeParse(resource);
  if (!parsed.success) return undefined;
  const qr = parsed.data;
  if (!isRacismPromptCanonical(qr.questionnaire) || (qr.status !== 'completed' && qr.status !== 'amended')) {
    return undefined;
  }
  const answers = (linkId: string): Answer[] => qr.item?.find((i) => i.linkId === linkId)?.answer ?? [];
  const firstString = (linkId: string): string =>
    answers(linkId).find((a) => a.valueString !== undefined)?.valueString ?? '';
  const asked = answers(LINK.asked)[0]?.valueBoolean;
  let outcome: RacismPromptOutcome | undefined;
  if (asked === false) {
    const [reason] = codesIn(answers(LINK.notAskedReason), NOT_ASKED_REASONS);
    if (reason !== undefined) outcome = { kind: 'not-asked', reason, note: firstString(LINK.notAskedNote) };
  } else if (asked === true) {
    const common = {
      followUps: codesIn(answers(LINK.followUp), FOLLOW_UPS),
      careTeamNote: firstString(LINK.careTeamNote),
    };
    const code = answers(LINK.experience).find((a) => a.valueCoding?.system === ANSWER.yes.system)?.valueCoding?.code;
    if (code === ANSWER.yes.code) {
      outcome = {
        kind: 'shared',
        details: firstString(LINK.details),
        experienceKinds: codesIn(answers(LINK.kind), EXPERIENCE_KINDS),
        settings: codesIn(answers(LINK.setting), EXPERIENCE_SETTINGS),
        ...common,
      };
    } else if (code === ANSWER.no.code) outcome = { kind: 'nothing-to-share', ...common };
    else if (code === ANSWER.declined.code) outcome = { kind: 'declined', ...common };
  }
  if (outcome === undefined) return undefined;
  return {
    id: qr.id,
    authored: qr.authored,
    author: qr.author === undefined ? undefined : { reference: qr.author.reference, display: qr.author.display },
    encounter: qr.encounter?.reference,
    outcome,
  };
}
