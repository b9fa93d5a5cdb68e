import { GroveApiError, type FieldError, type GroveErrorKind, type ProblemDetails } from './problem.js';

/**
 * An HTTP error response (RFC 9457 problem+json, or anything else) read into a `GroveApiError`.
 * Only failures need it, so the client imports it lazily: it stays out of the shared runtime chunk.
 */

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
  // Grove answers every 4xx with JSON (problem+json): an HTML 404 or 405 means `api` points elsewhere
  // (a site's own pages, a wrong path). 5xx pages may come from a proxy in front of Grove: those keep
  // their status's meaning.
  const kind = response.status < 500 && !isJson(response) ? 'not-grove' : kindForStatus(response.status);
  return new GroveApiError(kind, response.status, await readProblem(response));
}

function isJson(response: Response): boolean {
  return /^application\/(problem\+)?json/i.test(response.headers.get('content-type') ?? '');
}

async function readProblem(response: Response): Promise<ProblemDetails> {
  if (!isJson(response)) return { status: response.status };
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
    errors === undefined || (Array.isArray(errors) && errors.every((error) => typeof (error as FieldError | null)?.field === 'string'))
  );
}
