/**
 * The one interface every widget uses to talk to a Grove server. Widgets receive it through
 * `ConfigController` (provider context or page default) and never call `fetch` themselves: tests and stories pass
 * `test/helpers/fake-client.ts` instead.
 *
 * Paths are relative to the API base, e.g. `client.get('/v1/members', { query: { q: 'water' } })`
 * against `api="https://grove.example.org/api"`.
 */

/** Query values; `undefined` and `null` are left out, arrays repeat the key (`skill=a&skill=b`). */
export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue | readonly QueryValue[]>;

export type WriteMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ReadOptions {
  query?: Query;
  /** Aborting stops waiting; a request shared with other waiters keeps running for them. */
  signal?: AbortSignal;
}

export interface TextOptions extends ReadOptions {
  /** Media type asked for, e.g. `text/vcard` or `text/calendar` (default `text/plain`). */
  accept?: string;
}

export interface SendOptions {
  query?: Query;
  /** Serialised as JSON. */
  body?: unknown;
  signal?: AbortSignal;
  /**
   * Sent as `Idempotency-Key`. Generated per call when absent; pass your own (see `newIdempotencyKey`)
   * and reuse it when retrying a write the user already submitted, so the server never duplicates it.
   */
  idempotencyKey?: string;
  /** Sent as `If-Match` (optimistic concurrency on PATCH / DELETE); a mismatch fails with kind `conflict`. */
  ifMatch?: string;
}

/** A representation together with its entity tag, for resources that are later edited with `If-Match`. */
export interface WithEtag<T> {
  data: T;
  /** The `ETag` response header; undefined when the server sent none (or did not expose it to CORS). */
  etag: string | undefined;
}

/** One server-sent event. `data` is the raw text; parse it as the stream's contract says. */
export interface StreamMessage {
  id: string | undefined;
  event: string;
  data: string;
}

export interface StreamOptions {
  onMessage: (message: StreamMessage) => void;
  /**
   * Called each time the connection opens (again), on the response's first bytes (a Grove stream sends them
   * once it is subscribed, so what happens from then on arrives), e.g. to clear an "offline" hint.
   */
  onOpen?: () => void;
  /** Called on each failed connection attempt; the stream keeps reconnecting until the signal aborts. */
  onError?: (error: unknown) => void;
  /** Ends the stream for good. Required: a stream without an end would outlive its widget. */
  signal: AbortSignal;
  /** Resume after this event id (e.g. the newest post already rendered). */
  lastEventId?: string;
}

export interface GroveClient {
  /** The API base URL, without a trailing slash. */
  readonly baseUrl: string;
  /** True when requests carry a token (anonymous reads stay CORS-simple; see docs/decisions/0002-client-cache-and-cors.md). */
  readonly isAuthenticated: boolean;

  /** GET JSON through the page-wide cache (ETag revalidation, de-duplication of identical requests). */
  get<T>(path: string, options?: ReadOptions): Promise<T>;
  /** As `get`, also returning the ETag to send back as `ifMatch` when editing the resource. */
  getWithEtag<T>(path: string, options?: ReadOptions): Promise<WithEtag<T>>;
  /** GET a non-JSON representation (vCard, ICS); not cached in memory. */
  text(path: string, options?: TextOptions): Promise<string>;

  /** A write with a JSON body; resolves to the parsed response body (undefined for 204). */
  send<T>(method: WriteMethod, path: string, options?: SendOptions): Promise<T>;
  /** As `send`, also returning the new ETag of the written resource. */
  sendWithEtag<T>(method: WriteMethod, path: string, options?: SendOptions): Promise<WithEtag<T>>;

  /**
   * Server-sent events. Reconnects after the server's `retry` delay (with backoff on errors) carrying the
   * last event id, so a proxy that buffers or closes the response degrades to long polling.
   * Resolves when `signal` aborts.
   */
  stream(path: string, options: StreamOptions): Promise<void>;

  /** The absolute URL of a path, for links that need no token (e.g. a public ICS subscription feed). */
  url(path: string, query?: Query): string;
}

/** A fresh key for `SendOptions.idempotencyKey`. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** Builds `base + path + ?query`; shared by every implementation so URLs (and cache keys) agree. */
export function buildUrl(baseUrl: string, path: string, query?: Query): string {
  const url = `${baseUrl}${path.startsWith('/') ? path : `/${path}`}`;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    const values: readonly QueryValue[] = Array.isArray(value) ? value : [value as QueryValue];
    for (const item of values) {
      if (item !== undefined && item !== null) search.append(key, String(item));
    }
  }
  const encoded = search.toString();
  return encoded ? `${url}${url.includes('?') ? '&' : '?'}${encoded}` : url;
}
