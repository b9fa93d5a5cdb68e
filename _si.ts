import { openDatabase } from './server/db/index.ts';
import { listOccurrences } from './server/calendar/events.ts';
const db = await openDatabase({ url: process.argv[2] });
const orig = db.query.bind(db);
let log: string[] = [];
(db as any).query = async (sql: string, p: unknown[]) => { const t = performance.now(); const r = await orig(sql, p); log.push(`${(performance.now()-t).toFixed(1)}ms ${r.rows.length} ${sql.replace(/\s+/g,' ').slice(0,60)}`);
  if (process.argv[3]) { const e = await orig(`explain (analyze, buffers) ${sql}`, p); log.push(e.rows.map((x: any) => x['QUERY PLAN']).filter((l: string) => /Execution|Planning Time|loops=1\)$/.test(l)).slice(0,6).join('\n')); }
  return r; };
for (const slug of ['water', 'knowledge-management']) for (const m of [10, 11]) {
  log = [];
  const t = performance.now();
  const from = new Date(Date.UTC(2026, m, 1)).toISOString(), to = new Date(Date.UTC(2026, m + 1, 1)).toISOString();
  const r = await listOccurrences(db, { community: slug, from, to, limit: 100 } as never, { memberId: '860289' });
  console.log(slug, from.slice(0,7), `total ${(performance.now() - t).toFixed(1)} ms`, r.items.length); console.log('  ' + log.join('\n  '));
}
await db.close();
