/**
 * tsx bench/server/run.ts [--preset demo|capacity4dev|x100] [--data-dir .tmp/c4d-pglite] [--seconds 10]
 *
 * Prints req/s, p50 and p99 for the directory page, type-ahead search and thread read. The database is
 * PostgreSQL when DATABASE_URL is set, else a file-backed PGlite with --data-dir, else an in-memory
 * PGlite. It is migrated, then seeded with the preset only when it has no members yet, so a data set
 * seeded once (`tsx server/seed/cli.ts --preset capacity4dev --data-dir .tmp/c4d-pglite`) is reused.
 */
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { migrate, openDatabase } from '../../server/db/index.ts';
import { isPresetName, seed } from '../../server/seed/index.ts';
import { startServer } from '../../server/index.ts';

const { values } = parseArgs({
  options: {
    preset: { type: 'string', default: 'demo' },
    'data-dir': { type: 'string' },
    seconds: { type: 'string', default: '10' },
  },
});
if (!isPresetName(values.preset)) throw new Error('--preset demo|capacity4dev|x100');
const url = process.env.DATABASE_URL === '' ? undefined : process.env.DATABASE_URL; // empty means unset
const dataDir = url ? undefined : values['data-dir'];
const db = await openDatabase({ ...(url ? { url } : {}), ...(dataDir ? { dataDir } : {}) });
await migrate(db);
const members = await db.query<{ n: number }>('select count(*)::int as n from members');
const seeded = (members.rows[0]?.n ?? 0) > 0;
if (!seeded) {
  process.stderr.write(`seeding ${values.preset}…\n`);
  await seed(db, { preset: values.preset });
}
// Planner statistics for the freshly loaded rows, as autovacuum would eventually gather.
await db.query('analyze');
const { rows } = await db.query<{ id: string }>('select thread_id as id from posts group by thread_id order by count(*) desc limit 1');
const counts = await db.query<{ members: number; posts: number }>(
  'select (select count(*)::int from members) as members, (select count(*)::int from posts) as posts',
);
const server = await startServer({ port: 0, database: db, log: null, rateLimit: { anonymousPerMinute: 0, memberPerMinute: 0 } });
const scenarios = [
  { name: 'directory page', path: '/api/v1/members?limit=24', connections: 50 },
  { name: 'type-ahead search', path: '/api/v1/members?q=irrig&limit=8', connections: 10 },
  { name: 'thread read', path: `/api/v1/threads/${rows[0]?.id ?? '1'}/posts?limit=20`, connections: 50 },
];
const size = counts.rows[0];
console.log(
  `${db.kind}${dataDir ? ` (${dataDir})` : ''}, ${size?.members.toLocaleString('en')} members, ${size?.posts.toLocaleString('en')} posts ` +
    `(${seeded ? 'existing data' : `seeded ${values.preset}`}), ${values.seconds} s each`,
);
for (const scenario of scenarios) {
  // Unmeasured warm-up: the first requests pay for query planning and cold caches, not steady state.
  await autocannon({ url: server.url + scenario.path, connections: scenario.connections, duration: 2 });
  const result = await autocannon({ url: server.url + scenario.path, connections: scenario.connections, duration: Number(values.seconds) });
  console.log(
    `${scenario.name.padEnd(18)} c=${String(scenario.connections).padEnd(3)} ${Math.round(result.requests.average)} req/s  ` +
      `p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  errors ${result.errors + result.non2xx}`,
  );
}
await server.close();
await db.close();
