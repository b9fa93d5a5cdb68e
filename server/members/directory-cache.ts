/**
 * Directory pages and facet counts, cached until the directory's read model changes.
 *
 * Every change to members, memberships, skills or a community's visibility bumps
 * `directory_generation` (migration 010's triggers). An entry is served while the generation it was
 * computed under is current. PostgreSQL: the generation is one row read per request, so several server
 * instances agree at once with no message to wait for. PGlite: one process, so the triggers' NOTIFY
 * (delivered before the writing statement's reply) moves an in-memory counter and no query is needed.
 *
 * Identical requests arriving together share one computation: a burst of the same type-ahead prefix
 * costs one query, not 150.
 */
import type { Database, Queryable } from '../db/index.ts';

interface Entry {
  generation: number;
  value: Promise<unknown>;
}

/** Entries kept; the oldest is dropped past it. */
const MAX_ENTRIES = 5_000;

export interface DirectoryCache {
  generation(db: Queryable): Promise<number>;
  /** Runs a shared computation detached from the request that started it: its client leaving must not cancel it for the others. */
  detached<T>(fn: () => Promise<T>): Promise<T>;
  entries: Map<string, Entry>;
  hits: number;
  misses: number;
}

const caches = new WeakMap<Database, DirectoryCache>();

export function directoryCache(db: Database): DirectoryCache {
  let cache = caches.get(db);
  if (cache) return cache;
  if (db.kind === 'pglite') {
    let counter = 0;
    let subscribed: Promise<unknown> | undefined;
    cache = {
      entries: new Map(),
      hits: 0,
      misses: 0,
      detached: (fn) => db.withRequest({}, fn),
      async generation() {
        subscribed ??= db.listen('grove_directory', () => {
          counter++;
        });
        await subscribed;
        return counter;
      },
    };
  } else {
    cache = {
      entries: new Map(),
      hits: 0,
      misses: 0,
      detached: (fn) => db.withRequest({}, fn),
      async generation(q) {
        const { rows } = await q.query<{ value: string }>('select value from directory_generation');
        return Number(rows[0]?.value ?? 0);
      },
    };
  }
  caches.set(db, cache);
  return cache;
}

export async function cached<T>(cache: DirectoryCache, db: Queryable, key: string, compute: () => Promise<T>): Promise<T> {
  const generation = await cache.generation(db);
  const entry = cache.entries.get(key);
  if (entry?.generation === generation) {
    cache.hits++;
    // Most recently used last, so the oldest is evicted first.
    cache.entries.delete(key);
    cache.entries.set(key, entry);
    return entry.value as Promise<T>;
  }
  cache.misses++;
  const value = cache.detached(compute);
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
