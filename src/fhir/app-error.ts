/**
 * The one error type the user sees. Every failure in launch, reading or writing ends up as an AppError whose
 * `title`, `detail` and `action` are written for the person in front of the screen, not for a developer.
 */
export const APP_ERROR_KINDS = [
  'launch-missing-iss',
  'launch-denied',
  'launch-no-state',
  'launch-failed',
  'unauthorized',
  'forbidden',
  'not-found',
  'conflict',
  'invalid-request',
  'rate-limited',
  'server-error',
  'network',
  'timeout',
  'invalid-response',
  'fhir-version',
  'cancelled',
  'unexpected',
] as const;
export type AppErrorKind = (typeof APP_ERROR_KINDS)[number];

export interface AppErrorInit {
  readonly kind: AppErrorKind;
  readonly title: string;
  readonly detail: string;
  /** What the user can do about it, in one sentence. */
  readonly action: string;
  /** HTTP status when the error came from a server response. */
  readonly status?: number;
  /** Diagnostics from an OperationOutcome, already stripped of anything that is not the server's own message. */
  readonly diagnostics?: readonly string[];
  /** Whether trying the same thing again may work (rate limits, server errors, network). */
  readonly retryable?: boolean;
}

export class AppError extends Error {
  readonly kind: AppErrorKind;
  readonly title: string;
  readonly detail: string;
  readonly action: string;
  readonly status: number | undefined;
  readonly diagnostics: readonly string[];
  readonly retryable: boolean;

  constructor(init: AppErrorInit, options?: { cause?: unknown }) {
    super(`${init.title}: ${init.detail}`, options);
    this.name = 'AppError';
    this.kind = init.kind;
    this.title = init.title;
    this.detail = init.detail;
    this.action = init.action;
    this.status = init.status;
    this.diagnostics = init.diagnostics ?? [];
    this.retryable = init.retryable ?? false;
  }
}

const RELAUNCH = 'Close this window and open Equity Lens again from your EHR.';

/** Maps an HTTP failure from a FHIR server to what the user must see. */
export function httpError(status: number, what: string, diagnostics: readonly string[] = []): AppError {
  const base = { status, diagnostics };
  if (status === 401) {
    return new AppError({
      ...base,
      kind: 'unauthorized',
      title: 'Your session has ended',
      detail: `The FHIR server no longer accepts this app's access token while ${what}.`,
      action: RELAUNCH,
    });
  }
  if (status === 403) {
    return new AppError({
      ...base,
      kind: 'forbidden',
      title: 'Not permitted',
      detail: `Your account was not granted access needed for ${what}.`,
      action: 'Ask your EHR administrator to grant this app the permission, or continue without this part.',
    });
  }
  if (status === 404 || status === 410) {
    return new AppError({
      ...base,
      kind: 'not-found',
      title: 'Not found',
      detail: `The FHIR server has no record for ${what}.`,
      action: 'Check that the record still exists in the EHR, then try again.',
    });
  }
  if (status === 409 || status === 412) {
    return new AppError({
      ...base,
      kind: 'conflict',
      title: 'Changed by someone else',
      detail: `The record was changed on the server while ${what}.`,
      action: 'Reload to see the latest version, then apply your change again.',
    });
  }
  if (status === 429) {
    return new AppError({
      ...base,
      kind: 'rate-limited',
      retryable: true,
      title: 'The server is busy',
      detail: `The FHIR server asked the app to slow down while ${what}.`,
      action: 'Wait a minute and try again.',
    });
  }
  if (status >= 500) {
    return new AppError({
      ...base,
      kind: 'server-error',
      retryable: true,
      title: 'The FHIR server had a problem',
      detail: `The server answered ${status} while ${what}.`,
      action: 'Try again in a moment; if it keeps failing, tell your EHR support team.',
    });
  }
  return new AppError({
    ...base,
    kind: 'invalid-request',
    title: 'The server refused the request',
    detail: `The server answered ${status} while ${what}.`,
    action: 'Try again; if it keeps failing, tell your EHR support team what you were doing.',
  });
}

/** Wraps anything thrown into an AppError, keeping AppErrors as they are. */
export function toAppError(error: unknown, what: string): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new AppError({ kind: 'cancelled', title: 'Cancelled', detail: `Stopped ${what}.`, action: 'Start again.' });
  }
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return new AppError({
      kind: 'timeout',
      retryable: true,
      title: 'The server took too long',
      detail: `No answer came in time while ${what}.`,
      action: 'Try again; a slow network or a busy server may be the cause.',
    });
  }
  if (error instanceof TypeError) {
    return new AppError(
      {
        kind: 'network',
        retryable: true,
        title: 'Cannot reach the FHIR server',
        detail: `The network request failed while ${what}. The server may be down or unreachable.`,
        action: 'Check your connection and that the EHR is up, then try again.',
      },
      { cause: error },
    );
  }
  return new AppError(
    {
      kind: 'unexpected',
      title: 'Something went wrong',
      detail: `An unexpected problem occurred while ${what}.`,
      action: RELAUNCH,
    },
    { cause: error },
  );
}

/** The fields of an AppError, to send it to another thread and make it again there (`new AppError(init)`). */
export function appErrorInit(error: AppError): AppErrorInit {
  return {
    kind: error.kind,
    title: error.title,
    detail: error.detail,
    action: error.action,
    ...(error.status === undefined ? {} : { status: error.status }),
    diagnostics: error.diagnostics,
    retryable: error.retryable,
  };
}
