/**
 * Who may call a route and what it may send, stated once per route: the `security` the contract
 * publishes and the middleware that enforces it come from the same call, so they cannot disagree.
 * Route middleware runs before the contract's validators, in this order: sign-in (401 before the body
 * is read), the body limit (413 while streaming), then idempotency for POSTs (claimed in the same
 * transaction as the write).
 */
import type { MiddlewareHandler } from 'hono';

type SecurityRequirement = Record<string, string[]>;
import { requireViewer } from '../communities/access.ts';
import type { AppEnv } from './env.ts';
import { limitBody, SMALL_BODY_BYTES } from './middleware/body-limit.ts';
import { idempotent } from './middleware/idempotency.ts';

export interface PolicyOptions {
  /** Largest body accepted, in bytes (routes without a body: omit). */
  body?: number;
  /** Every POST: the write happens once per Idempotency-Key. */
  idempotent?: boolean;
}

const requireSignIn: MiddlewareHandler<AppEnv> = async (c, next) => {
  requireViewer(c.var.viewer);
  await next();
};

function chain(options: PolicyOptions, first: MiddlewareHandler<AppEnv>[] = []): MiddlewareHandler<AppEnv>[] {
  const middleware = [...first];
  if (options.body !== undefined || options.idempotent) middleware.push(limitBody(options.body ?? SMALL_BODY_BYTES));
  if (options.idempotent) middleware.push(idempotent());
  return middleware;
}

/** A member must be signed in (401 otherwise). */
export function signedIn(options: PolicyOptions = {}) {
  return { security: [{ bearerAuth: [] }] as SecurityRequirement[], middleware: chain(options, [requireSignIn]) };
}

/** Anyone; a signed-in member may see or do more (what a viewer sees depends on who they are). */
export function anyone(options: PolicyOptions = {}) {
  return { security: [{}, { bearerAuth: [] }] as SecurityRequirement[], middleware: chain(options) };
}

/** No credentials involved at all (health, public metadata). */
export function noCredentials() {
  return { security: [] as SecurityRequirement[], middleware: [] as MiddlewareHandler<AppEnv>[] };
}
