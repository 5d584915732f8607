import { useEffect, useRef } from 'react';
import type { SelfReportAnswers } from '../../../domain/self-report-answers';
import type { SelfReportForm } from '../../../domain/self-report-form';
import { AnswersSummary } from './AnswersSummary';
import { useMessages } from './messages-context';

/** Moves focus to a panel's heading when it appears, so keyboard and screen-reader users land on the news. */
function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}

interface SavedPanelProps {
  readonly answers: SelfReportAnswers;
  readonly form: SelfReportForm;
  readonly incomplete: boolean;
  readonly onEditAgain: () => void;
}

/** The answers are in the record. */
export function SavedPanel({ answers, form, incomplete, onEditAgain }: SavedPanelProps) {
  const { t } = useMessages();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section className="card sr-notice-panel sr-saved" aria-labelledby="saved-title" data-testid="saved">
      <h2 id="saved-title" ref={heading} tabIndex={-1}>
        {t('savedTitle')}
      </h2>
      <p>{t(incomplete ? 'savedIncomplete' : 'savedBody')}</p>
      <AnswersSummary answers={answers} form={form} />
      <button type="button" className="sr-secondary" onClick={onEditAgain}>
        {t('editAgain')}
      </button>
    </section>
  );
}

interface ForbiddenPanelProps {
  readonly answers: SelfReportAnswers;
  readonly form: SelfReportForm;
  readonly onBack: () => void;
}

/**
 * The server does not let this app write the record: say so plainly and show the answers, with their codes, to
 * print or show at the front desk. The answers stay on the device as well.
 */
export function ForbiddenPanel({ answers, form, onBack }: ForbiddenPanelProps) {
  const { t } = useMessages();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section
      className="card sr-notice-panel sr-forbidden sr-print-area"
      aria-labelledby="forbidden-title"
      data-testid="forbidden"
    >
      <h2 id="forbidden-title" ref={heading} tabIndex={-1}>
        {t('forbiddenTitle')}
      </h2>
      <p>{t('forbiddenBody')}</p>
      <p>
        <strong>{t('whatToDo')} </strong>
        {t('forbiddenAction')}
      </p>
      <AnswersSummary answers={answers} form={form} forStaff />
      <div className="sr-actions sr-no-print">
        <button
          type="button"
          onClick={() => {
            window.print();
          }}
        >
          {t('print')}
        </button>
        <button type="button" className="sr-secondary" onClick={onBack}>
          {t('conflictReview')}
        </button>
      </div>
    </section>
  );
}
