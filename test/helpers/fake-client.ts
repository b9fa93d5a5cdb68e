import type {
  GroveClient,
  Query,
  ReadOptions,
  SendOptions,
  StreamMessage,
  StreamOptions,
  TextOptions,
  WithEtag,
  WriteMethod,
} from '../../src/api/client.js';
import { buildUrl } from '../../src/api/client.js';
import { GroveApiError } from '../../src/api/problem.js';

export type FakeMethod = 'GET' | WriteMethod;

export interface FakeCall {
  method: FakeMethod;
  path: string;
  params: Record<string, string>;
  query: Query;
  body: unknown;
  idempotencyKey: string | undefined;
  ifMatch: string | undefined;
  signal: AbortSignal | undefined;
}

/** Returns the response body, or throws (e.g. a `GroveApiError`) to fail the call. */
export type FakeHandler = (call: FakeCall) => unknown;

export interface FakeClientOptions {
  baseUrl?: string;
  authenticated?: boolean;
  /** Added before every response (for loading states); aborting the caller's signal cuts it short. */
  delayMs?: number;
}

/**
 * A `GroveClient` driven by a route table for widget tests and stories:
 * `new FakeClient({ 'GET /v1/members/:id': ({ params }) => member(params.id) })`.
 * Values that are not functions are returned as they are. Unknown routes fail with a 404 `GroveApiError`.
 * `hold()` parks every response until released, to assert loading states without timers.
 */
export class FakeClient implements GroveClient {
  readonly baseUrl: string;
  readonly isAuthenticated: boolean;
  readonly calls: FakeCall[] = [];
  readonly #routes: { method: string; pattern: RegExp; names: string[]; handler: FakeHandler }[] = [];
  readonly #streams = new Map<string, Set<StreamOptions>>();
  #delayMs: number;
  #gate: Promise<void> | undefined;

  constructor(routes: Record<string, unknown> = {}, options: FakeClientOptions = {}) {
    this.baseUrl = options.baseUrl ?? 'https://grove.test/api';
    this.isAuthenticated = options.authenticated ?? false;
    this.#delayMs = options.delayMs ?? 0;
    for (const [route, response] of Object.entries(routes)) this.route(route, response);
  }

  /** Adds or replaces a route: `'GET /v1/threads/:id/posts'`. */
  route(route: string, response: unknown): this {
    const [method = 'GET', path = '/'] = route.split(' ');
    const names: string[] = [];
    const source = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    const handler: FakeHandler = typeof response === 'function' ? (response as FakeHandler) : () => structuredClone(response);
    this.#routes.unshift({ method, pattern: new RegExp(`^${source}$`), names, handler });
    return this;
  }

  /** Holds every response until the returned function is called. */
  hold(): () => void {
    let release!: () => void;
    this.#gate = new Promise((resolve) => (release = resolve));
    return () => {
      this.#gate = undefined;
      release();
    };
  }

  callsTo(method: FakeMethod, path: string): FakeCall[] {
    return this.calls.filter((call) => call.method === method && call.path === path);
  }

  /** Pushes a server-sent event to every open stream on `path`. */
  emit(path: string, message: Partial<StreamMessage> & { data: string }): void {
    for (const stream of this.#streams.get(path) ?? []) {
      stream.onMessage({ id: message.id, event: message.event ?? 'message', data: message.data });
    }
  }

  url(path: string, query?: Query): string {
    return buildUrl(this.baseUrl, path, query);
  }

  async get<T>(path: string, options: ReadOptions = {}): Promise<T> {
    return (await this.getWithEtag<T>(path, options)).data;
  }

  async getWithEtag<T>(path: string, options: ReadOptions = {}): Promise<WithEtag<T>> {
    const data = (await this.#answer('GET', path, options)) as T;
    return { data, etag: etagOf(data) };
  }

  async text(path: string, options: TextOptions = {}): Promise<string> {
    return String(await this.#answer('GET', path, options));
  }

  async send<T>(method: WriteMethod, path: string, options: SendOptions = {}): Promise<T> {
    return (await this.sendWithEtag<T>(method, path, options)).data;
  }

  async sendWithEtag<T>(method: WriteMethod, path: string, options: SendOptions = {}): Promise<WithEtag<T>> {
    const data = (await this.#answer(method, path, options)) as T;
    return { data, etag: etagOf(data) };
  }

  stream(path: string, options: StreamOptions): Promise<void> {
    const streams = this.#streams.get(path) ?? new Set();
    this.#streams.set(path, streams.add(options));
    options.onOpen?.();
    return new Promise((resolve) => {
      options.signal.addEventListener('abort', () => {
        streams.delete(options);
        resolve();
      });
    });
  }

  /** Open streams on `path` (to assert that a widget closes its stream when removed). */
  openStreams(path: string): number {
    return this.#streams.get(path)?.size ?? 0;
  }

  async #answer(method: FakeMethod, path: string, options: SendOptions): Promise<unknown> {
    const call: FakeCall = {
      method,
      path,
      params: {},
      query: options.query ?? {},
      body: options.body,
      idempotencyKey: options.idempotencyKey,
      ifMatch: options.ifMatch,
      signal: options.signal,
    };
    this.calls.push(call);
    const signal = options.signal;
    signal?.throwIfAborted();
    if (this.#delayMs > 0) await abortable(new Promise((resolve) => setTimeout(resolve, this.#delayMs)), signal);
    if (this.#gate) await abortable(this.#gate, signal);
    for (const route of this.#routes) {
      const match = route.method === method ? route.pattern.exec(path) : null;
      if (!match) continue;
      route.names.forEach((name, index) => (call.params[name] = decodeURIComponent(match[index + 1] ?? '')));
      return route.handler(call);
    }
    throw new GroveApiError('not-found', 404, { title: `No fake route for ${method} ${path}` });
  }
}

function etagOf(data: unknown): string | undefined {
  const etag = (data as { etag?: unknown } | null)?.etag;
  return typeof etag === 'string' ? etag : undefined;
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
