/**
 * tsx bench/experts/run.ts [--preset capacity4dev|demo] [--data-dir .tmp/c4d-pglite] [--schema name] [--requests 300]
 *
 * Prints the expert finder's quality on the labelled set (nDCG@10, P@5, MRR) for the ranker and for the
 * declared-skills baseline, per source and language, then the latency of GET /v1/experts (p50, p99)
 * through the HTTP app in-process. The database is PostgreSQL when DATABASE_URL is set, else a
 * file-backed PGlite with --data-dir (seeded once, reused), else an in-memory PGlite seeded now. On
 * PostgreSQL, --schema seeds a schema of its own (kept for the next run) rather than the database's default.
 * The seed and its anchor are fixed, so every run scores the same network.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { createApp } from '../../server/http/app.ts';
import { loadConfig } from '../../server/config.ts';
import { migrate, openDatabase } from '../../server/db/index.ts';
import { rankByDeclaredSkills } from '../../server/experts/baseline.ts';
import { evaluate, loadLabelledSet, type Evaluation } from '../../server/experts/evaluation.ts';
import type { Scores } from '../../server/experts/metrics.ts';
import { loadTaxonomy, rankExperts } from '../../server/experts/ranker.ts';
import { parseWeights } from '../../server/experts/weights.ts';
import { isPresetName, seed } from '../../server/seed/index.ts';

const ANCHOR = new Date('2026-01-05T00:00:00Z');
const { values } = parseArgs({
  options: {
    preset: { type: 'string', default: 'capacity4dev' },
    'data-dir': { type: 'string' },
    schema: { type: 'string' },
    requests: { type: 'string', default: '300' },
  },
});
if (!isPresetName(values.preset)) throw new Error('--preset demo|capacity4dev|x100');
const url = process.env.DATABASE_URL?.trim() ? process.env.DATABASE_URL : undefined; // empty means unset
const dataDir = url ? undefined : values['data-dir'];
const db = await openDatabase({
  ...(url ? { url, ...(values.schema ? { schema: values.schema } : {}) } : {}),
  ...(dataDir ? { dataDir } : {}),
});
await migrate(db);
const members = await db.query<{ n: number }>('select count(*)::int as n from members');
if ((members.rows[0]?.n ?? 0) === 0) {
  process.stderr.write(`seeding ${values.preset}…\n`);
  await seed(db, { preset: values.preset, anchor: ANCHOR });
}
const run = await db.query<{ preset: string; anchor: Date; members: number; posts: number }>(
  `select r.preset, r.anchor, (select count(*)::int from members) as members, (select count(*)::int from posts) as posts
   from seed_runs r order by r.id desc limit 1`,
);
const network = run.rows[0];
if (!network) throw new Error('no seed run recorded');
const now = new Date(network.anchor);
console.log(
  `network: ${network.preset}, ${network.members} members, ${network.posts} posts (${db.kind}), clock ${now.toISOString().slice(0, 10)}`,
);

// ---- quality --------------------------------------------------------------------------------------
const weights = parseWeights(process.env.GROVE_EXPERT_WEIGHTS);
const taxonomy = await loadTaxonomy(db);
const set = await loadLabelledSet(db);
const ranker = await evaluate(set, async (query) =>
  (await rankExperts(db, { q: query.query, viewerId: null, communityId: null, limit: 10, weights, now }, taxonomy)).experts.map(
    (e) => e.id,
  ),
);
const baseline = await evaluate(set, (query) => rankByDeclaredSkills(db, { q: query.query, viewerId: null, limit: 10 }, taxonomy));

const f = (value: number) => value.toFixed(3);
const line = (label: string, a: Scores, b: Scores) =>
  `${label.padEnd(16)} ${f(a.ndcg10)}  ${f(b.ndcg10)}  ${(a.ndcg10 / (b.ndcg10 || 1)).toFixed(2)}x   ${f(a.p5)}  ${f(b.p5)}   ${f(a.mrr)}  ${f(b.mrr)}`;
const none: Scores = { ndcg10: 0, p5: 0, mrr: 0 };
const groups = (name: keyof Pick<Evaluation, 'bySource' | 'byLanguage'>) =>
  Object.keys(ranker[name])
    .sort()
    .map((key) => line(`  ${key}`, ranker[name][key] ?? none, baseline[name][key] ?? none));
const ceiling = set.queries.reduce((sum, q) => sum + Math.min(q.relevant.size, 5) / 5, 0) / (set.queries.length || 1);
console.log(
  `\nlabelled set: ${set.queries.length} questions (${set.queries.filter((q) => q.source === 'seed').length} planted by the seed, ` +
    `${set.queries.filter((q) => q.source === 'hand-written').length} hand-written in en/fr/es/ar); ${set.skipped.length} skipped`,
);
for (const skipped of new Map(set.skipped.map((s) => [s.topic, s.reason]))) console.log(`  skipped topic ${skipped[0]}: ${skipped[1]}`);
console.log(`\n                 nDCG@10         ratio   P@5 (ceiling ${f(ceiling)})   MRR`);
console.log('                 ranker baseline         ranker baseline  ranker baseline');
console.log(line('all', ranker.overall, baseline.overall));
console.log(groups('bySource').join('\n'));
console.log(groups('byLanguage').join('\n'));
const misses = ranker.perQuery.filter((q) => q.ndcg10 < 0.7);
if (misses.length) console.log(`\nweakest questions (nDCG@10 < 0.7):\n${misses.map((q) => `  ${f(q.ndcg10)}  ${q.query}`).join('\n')}`);

// ---- spreading questions -----------------------------------------------------------------------------
// The same questions ranked without availability and load tempering: what tempering costs in quality,
// and how much busier the people at the top would be without it.
const untempered = { ...weights, loadPenalty: 0, limitedAvailability: 1 };
const busyness = async (w: typeof weights) => {
  let contributions = 0;
  let slots = 0;
  const scores = await evaluate(set, async (query) => {
    const { experts } = await rankExperts(db, { q: query.query, viewerId: null, communityId: null, limit: 10, weights: w, now }, taxonomy);
    for (const expert of experts.slice(0, 3)) [contributions, slots] = [contributions + expert.recentContributions, slots + 1];
    return experts.map((e) => e.id);
  });
  return { ndcg10: scores.overall.ndcg10, perSlot: contributions / (slots || 1) };
};
const [withTempering, withoutTempering] = [await busyness(weights), await busyness(untempered)];
console.log(
  `\ntempering by availability and load: nDCG@10 ${f(withTempering.ndcg10)} (without: ${f(withoutTempering.ndcg10)}); ` +
    `the top 3 wrote ${withTempering.perSlot.toFixed(1)} posts each in the last 30 days (without: ${withoutTempering.perSlot.toFixed(1)})`,
);

// ---- latency --------------------------------------------------------------------------------------
const { app } = createApp({ db, config: { ...loadConfig({}), rateLimit: { anonymousPerMinute: 0, memberPerMinute: 0 } }, log: null });
const questions = [
  ...set.queries.map((q) => q.query),
  'irrigation',
  'water',
  'Who can help with solar pumps in Mali?',
  'gestion des connaissances',
  'suivi',
];
const requests = Number(values.requests);
const timings: number[] = [];
/** CPU time of this process per request: with PGlite the database runs in it, so this is the work done, whatever else loads the machine. */
const cpu: number[] = [];
for (let n = -10; n < requests; n++) {
  const q = questions[(n + questions.length * 10) % questions.length] ?? 'irrigation';
  const started = performance.now();
  const startedCpu = process.cpuUsage();
  const response = await app.request(`/api/v1/experts?q=${encodeURIComponent(q)}&limit=10&lang=en`);
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`GET /v1/experts ${q}: ${response.status}`);
  const used = process.cpuUsage(startedCpu);
  if (n >= 0) timings.push(performance.now() - started);
  if (n >= 0) cpu.push((used.user + used.system) / 1000);
}
const percentiles = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const pick = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return `p50 ${pick(0.5).toFixed(0)} ms, p99 ${pick(0.99).toFixed(0)} ms, max ${pick(1).toFixed(0)} ms`;
};
const [load] = loadavg();
console.log(`\nGET /v1/experts, ${requests} sequential requests over ${questions.length} questions (load average ${load?.toFixed(1)}):`);
console.log(`  wall clock ${percentiles(timings)}`);
if (db.kind === 'pglite') console.log(`  CPU time   ${percentiles(cpu)}`);
await db.close();
