/**
 * The reference server's database: PGlite (embedded, in memory or in a data directory) by default,
 * PostgreSQL when a connection URL is given. Both speak the same SQL and return the same JS types
 * (see `types.ts`). Writes and reads go through a bounded queue that refuses work with
 * `OverloadedError` rather than letting it pile up.
 */
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import type { Database, OpenDatabaseOptions } from './types.ts';

export { OverloadedError, QueryAbortedError } from './admission.ts';
export { migrate } from './migrate.ts';
export { bindTransaction, isUniqueViolation } from './types.ts';
export type {
  Database,
  DatabaseStats,
  OpenDatabaseOptions,
  Queryable,
  QueryOptions,
  QueryResult,
  RequestScope,
  TransactionQueryable,
} from './types.ts';

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  if (options.url) return openPostgres({ ...options, url: options.url });
  return openPglite(options);
}
