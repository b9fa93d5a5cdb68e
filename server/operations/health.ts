/** Liveness: the database answers a trivial query. */
import type { Queryable } from '../db/index.ts';

export async function pingDatabase(db: Queryable): Promise<void> {
  await db.query('select 1');
}
