/**
 * Answers cached in memory until the data they read changes: directory pages and facet counts
 * (`directory_generation`, NOTIFY `grove_directory`, migration 010's triggers) and anonymous calendar
 * pages (`calendar_generation`, NOTIFY `grove_calendar`, migration 081) and anonymous expert answers
 * (`expert_generation`, NOTIFY `grove_experts`, migration 106) and anonymous pages of posts
 * (`discussion_generation`, NOTIFY `grove_discussion`, migration 116). Every change to the tables behind
 * an answer bumps its generation row and NOTIFYs its channel. An entry is served while the generation it
 * was computed under is current; the generation is a local counter moved by:
 *
 * - the NOTIFY, which every instance listening on the database receives after the writer commits: on
 *   PostgreSQL it makes the next request read the generation row (which then moves the counter if the
 *   stored value changed, once per change however many ways it was learnt);
 * - on PostgreSQL, a read of the generation row at most once a second (REVALIDATE_MS), which bounds
 *   staleness if a notification is lost with the LISTEN connection, and on the first request after this
 *   process may have written (`db.lastWriteAt()`: any statement outside a GET, transactions, workers):
 *   a NOTIFY and the writer's own reply travel on different connections, so without that read a member's
 *   next request could beat the notification of their own edit. Writes by other instances are seen when
 *   their NOTIFY arrives (well under a millisecond on a LAN), at worst after REVALIDATE_MS.
 *
 * So the common case, reads with no local write between them, costs no query at all (before: one round
 * trip per request, which capped the cached directory page at a few hundred requests a second). PGlite is
 * one process whose NOTIFY arrives before the writing statement's reply: the counter alone is exact there.
 *
 * Identical requests arriving together share one computation: a burst of the same type-ahead prefix
 * costs one query, not 150.
 */
import type { Database, Queryable } from './index.ts';

interface Entry {
  generation: number;
  value: Promise<unknown>;
}

/** Entries kept; the oldest is dropped past it. */
const MAX_ENTRIES = 5_000;
/** Longest a PostgreSQL instance trusts its counter without reading the stored generation. */
const REVALIDATE_MS = 1_000;

/** Which generation row and NOTIFY channel a cache follows. */
export interface ReadModel {
  channel: 'grove_directory' | 'grove_calendar' | 'grove_experts' | 'grove_discussion';
  table: 'directory_generation' | 'calendar_generation' | 'expert_generation' | 'discussion_generation';
}

export interface ReadCache {
  generation(db: Queryable): Promise<number>;
  /**
   * Runs a shared computation detached from the request that started it: its client leaving must not
   * cancel it for the others. `background`: no client waits for it (it refreshes an answer still being
   * served), so it waits its turn for the database instead of being refused.
   */
  detached<T>(fn: () => Promise<T>, options?: { background?: boolean }): Promise<T>;
  entries: Map<string, Entry>;
  hits: number;
  misses: number;
}

const caches = new WeakMap<Database, Map<string, ReadCache>>();

/** The process's cache of `model` on `db`, made on first use. */
export function readCache(db: Database, model: ReadModel): ReadCache {
  let byModel = caches.get(db);
  if (!byModel) {
    byModel = new Map();
    caches.set(db, byModel);
  }
  let cache = byModel.get(model.channel);
  if (!cache) {
    cache = db.kind === 'pglite' ? notifiedCache(db, model) : revalidatedCache(db, model);
    byModel.set(model.channel, cache);
  }
  return cache;
}

function notifiedCache(db: Database, model: ReadModel): ReadCache {
  let counter = 0;
  let subscribed: Promise<unknown> | undefined;
  return {
    entries: new Map(),
    hits: 0,
    misses: 0,
    detached: (fn, options) => db.withRequest({ readOnly: true, background: options?.background === true }, fn),
    async generation() {
      subscribed ??= db.listen(model.channel, () => {
        counter++;
      });
      await subscribed;
      return counter;
    },
  };
}

function revalidatedCache(db: Database, model: ReadModel): ReadCache {
  let counter = 0;
  let stored: string | null = null;
  let readAt = -Infinity;
  let listening = false;
  let subscribed: Promise<unknown> | undefined;
  // A notification makes the next request read the stored generation rather than move the counter
  // itself: the read after a local write has often counted that write already, and counting its NOTIFY
  // too, arriving a moment later, dropped the answer computed in between (a second ranking of the same
  // anonymous question, and a flaky test).
  let notifications = 0;
  const moved = () => {
    notifications++;
    readAt = -Infinity;
  };
  return {
    entries: new Map(),
    hits: 0,
    misses: 0,
    detached: (fn, options) => db.withRequest({ readOnly: true, background: options?.background === true }, fn),
    async generation(q) {
      subscribed ??= db.listen(model.channel, moved).then(
        () => {
          listening = true;
        },
        () => {
          // Without notifications every read checks the stored generation (correct, one query dearer).
        },
      );
      await subscribed;
      const now = performance.now();
      // Every local write finished before the last read of the stored generation: it is counted.
      const trusted = listening && db.lastWriteAt() < readAt && now - readAt < REVALIDATE_MS;
      if (trusted) return counter;
      const started = performance.now();
      const notified = notifications;
      const { rows } = await q.query<{ value: string }>(`select value from ${model.table}`);
      const value = rows[0]?.value ?? '0';
      // The read saw every commit before it started; a write ending later is newer than it, and one
      // notified while it ran may be too: the next request reads again.
      readAt = notifications === notified ? started : -Infinity;
      if (value !== stored) {
        stored = value;
        counter++;
      }
      return counter;
    },
  };
}

export async function cached<T>(cache: ReadCache, db: Queryable, key: string, compute: () => Promise<T>): Promise<T> {
  return cachedAt(cache, await cache.generation(db), key, compute);
}

/**
 * `cached` under a generation the caller has just read: the entry is found or made before it returns.
 * `background`: computed as background work (ReadCache.detached), for a refresh nobody waits for.
 */
export function cachedAt<T>(
  cache: ReadCache,
  generation: number,
  key: string,
  compute: () => Promise<T>,
  options?: { background?: boolean },
): Promise<T> {
  const entry = cache.entries.get(key);
  if (entry?.generation === generation) {
    cache.hits++;
    // Most recently used last, so the oldest is evicted first.
    cache.entries.delete(key);
    cache.entries.set(key, entry);
    return entry.value as Promise<T>;
  }
  cache.misses++;
  const value = cache.detached(compute, options);
  cache.entries.set(key, { generation, value });
  if (cache.entries.size > MAX_ENTRIES) {
    const oldest = cache.entries.keys().next().value;
    if (oldest !== undefined) cache.entries.delete(oldest);
  }
  value.catch(() => {
    if (cache.entries.get(key)?.value === value) cache.entries.delete(key);
  });
  return value;
}
