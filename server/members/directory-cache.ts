/** Directory pages and facet counts, cached until the directory's read model changes (shared/read-cache.ts). */
import type { Database } from '../db/index.ts';
import { readCache, type ReadCache } from '../db/read-cache.ts';

export { cached } from '../db/read-cache.ts';
export type DirectoryCache = ReadCache;

export const directoryCache = (db: Database): DirectoryCache =>
  readCache(db, { channel: 'grove_directory', table: 'directory_generation' });
