/**
 * One-at-a-time latency of the expert query as bench/server sends it (`/api/v1/experts?q=Who can help with
 * <skill>?&lang=en&limit=5`, one question per leaf skill), through the HTTP app in-process:
 *
 *   npx tsx bench/hot-paths/expert-latency.ts --database-url postgres://… [--passes 2] [--untuned] [--show]
 *
 * `--untuned` asks instead questions worded as people ask them, which nobody tuned the ranking for
 * (decision 0195, third round): single words that name topics only in part ("irrigation"), words nobody
 * wrote ("rice"), whole sentences, and the same in French, Spanish and Arabic. `--show` prints each
 * question's time and the ids of its top five (to compare two versions of the ranking side by side).
 *
 * Each pass opens its own connection pool, so the answer cache (kept per database handle) starts empty:
 * every question is ranked ("cold"); then the same questions are asked again ("cached": answered from
 * memory within the minute). Prints p50, p99 and max of both, and the slowest cold questions.
 */
import { loadavg } from 'node:os';
import { loadConfig } from '../../server/config.ts';
import { openDatabase } from '../../server/db/index.ts';
import { createApp } from '../../server/http/app.ts';
import { UNTUNED_QUESTIONS } from './untuned-questions.ts';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const url = option('--database-url') ?? process.env.DATABASE_URL;
if (!url) throw new Error('--database-url postgres://…');
const passes = Number(option('--passes') ?? '1');
const show = args.includes('--show');
const at = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
const summary = (times: { q: string; ms: number }[]) => {
  const sorted = times.map((t) => t.ms).sort((a, b) => a - b);
  return `p50 ${at(sorted, 0.5).toFixed(0)} ms, p99 ${at(sorted, 0.99).toFixed(0)} ms, max ${at(sorted, 1).toFixed(0)} ms`;
};
for (let pass = 1; pass <= passes; pass++) {
  const db = await openDatabase({ url });
  const { rows } = await db.query<{ label: string }>(`select labels->>'en' as label from skills where parent_id is not null order by id`);
  const questions = args.includes('--untuned') ? UNTUNED_QUESTIONS : rows.map((row) => `Who can help with ${row.label.toLowerCase()}?`);
  const { app } = createApp({ db, config: loadConfig({ GROVE_RATE_LIMIT: '0', GROVE_RATE_LIMIT_MEMBER: '0' }), log: null });
  const ask = async () => {
    const times: { q: string; ms: number }[] = [];
    for (const q of questions) {
      const started = performance.now();
      const response = await app.request(`/api/v1/experts?${new URLSearchParams({ q, lang: 'en', limit: '5' }).toString()}`);
      const body = (await response.json()) as { items?: { member: { id: string } }[] };
      if (response.status !== 200) throw new Error(`${q}: ${response.status}`);
      const ms = performance.now() - started;
      times.push({ q, ms });
      if (show) console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${q}  [${(body.items ?? []).map((item) => item.member.id).join(', ')}]`);
    }
    return times;
  };
  // The pool's connections and the cache's LISTEN are set up by a question outside the measured set.
  await (await app.request('/api/v1/experts?q=warm-up&lang=en&limit=5')).arrayBuffer();
  const [loadBefore] = loadavg();
  const cold = await ask();
  const again = await ask();
  const slowest = [...cold].sort((a, b) => b.ms - a.ms).slice(0, 3);
  console.log(
    `pass ${pass}: ${questions.length} questions (load average ${loadBefore?.toFixed(1)} → ${loadavg()[0]?.toFixed(1)}); ` +
      `cold ${summary(cold)}; asked again ${summary(again)}; slowest cold: ` +
      slowest.map((t) => `${t.q.replace('Who can help with ', '')} ${t.ms.toFixed(0)}`).join(', '),
  );
  await db.close();
}
