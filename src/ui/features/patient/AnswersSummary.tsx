import type { SelfReportAnswers } from '../../../domain/self-report-answers';
import type { SelfReportForm } from '../../../domain/self-report-form';
import { answerText, formKeys, questionKey, staffCodes } from './answer-text';
import { useMessages } from './messages-context';

interface AnswersSummaryProps {
  readonly answers: SelfReportAnswers;
  readonly form: SelfReportForm;
  /** Adds the codes, in English, for staff who enter the answers by hand. */
  readonly forStaff?: boolean;
}

/** The patient's answers as a list, to read back, print or hand to staff. */
export function AnswersSummary({ answers, form, forStaff = false }: AnswersSummaryProps) {
  const { messages, t } = useMessages();
  return (
    <div className="sr-answers-summary" data-testid="answers-summary">
      <h3>{t('summaryTitle')}</h3>
      <dl>
        {formKeys(form).map((key) => (
          <div key={key}>
            <dt>{t(questionKey(key, form))}</dt>
            <dd>{answerText(messages, key, answers) ?? t('notAnswered')}</dd>
          </div>
        ))}
      </dl>
      {forStaff && (
        <div className="sr-staff-codes" lang="en">
          <h4 lang={messages.tag}>{t('forStaff')}</h4>
          <ul>
            {staffCodes(answers, form).map((line) => (
              <li key={line}>
                <code>{line}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
