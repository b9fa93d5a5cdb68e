/**
 * What the expert ranking statement costs the database, per question, independent of the load average:
 *
 *   npx tsx bench/hot-paths/expert-statement-cpu.ts --database-url postgres://… [--questions 50] [--reps 4]
 *     [--variant path/to/evidence-sql.ts] [--untuned]
 *
 * The bench's questions ("Who can help with <skill>?", limit 5, anonymous, a fixed clock): the statement
 * and its parameters are captured from `rankExperts`, then run `--reps` times on one connection, and the
 * server process's CPU time for them is read from /proc/<backend pid>/stat (Linux, database on this
 * machine). Wall-clock time on a shared machine moves with everyone else's work; CPU time moves far less
 * (other processes on the same cores still slow it, ±30% run to run: compare runs taken together). Prints
 * per question the CPU ms per run, the buffers of one EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) and the top
 * five. `--variant` runs another module's RANK_SQL with the same parameters (a copy of an older
 * evidence-sql.ts, say) to compare two versions on the same data; its top five are printed too.
 * `--untuned` asks the questions nobody tuned for (untuned-questions.ts) instead of the bench's.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../server/db/index.ts';
import { rankExperts } from '../../server/experts/ranker.ts';
import { DEFAULT_WEIGHTS } from '../../server/experts/weights.ts';
import { UNTUNED_QUESTIONS } from './untuned-questions.ts';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const url = option('--database-url') ?? process.env.DATABASE_URL;
if (!url) throw new Error('--database-url postgres://…');
const questionCount = Number(option('--questions') ?? '50');
const reps = Number(option('--reps') ?? '4');
const variant = option('--variant');
const variantSql = variant ? ((await import(resolve(variant))) as { RANK_SQL: string }).RANK_SQL : undefined;

const db = await openDatabase({ url });
const { rows: skills } = await db.query<{ label: string }>(
  `select labels->>'en' as label from skills where parent_id is not null order by id`,
);
const questions = (
  args.includes('--untuned') ? UNTUNED_QUESTIONS : skills.map((row) => `Who can help with ${row.label.toLowerCase()}?`)
).slice(0, questionCount);
const now = new Date('2026-12-07T12:00:00Z');

/** The statements `rankExperts` runs, captured with their parameters; the ranking is the last. */
const captured: { sql: string; params: unknown[] }[] = [];
const capturing = new Proxy(db, {
  get(target, key, receiver) {
    if (key === 'query')
      return (sql: string, params?: unknown[]) => {
        captured.push({ sql, params: [...(params ?? [])] });
        return target.query(sql, params);
      };
    const value = Reflect.get(target, key, receiver) as unknown;
    return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
  },
});

const client = new pg.Client({ connectionString: url, options: process.env.JIT === 'on' ? '' : '-c jit=off' });
await client.connect();
const { rows: backend } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
const pid = backend[0]?.pid;
/** utime + stime of the backend, in ms (fields 14 and 15 of /proc/<pid>/stat, in clock ticks of 10 ms). */
const cpuMs = () => {
  const fields =
    readFileSync(`/proc/${String(pid)}/stat`, 'utf8')
      .split(') ')[1]
      ?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

interface Explained {
  Plan: { 'Shared Hit Blocks': number; 'Shared Read Blocks': number };
}
const startLoad = loadavg()[0] ?? 0;
let totalMs = 0;
let totalBuffers = 0;
for (const q of questions) {
  captured.length = 0;
  const ranked = await rankExperts(capturing, { q, viewerId: null, communityId: null, limit: 5, weights: { ...DEFAULT_WEIGHTS }, now });
  const ranking = captured.at(-1);
  if (!ranking) throw new Error(`${q}: no statement`);
  const sql = variantSql ?? ranking.sql;
  // An older statement may take fewer parameters than the current one passes (they are added at the end).
  const used = Math.max(...[...sql.matchAll(/\$(\d+)/g)].map((match) => Number(match[1])));
  ranking.params.length = Math.min(ranking.params.length, used);
  const first = await client.query<{ id: string }>(sql, ranking.params);
  const { rows: plan } = await client.query<{ 'QUERY PLAN': [Explained] }>(
    `explain (analyze, buffers, timing off, format json) ${sql}`,
    ranking.params,
  );
  const explained = plan[0]?.['QUERY PLAN'][0].Plan;
  const buffers = (explained?.['Shared Hit Blocks'] ?? 0) + (explained?.['Shared Read Blocks'] ?? 0);
  const before = cpuMs();
  for (let i = 0; i < reps; i++) await client.query(sql, ranking.params);
  const ms = (cpuMs() - before) / reps;
  totalMs += ms;
  totalBuffers += buffers;
  const top = first.rows.map((row) => row.id).join(',');
  const ranker = ranked.experts.map((expert) => expert.id).join(',');
  console.log(
    `${q.replace('Who can help with ', '').padEnd(34)} cpu ${ms.toFixed(1).padStart(6)} ms  buffers ${String(buffers).padStart(6)}  top ${top}` +
      (top === ranker ? '' : `  (rankExperts: ${ranker})`),
  );
}
console.log(
  `mean cpu ${(totalMs / questions.length).toFixed(1)} ms, buffers ${(totalBuffers / questions.length).toFixed(0)} ` +
    `(load average ${startLoad.toFixed(1)} → ${(loadavg()[0] ?? 0).toFixed(1)})`,
);
await client.end();
await db.close();
