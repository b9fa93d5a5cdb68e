/**
 * Token buckets kept in the database, so every server instance draws from the same budget. An
 * instance leases tokens (up to `wanted`) in one upsert and spends them locally: one write per lease,
 * not per request. The bucket refills continuously at `perMinute` up to `perMinute`.
 */
import type { Queryable } from '../db/index.ts';

export interface Lease {
  granted: number;
  /** Seconds until one token is back, when none was granted. */
  retryAfterSeconds: number;
}

export async function leaseTokens(db: Queryable, key: string, perMinute: number, wanted: number): Promise<Lease> {
  const perSecond = perMinute / 60;
  // Every SET expression reads the row as it was: refill by the time elapsed, then grant what is whole.
  const { rows } = await db.query<{ granted: number; tokens: number }>(
    `insert into rate_limit_buckets as b (key, tokens, granted, updated_at) values ($1, $2::float8 - least($4::int, $2::float8), least($4::int, $2::float8)::int, now())
     on conflict (key) do update set
       granted = least($4::int, floor(least($2::float8, b.tokens + extract(epoch from now() - b.updated_at) * $3::float8)))::int,
       tokens = least($2::float8, b.tokens + extract(epoch from now() - b.updated_at) * $3::float8)
                - least($4::int, floor(least($2::float8, b.tokens + extract(epoch from now() - b.updated_at) * $3::float8))),
       updated_at = now()
     returning granted, tokens`,
    [key, perMinute, perSecond, wanted],
  );
  const row = rows[0] ?? { granted: 0, tokens: 0 };
  return { granted: row.granted, retryAfterSeconds: row.granted > 0 ? 0 : Math.max(1, Math.ceil((1 - row.tokens) / perSecond)) };
}

/** Forgets buckets idle long enough to be full again (housekeeping). */
export async function purgeRateLimitBuckets(db: Queryable): Promise<void> {
  await db.query("delete from rate_limit_buckets where updated_at < now() - interval '10 minutes'");
}
