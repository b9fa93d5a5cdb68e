/**
 * The request a query belongs to, carried implicitly (AsyncLocalStorage) from the HTTP layer to every
 * `db.query` made while serving it, so domain functions need no extra parameter: its abort signal
 * (the client went away) and its arrival time (served in arrival order by the admission queue).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Ticket } from './admission.ts';
import type { QueryOptions, RequestScope } from './types.ts';

/** A request's scope as stored: its arrival, and whether a statement of it was issued yet. */
type StoredScope = Required<Pick<RequestScope, 'order'>> & RequestScope & { issued: boolean };

const storage = new AsyncLocalStorage<StoredScope>();

/**
 * Runs `fn` as the request `scope` describes. A scope opened inside another (a shared computation
 * detached from the request that started it, server/db/read-cache.ts) keeps that request's arrival unless
 * given its own: it is served in that request's order, within the budget of its arrival.
 */
export function runInScope<T>(scope: RequestScope, fn: () => Promise<T>): Promise<T> {
  const order = scope.order ?? storage.getStore()?.order ?? performance.now();
  return storage.run({ ...scope, order, issued: false }, fn);
}

/** Whether a statement made now may write: it is not made while serving a read-only request. */
export function mayWrite(): boolean {
  return storage.getStore()?.readOnly !== true;
}

/** When this process last finished a statement that may have written, and whether one runs now. */
export class WriteClock {
  #running = 0;
  #endedAt = -Infinity;

  /** Runs `fn`, counted as a write when `counted`. */
  async track<T>(fn: () => Promise<T>, counted = mayWrite()): Promise<T> {
    if (!counted) return fn();
    this.#running++;
    try {
      return await fn();
    } finally {
      this.#running--;
      this.#endedAt = performance.now();
    }
  }

  get lastWriteAt(): number {
    return this.#running > 0 ? Infinity : this.#endedAt;
  }
}

/** The admission ticket of a query: its own signal wins over the request's. */
export function ticketFor(options: QueryOptions | undefined): Ticket {
  const scope = storage.getStore();
  // The request's first statement waits within the budget of the request's arrival (admission.ts).
  const fromArrival = scope !== undefined && !scope.issued;
  if (scope) scope.issued = true;
  // Outside any request (start-up, workers, housekeeping) or in background work a request started,
  // nobody waits for an answer: never refused.
  return {
    signal: options?.signal ?? scope?.signal,
    order: scope?.order,
    fromArrival,
    background: scope === undefined || scope.background === true,
  };
}
