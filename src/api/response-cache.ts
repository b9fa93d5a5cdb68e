/**
 * The page-wide memory of GET responses, shared by every widget (and every client instance) in this copy
 * of the library: one member list fetched by the directory is reused by the badge next to it.
 *
 * Two jobs: remember representations with their ETag for revalidation, and merge identical requests
 * that are in flight, so ten widgets asking for one resource cause one request.
 */
export interface CacheEntry {
  data: unknown;
  etag: string | undefined;
  /** Epoch ms until which the entry is served without asking the server (from `max-age`); 0 = revalidate. */
  freshUntil: number;
}

interface Flight {
  promise: Promise<unknown>;
  controller: AbortController;
  waiters: number;
}

export class ResponseCache {
  /** In least-recently-used order: a Map iterates in insertion order and `get` re-inserts. */
  readonly #entries = new Map<string, CacheEntry>();
  readonly #flights = new Map<string, Flight>();
  readonly #maxEntries: number;

  /** Bounded so a long-lived intranet tab paging through 12 000 members does not grow without end. */
  constructor(maxEntries = 300) {
    this.#maxEntries = maxEntries;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: string): CacheEntry | undefined {
    const entry = this.#entries.get(key);
    if (entry) this.set(key, entry);
    return entry;
  }

  set(key: string, entry: CacheEntry): void {
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.#maxEntries) break;
      this.#entries.delete(oldest);
    }
  }

  /** Drops every entry whose key starts with `prefix` (after a write to that resource). */
  invalidate(prefix = ''): void {
    // Deleting the current key while iterating a Map is safe: iteration goes on with the next one.
    for (const key of this.#entries.keys()) if (key.startsWith(prefix)) this.#entries.delete(key);
  }

  /**
   * Runs `request` once for all concurrent callers with the same key. Each caller's `signal` only stops
   * that caller waiting; the shared request is aborted when the last waiter has gone.
   */
  dedupe<T>(key: string, request: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    let flight = this.#flights.get(key);
    if (!flight || flight.controller.signal.aborted) {
      const controller = new AbortController();
      const created: Flight = {
        controller,
        waiters: 0,
        promise: request(controller.signal).finally(() => {
          if (this.#flights.get(key) === created) this.#flights.delete(key);
        }),
      };
      this.#flights.set(key, (flight = created));
    }
    return wait(flight, signal) as Promise<T>;
  }
}

function wait(flight: Flight, signal: AbortSignal | undefined): Promise<unknown> {
  flight.waiters += 1;
  if (!signal) return flight.promise;
  return new Promise((resolve, reject) => {
    const leave = (): void => {
      if (--flight.waiters === 0) flight.controller.abort(signal.reason);
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', leave, { once: true });
    flight.promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', leave));
  });
}

/** The one cache every client in this copy of the library uses unless a test passes its own. */
export const sharedResponseCache = new ResponseCache();

/** `max-age` in ms when the response may be reused without revalidation, else 0. */
export function freshnessMs(cacheControl: string | null): number {
  const value = cacheControl ?? '';
  return /no-cache|no-store/i.test(value) ? 0 : Number(/max-age=(\d+)/i.exec(value)?.[1] ?? 0) * 1000;
}
