/**
 * The request a query belongs to, carried implicitly (AsyncLocalStorage) from the HTTP layer to every
 * `db.query` made while serving it, so domain functions need no extra parameter: its abort signal
 * (the client went away) and its arrival time (served in arrival order by the admission queue).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Ticket } from './admission.ts';
import type { QueryOptions, RequestScope } from './types.ts';

const storage = new AsyncLocalStorage<Required<Pick<RequestScope, 'order'>> & RequestScope>();

export function runInScope<T>(scope: RequestScope, fn: () => Promise<T>): Promise<T> {
  return storage.run({ ...scope, order: scope.order ?? performance.now() }, fn);
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
  // Outside any request (start-up, workers, housekeeping) or in background work a request started,
  // nobody waits for an answer: never refused.
  return { signal: options?.signal ?? scope?.signal, order: scope?.order, background: scope === undefined || scope.background === true };
}
