import type { GroveClient } from '../../api/client.js';

/**
 * Fetches a batch of keys in one request: `lookup(key)` then answers each key (a missing one included).
 * `group` separates batches that need different requests (the badges of one community).
 */
export type BatchFetch<V> = (client: GroveClient, group: string, keys: string[], signal: AbortSignal) => Promise<(key: string) => V>;

interface Waiter<V> {
  resolve(value: V): void;
  reject(error: unknown): void;
  signal: AbortSignal | undefined;
}

type Pending<V> = Map<string, Map<string, Waiter<V>[]>>;

const isWaiting = (waiter: { signal: AbortSignal | undefined }): boolean => !waiter.signal?.aborted;

/**
 * The one batcher: many elements on a page (comment counts beside a list of articles, badges beside 50
 * names) cost one request. Keys asked for in the same task are collected until the microtask checkpoint
 * and fetched per client and group, in chunks of the server's limit.
 * A waiter whose signal aborts stops waiting at once; keys nobody waits for by the time the request
 * leaves are not asked for, and a request whose waiters have all gone is aborted, so a page left quickly
 * on a slow connection does not keep downloading.
 */
export function batcher<V>(fetchBatch: BatchFetch<V>, maxKeys = 100) {
  const batches = new WeakMap<GroveClient, Pending<V>>();

  async function fetchChunk(client: GroveClient, group: string, keys: string[], waiting: Map<string, Waiter<V>[]>): Promise<void> {
    const waiters = keys.flatMap((key) => waiting.get(key) ?? []);
    const controller = new AbortController();
    const abandon = (): void => {
      if (!waiters.some(isWaiting)) controller.abort();
    };
    for (const waiter of waiters) waiter.signal?.addEventListener('abort', abandon, { once: true });
    try {
      const lookup = await fetchBatch(client, group, keys, controller.signal);
      for (const key of keys) for (const waiter of waiting.get(key) ?? []) waiter.resolve(lookup(key));
    } catch (error) {
      for (const waiter of waiters) waiter.reject(error);
    } finally {
      for (const waiter of waiters) waiter.signal?.removeEventListener('abort', abandon);
    }
  }

  async function flush(client: GroveClient): Promise<void> {
    const pending = batches.get(client);
    batches.delete(client);
    if (!pending) return;
    const requests = [...pending].flatMap(([group, waiting]) => {
      const keys = [...waiting].filter(([, waiters]) => waiters.some(isWaiting)).map(([key]) => key);
      const chunks: string[][] = [];
      for (let start = 0; start < keys.length; start += maxKeys) chunks.push(keys.slice(start, start + maxKeys));
      return chunks.map((chunk) => fetchChunk(client, group, chunk, waiting));
    });
    await Promise.all(requests);
  }

  /** The value for `key` in `group`, fetched with the other keys asked for in this task. */
  return (client: GroveClient, group: string, key: string, signal?: AbortSignal): Promise<V> =>
    new Promise<V>((resolve, reject) => {
      let pending = batches.get(client);
      if (!pending) {
        batches.set(client, (pending = new Map<string, Map<string, Waiter<V>[]>>()));
        queueMicrotask(() => void flush(client));
      }
      const waiting = pending.get(group) ?? new Map<string, Waiter<V>[]>();
      pending.set(group, waiting);
      waiting.set(key, [...(waiting.get(key) ?? []), { resolve, reject, signal }]);
      signal?.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
    });
}
