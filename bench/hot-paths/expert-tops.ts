/**
 * The expert finder's top five for every labelled question, as JSON, to compare two versions of the ranking
 * on the same network (decision 0120 requires the same top five):
 *
 *   npx tsx bench/hot-paths/expert-tops.ts --database-url postgres://… > before.json   (then after.json; diff)
 *
 * The clock is the seed's anchor, so decay is the same in both runs. Prints each question's time to stderr.
 */
import { openDatabase } from '../../server/db/index.ts';
import { loadLabelledSet } from '../../server/experts/evaluation.ts';
import { loadTaxonomy, rankExperts } from '../../server/experts/ranker.ts';
import { DEFAULT_WEIGHTS } from '../../server/experts/weights.ts';

const args = process.argv.slice(2);
const url = args[args.indexOf('--database-url') + 1] ?? process.env.DATABASE_URL;
if (!url) throw new Error('--database-url postgres://…');
const db = await openDatabase({ url });
const anchor = await db.query<{ anchor: Date }>('select anchor from seed_runs order by id desc limit 1');
const now = anchor.rows[0]?.anchor ?? new Date();
const taxonomy = await loadTaxonomy(db);
const set = await loadLabelledSet(db);
const tops: Record<string, string[]> = {};
const times: number[] = [];
for (const query of set.queries) {
  const started = performance.now();
  const ranked = await rankExperts(
    db,
    { q: query.query, viewerId: null, communityId: null, limit: 5, weights: DEFAULT_WEIGHTS, now },
    taxonomy,
  );
  times.push(performance.now() - started);
  tops[query.query] = ranked.experts.map((expert) => expert.id);
}
times.sort((a, b) => a - b);
const at = (q: number) => (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(0);
process.stderr.write(`${set.queries.length} questions: p50 ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${at(1)} ms\n`);
console.log(JSON.stringify(tops, null, 1));
await db.close();
