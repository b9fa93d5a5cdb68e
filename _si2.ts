import { openDatabase } from './server/db/index.ts';
import { listOccurrences } from './server/calendar/events.ts';
const db = await openDatabase({ url: process.argv[2] });
const orig = db.query.bind(db);
let done = false;
(db as any).query = async (sql: string, p: unknown[]) => { const r = await orig(sql, p);
  if (!done && sql.includes('with page')) { done = true; const e = await orig(`explain (analyze, buffers) ${sql}`, p); console.log(e.rows.map((x: any) => x['QUERY PLAN']).join('\n')); }
  return r; };
await listOccurrences(db, { community: 'water', from: '2026-12-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z', limit: 100 } as never, { memberId: '860289' });
await db.close();
