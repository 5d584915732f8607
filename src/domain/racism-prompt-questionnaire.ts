import type { Questionnaire, QuestionnaireItem, QuestionnaireItemAnswerOption } from 'fhir/r4';
import { APP_BASE, LOINC_SYSTEM } from './systems';

/**
 * The app's own definition of the in-visit racism-experience prompt (STANDARDS.md "Racism-experience prompt"): no
 * standard code or instrument exists for the toolkit's question, so the app publishes a Questionnaire under a
 * canonical URL of its own and records each visit's outcome as a QuestionnaireResponse against it.
 */
export const RACISM_PROMPT_QUESTIONNAIRE_URL = `${APP_BASE}/fhir/Questionnaire/racism-experience-prompt`;
export const RACISM_PROMPT_QUESTIONNAIRE_VERSION = '1.0.0';
/** `url|version`, as `QuestionnaireResponse.questionnaire` cites it. */
export const RACISM_PROMPT_CANONICAL = `${RACISM_PROMPT_QUESTIONNAIRE_URL}|${RACISM_PROMPT_QUESTIONNAIRE_VERSION}`;

/** The app's code system for the answers no standard system has (categories, follow-up, reasons). */
export const RACISM_PROMPT_SYSTEM = `${APP_BASE}/CodeSystem/racism-prompt`;
/** Identifier system of the responses and observations the app writes (a client-generated id makes writes idempotent). */
export const RACISM_PROMPT_IDENTIFIER_SYSTEM = `${APP_BASE}/identifier/racism-prompt`;

/** The toolkit's words, verbatim (AMA STEPS Forward; also the opening of "Liberation in the Exam Room"). */
export const RACISM_PROMPT_QUESTION =
  'Many of my patients experience racism in their health care. Are there any experiences you would like to share with me?';

/** Item linkIds: the contract between the form, the mapping and the Questionnaire. */
export const LINK = {
  asked: 'asked',
  experience: 'experience',
  details: 'experience-details',
  kind: 'experience-kind',
  setting: 'experience-setting',
  followUp: 'follow-up',
  careTeamNote: 'care-team-note',
  notAskedReason: 'not-asked-reason',
  notAskedNote: 'not-asked-note',
} as const;

/** The patient's answer to the question, as LOINC answer codes (STANDARDS.md). */
export const ANSWER = {
  yes: { system: LOINC_SYSTEM, code: 'LA33-6', display: 'Yes' },
  no: { system: LOINC_SYSTEM, code: 'LA32-8', display: 'No' },
  declined: { system: LOINC_SYSTEM, code: 'LA30122-8', display: 'I choose not to answer this question' },
} as const;

/** What kind of racism the patient described (optional; the toolkit's levels). */
export const EXPERIENCE_KINDS = {
  interpersonal: 'Interpersonal: how someone treated them',
  institutional: 'Institutional: policies, rules or access',
} as const;
export type ExperienceKind = keyof typeof EXPERIENCE_KINDS;

/** Where it happened (optional). */
export const EXPERIENCE_SETTINGS = {
  'this-clinic': 'At this clinic',
  'other-clinic': 'Another clinic or doctor’s office',
  hospital: 'A hospital or emergency department',
  pharmacy: 'A pharmacy',
  'other-setting': 'Somewhere else in health care',
} as const;
export type ExperienceSetting = keyof typeof EXPERIENCE_SETTINGS;

/** What the clinician did or will do (the toolkit's follow-up options). */
export const FOLLOW_UPS = {
  acknowledged: 'Listened, acknowledged and thanked the patient',
  'incident-report': 'Reported an incident',
  'patient-advocate': 'Connected the patient to a patient advocate',
  'care-team-note': 'Noted it for the care team',
} as const;
export type FollowUp = keyof typeof FOLLOW_UPS;

/** Why the question was not asked at this visit. */
export const NOT_ASKED_REASONS = {
  'no-time': 'Not enough time in this visit',
  'not-private': 'Not private: others were in the room',
  'no-interpreter': 'No interpreter available',
  'patient-unwell': 'Patient unwell or upset',
  'clinician-judgement': 'Not the right moment, in my judgement',
  'other-reason': 'Another reason',
} as const;
export type NotAskedReason = keyof typeof NOT_ASKED_REASONS;

function appOptions(labels: Readonly<Record<string, string>>): QuestionnaireItemAnswerOption[] {
  return Object.entries(labels).map(([code, display]) => ({
    valueCoding: { system: RACISM_PROMPT_SYSTEM, code, display },
  }));
}

const askedYes = { question: LINK.asked, operator: '=', answerBoolean: true } as const;
const askedNo = { question: LINK.asked, operator: '=', answerBoolean: false } as const;
const sharedYes = { question: LINK.experience, operator: '=', answerCoding: ANSWER.yes } as const;

const ITEMS: QuestionnaireItem[] = [
  { linkId: LINK.asked, type: 'boolean', required: true, text: 'Was the question asked at this visit?' },
  {
    linkId: LINK.experience,
    type: 'choice',
    required: true,
    text: RACISM_PROMPT_QUESTION,
    enableWhen: [askedYes],
    answerOption: [{ valueCoding: ANSWER.yes }, { valueCoding: ANSWER.no }, { valueCoding: ANSWER.declined }],
  },
  {
    linkId: LINK.details,
    type: 'text',
    text: 'What the patient shared, as they agreed to have it recorded',
    enableWhen: [sharedYes],
  },
  {
    linkId: LINK.kind,
    type: 'choice',
    repeats: true,
    text: 'Kind of experience',
    enableWhen: [sharedYes],
    answerOption: appOptions(EXPERIENCE_KINDS),
  },
  {
    linkId: LINK.setting,
    type: 'choice',
    repeats: true,
    text: 'Where it happened',
    enableWhen: [sharedYes],
    answerOption: appOptions(EXPERIENCE_SETTINGS),
  },
  {
    linkId: LINK.followUp,
    type: 'choice',
    repeats: true,
    text: 'Follow-up',
    enableWhen: [askedYes],
    answerOption: appOptions(FOLLOW_UPS),
  },
  { linkId: LINK.careTeamNote, type: 'text', text: 'Note for the care team', enableWhen: [askedYes] },
  {
    linkId: LINK.notAskedReason,
    type: 'choice',
    required: true,
    text: 'Why the question was not asked',
    enableWhen: [askedNo],
    answerOption: appOptions(NOT_ASKED_REASONS),
  },
  { linkId: LINK.notAskedNote, type: 'string', text: 'More about why (optional)', enableWhen: [askedNo] },
];

/**
 * The Questionnaire the responses cite. The app creates it on a server that lacks it (conditional create on `url`
 * and `version`); a server that refuses still gets valid responses, since a canonical need not resolve locally.
 */
export const RACISM_PROMPT_QUESTIONNAIRE: Questionnaire = {
  resourceType: 'Questionnaire',
  url: RACISM_PROMPT_QUESTIONNAIRE_URL,
  version: RACISM_PROMPT_QUESTIONNAIRE_VERSION,
  name: 'RacismExperiencePrompt',
  title: 'Experiences of racism in health care: in-visit prompt',
  status: 'active',
  subjectType: ['Patient'],
  publisher: 'Equity Lens',
  description:
    'Records whether a clinician asked the AMA STEPS Forward question about experiences of racism in health care ' +
    'at a visit, the patient’s answer, and the follow-up offered. No standard code exists for this question.',
  item: ITEMS,
};
