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

/** Bounded so a long-lived intranet tab paging through 12 000 members does not grow without end. */
const DEFAULT_MAX_ENTRIES = 300;

export class ResponseCache {
  readonly #entries = new Map<string, CacheEntry>();
  readonly #flights = new Map<string, Flight>();
  readonly #maxEntries: number;

  constructor(maxEntries = DEFAULT_MAX_ENTRIES) {
    this.#maxEntries = maxEntries;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: string): CacheEntry | undefined {
    const entry = this.#entries.get(key);
    if (entry) {
      // Re-insert to mark as recently used (Map keeps insertion order).
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    }
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
    for (const key of [...this.#entries.keys()]) {
      if (key.startsWith(prefix)) this.#entries.delete(key);
    }
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
      const promise = request(controller.signal);
      const created: Flight = { promise, controller, waiters: 0 };
      flight = created;
      this.#flights.set(key, created);
      const forget = () => {
        if (this.#flights.get(key) === created) this.#flights.delete(key);
      };
      promise.then(forget, forget);
    }
    return wait(flight, signal) as Promise<T>;
  }
}

function wait(flight: Flight, signal: AbortSignal | undefined): Promise<unknown> {
  flight.waiters += 1;
  if (!signal) return flight.promise;
  let onAbort = (): void => undefined;
  const abandoned = new Promise<never>((_, reject) => {
    onAbort = () => {
      flight.waiters -= 1;
      if (flight.waiters === 0) flight.controller.abort(signal.reason);
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([flight.promise, abandoned]).finally(() => {
    signal.removeEventListener('abort', onAbort);
  });
}

/** The one cache every client in this copy of the library uses unless a test passes its own. */
export const sharedResponseCache = new ResponseCache();

/** `max-age` in ms when the response may be reused without revalidation, else 0. */
export function freshnessMs(cacheControl: string | null): number {
  if (!cacheControl || /no-cache|no-store/i.test(cacheControl)) return 0;
  const maxAge = /max-age=(\d+)/i.exec(cacheControl)?.[1];
  return maxAge ? Number(maxAge) * 1000 : 0;
}
