/**
 * SCIM list pages at every depth, through the HTTP app in-process, as an identity provider syncing all
 * accounts reads them (`/scim/v2/Users?startIndex=…&count=100`, the total included):
 *
 *   npx tsx bench/hot-paths/scim-pages.ts --database-url postgres://…/grove_bench_x100
 *
 * Prints each page's status, totalResults, items and time, twice per depth (cold, then warm).
 */
import { loadConfig } from '../../server/config.ts';
import { openDatabase } from '../../server/db/index.ts';
import { createApp } from '../../server/http/app.ts';

const args = process.argv.slice(2);
const url = args.includes('--database-url') ? args[args.indexOf('--database-url') + 1] : process.env.DATABASE_URL;
if (!url) throw new Error('--database-url postgres://…');
const db = await openDatabase({ url });
const token = 'scim-bench-token-that-is-long-enough-123456';
const { app } = createApp({ db, config: { ...loadConfig({ GROVE_RATE_LIMIT: '0' }), scimToken: token }, log: null });
const { rows } = await db.query<{ n: number }>('select count(*)::int as n from members where removed_at is null');
const accounts = rows[0]?.n ?? 0;
for (const start of [1, 1_000, Math.floor(accounts / 12), Math.floor(accounts / 2), Math.max(1, accounts - 99)]) {
  for (const pass of ['cold', 'warm']) {
    const t0 = performance.now();
    const response = await app.request(`/scim/v2/Users?startIndex=${String(start)}&count=100`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await response.json()) as { totalResults: number; Resources: unknown[] };
    const ms = Math.round(performance.now() - t0);
    console.log(
      `startIndex ${String(start).padEnd(9)} ${pass}: ${String(response.status)}, totalResults ${String(body.totalResults)}, ${String(body.Resources.length)} items, ${String(ms)} ms`,
    );
  }
}
await db.close();
