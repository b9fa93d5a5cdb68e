/**
 * RFC 9457 problem details. Every error the API answers goes through `problemResponse`, so clients
 * can rely on one shape: `{ type, title, status, detail, instance?, errors?: [{ field, message }] }`.
 */
import type { ZodError } from 'zod';

export interface FieldError {
  field: string;
  message: string;
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Authentication required',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  428: 'Precondition required',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/** Problem types are stable URIs relative to the API, documented in the OpenAPI description. */
const TYPE_BASE = 'https://grove.dev/problems/';

export class HttpProblem extends Error {
  readonly status: number;
  readonly type: string;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;

  constructor(status: number, detail: string, options: { type?: string; errors?: FieldError[]; headers?: Record<string, string> } = {}) {
    super(detail);
    this.status = status;
    this.type = TYPE_BASE + (options.type ?? slug(TITLES[status] ?? 'error'));
    this.errors = options.errors;
    this.headers = options.headers ?? {};
  }
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

export function problemBody(problem: HttpProblem, instance?: string): Record<string, unknown> {
  return {
    type: problem.type,
    title: TITLES[problem.status] ?? 'Error',
    status: problem.status,
    detail: problem.message,
    ...(instance ? { instance } : {}),
    ...(problem.errors ? { errors: problem.errors } : {}),
  };
}

export function problemResponse(problem: HttpProblem, instance?: string): Response {
  return new Response(JSON.stringify(problemBody(problem, instance)), {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json', ...problem.headers },
  });
}

/** Names each field the way the client sent it: `query.limit`, `body.replyTo`, `header.if-match`. */
export function validationProblem(error: ZodError, target: string): HttpProblem {
  const prefix = target === 'json' ? 'body' : target === 'param' ? 'path' : target;
  const errors = error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  const fields = errors.map((e) => e.field).join(', ');
  return new HttpProblem(400, `Invalid value for ${fields}`, { type: 'validation', errors });
}

export const notFound = (what: string): HttpProblem => new HttpProblem(404, `${what} was not found`);
export const unauthenticated = (): HttpProblem => new HttpProblem(401, 'Sign in to do this', { headers: { 'www-authenticate': 'Bearer' } });
export const forbidden = (detail: string): HttpProblem => new HttpProblem(403, detail);

/** 412 for a write whose version check lost a race with another write. */
export const changedMeanwhile = (): HttpProblem => new HttpProblem(412, 'This was changed meanwhile; reload and retry');
