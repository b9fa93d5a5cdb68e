/**
 * Idempotency-Key on every POST: a draft resent from a flaky connection must never post twice, and a
 * crash must never leave a key that blocks its own retry.
 *
 * The key is claimed, the handler's writes are made and its response is stored in ONE transaction
 * (`once` in server/operations/idempotency-keys.ts hands the handler a database bound to it). So a retry
 * finds either nothing (the first attempt rolled back or died before commit: the retry does the work)
 * or the stored response (it committed: the retry gets those bytes back, marked `Idempotent-Replayed`).
 * There is no window in which a key is taken without its write. A concurrent duplicate waits on the
 * claimed row's lock (PostgreSQL) or the single connection (PGlite) and then replays.
 *
 * A refusal the handler made (403, 404, 409) is stored and replayed too, with its partial writes rolled
 * back: the same request gets the same answer. As with Stripe's keys, invalid input stores nothing, whether
 * the schema found it before the handler (400) or the handler did (422, e.g. a reply to a post that is not
 * there), nor does a request that never reached the handler (401, 413): the client may correct the draft
 * and send it under the same key, as a form keeping one key per draft does. A 5xx rolls everything back,
 * so a retry can succeed. The same key with another body after a stored answer is a client bug: 422.
 */
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { once, type StoredResponse } from '../../operations/idempotency-keys.ts';
import { HttpProblem } from '../../shared/problem.ts';
import type { AppEnv } from '../env.ts';

const KEY_PATTERN = /^[\x21-\x7e]{8,200}$/;
/** Response headers worth replaying; the rest (date, CORS, rate limit) belong to the new exchange. */
const REPLAYED_HEADERS = ['content-type', 'location', 'etag'];
/** Answers to input the client may correct (or given before the handler acted): the key stays free for the corrected request. */
const NOT_STORED = new Set([400, 401, 413, 415, 422, 429]);

function replay(stored: StoredResponse, requestHash: string): Response {
  if (stored.request_hash !== requestHash) {
    throw new HttpProblem(422, 'This Idempotency-Key was already used for a different request', {
      type: 'idempotency-key-reused',
      errors: [{ field: 'header.idempotency-key', message: 'Already used for another request' }],
    });
  }
  return new Response(stored.body, {
    status: stored.status ?? 200,
    headers: { ...(stored.headers ?? {}), 'idempotent-replayed': 'true' },
  });
}

async function toStore(res: Response) {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = res.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return { status: res.status, headers, body: await res.clone().text() };
}

export function idempotent(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (!key || !KEY_PATTERN.test(key)) {
      throw new HttpProblem(400, 'Every POST needs an Idempotency-Key header (8-200 visible ASCII characters)', {
        type: 'validation',
        errors: [{ field: 'header.idempotency-key', message: key ? 'Use 8-200 visible ASCII characters' : 'Required' }],
      });
    }
    const db = c.var.db;
    const principal = c.var.viewer ? `member:${c.var.viewer.memberId}` : `address:${c.var.clientAddress}`;
    // Bounded by the route's body limit, which runs first.
    const body = await c.req.text();
    const requestHash = createHash('sha256').update(`${c.req.method} ${c.req.path}\n${body}`).digest('base64url');
    const earlier = await once(db, { principal, key, requestHash }, async (bound) => {
      c.set('db', bound);
      try {
        await next();
      } finally {
        c.set('db', db);
      }
      if (c.res.status >= 500 || NOT_STORED.has(c.res.status)) return 'discard';
      return { store: await toStore(c.res), undoWrites: c.res.status >= 400 };
    });
    if (earlier) c.res = replay(earlier, requestHash);
  };
}
