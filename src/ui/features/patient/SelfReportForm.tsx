import type { SelfReportAnswers } from '../../../domain/self-report-answers';
import type { SelfReportForm as FormDefinition } from '../../../domain/self-report-form';
import { CodedQuestionField } from './CodedQuestionField';
import { InterpreterField } from './InterpreterField';
import { LanguageField } from './LanguageField';
import { useMessages } from './messages-context';
import { SelfReportErrorPanel } from './SelfReportErrorPanel';
import type { SelfReport } from './use-self-report';

interface SelfReportFormProps {
  readonly form: FormDefinition;
  readonly report: SelfReport;
}

/** The questions, the Save button, and what went wrong with the last Save (the answers stay as they are). */
export function SelfReportForm({ form, report }: SelfReportFormProps) {
  const { t } = useMessages();
  const { answers, record, phase } = report;
  const saving = phase.kind === 'saving';
  const update = (change: Partial<SelfReportAnswers>): void => {
    report.setAnswers({ ...answers, ...change });
  };
  return (
    <form
      className="sr-self-report-form"
      onSubmit={(event) => {
        event.preventDefault();
        report.save();
      }}
      noValidate
      aria-busy={saving}
    >
      {report.restored && (
        <p className="sr-notice" data-testid="restored">
          {t('restored')}
        </p>
      )}
      {form.questions.map((question) => (
        <CodedQuestionField
          key={question.id}
          question={question}
          answer={answers[question.id]}
          record={record[question.id]}
          onChange={(answer) => {
            update({ [question.id]: answer });
          }}
        />
      ))}
      <LanguageField
        answer={answers.language}
        record={record.language}
        onChange={(language) => {
          update({ language });
        }}
      />
      <InterpreterField
        answer={answers.interpreterNeeded}
        record={record.interpreterNeeded}
        onChange={(interpreterNeeded) => {
          update({ interpreterNeeded });
        }}
      />
      {phase.kind === 'failed' && (
        <SelfReportErrorPanel error={phase.error} onRetry={report.save} note={t('keptOnDevice')} />
      )}
      {phase.kind === 'editing' && phase.nothingToSave === true && (
        <p className="sr-form-error" role="alert">
          {t('nothingToSave')}
        </p>
      )}
      <div className="sr-actions">
        {/* aria-disabled rather than disabled: the button keeps focus while saving, and a second press does nothing. */}
        <button type="submit" className="sr-primary" aria-disabled={saving} data-testid="save">
          {t(saving ? 'saving' : 'save')}
        </button>
        <span className="sr-visually-hidden" role="status">
          {saving ? t('saving') : ''}
        </span>
      </div>
    </form>
  );
}
