/**
 * bench/directory (issue 4, "Measured"): prints, for the member directory,
 *   1. type-ahead latency p50/p99 (one person typing, every prefix from 3 characters; with and without the
 *      facet counts the first page carries) and req/s with p50/p99 at capacity (10 concurrent clients) on
 *      PGlite at capacity4dev scale (12,000 members);
 *   2. the same on PostgreSQL at x100 (1.2 million members) when DATABASE_URL is set (seeded when empty,
 *      which takes a long while; reused after), else a note that it was skipped;
 *   3. the time from the last keystroke to rendered results in Chromium for the 12,000-member network,
 *      through the BUILT CDN bundle (`npm run build:cdn`, or GROVE_CDN_DIR) and the real server.
 *
 * Usage: npm run bench:directory  (or: npx tsx bench/directory/run.ts [--seconds 10] [--preset capacity4dev];
 * `--preset demo --seconds 1` checks the script itself in a minute)
 */
import { parseArgs } from 'node:util';
import { migrate, openDatabase, type Database } from '../../server/db/index.ts';
import { startServer } from '../../server/index.ts';
import { isPresetName, seed, type PresetName } from '../../server/seed/index.ts';
import { keystrokeToResults } from './browser.ts';
import { closedLoop, sequential, type Latencies } from './load.ts';
import { membersPath, prefixes, searchTerms } from './queries.ts';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '10' }, preset: { type: 'string', default: 'capacity4dev' } },
});
if (!isPresetName(values.preset)) throw new Error('--preset demo|capacity4dev|x100');
const PRESET = values.preset;
const SECONDS = Number(values.seconds);
const CONNECTIONS = 10;
const CDN = process.env.GROVE_CDN_DIR ?? 'dist/cdn';
/** Debian's Chromium, driven by playwright-core (browser downloads do not work on these machines). */
// An empty variable means unset, as in the other benches.
const CHROMIUM = process.env.CHROME_PATH === undefined || process.env.CHROME_PATH === '' ? '/usr/bin/chromium' : process.env.CHROME_PATH;

const ms = (value: number) => `${value.toFixed(1)} ms`;
const latencies = (result: Latencies) =>
  `p50 ${ms(result.p50)}  p99 ${ms(result.p99)}  (${result.count} requests, ${result.errors} errors)`;

async function prepare(db: Database, preset: PresetName): Promise<string> {
  await migrate(db);
  const { rows } = await db.query<{ n: number }>('select count(*)::int as n from members');
  const existing = rows[0]?.n ?? 0;
  if (existing === 0) {
    process.stderr.write(`seeding ${preset}…\n`);
    const result = await seed(db, { preset });
    process.stderr.write(`seeded in ${(result.milliseconds / 1000).toFixed(1)} s\n`);
  }
  // Planner statistics for the freshly loaded rows, as autovacuum would eventually gather.
  await db.query('analyze');
  const { rows: size } = await db.query<{ n: number }>('select count(*)::int as n from members');
  return `${db.kind}, ${(size[0]?.n ?? 0).toLocaleString('en')} members${existing ? ' (existing data)' : ''}`;
}

/** Type-ahead and capacity figures for one database; returns the server for further use when `keep`. */
async function measureServer(db: Database, label: string, keep: boolean) {
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    database: db,
    log: null,
    rateLimit: { anonymousPerMinute: 0, memberPerMinute: 0 },
    staticRoots: { demo: 'bench/directory/page', cdn: CDN },
  });
  const terms = await searchTerms(db);
  const typed = terms.flatMap(prefixes).map((query) => server.url + membersPath(query));
  // Unmeasured warm-up: the first requests pay for query planning and cold caches, not steady state.
  await sequential(typed.slice(0, 20));
  const typeAhead = await sequential(typed);
  // The same searches without facet counts (what "show more" pages cost): how much of a search is the facets.
  const withoutFacets = await sequential(typed.map((path) => path.replace('facets=true', 'facets=false')));
  const capacity = await closedLoop(typed, CONNECTIONS, SECONDS);
  console.log(`\n${label}: ${terms.length} terms typed (${terms.slice(0, 6).join(', ')}, …)`);
  console.log(`  type-ahead, one person typing   ${latencies(typeAhead)}`);
  console.log(`    the same without facet counts ${latencies(withoutFacets)}`);
  console.log(
    `  at capacity, ${CONNECTIONS} clients, ${SECONDS} s    ${capacity.requestsPerSecond.toFixed(1)} req/s  ${latencies(capacity)}`,
  );
  if (keep) return { server, terms };
  await server.close();
  return undefined;
}

// 1 and 3: PGlite at capacity4dev scale (or --preset), in memory (seeding takes 10-30 s).
const pglite = await openDatabase({});
const pgliteLabel = await prepare(pglite, PRESET);
const kept = await measureServer(pglite, `PGlite ${PRESET} (${pgliteLabel})`, true);

// 2: PostgreSQL at x100, only with a server to run it on.
const url = process.env.DATABASE_URL === '' ? undefined : process.env.DATABASE_URL;
if (url) {
  const postgres = await openDatabase({ url });
  const label = await prepare(postgres, 'x100');
  await measureServer(postgres, `PostgreSQL x100 (${label})`, false);
  await postgres.close();
} else {
  console.log('\nPostgreSQL x100: skipped (set DATABASE_URL to a PostgreSQL database; an empty one is seeded with x100 first).');
}

if (kept) {
  const { server, terms } = kept;
  // What an anonymous reader's directory lists: members of public communities who have not opted out.
  const listed = (await (await fetch(`${server.url}/api/v1/members?limit=1`)).json()) as { total: number };
  const browserTerms = terms.slice(0, 16);
  try {
    const result = await keystrokeToResults(`${server.url}/`, browserTerms, CHROMIUM);
    console.log(
      `\nChromium, keystroke to rendered results, whole network (${listed.total.toLocaleString('en')} members listed), built CDN bundle:`,
    );
    console.log(
      `  p50 ${ms(result.p50)}  p99 ${ms(result.p99)}  over ${result.samples} terms; includes the 300 ms typing debounce; ` +
        `request alone p50 ${ms(result.requestP50)}`,
    );
  } finally {
    await server.close();
  }
}
await pglite.close();
