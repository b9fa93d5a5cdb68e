/**
 * The typed error every client failure becomes. Widgets switch on `kind` to pick a translated message
 * (`core.error.<kind>`); users never see `title`/`detail` raw unless a widget chooses to.
 * Reading an RFC 9457 problem+json response into one lives in `problem-response.ts`, loaded only
 * when a request fails.
 */

export interface FieldError {
  /** The offending field, as the contract names it (e.g. `body`, `capacity`). */
  field: string;
  message: string;
}

export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
}

export type GroveErrorKind =
  | 'offline' // no network (the fetch itself failed)
  | 'timeout'
  | 'unauthorized' // 401 after one token refresh
  | 'forbidden' // 403
  | 'not-found' // 404, 410
  | 'conflict' // 409, 412 (stale If-Match)
  | 'invalid' // 400, 422: see `fieldErrors`
  | 'rate-limited' // 429 after retries
  | 'unavailable' // 502, 503, 504 after retries
  | 'server' // other 5xx
  | 'not-grove' // the `api` address answers, but not as a Grove server does (HTML, not JSON)
  | 'unknown';

export class GroveApiError extends Error {
  override readonly name = 'GroveApiError';
  readonly kind: GroveErrorKind;
  /** HTTP status, 0 when no response arrived. */
  readonly status: number;
  readonly title: string | undefined;
  readonly detail: string | undefined;
  readonly type: string | undefined;
  readonly fieldErrors: readonly FieldError[];

  constructor(kind: GroveErrorKind, status: number, problem: ProblemDetails = {}, options?: { cause?: unknown }) {
    super(problem.detail ?? problem.title ?? `Grove API error (${kind}, ${status})`, options);
    this.kind = kind;
    this.status = status;
    this.title = problem.title;
    this.detail = problem.detail;
    this.type = problem.type;
    this.fieldErrors = problem.errors ?? [];
  }

  /** The message for one field, for inline form errors. */
  fieldError(field: string): string | undefined {
    return this.fieldErrors.find((error) => error.field === field)?.message;
  }
}

/** An abort: the caller stopped waiting (the widget left the page). Not a failure to show or report. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * The one error path: every failure as a `GroveApiError`, so widgets and their listeners handle one type;
 * undefined for an abort, which is not a failure. Client errors pass through; anything else (a bug, a
 * chunk that failed to download) becomes kind `unknown` with the original as `cause`.
 */
export function toGroveError(error: unknown): GroveApiError | undefined {
  if (isAbortError(error)) return undefined;
  return error instanceof GroveApiError ? error : new GroveApiError('unknown', 0, {}, { cause: error });
}
