import type { AnswerKey, CodedAnswer, SelfReportAnswers } from '../../../domain/self-report-answers';
import { cdcEnglishName, type SelfReportForm } from '../../../domain/self-report-form';
import { languageEnglishName, languageOption } from '../../../domain/self-report-languages';
import { codeName, languageName } from './self-report-names';
import type { MessageKey, Messages } from './self-report-messages';

/** A race or ethnicity answer in words ("Asian, Chinese"; "Prefers not to answer"). */
export function codedAnswerText(messages: Messages, answer: CodedAnswer | undefined): string | undefined {
  if (answer === undefined) return undefined;
  if (answer.kind === 'ASKU') return messages.ui.recordAsku;
  if (answer.kind === 'UNK') return messages.ui.recordUnk;
  return answer.codes.map((code) => codeName(messages, code).text).join(', ');
}

/** A language tag in words, in the page's language. */
export function languageText(messages: Messages, tag: string | undefined): string | undefined {
  if (tag === undefined) return undefined;
  const option = languageOption(tag);
  return option === undefined ? tag : languageName(messages, option);
}

/** One answer in words, or undefined when not answered. */
export function answerText(messages: Messages, key: AnswerKey, answers: SelfReportAnswers): string | undefined {
  switch (key) {
    case 'race':
    case 'ethnicity':
      return codedAnswerText(messages, answers[key]);
    case 'language':
      return languageText(messages, answers.language);
    case 'interpreterNeeded':
      return answers.interpreterNeeded === undefined
        ? undefined
        : messages.ui[answers.interpreterNeeded ? 'yes' : 'no'];
  }
}

/** The question an answer key belongs to, as the form asks it. */
export function questionKey(key: AnswerKey, form: SelfReportForm): MessageKey {
  switch (key) {
    case 'race':
      return form.questions.some((q) => q.fields.length > 1) ? 'raceEthnicityLegend' : 'raceLegend';
    case 'ethnicity':
      return 'ethnicityLegend';
    case 'language':
      return 'languageLegend';
    case 'interpreterNeeded':
      return 'interpreterLegend';
  }
}

/** The answer keys the form asks, in order. */
export function formKeys(form: SelfReportForm): AnswerKey[] {
  return [...form.questions.map((q) => q.id), 'language', 'interpreterNeeded'];
}

/** The answers as codes with English names, for staff who copy them into the record by hand. */
export function staffCodes(answers: SelfReportAnswers, form: SelfReportForm): string[] {
  const lines: string[] = [];
  for (const question of form.questions) {
    const answer = answers[question.id];
    if (answer === undefined) continue;
    const codes =
      answer.kind === 'codes'
        ? answer.codes.map((code) => `${code} ${cdcEnglishName(code)}`).join(', ')
        : `${answer.kind} (v3 NullFlavor)`;
    lines.push(`${question.linkId}: ${codes}`);
  }
  if (answers.language !== undefined) {
    lines.push(`language: ${answers.language} ${languageEnglishName(answers.language)} (BCP-47)`);
  }
  if (answers.interpreterNeeded !== undefined) {
    lines.push(`interpreter needed: ${answers.interpreterNeeded ? 'yes' : 'no'}`);
  }
  return lines;
}
