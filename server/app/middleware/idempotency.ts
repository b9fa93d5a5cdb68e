/**
 * Idempotency-Key on every POST (draft retries from flaky connections must never post twice).
 * The first request with a key claims it in `idempotency_keys` ('pending'); its response is stored
 * ('done') and replayed byte for byte to any retry with the same body. Another body under the same key
 * is a client bug (422); a retry while the first is still running gets 409 with Retry-After.
 * Server failures (5xx) release the key so a retry can do the work.
 */
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.ts';
import { HttpProblem } from '../problem.ts';

const KEY_PATTERN = /^[\x21-\x7e]{8,200}$/;
/** Response headers worth replaying; the rest (date, CORS, rate limit) belong to the new exchange. */
const REPLAYED_HEADERS = ['content-type', 'location', 'etag'];

interface StoredKey {
  request_hash: string;
  state: 'pending' | 'done';
  status: number | null;
  headers: Record<string, string> | null;
  body: string | null;
}

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

    const claimed = await db.query(
      `insert into idempotency_keys (principal, key, request_hash, state) values ($1, $2, $3, 'pending')
       on conflict (principal, key) do nothing returning key`,
      [principal, key, requestHash],
    );
    if (claimed.rows.length === 0) {
      const { rows } = await db.query<StoredKey>(
        'select request_hash, state, status, headers, body from idempotency_keys where principal = $1 and key = $2',
        [principal, key],
      );
      const stored = rows[0];
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
        await db.query(
          `update idempotency_keys set state = 'done', status = $3, headers = $4, body = $5
           where principal = $1 and key = $2`,
          [principal, key, c.res.status, JSON.stringify(headers), responseBody],
        );
        completed = true;
      }
    } finally {
      if (!completed) {
        await db.query('delete from idempotency_keys where principal = $1 and key = $2', [principal, key]).catch(() => undefined);
      }
    }
  };
}

/** Deletes keys older than a day; called on a timer by the server. */
export async function purgeIdempotencyKeys(db: { query: (sql: string) => Promise<unknown> }): Promise<void> {
  await db.query("delete from idempotency_keys where created_at < now() - interval '1 day'");
}
