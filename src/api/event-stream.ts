import type { StreamOptions } from './client.js';
import { isAbortError } from './problem.js';
import { SseParser } from './sse.js';

/** Used until the server sends `retry:`; EventSource's customary delay. */
const DEFAULT_RETRY_MS = 3000;
const MAX_BACKOFF_MS = 60_000;

/**
 * Follows a server-sent event stream until `options.signal` aborts: reconnects after the server's
 * `retry:` delay when a response ends (long polling), and backs off with jitter after failures.
 * Loaded lazily by the client's `stream()`, so pages without live widgets never download it.
 *
 * `connect` opens one response, resuming after `lastEventId` when there is one.
 */
export async function followStream(options: StreamOptions, connect: (lastEventId: string | undefined) => Promise<Response>): Promise<void> {
  const { signal } = options;
  const parser = new SseParser(options.lastEventId);
  // A function, not `signal.aborted` inline: the flag changes during the awaits, which narrowing cannot see.
  const stopped = (): boolean => signal.aborted;
  let failures = 0;
  while (!stopped()) {
    try {
      const response = await connect(parser.lastEventId);
      failures = 0;
      await read(response, parser, options);
    } catch (error) {
      if (stopped() || isAbortError(error)) return;
      failures += 1;
      options.onError?.(error);
    }
    const base = parser.retryMs ?? DEFAULT_RETRY_MS;
    const wait = failures === 0 ? base : Math.min(MAX_BACKOFF_MS, base * 2 ** failures) * (0.5 + Math.random() / 2);
    await sleep(wait, signal);
  }
}

/** Feeds the body to the parser; `onOpen` on its first bytes, which a Grove stream writes once it is subscribed. */
async function read(response: Response, parser: SseParser, { onMessage, onOpen }: StreamOptions): Promise<void> {
  if (!response.body) return;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let opened = false;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    if (!opened) {
      opened = true;
      onOpen?.();
    }
    parser.feed(value, onMessage);
  }
}

/** Resolves after `ms`, or at once when `signal` aborts (or already has, e.g. from inside `onError`). */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    // An aborted signal never fires 'abort' again: without this check the loop would wait out `ms`.
    if (signal.aborted) {
      resolve();
      return;
    }
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
