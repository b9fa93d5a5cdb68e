/**
 * The few things the client needs from HTTP beyond `fetch`, written for it (docs/decisions/0001-http-layer.md
 * says why ky went): a timeout per attempt, retries with full-jitter backoff that honour `Retry-After`,
 * JSON bodies, header values left undefined not sent, and failures as `HttpError` / `TimeoutError`.
 * It lives in the shared runtime that every first view downloads, so it is kept to what is used.
 */

/** An answer outside 2xx (and not 304, the success of a revalidation). */
export class HttpError extends Error {
  constructor(readonly response: Response) {
    super(`HTTP ${response.status}`);
  }
}

/** An attempt took longer than the timeout. */
export class TimeoutError extends Error {}

export interface RetryPolicy {
  /** Retries after the first attempt. */
  limit: number;
  /** First backoff delay; doubled per attempt, fully jittered. */
  baseDelayMs: number;
  /** Longest wait accepted from Retry-After (longer: give up), and the backoff ceiling. */
  maxDelayMs: number;
}

export interface HttpConfig {
  fetch?: typeof globalThis.fetch | undefined;
  timeoutMs: number;
  retry: RetryPolicy;
}

export interface HttpInit extends Omit<RequestInit, 'headers' | 'body'> {
  headers?: Record<string, string | undefined>;
  /** Sent as `application/json`. */
  json?: unknown;
  /** Per attempt; false for none (streams). */
  timeout?: number | false;
  /** Overrides the policy's retry limit (0 for streams, which reconnect on their own). */
  retry?: number;
}

/**
 * Where trying again can help: 501 and 4xx other than 408/429 would fail the same way again. Every write
 * carries an Idempotency-Key, so the server replays rather than repeats: every method is retried.
 */
const RETRY_STATUSES = [408, 429, 500, 502, 503, 504];
/** Statuses whose Retry-After is the server's own schedule (413: retried only when it sends one). */
const RETRY_AFTER_STATUSES = [413, 429, 503];

export type Http = (url: string, init?: HttpInit) => Promise<Response>;

export function createHttp({ fetch = globalThis.fetch.bind(globalThis), timeoutMs, retry }: HttpConfig): Http {
  return async (url, { headers = {}, json, timeout = timeoutMs, retry: limit = retry.limit, signal, ...init } = {}) => {
    const sent: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) if (value !== undefined) sent[name] = value;
    if (json !== undefined) sent['content-type'] = 'application/json';
    for (let attempt = 1; ; attempt++) {
      let response: Response | undefined;
      let failure: unknown;
      try {
        response = await attemptOnce(
          fetch,
          url,
          { ...init, headers: sent, body: json === undefined ? null : JSON.stringify(json) },
          signal,
          timeout,
        );
        if (response.ok || response.status === 304) return response;
        failure = new HttpError(response);
      } catch (error) {
        // The caller's abort ends everything; a timeout or a network failure may be retried.
        if (signal?.aborted) throw error;
        failure = error;
      }
      const wait = attempt > limit ? undefined : retryDelay(response, attempt, retry);
      if (wait === undefined) throw failure;
      await sleep(wait, signal);
    }
  };
}

async function attemptOnce(
  fetch: typeof globalThis.fetch,
  url: string,
  init: RequestInit,
  signal: AbortSignal | null | undefined,
  timeout: number | false,
) {
  const controller = new AbortController();
  const abort = () => controller.abort(signal?.reason);
  signal?.throwIfAborted();
  // Linked for the life of the response, not just until its headers: the caller's abort must also end a
  // body still being read (an event stream), or its connection stays open and, six of them later, every
  // request the browser makes to that origin waits for ever (HTTP/1.1's per-origin connection limit).
  signal?.addEventListener('abort', abort, { once: true });
  const timer =
    timeout === false ? undefined : setTimeout(() => controller.abort(new TimeoutError(`No answer within ${timeout} ms`)), timeout);
  try {
    return await fetch(new Request(url, { ...init, signal: controller.signal }));
  } catch (error) {
    signal?.removeEventListener('abort', abort);
    // fetch rejects with the abort reason: our TimeoutError, or the caller's own.
    throw controller.signal.aborted ? controller.signal.reason : error;
  } finally {
    // The timeout bounds the answer's arrival; reading a long body (a stream) is not bounded by it.
    clearTimeout(timer);
  }
}

/** Milliseconds before the next attempt, or undefined when trying again cannot help. */
function retryDelay(response: Response | undefined, attempt: number, { baseDelayMs, maxDelayMs }: RetryPolicy): number | undefined {
  if (response) {
    const { status, headers } = response;
    const after = headers.get('retry-after');
    if (after && RETRY_AFTER_STATUSES.includes(status)) {
      // Seconds, or an HTTP date.
      const ms = /^\d+$/.test(after) ? Number(after) * 1000 : Date.parse(after) - Date.now();
      return ms > maxDelayMs ? undefined : Math.max(0, ms || 0);
    }
    if (!RETRY_STATUSES.includes(status)) return undefined;
  }
  // Full jitter: widgets that failed together must not retry together.
  return Math.random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
}

function sleep(ms: number, signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      if (signal?.aborted) reject(signal.reason as Error);
      else resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done);
  });
}
