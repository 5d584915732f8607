import type { AppError } from '../../../fhir/app-error';
import { useMessages } from './messages-context';
import type { MessageKey } from './self-report-messages';

interface SelfReportErrorPanelProps {
  readonly error: AppError;
  /** Overrides the title (e.g. "We could not open your record"); otherwise it follows the kind of error. */
  readonly title?: MessageKey;
  readonly onRetry?: () => void;
  /** A sentence added after what to do (e.g. that the answers are kept on this device). */
  readonly note?: string;
}

/** Errors that the same request cannot fix; anything else may be worth another try (the answers are kept). */
const NO_RETRY: ReadonlySet<AppError['kind']> = new Set(['unauthorized', 'not-found', 'forbidden', 'cancelled']);

type Words = { readonly title: MessageKey; readonly action: MessageKey };
const NETWORK: Words = { title: 'errorNetworkTitle', action: 'errorNetworkAction' };
const SERVER: Words = { title: 'errorServerTitle', action: 'errorServerAction' };
const WORDS: Partial<Record<AppError['kind'], Words>> = {
  network: NETWORK,
  timeout: NETWORK,
  'server-error': SERVER,
  'rate-limited': SERVER,
  unauthorized: { title: 'errorSessionTitle', action: 'errorSessionAction' },
  'not-found': { title: 'errorNotFoundTitle', action: 'errorNotFoundAction' },
};
const OTHER: Words = { title: 'errorOtherTitle', action: 'errorOtherAction' };

/**
 * The patient's version of the app's ErrorPanel: the same look and behaviour (what happened, what to do, Try again
 * when it may help), in the form's language and plain words. What the server said stays in the technical details.
 */
export function SelfReportErrorPanel({ error, title, onRetry, note }: SelfReportErrorPanelProps) {
  const { t } = useMessages();
  const words = WORDS[error.kind] ?? OTHER;
  return (
    <section
      className="error-panel"
      role="alert"
      aria-labelledby="self-report-error-title"
      data-error-kind={error.kind}
    >
      <h2 id="self-report-error-title" tabIndex={-1}>
        {t(title ?? words.title)}
      </h2>
      {title !== undefined && <p>{t(words.title)}</p>}
      <p className="error-action">
        <strong>{t('whatToDo')} </strong>
        {t(words.action)}
        {note !== undefined && ` ${note}`}
      </p>
      {onRetry !== undefined && !NO_RETRY.has(error.kind) && (
        <button type="button" onClick={onRetry}>
          {t('tryAgain')}
        </button>
      )}
    </section>
  );
}
