import type { GroveClient, Query, ReadOptions, SendOptions, StreamOptions, TextOptions, WithEtag, WriteMethod } from './client.js';
import { buildUrl, newIdempotencyKey } from './client.js';
import { createHttp, HttpError, TimeoutError, type Http, type HttpInit } from './http.js';
import { GroveApiError, isAbortError } from './problem.js';
import { ResponseCache, freshnessMs, sharedResponseCache } from './response-cache.js';
import type { TokenProvider } from '../context/config-context.js';

export interface HttpClientOptions {
  /** API base URL, e.g. `https://grove.example.org/api` (a trailing slash is ignored). */
  baseUrl: string;
  /** A fixed bearer token. */
  token?: string | undefined;
  /** Asked for a token before each request, and with `refresh: true` once after a 401. */
  tokenProvider?: TokenProvider | undefined;
  /** Injected by tests to fake the network at the boundary. */
  fetch?: typeof globalThis.fetch;
  /** Per attempt. Generous by default: one round trip on Slow 3G is about 2 s. */
  timeoutMs?: number;
  retry?: {
    /** Retries after the first attempt (default 2). */
    limit?: number;
    /** First backoff delay; doubled per attempt, fully jittered (default 300 ms). */
    baseDelayMs?: number;
    /** Longest wait accepted from Retry-After, and the backoff ceiling (default 20 s). */
    maxDelayMs?: number;
  };
  /** Defaults to the page-wide shared cache; tests pass their own. */
  cache?: ResponseCache;
}

/** Distinguishes token functions in cache keys without putting secrets or functions into strings. */
const providerIds = new WeakMap<TokenProvider, number>();
let providerCount = 0;

/** The `GroveClient` over `fetch`: what `<grove-provider api>` and a widget's own `api` attribute use. */
export function createHttpClient(options: HttpClientOptions): GroveClient {
  return new HttpClient(options);
}

class HttpClient implements GroveClient {
  readonly baseUrl: string;
  readonly isAuthenticated: boolean;
  readonly #token: string | undefined;
  readonly #tokenProvider: TokenProvider | undefined;
  readonly #http: Http;
  readonly #cache: ResponseCache;
  /** Who authenticated requests are made as, for cache keys. */
  readonly #viewer: string;

  constructor(options: HttpClientOptions) {
    const { limit = 2, baseDelayMs = 300, maxDelayMs = 20_000 } = options.retry ?? {};
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#token = options.token;
    this.#tokenProvider = options.tokenProvider;
    this.isAuthenticated = !!(options.token ?? options.tokenProvider);
    const provider = options.tokenProvider;
    // Tokens from one provider rotate; keying on the provider keeps the cache across refreshes.
    if (provider && !providerIds.has(provider)) providerIds.set(provider, ++providerCount);
    this.#viewer = provider ? `provider:${providerIds.get(provider)}` : `token:${options.token}`;
    this.#cache = options.cache ?? sharedResponseCache;
    this.#http = createHttp({ fetch: options.fetch, timeoutMs: options.timeoutMs ?? 20_000, retry: { limit, baseDelayMs, maxDelayMs } });
  }

  url(path: string, query?: Query): string {
    return buildUrl(this.baseUrl, path, query);
  }

  async get<T>(path: string, options?: ReadOptions): Promise<T> {
    return (await this.getWithEtag<T>(path, options)).data;
  }

