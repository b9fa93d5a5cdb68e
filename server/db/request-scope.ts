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

/** The admission ticket of a query: its own signal wins over the request's. */
export function ticketFor(options: QueryOptions | undefined): Ticket {
  const scope = storage.getStore();
  return { signal: options?.signal ?? scope?.signal, order: scope?.order };
}
