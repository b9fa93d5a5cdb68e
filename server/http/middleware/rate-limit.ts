/**
 * Token-bucket rate limits kept in memory, per signed-in member or per client address. Each instance
 * behind a load balancer limits on its own; that is a deliberate trade for zero shared state.
 */
import type { MiddlewareHandler } from 'hono';
import type { RateLimitConfig } from '../../config.ts';
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

export function rateLimit(config: RateLimitConfig): MiddlewareHandler<AppEnv> & { sweep(): void } {
  const anonymous = config.anonymousPerMinute > 0 ? new TokenBuckets(config.anonymousPerMinute) : null;
  const members = config.memberPerMinute > 0 ? new TokenBuckets(config.memberPerMinute) : null;
  const handler: MiddlewareHandler<AppEnv> = async (c, next) => {
    const viewer = c.var.viewer;
    const wait = viewer ? (members?.take(viewer.memberId) ?? 0) : (anonymous?.take(c.var.clientAddress) ?? 0);
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
