/**
 * Applies pending migrations and writes every event's occurrences (migration 110), as a server does in
 * the background when it starts, timing each part: the backfill of an existing database.
 *
 *   npx tsx bench/hot-paths/materialise-occurrences.ts --database-url postgres://…
 */
import { materialisePending } from '../../server/calendar/occurrence-store.ts';
import { migrate, openDatabase } from '../../server/db/index.ts';

const args = process.argv.slice(2);
const at = args.indexOf('--database-url');
const url = at >= 0 ? args[at + 1] : process.env.DATABASE_URL;
if (!url) {
  console.error('usage: materialise-occurrences.ts --database-url postgres://…');
  process.exit(2);
}
const db = await openDatabase({ url });
let started = performance.now();
const applied = await migrate(db);
console.log(`migrated: ${applied.join(', ') || 'nothing'} (${Math.round(performance.now() - started)} ms)`);
started = performance.now();
const written = await materialisePending(db);
console.log(`occurrences of ${written} events written (${Math.round(performance.now() - started)} ms)`);
started = performance.now();
await db.exec('vacuum analyze event_occurrences');
await db.exec('analyze events');
console.log(`vacuum analyze (${Math.round(performance.now() - started)} ms)`);
const { rows } = await db.query<{ n: number; size: string }>(
  `select count(*)::int as n, pg_size_pretty(pg_total_relation_size('event_occurrences')) as size from event_occurrences`,
);
console.log(`event_occurrences: ${rows[0]?.n} rows, ${rows[0]?.size}`);
await db.close();