  getWithEtag<T>(path: string, { query, signal }: ReadOptions = {}): Promise<WithEtag<T>> {
    const url = this.url(path, query);
    return this.#authorised(async (token) => {
      const key = this.#cacheKey(token, url);
      const entry = this.#cache.get(key);
      if (entry && entry.freshUntil > Date.now()) return { data: entry.data as T, etag: entry.etag };
      return this.#cache.dedupe(key, (shared) => this.#revalidate<T>(url, key, token, shared), signal);
    });
  }

  text(path: string, { query, signal, accept = 'text/plain' }: TextOptions = {}): Promise<string> {
    return this.#authorised(async (token) =>
      (await this.#request(this.url(path, query), token, { ...readCache(token), headers: { accept }, signal })).text(),
    );
  }

  async send<T>(method: WriteMethod, path: string, options?: SendOptions): Promise<T> {
    return (await this.sendWithEtag<T>(method, path, options)).data;
  }

  sendWithEtag<T>(method: WriteMethod, path: string, options: SendOptions = {}): Promise<WithEtag<T>> {
    // One key for every attempt, including the one after a token refresh.
    const { query, body, signal, ifMatch, idempotencyKey = newIdempotencyKey() } = options;
    return this.#authorised(async (token) => {
      const response = await this.#request(this.url(path, query), token, {
        method,
        headers: { 'idempotency-key': idempotencyKey, 'if-match': ifMatch },
        signal,
        json: body,
      });
      // The resource (and lists that show it) changed: forget what this viewer had cached under it.
      this.#cache.invalidate(this.#cacheKey(token, this.url(path)));
      return { data: (await readJson(response)) as T, etag: etagOf(response) };
    });
  }

  async stream(path: string, options: StreamOptions): Promise<void> {
    // Only live widgets stream: the event-stream parser and reconnection loop load with the first stream.
    const { followStream } = await import('./event-stream.js');
    await followStream(options, (lastEventId) =>
      this.#authorised((token) =>
        // Anonymous streams stay CORS-simple: the resume point goes in the query, not a header.
        this.#request(this.url(path, token ? undefined : { lastEventId }), token, {
          headers: { accept: 'text/event-stream', 'last-event-id': token && lastEventId },
          signal: options.signal,
          cache: 'no-store',
          timeout: false,
          retry: 0,
        }),
      ),
    );
  }

  async #revalidate<T>(url: string, key: string, token: string | undefined, signal: AbortSignal): Promise<WithEtag<T>> {
    const cached = this.#cache.get(key);
    // If-None-Match is not CORS-safelisted: only already-preflighted (authenticated) requests may send it.
    // Anonymous ones use `cache: 'no-cache'` and let the browser's HTTP cache revalidate with the ETag.
    const response = await this.#request(url, token, {
      ...readCache(token),
      headers: { 'if-none-match': token && cached?.etag },
      signal,
    });
    const etag = etagOf(response);
    const freshUntil = Date.now() + freshnessMs(response.headers.get('cache-control'));
    if (cached && (response.status === 304 || (etag && etag === cached.etag))) {
      // Same representation: keep the same object so widgets can skip re-rendering.
      this.#cache.set(key, { ...cached, freshUntil });
      return { data: cached.data as T, etag: cached.etag };
    }
    const data = (await readJson(response)) as T;
    if (etag || freshUntil > Date.now()) this.#cache.set(key, { data, etag, freshUntil });
    return { data, etag };
  }

  /** One request with the viewer's token; every failure comes out as a GroveApiError (or an abort). */
  async #request(url: string, token: string | undefined, init: HttpInit): Promise<Response> {
    try {
      return await this.#http(url, { ...init, headers: { ...init.headers, authorization: token && `Bearer ${token}` } });
    } catch (error) {
      throw await toGroveError(error);
    }
  }

  /** Runs `request` with the current token; after a 401, once more with a refreshed one. */
  async #authorised<T>(request: (token: string | undefined) => Promise<T>): Promise<T> {
    const token = await this.#currentToken(false);
    try {
      return await request(token);
    } catch (error) {
      if (!(error instanceof GroveApiError && error.status === 401 && this.#tokenProvider)) throw error;
      const refreshed = await this.#currentToken(true);
      if (!refreshed || refreshed === token) throw error;
      return request(refreshed);
    }
  }

  async #currentToken(refresh: boolean): Promise<string | undefined> {
    // An empty token means anonymous, like none at all.
    // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
    return (this.#tokenProvider ? await this.#tokenProvider({ refresh }) : this.#token) || undefined;
  }

  /** Base URL and viewer identity are part of the key: one viewer's private data never serves another. */
  #cacheKey(token: string | undefined, url: string): string {
    return `${token ? this.#viewer : 'anonymous'} ${url}`;
  }
}

/**
 * Anonymous reads: `no-cache` makes the browser revalidate its stored copy with If-None-Match itself,
 * keeping the request simple (no preflight). Authenticated reads: private data stays out of the disk
 * cache (shared computers); we revalidate from memory instead.
 */
function readCache(token: string | undefined): HttpInit {
  return { cache: token ? 'no-store' : 'no-cache' };
}

function etagOf(response: Response): string | undefined {
  return response.headers.get('etag') ?? undefined;
}

/** The JSON body, or undefined when there is none (204, 205, empty). */
async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch (cause) {
    // A 200 that is not JSON (a site's HTML page): `api` does not point at a Grove server.
    throw new GroveApiError('not-grove', response.status, {}, { cause });
  }
}

async function toGroveError(error: unknown): Promise<unknown> {
  if (isAbortError(error) || error instanceof GroveApiError) return error;
  if (error instanceof HttpError) {
    const { response } = error;
    return import('./problem-response.js').then(
      (module) => module.errorFromResponse(response),
      // The mapping could not load (the connection dropped after the response): the status still tells.
      (cause: unknown) => new GroveApiError(response.status >= 500 ? 'server' : 'unknown', response.status, {}, { cause }),
    );
  }
  const kind = error instanceof TimeoutError ? 'timeout' : error instanceof TypeError ? 'offline' : 'unknown';
  return new GroveApiError(kind, 0, {}, { cause: error });
}
