/**
 * Idempotency-Key on every POST (draft retries from flaky connections must never post twice).
 * The first request with a key claims it in `idempotency_keys` ('pending'); its response is stored
 * ('done') and replayed byte for byte to any retry with the same body. Another body under the same key
 * is a client bug (422); a retry while the first is still running gets 409 with Retry-After.
 * Server failures (5xx) release the key so a retry can do the work.
 */
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { claimKey, findKey, releaseKey, storeResponse } from '../../operations/idempotency-keys.ts';
import type { AppEnv } from '../env.ts';
import { HttpProblem } from '../../shared/problem.ts';

const KEY_PATTERN = /^[\x21-\x7e]{8,200}$/;
/** Response headers worth replaying; the rest (date, CORS, rate limit) belong to the new exchange. */
const REPLAYED_HEADERS = ['content-type', 'location', 'etag'];

export function idempotency(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const key = c.req.header('idempotency-key');
    if (!key || !KEY_PATTERN.test(key)) {
      throw new HttpProblem(400, 'Every POST needs an Idempotency-Key header (8-200 visible ASCII characters)', {
        type: 'validation',
        errors: [{ field: 'header.idempotency-key', message: key ? 'Use 8-200 visible ASCII characters' : 'Required' }],
      });
    }
    const db = c.var.db;
    const principal = c.var.viewer ? `member:${c.var.viewer.memberId}` : `address:${c.var.clientAddress}`;
    const body = await c.req.text();
    const requestHash = createHash('sha256').update(`${c.req.method} ${c.req.path}\n${body}`).digest('base64url');

    if (!(await claimKey(db, principal, key, requestHash))) {
      const stored = await findKey(db, principal, key);
      // Released between our insert and select: ask the client to retry rather than racing again.
      if (!stored) throw new HttpProblem(409, 'This Idempotency-Key is being reused; retry', { headers: { 'retry-after': '1' } });
      if (stored.request_hash !== requestHash) {
        throw new HttpProblem(422, 'This Idempotency-Key was already used for a different request', { type: 'idempotency-key-reused' });
      }
      if (stored.state === 'pending') {
        throw new HttpProblem(409, 'A request with this Idempotency-Key is still in progress', {
          type: 'idempotency-in-progress',
          headers: { 'retry-after': '1' },
        });
      }
      c.res = new Response(stored.body, {
        status: stored.status ?? 200,
        headers: { ...(stored.headers ?? {}), 'idempotent-replayed': 'true' },
      });
      return;
    }

    let completed = false;
    try {
      await next();
      if (c.res.status < 500) {
        const headers: Record<string, string> = {};
        for (const name of REPLAYED_HEADERS) {
          const value = c.res.headers.get(name);
          if (value !== null) headers[name] = value;
        }
        const responseBody = await c.res.clone().text();
        await storeResponse(db, principal, key, { status: c.res.status, headers, body: responseBody });
        completed = true;
      }
    } finally {
      if (!completed) {
        await releaseKey(db, principal, key).catch(() => undefined);
      }
    }
  };
}
