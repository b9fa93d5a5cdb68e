/**
 * RFC 9457 problem details mapped to one typed error. Widgets switch on `kind` to pick a translated
 * message (`core.error.<kind>`); users never see `title`/`detail` raw unless a widget chooses to.
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

const KIND_BY_STATUS: Readonly<Record<number, GroveErrorKind>> = {
  400: 'invalid',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  410: 'not-found',
  412: 'conflict',
  422: 'invalid',
  429: 'rate-limited',
  502: 'unavailable',
  503: 'unavailable',
  504: 'unavailable',
};

export function kindForStatus(status: number): GroveErrorKind {
  return KIND_BY_STATUS[status] ?? (status >= 500 ? 'server' : 'unknown');
}

export async function errorFromResponse(response: Response): Promise<GroveApiError> {
  return new GroveApiError(kindForStatus(response.status), response.status, await readProblem(response));
}

async function readProblem(response: Response): Promise<ProblemDetails> {
  const type = response.headers.get('content-type') ?? '';
  if (!/^application\/(problem\+)?json/i.test(type)) return { status: response.status };
  try {
    const body: unknown = await response.json();
    return isProblem(body) ? body : { status: response.status };
  } catch {
    return { status: response.status };
  }
}

function isProblem(value: unknown): value is ProblemDetails {
  if (typeof value !== 'object' || value === null) return false;
  const errors = (value as { errors?: unknown }).errors;
  return (
    errors === undefined ||
    (Array.isArray(errors) &&
      errors.every((error) => typeof (error as FieldError | null)?.field === 'string'))
  );
}

/** Abort errors pass through untouched (Lit's Task expects them); everything else becomes a GroveApiError. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
