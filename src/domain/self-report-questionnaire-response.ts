import type { CodedAnswer, SelfReportAnswers } from './self-report-answers';
import { cdcEnglishName, type SelfReportForm } from './self-report-form';
import { languageEnglishName } from './self-report-languages';
import { APP_BASE, BCP47_SYSTEM, CDC_RACE_ETHNICITY_SYSTEM, NULL_FLAVOR_SYSTEM } from './systems';

/** The canonical URL of the app's self-report Questionnaire (versioned by form standard). */
export const SELF_REPORT_QUESTIONNAIRE = `${APP_BASE}/Questionnaire/real-self-report`;

/** Identifier system of one submission of the self-report form (a random UUID), so a retry can be recognised. */
export const SELF_REPORT_SUBMISSION_SYSTEM = `${APP_BASE}/CodeSystem/self-report-submission`;

/** English question texts, for people reading the response in the record. */
const QUESTION_TEXT: Readonly<Record<string, string>> = {
  race: 'What is your race?',
  ethnicity: 'Are you Hispanic or Latino?',
  'race-ethnicity': 'What is your race or ethnicity?',
  language: 'What language do you prefer for your health care?',
  'interpreter-needed': 'Do you need an interpreter?',
};

/** What the QuestionnaireResponse records besides the answers. */
export interface SelfReportResponseInput {
  readonly patientId: string;
  readonly answers: SelfReportAnswers;
  readonly form: SelfReportForm;
  /** ISO instant of the submission. */
  readonly authored: string;
  readonly submissionId: string;
  /** The language the form was shown in (BCP-47). */
  readonly formLanguage: string;
}

/**
 * The answers as a QuestionnaireResponse (status `completed`, subject, author and source the patient), one item
 * per answered question: codes as `valueCoding` (CDC, v3 NullFlavor or BCP-47), interpreter as `valueBoolean`.
 */
export function selfReportQuestionnaireResponse(input: SelfReportResponseInput): Record<string, unknown> {
  const { answers, form } = input;
  const patient = { reference: `Patient/${input.patientId}` };
  const item: Record<string, unknown>[] = [];
  for (const question of form.questions) {
    const answer = answers[question.id];
    if (answer !== undefined) item.push(codedItem(question.linkId, answer));
  }
  if (answers.language !== undefined) {
    const tag = answers.language;
    item.push({
      linkId: 'language',
      text: QUESTION_TEXT['language'],
      answer: [{ valueCoding: { system: BCP47_SYSTEM, code: tag, display: languageEnglishName(tag) } }],
    });
  }
  if (answers.interpreterNeeded !== undefined) {
    item.push({
      linkId: 'interpreter-needed',
      text: QUESTION_TEXT['interpreter-needed'],
      answer: [{ valueBoolean: answers.interpreterNeeded }],
    });
  }
  return {
    resourceType: 'QuestionnaireResponse',
    identifier: { system: SELF_REPORT_SUBMISSION_SYSTEM, value: input.submissionId },
    questionnaire: `${SELF_REPORT_QUESTIONNAIRE}|${form.standard}`,
    status: 'completed',
    language: input.formLanguage,
    subject: patient,
    authored: input.authored,
    author: patient,
    source: patient,
    item,
  };
}

function codedItem(linkId: string, answer: CodedAnswer): Record<string, unknown> {
  const codings =
    answer.kind === 'codes'
      ? answer.codes.map((code) => ({ system: CDC_RACE_ETHNICITY_SYSTEM, code, display: cdcEnglishName(code) }))
      : [
          {
            system: NULL_FLAVOR_SYSTEM,
            code: answer.kind,
            display: answer.kind === 'ASKU' ? 'asked but unknown' : 'unknown',
          },
        ];
  return { linkId, text: QUESTION_TEXT[linkId], answer: codings.map((valueCoding) => ({ valueCoding })) };
}
