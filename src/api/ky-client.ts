import ky, { HTTPError, TimeoutError, type KyInstance, type Options } from 'ky';
import type {
  GroveClient,
  Query,
  ReadOptions,
  SendOptions,
  StreamOptions,
  TextOptions,
  WithEtag,
  WriteMethod,
} from './client.js';
import { buildUrl, newIdempotencyKey } from './client.js';
import { GroveApiError, errorFromResponse, isAbortError } from './problem.js';
import { ResponseCache, freshnessMs, sharedResponseCache } from './response-cache.js';
import type { TokenProvider } from '../context/config-context.js';

export interface KyClientOptions {
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

/** Statuses where trying again can help. 501 and 4xx other than 408/429 will fail the same way again. */
const RETRY_STATUSES = [408, 429, 500, 502, 503, 504];
/** Every write carries an Idempotency-Key, so the server replays rather than repeats: all are retryable. */
const RETRY_METHODS = ['get', 'put', 'post', 'patch', 'delete'];

/** Distinguishes token functions in cache keys without putting secrets or functions into strings. */
const providerIds = new WeakMap<TokenProvider, number>();
let nextProviderId = 1;

export function createKyClient(options: KyClientOptions): GroveClient {
  return new KyClient(options);
}

class KyClient implements GroveClient {
  readonly baseUrl: string;
  readonly #token: string | undefined;
  readonly #tokenProvider: TokenProvider | undefined;
  readonly #ky: KyInstance;
  readonly #cache: ResponseCache;

