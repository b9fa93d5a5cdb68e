/**
 * The statements a request runs, each with its EXPLAIN (ANALYZE, BUFFERS) figures, against a seeded
 * PostgreSQL database (the plans in docs/decisions/0120-serving-scale.md come from here):
 *
 *   npx tsx bench/hot-paths/explain.ts --database-url postgres://… [--plans] /api/v1/experts?q=… …
 *
 * Pending migrations are applied first. Each path is requested once to warm the caches, then once traced
 * (the calendar generation bumped in between, so a calendar page is computed again): per statement its execution time,
 * the top plan node and shared buffers hit/read; `--plans` prints every plan in full. Anonymous requests,
 * as the benchmark sends them.
 */
import { loadConfig } from '../../server/config.ts';
import { migrate, openDatabase } from '../../server/db/index.ts';
import { createApp } from '../../server/http/app.ts';

const args = process.argv.slice(2);
const urlAt = args.indexOf('--database-url');
const url = urlAt >= 0 ? args[urlAt + 1] : process.env.DATABASE_URL;
const full = args.includes('--plans');
const paths = args.filter((arg, i) => arg.startsWith('/') && args[i - 1] !== '--database-url');
if (!url || paths.length === 0) {
  console.error('usage: explain.ts --database-url postgres://… [--plans] <path>…');
  process.exit(2);
}

interface Plan {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Total Time': number;
  'Shared Hit Blocks': number;
  'Shared Read Blocks': number;
}

const db = await openDatabase({ url });
const applied = await migrate(db);
if (applied.length > 0) console.log(`migrated: ${applied.join(', ')}`);
const traced: { sql: string; params: unknown[]; ms: number }[] = [];
let tracing = false;
// Two handles on the one database: answers cached per handle (server/db/read-cache.ts) are warmed through
// the first and not found through the second, so the traced request runs its statements on warm buffers.
const handle = () =>
  new Proxy(db, {
    get(target, key, receiver) {
      if (key === 'query') {
        return async (sql: string, params?: unknown[], options?: object) => {
          const started = performance.now();
          const snapshot = [...(params ?? [])];
          const result = await target.query(sql, params, options);
          if (tracing) traced.push({ sql, params: snapshot, ms: performance.now() - started });
          return result;
        };
      }
      const value = Reflect.get(target, key, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });

const config = loadConfig({ GROVE_RATE_LIMIT: '0', GROVE_RATE_LIMIT_MEMBER: '0' });
const { app: warm } = createApp({ db: handle(), config, log: null });
const { app } = createApp({ db: handle(), config, log: null });

for (const path of paths) {
  await (await warm.request(path)).arrayBuffer();
  // The traced request is computed, not served from the anonymous calendar cache (migration 081) even if
  // that cache is shared: a write outside any request makes it re-read the generation it moved.
  await db.query('update calendar_generation set value = value + 1');
  traced.length = 0;
  tracing = true;
  const started = performance.now();
  const response = await app.request(path);
  const body = await response.text();
  const elapsed = performance.now() - started;
  tracing = false;
  console.log(`\n${path}\n  ${response.status}, ${body.length} bytes, ${elapsed.toFixed(1)} ms in the app, ${traced.length} statements`);
  let total = 0;
  for (const statement of traced) {
    const { rows } = await db.query<{ 'QUERY PLAN': [{ Plan: Plan; 'Execution Time': number }] }>(
      `explain (analyze, buffers, format json) ${statement.sql}`,
      statement.params,
    );
    const explained = rows[0]?.['QUERY PLAN'][0];
    if (!explained) continue;
    const { Plan: plan, 'Execution Time': ms } = explained;
    total += ms;
    const where = plan['Index Name'] ?? plan['Relation Name'] ?? '';
    const first = statement.sql.replace(/\s+/g, ' ').trim().slice(0, 90);
    console.log(
      `  ${ms.toFixed(1).padStart(8)} ms  ${plan['Node Type']}${where ? ` on ${where}` : ''}, buffers hit ${plan['Shared Hit Blocks']} read ${plan['Shared Read Blocks']}  | ${first}`,
    );
    if (full) {
      const { rows: text } = await db.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${statement.sql}`, statement.params);
      console.log(text.map((row) => `      ${row['QUERY PLAN']}`).join('\n'));
    }
  }
  console.log(`  total execution ${total.toFixed(1)} ms`);
}
await db.close();
