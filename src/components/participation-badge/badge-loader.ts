/**
 * Many `<grove-participation-badge>` on one page (a directory page, a thread) cost one request: badges
 * asked for in the same task are collected until the microtask checkpoint and fetched with one
 * `GET /v1/participation/badges?member=…&member=…&community=…` per client and community (split into
 * chunks of the server's limit of 100). A request whose badges have all been removed from the page is
 * aborted, so a page left quickly on a slow connection does not keep downloading.
 */
import type { GroveClient } from '../../api/client.js';
import type { MemberBadge } from './types.js';

const MAX_MEMBERS = 100;

interface Waiter {
  resolve(badge: MemberBadge | null): void;
  reject(error: unknown): void;
  signal: AbortSignal | undefined;
}

/** Pending member ids per community ('' for every community), per client. */
const batches = new WeakMap<GroveClient, Map<string, Map<string, Waiter[]>>>();

/** The member's badge, or null when they hide it (or are unknown to this viewer). */
export function badgeFor(client: GroveClient, member: string, community: string, signal?: AbortSignal): Promise<MemberBadge | null> {
  return new Promise((resolve, reject) => {
    let pending = batches.get(client);
    if (!pending) {
      pending = new Map();
      batches.set(client, pending);
      queueMicrotask(() => void flush(client));
    }
    const members = pending.get(community) ?? new Map<string, Waiter[]>();
    pending.set(community, members);
    members.set(member, [...(members.get(member) ?? []), { resolve, reject, signal }]);
    // An aborted waiter stops waiting at once; the shared request goes on while anyone still waits.
    signal?.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
  });
}

const isWaiting = (waiter: Waiter): boolean => !waiter.signal?.aborted;

async function flush(client: GroveClient): Promise<void> {
  const pending = batches.get(client);
  batches.delete(client);
  if (!pending) return;
  const requests = [...pending].flatMap(([community, members]) => {
    // Badges removed before the request left are not asked for.
    const ids = [...members].filter(([, waiters]) => waiters.some(isWaiting)).map(([id]) => id);
    const chunks: string[][] = [];
    for (let start = 0; start < ids.length; start += MAX_MEMBERS) chunks.push(ids.slice(start, start + MAX_MEMBERS));
    return chunks.map((chunk) => ({ community, chunk, members }));
  });
  await Promise.all(requests.map(({ community, chunk, members }) => fetchChunk(client, community, chunk, members)));
}

async function fetchChunk(client: GroveClient, community: string, chunk: string[], members: Map<string, Waiter[]>): Promise<void> {
  const waiters = chunk.flatMap((id) => members.get(id) ?? []);
  const controller = new AbortController();
  const abandon = () => {
    if (!waiters.some(isWaiting)) controller.abort();
  };
  for (const waiter of waiters) waiter.signal?.addEventListener('abort', abandon, { once: true });
  try {
    const query = { member: chunk, community: community || undefined };
    const { items } = await client.get<{ items: MemberBadge[] }>('/v1/participation/badges', { query, signal: controller.signal });
    for (const id of chunk) {
      const badge = items.find((item) => item.member === id) ?? null;
      for (const waiter of members.get(id) ?? []) waiter.resolve(badge);
    }
  } catch (error) {
    for (const waiter of waiters) waiter.reject(error);
  } finally {
    for (const waiter of waiters) waiter.signal?.removeEventListener('abort', abandon);
  }
}
