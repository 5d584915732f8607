import { useId } from 'react';
import type { AppError } from '../../fhir/app-error';

interface ErrorPanelProps {
  readonly error: AppError;
  readonly onRetry?: () => void;
  /** A whole-page failure (launch) uses a level-1 heading; a failed part of a page, level 2. */
  readonly level?: 1 | 2;
}

/** Shows an AppError the same way everywhere: what happened, why, what to do, and Retry when it may help. */
export function ErrorPanel({ error, onRetry, level = 2 }: ErrorPanelProps) {
  const Heading = level === 1 ? 'h1' : 'h2';
  const titleId = useId();
  return (
    <section className="error-panel" role="alert" aria-labelledby={titleId} data-error-kind={error.kind}>
      <Heading id={titleId}>{error.title}</Heading>
      <p>{error.detail}</p>
      {error.diagnostics.length > 0 && (
        <details>
          <summary>What the server said</summary>
          <ul>
            {error.diagnostics.map((text, index) => (
              <li key={index}>{text}</li>
            ))}
          </ul>
        </details>
      )}
      <p className="error-action">
        <strong>What to do: </strong>
        {error.action}
      </p>
      {onRetry !== undefined && error.retryable && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </section>
  );
}