  constructor(options: KyClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#token = options.token;
    this.#tokenProvider = options.tokenProvider;
    this.#cache = options.cache ?? sharedResponseCache;
    const retry = options.retry ?? {};
    const baseDelay = retry.baseDelayMs ?? 300;
    const maxDelay = retry.maxDelayMs ?? 20_000;
    this.#ky = ky.create({
      ...(options.fetch ? { fetch: options.fetch } : {}),
      timeout: options.timeoutMs ?? 20_000,
      // 304 is the success of a revalidation, not an error.
      throwHttpErrors: (status) => status !== 304,
      retry: {
        limit: retry.limit ?? 2,
        methods: RETRY_METHODS,
        statusCodes: RETRY_STATUSES,
        afterStatusCodes: [413, 429, 503],
        maxRetryAfter: maxDelay,
        backoffLimit: maxDelay,
        delay: (attempt) => baseDelay * 2 ** (attempt - 1),
        // Full jitter: widgets that failed together must not retry together.
        jitter: true,
        retryOnTimeout: true,
      },
    });
  }

  get isAuthenticated(): boolean {
    return this.#token !== undefined || this.#tokenProvider !== undefined;
  }

  url(path: string, query?: Query): string {
    return buildUrl(this.baseUrl, path, query);
  }

  async get<T>(path: string, options: ReadOptions = {}): Promise<T> {
    return (await this.getWithEtag<T>(path, options)).data;
  }

  getWithEtag<T>(path: string, options: ReadOptions = {}): Promise<WithEtag<T>> {
    const url = this.url(path, options.query);
    return this.#authorised(async (token) => {
      const key = this.#cacheKey(token, url);
      const entry = this.#cache.get(key);
      if (entry && entry.freshUntil > Date.now()) return { data: entry.data as T, etag: entry.etag };
      return this.#cache.dedupe(key, (signal) => this.#revalidate<T>(url, key, token, signal), options.signal);
    });
  }

  async text(path: string, options: TextOptions = {}): Promise<string> {
    const url = this.url(path, options.query);
    return this.#authorised(async (token) => {
      const response = await this.#request(url, {
        ...readInit(token),
        headers: { ...authHeaders(token), accept: options.accept ?? 'text/plain' },
        signal: options.signal,
      });
      return response.text();
    });
  }

  async send<T>(method: WriteMethod, path: string, options: SendOptions = {}): Promise<T> {
    return (await this.sendWithEtag<T>(method, path, options)).data;
  }

  sendWithEtag<T>(method: WriteMethod, path: string, options: SendOptions = {}): Promise<WithEtag<T>> {
    const url = this.url(path, options.query);
    // One key for every attempt, including the one after a token refresh.
    const idempotencyKey = options.idempotencyKey ?? newIdempotencyKey();
    return this.#authorised(async (token) => {
      const headers: Record<string, string> = { ...authHeaders(token), 'idempotency-key': idempotencyKey };
      if (options.ifMatch) headers['if-match'] = options.ifMatch;
      const response = await this.#request(url, {
        method,
        headers,
        signal: options.signal,
        ...(options.body === undefined ? {} : { json: options.body }),
      });
      // The resource (and lists that show it) changed: forget what this viewer had cached under it.
      this.#cache.invalidate(this.#cacheKey(token, this.url(path)));
      const data = (await readJson(response)) as T;
      return { data, etag: response.headers.get('etag') ?? undefined };
    });
  }

  async stream(path: string, options: StreamOptions): Promise<void> {
    // Only live widgets stream: the event-stream parser and reconnection loop load with the first stream.
    const { followStream } = await import('./event-stream.js');
    await followStream(options, (lastEventId) =>
      this.#authorised((token) => {
        // Anonymous streams stay CORS-simple: the resume point goes in the query, not a header.
        const query = !token && lastEventId ? { lastEventId } : undefined;
        const headers: Record<string, string> = { ...authHeaders(token), accept: 'text/event-stream' };
        if (token && lastEventId) headers['last-event-id'] = lastEventId;
        return this.#request(this.url(path, query), {
          headers,
          signal: options.signal,
          cache: 'no-store',
          timeout: false,
          retry: 0,
        });
      }),
    );
  }

  async #revalidate<T>(url: string, key: string, token: string | undefined, signal: AbortSignal): Promise<WithEtag<T>> {
    const cached = this.#cache.get(key);
    const headers = authHeaders(token);
    // If-None-Match is not CORS-safelisted: only already-preflighted (authenticated) requests may send it.
    // Anonymous ones use `cache: 'no-cache'` and let the browser's HTTP cache revalidate with the ETag.
    if (token && cached?.etag) headers['if-none-match'] = cached.etag;
    const response = await this.#request(url, { ...readInit(token), headers, signal });
    const etag = response.headers.get('etag') ?? undefined;
    const freshUntil = Date.now() + freshnessMs(response.headers.get('cache-control'));
    if (cached && (response.status === 304 || (etag !== undefined && etag === cached.etag))) {
      // Same representation: keep the same object so widgets can skip re-rendering.
      this.#cache.set(key, { ...cached, freshUntil });
      return { data: cached.data as T, etag: cached.etag };
    }
    const data = (await readJson(response)) as T;
    if (etag !== undefined || freshUntil > Date.now()) this.#cache.set(key, { data, etag, freshUntil });
    return { data, etag };
  }

  async #request(url: string, init: Options): Promise<Response> {
    try {
      return await this.#ky(url, init);
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
      if (!(error instanceof GroveApiError) || error.kind !== 'unauthorized' || !this.#tokenProvider) throw error;
      const refreshed = await this.#currentToken(true);
      if (refreshed === undefined || refreshed === token) throw error;
      return request(refreshed);
    }
  }

  async #currentToken(refresh: boolean): Promise<string | undefined> {
    if (this.#tokenProvider) return (await this.#tokenProvider({ refresh })) ?? undefined;
    return this.#token;
  }

  /** Base URL and viewer identity are part of the key: one viewer's private data never serves another. */
  #cacheKey(token: string | undefined, url: string): string {
    let identity = 'anonymous';
    if (token !== undefined && this.#tokenProvider) {
      // Tokens from one provider rotate; keying on the provider keeps the cache across refreshes.
      let id = providerIds.get(this.#tokenProvider);
      if (id === undefined) providerIds.set(this.#tokenProvider, (id = nextProviderId++));
      identity = `provider:${id}`;
    } else if (token !== undefined) {
      identity = `token:${token}`;
    }
    return `${identity} ${url}`;
  }
}

function authHeaders(token: string | undefined): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

/**
 * Anonymous reads: `no-cache` makes the browser revalidate its stored copy with If-None-Match itself,
 * keeping the request simple (no preflight). Authenticated reads: private data stays out of the disk
 * cache (shared computers); we revalidate from memory instead.
 */
function readInit(token: string | undefined): Options {
  return { cache: token ? 'no-store' : 'no-cache' };
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204 || response.status === 205) return undefined;
  const text = await response.text();
  return text ? (JSON.parse(text) as unknown) : undefined;
}

async function toGroveError(error: unknown): Promise<unknown> {
  if (isAbortError(error) || error instanceof GroveApiError) return error;
  if (error instanceof HTTPError) return errorFromResponse(error.response);
  if (error instanceof TimeoutError) return new GroveApiError('timeout', 0, {}, { cause: error });
  if (error instanceof TypeError) return new GroveApiError('offline', 0, {}, { cause: error });
  return new GroveApiError('unknown', 0, {}, { cause: error });
}
