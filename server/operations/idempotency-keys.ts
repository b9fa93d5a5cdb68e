/**
 * The store behind Idempotency-Key: one row per (principal, key) holding the request's hash and, once
 * answered, the response to replay. `once` runs a request's work so that the claim, its writes and its
 * stored response commit together (server/http/middleware/idempotency.ts explains why).
 */
import { bindTransaction, type Database, type Queryable } from '../db/index.ts';
import { failpoint } from '../shared/failpoints.ts';
import { HttpProblem } from '../shared/problem.ts';

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
  await db.query(`update idempotency_keys set state = 'done', status = $3, headers = $4, body = $5 where principal = $1 and key = $2`, [
    principal,
    key,
    response.status,
    JSON.stringify(response.headers),
    response.body,
  ]);
}

export async function releaseKey(db: Queryable, principal: string, key: string): Promise<void> {
  await db.query('delete from idempotency_keys where principal = $1 and key = $2', [principal, key]);
}

/** Deletes keys older than a day; called on a timer by the server. */
export async function purgeIdempotencyKeys(db: Queryable): Promise<void> {
  await db.query("delete from idempotency_keys where created_at < now() - interval '1 day'");
}

export interface Claim {
  principal: string;
  key: string;
  requestHash: string;
}

/** What a request's work produced: a response to store (its writes undone for a refusal), or nothing to keep. */
export type Verdict = { store: { status: number; headers: Record<string, string>; body: string }; undoWrites: boolean } | 'discard';

/** Thrown inside the transaction to roll all of it back; never leaves this module. */
class Discard extends Error {}

/**
 * Runs `work` once per key: with a database bound to a transaction that also holds the claim and, at the
 * end, the stored response. Returns the response an earlier request with this key stored (to replay),
 * or null when this call did the work (kept or discarded).
 */
export async function once(db: Database, claim: Claim, work: (bound: Database) => Promise<Verdict>): Promise<StoredResponse | null> {
  const { principal, key, requestHash } = claim;
  // A retry of a finished request is answered without opening a write transaction.
  const stored = await findKey(db, principal, key);
  if (stored?.state === 'done') return stored;
  // A 'pending' row can only be one the earlier scheme committed for a request that died: take it over.
  if (stored) await releaseKey(db, principal, key);
  const outcome = await db
    .transaction(async (tx): Promise<{ earlier: StoredResponse } | 'kept'> => {
      if (!(await claimKey(tx, principal, key, requestHash))) {
        // A duplicate committed while this one waited for its lock: answer as it did.
        const earlier = await findKey(tx, principal, key);
        // Purged or taken over between the two statements: let the client retry rather than guess.
        if (!earlier) throw new HttpProblem(409, 'This Idempotency-Key is being reused; retry', { headers: { 'retry-after': '1' } });
        return { earlier };
      }
      await tx.exec('savepoint grove_request');
      const verdict = await work(bindTransaction(tx, db));
      if (verdict === 'discard') throw new Discard();
      if (verdict.undoWrites) await tx.exec('rollback to savepoint grove_request');
      await storeResponse(tx, principal, key, verdict.store);
      failpoint('idempotency-before-commit');
      return 'kept';
    })
    .catch((error: unknown) => {
      if (error instanceof Discard) return 'discarded' as const;
      throw error;
    });
  if (outcome === 'kept') failpoint('idempotency-after-commit');
  return typeof outcome === 'object' ? outcome.earlier : null;
}
