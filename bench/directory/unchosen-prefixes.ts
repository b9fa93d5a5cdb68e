/**
 * Type-ahead with prefixes nobody chose, against a running server (issue 12: "load runs at x100 with
 * prefixes you did not choose"):
 *
 *   npx tsx bench/directory/unchosen-prefixes.ts --url http://127.0.0.1:8787 [--requests 1000] [--clients 10] [--seed 7]
 *     [--filters none]
 *
 * Unique random prefixes of 2-4 letters (Latin with accents, a sixth Arabic; a tenth with a second word),
 * each with no filter or one of a country, an organisation, a language, a skill, facets or a sort
 * (`--filters none`: the prefixes alone, as the type-ahead figure counts them), sent by `--clients`
 * clients at once. Every prefix is sent once; a new `--seed` gives new prefixes, but two-letter prefixes
 * are few (about 1,900) and recur across runs, and the server keeps its answers in memory: restart it
 * before each run for figures with nothing cached. Prints req/s, p50, p99, max, the errors by status, the same per filter, and the
 * slowest requests. The bench/server scenarios read the network's own names; these do not.
 */
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.GROVE_URL ?? 'http://127.0.0.1:8787' },
    requests: { type: 'string', default: '1000' },
    clients: { type: 'string', default: '10' },
    seed: { type: 'string', default: '7' },
    // none: the type-ahead as the figure counts it (a prefix and nothing else)
    filters: { type: 'string', default: 'mixed' },
  },
});

// mulberry32: nearby seeds give unrelated sequences (a plain LCG seeded with 102 and 106 repeated many
// of the same prefixes, which the server then answered from its cache).
let state = Math.imul(Number(values.seed), 0x9e3779b9) >>> 0;
const random = (): number => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** Single code points (precomposed accents), so splitting them into letters is safe. */
const LATIN = Array.from('abcdefghijklmnopqrstuvwxyzéèáíóúñç');
const ARABIC = Array.from('ابتثجحخدذرزسشصضطظعغفقكلمنهوي');
/** Filters as the directory's users set them; blanks weigh the unfiltered search. */
const FILTERS = [
  '',
  '',
  '',
  '&country=KE',
  '&country=FR',
  '&country=BR',
  '&organisation=GIZ',
  '&language=fr',
  '&facets=true',
  '&facets=true&country=SN',
  '&skill=soil-health',
  '&sort=name',
];

const paths = new Set<string>();
while (paths.size < Number(values.requests)) {
  const alphabet = random() < 0.15 ? ARABIC : LATIN;
  let q = Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(alphabet)).join('');
  if (random() < 0.1) q += ` ${pick(LATIN)}${pick(LATIN)}`;
  const filter = pick(FILTERS);
  paths.add(`/api/v1/members?lang=en&q=${encodeURIComponent(q)}${values.filters === 'none' ? '' : filter}`);
}

const list = [...paths];
const times: { path: string; ms: number }[] = [];
const errors: Record<string, number> = {};
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: Number(values.clients) }, async () => {
    while (next < list.length) {
      const path = list[next++] ?? '';
      const t0 = performance.now();
      const response = await fetch(`${values.url}${path}`).catch(() => null);
      await response?.arrayBuffer();
      times.push({ path, ms: performance.now() - t0 });
      if (response?.status !== 200) {
        const status = String(response?.status ?? 'failed');
        errors[status] = (errors[status] ?? 0) + 1;
      }
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
const sorted = times.map((t) => t.ms).sort((a, b) => a - b);
const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN);
console.log(
  `${list.length} requests, ${values.clients} clients, seed ${values.seed}: ${Math.round(list.length / seconds)} req/s, ` +
    `p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms, errors ${JSON.stringify(errors)}`,
);
// Per filter: which kind of request a change made faster or slower.
const byFilter = new Map<string, number[]>();
for (const { path, ms } of times) {
  const filter = FILTERS.find((f) => f && path.endsWith(f)) ?? '(none)';
  byFilter.set(filter, [...(byFilter.get(filter) ?? []), ms]);
}
for (const [filter, all] of [...byFilter].sort(([a], [b]) => a.localeCompare(b))) {
  all.sort((a, b) => a - b);
  const q = (f: number) => Math.round(all[Math.min(all.length - 1, Math.ceil(f * all.length) - 1)] ?? NaN);
  console.log(`  ${filter.padEnd(24)} ${String(all.length).padStart(4)} requests  p50 ${q(0.5)} ms  p90 ${q(0.9)} ms  max ${q(1)} ms`);
}
console.log('slowest:');
for (const { path, ms } of times.sort((a, b) => b.ms - a.ms).slice(0, 8)) {
  console.log(`  ${Math.round(ms)} ms  ${decodeURIComponent(path.slice('/api/v1/members?lang=en&q='.length))}`);
}
