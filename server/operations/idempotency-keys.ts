/**
 * The store behind Idempotency-Key: one row per (principal, key) holding the request's hash and, once
 * answered, the response to replay.
 */
import type { Queryable } from '../db/index.ts';

export interface StoredResponse {
  request_hash: string;
  state: 'pending' | 'done';
  status: number | null;
  headers: Record<string, string> | null;
  body: string | null;
}

/** True when this call claimed the key; false when it was already taken. */
export async function claimKey(db: Queryable, principal: string, key: string, requestHash: string): Promise<boolean> {
  const { rows } = await db.query(
    `insert into idempotency_keys (principal, key, request_hash, state) values ($1, $2, $3, 'pending')
     on conflict (principal, key) do nothing returning key`,
    [principal, key, requestHash],
  );
  return rows.length > 0;
}

export async function findKey(db: Queryable, principal: string, key: string): Promise<StoredResponse | undefined> {
  const { rows } = await db.query<StoredResponse>(
    'select request_hash, state, status, headers, body from idempotency_keys where principal = $1 and key = $2',
    [principal, key],
  );
  return rows[0];
}

export async function storeResponse(
  db: Queryable,
  principal: string,
  key: string,
  response: { status: number; headers: Record<string, string>; body: string },
): Promise<void> {
  await db.query(
    `update idempotency_keys set state = 'done', status = $3, headers = $4, body = $5 where principal = $1 and key = $2`,
    [principal, key, response.status, JSON.stringify(response.headers), response.body],
  );
}

export async function releaseKey(db: Queryable, principal: string, key: string): Promise<void> {
  await db.query('delete from idempotency_keys where principal = $1 and key = $2', [principal, key]);
}

/** Deletes keys older than a day; called on a timer by the server. */
export async function purgeIdempotencyKeys(db: Queryable): Promise<void> {
  await db.query("delete from idempotency_keys where created_at < now() - interval '1 day'");
}
