/**
 * Token-bucket rate limits per signed-in member or per client address. On PGlite (one process) the
 * buckets live in memory. On PostgreSQL several instances may serve one client, so the budget is kept in
 * the database (operations/rate-limits.ts) and each instance leases a twentieth of it at a time: a write
 * per lease, not per request, and a client spreading requests over N instances gets at most N − 1 leases
 * more than its limit.
 */
import type { MiddlewareHandler } from 'hono';
import type { RateLimitConfig } from '../../config.ts';
import type { Database } from '../../db/index.ts';
import { leaseTokens } from '../../operations/rate-limits.ts';
import type { AppEnv } from '../env.ts';
import { HttpProblem } from '../../shared/problem.ts';

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class TokenBuckets {
  readonly #buckets = new Map<string, Bucket>();
  readonly #capacity: number;
  readonly #refillPerMs: number;

  constructor(perMinute: number) {
    this.#capacity = perMinute;
    this.#refillPerMs = perMinute / 60_000;
  }

  /** Takes one token; returns 0 when allowed, else the seconds until a token is available. */
  take(key: string, now = Date.now()): number {
    const bucket = this.#buckets.get(key) ?? { tokens: this.#capacity, updatedAt: now };
    bucket.tokens = Math.min(this.#capacity, bucket.tokens + (now - bucket.updatedAt) * this.#refillPerMs);
    bucket.updatedAt = now;
    this.#buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.#refillPerMs / 1000));
  }

  /** Forgets full buckets so memory stays bounded by the number of recently active clients. */
  sweep(now = Date.now()): void {
    for (const [key, bucket] of this.#buckets) {
      if (bucket.tokens + (now - bucket.updatedAt) * this.#refillPerMs >= this.#capacity) this.#buckets.delete(key);
    }
  }
}

/** Buckets in the database, spent locally a lease at a time. */
export class SharedTokenBuckets {
  readonly #db: Database;
  readonly #prefix: string;
  readonly #perMinute: number;
  readonly #lease: number;
  readonly #leased = new Map<string, number>();
  readonly #blockedUntil = new Map<string, number>();

  constructor(db: Database, prefix: string, perMinute: number) {
    this.#db = db;
    this.#prefix = prefix;
    this.#perMinute = perMinute;
    this.#lease = Math.max(1, Math.floor(perMinute / 20));
  }

  async take(key: string, now = Date.now()): Promise<number> {
    const left = this.#leased.get(key) ?? 0;
    if (left >= 1) {
      this.#leased.set(key, left - 1);
      return 0;
    }
    const blocked = this.#blockedUntil.get(key);
    if (blocked !== undefined && blocked > now) return Math.max(1, Math.ceil((blocked - now) / 1000));
    const lease = await leaseTokens(this.#db, `${this.#prefix}:${key}`, this.#perMinute, this.#lease);
    if (lease.granted > 0) {
      this.#blockedUntil.delete(key);
      this.#leased.set(key, lease.granted - 1);
      return 0;
    }
    this.#leased.delete(key);
    this.#blockedUntil.set(key, now + lease.retryAfterSeconds * 1000);
    return lease.retryAfterSeconds;
  }

  sweep(now = Date.now()): void {
    for (const [key, until] of this.#blockedUntil) if (until <= now) this.#blockedUntil.delete(key);
    this.#leased.clear();
  }
}

export function rateLimit(config: RateLimitConfig, db?: Database): MiddlewareHandler<AppEnv> & { sweep(): void } {
  const shared = db?.kind === 'postgres' ? db : undefined;
  const buckets = (prefix: string, perMinute: number) =>
    perMinute <= 0 ? null : shared ? new SharedTokenBuckets(shared, prefix, perMinute) : new TokenBuckets(perMinute);
  const anonymous = buckets('address', config.anonymousPerMinute);
  const members = buckets('member', config.memberPerMinute);
  const handler: MiddlewareHandler<AppEnv> = async (c, next) => {
    const viewer = c.var.viewer;
    const wait = viewer ? ((await members?.take(viewer.memberId)) ?? 0) : ((await anonymous?.take(c.var.clientAddress)) ?? 0);
    if (wait > 0) {
      throw new HttpProblem(429, `Too many requests; try again in ${wait} s`, {
        headers: { 'retry-after': String(wait) },
      });
    }
    await next();
  };
  return Object.assign(handler, {
    sweep() {
      anonymous?.sweep();
      members?.sweep();
    },
  });
}
