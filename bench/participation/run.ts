/**
 * tsx bench/participation/run.ts [--preset capacity4dev] [--data-dir .tmp/c4d-pglite] [--seconds 10]
 *
 * Prints, for the preset's network (capacity4dev by default: 12,000 members, 23,000 posts):
 * - the time to compute every level and achievement from the whole ledger (grove_rebuild_participation),
 *   and what the incremental fold costs per recorded fact;
 * - the share of member-community pairs at each peak level;
 * - req/s, p50 and p99 of the member-badge endpoint, of one batched request for a directory page of 50
 *   members, and of a community's profile.
 * The database is chosen as in bench/server/run.ts (DATABASE_URL, --data-dir, else in-memory PGlite) and
 * seeded only when empty.
 */
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { recordFacts } from '../../server/participation/facts.ts';
import { migrate, openDatabase } from '../../server/db/index.ts';
import { startServer } from '../../server/index.ts';
import { isPresetName, seed } from '../../server/seed/index.ts';

const { values } = parseArgs({
  options: {
    preset: { type: 'string', default: 'capacity4dev' },
    'data-dir': { type: 'string' },
    seconds: { type: 'string', default: '10' },
  },
});
if (!isPresetName(values.preset)) throw new Error('--preset demo|capacity4dev|x100');
const url = process.env.DATABASE_URL === '' ? undefined : process.env.DATABASE_URL; // empty means unset
const dataDir = url ? undefined : values['data-dir'];
const db = await openDatabase({ ...(url ? { url } : {}), ...(dataDir ? { dataDir } : {}) });
await migrate(db);
const seeded = ((await db.query<{ n: number }>('select count(*)::int as n from members')).rows[0]?.n ?? 0) > 0;
if (!seeded) {
  process.stderr.write(`seeding ${values.preset} (levels fold as the facts are written)…\n`);
  const result = await seed(db, { preset: values.preset });
  console.log(`seed ${values.preset}: ${(result.milliseconds / 1000).toFixed(1)} s including the incremental fold`);
}
await db.query('analyze');

const size = (
  await db.query<{ members: number; facts: number }>(
    'select (select count(*)::int from members) as members, (select count(*)::int from participation_facts) as facts',
  )
).rows[0];
console.log(
  `${db.kind}${dataDir ? ` (${dataDir})` : ''}: ${size?.members.toLocaleString('en')} members, ${size?.facts.toLocaleString('en')} participation facts`,
);

// Full computation, as after changing the thresholds.
let started = performance.now();
const pairs = (await db.query<{ n: number }>('select grove_rebuild_participation() as n')).rows[0]?.n ?? 0;
console.log(
  `compute all levels and achievements: ${Math.round(performance.now() - started)} ms for ${pairs.toLocaleString('en')} member-community pairs`,
);

// Incremental: what one recorded contribution costs (the trigger re-evaluates only its pair).
const busiest = (
  await db.query<{ member_id: string; community_id: string }>(
    `select member_id, community_id from participation_facts group by 1, 2 order by count(*) desc limit 1`,
  )
).rows[0];
if (!busiest) throw new Error('no participation facts: seed the database first');
const FACTS = 200;
started = performance.now();
for (let n = 0; n < FACTS; n++) {
  await recordFacts(db, [{ memberId: busiest.member_id, communityId: busiest.community_id, kind: 'reaction-given', subjectId: null }]);
}
console.log(`incremental fold: ${((performance.now() - started) / FACTS).toFixed(2)} ms per recorded fact (busiest pair, insert included)`);

const levels = (
  await db.query<{ peak_level: string; n: number }>(
    `select peak_level, count(*)::int as n from participation_standing group by 1 order by grove_level_rank(peak_level) desc`,
  )
).rows;
const total = levels.reduce((sum, row) => sum + row.n, 0);
console.log(
  `peak levels of pairs with facts: ${levels.map((row) => `${row.peak_level} ${((100 * row.n) / total).toFixed(1)}%`).join(', ')}`,
);

const directoryPage = (await db.query<{ id: string }>('select id from members order by name, id limit 50')).rows.map(
  (row) => `member=${row.id}`,
);
const community =
  (
    await db.query<{ slug: string }>(
      'select c.slug from communities c join memberships m on m.community_id = c.id group by c.slug order by count(*) desc limit 1',
    )
  ).rows[0]?.slug ?? 'water';
const server = await startServer({ port: 0, database: db, log: null, rateLimit: { anonymousPerMinute: 0, memberPerMinute: 0 } });
const scenarios = [
  { name: 'member badge', path: `/api/v1/participation/members/${busiest.member_id}`, connections: 10 },
  {
    name: 'member badge (community)',
    path: `/api/v1/participation/badges?member=${busiest.member_id}&community=${community}`,
    connections: 10,
  },
  { name: 'directory page of 50', path: `/api/v1/participation/badges?${directoryPage.join('&')}`, connections: 10 },
  { name: `profile of ${community}`, path: `/api/v1/participation/communities/${community}`, connections: 4 },
];
for (const scenario of scenarios) {
  // Unmeasured warm-up: the first requests pay for query planning and cold caches, not steady state.
  await autocannon({ url: server.url + scenario.path, connections: scenario.connections, duration: 2 });
  const result = await autocannon({ url: server.url + scenario.path, connections: scenario.connections, duration: Number(values.seconds) });
  console.log(
    `${scenario.name.padEnd(26)} c=${String(scenario.connections).padEnd(3)} ${Math.round(result.requests.average)} req/s  ` +
      `p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  errors ${result.errors + result.non2xx}`,
  );
}
await server.close();
await db.close();
