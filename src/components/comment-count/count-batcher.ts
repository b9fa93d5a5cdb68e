/**
 * Many `<grove-comment-count>` on one page (a list of articles) cost one request: keys asked for in the
 * same task are collected until the microtask checkpoint and fetched with one
 * `GET /v1/threads/counts?key=…&key=…` per client (split into chunks of the server's limit of 100).
 */
import type { GroveClient } from '../../api/client.js';

const MAX_KEYS = 100;

interface Waiter {
  resolve(count: number): void;
  reject(error: unknown): void;
}

const batches = new WeakMap<GroveClient, Map<string, Waiter[]>>();

/** The number of visible posts on `key`'s thread (0 when it has none yet). */
export function countFor(client: GroveClient, key: string, signal?: AbortSignal): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let batch = batches.get(client);
    if (!batch) {
      batch = new Map();
      batches.set(client, batch);
      queueMicrotask(() => void flush(client));
    }
    const waiters = batch.get(key) ?? [];
    waiters.push({ resolve, reject });
    batch.set(key, waiters);
    // An aborted waiter stops waiting; the shared request still answers the others.
    signal?.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
  });
}

async function flush(client: GroveClient): Promise<void> {
  const batch = batches.get(client);
  batches.delete(client);
  if (!batch) return;
  const keys = [...batch.keys()];
  const chunks: string[][] = [];
  for (let start = 0; start < keys.length; start += MAX_KEYS) chunks.push(keys.slice(start, start + MAX_KEYS));
  await Promise.all(
    chunks.map(async (chunk) => {
      try {
        const { counts } = await client.get<{ counts: Record<string, number> }>('/v1/threads/counts', { query: { key: chunk } });
        for (const key of chunk) for (const waiter of batch.get(key) ?? []) waiter.resolve(counts[key] ?? 0);
      } catch (error) {
        for (const key of chunk) for (const waiter of batch.get(key) ?? []) waiter.reject(error);
      }
    }),
  );
}
