/**
 * Uncached calendar months, one at a time: the benchmark's 80 community-months (the 20 public communities
 * with most events × the seed anchor's previous, own and next two months, limit 100), each requested
 * through the app after a bump of `calendar_generation` (so the anonymous page cache of migration 081
 * cannot answer), then the same months for a signed-in member (never cached). Prints p50, p99 and max.
 *
 *   npx tsx bench/hot-paths/calendar-months.ts --database-url postgres://… [--rounds 2] [--member <id>]
 *
 * Pending migrations are applied first.
 */
import { loadConfig } from '../../server/config.ts';
import { listOccurrences } from '../../server/calendar/events.ts';
import { migrate, openDatabase } from '../../server/db/index.ts';
import { createApp } from '../../server/http/app.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const url = option('--database-url') ?? process.env.DATABASE_URL;
const rounds = Number(option('--rounds') ?? 1);
if (!url) {
  console.error('usage: calendar-months.ts --database-url postgres://… [--rounds N] [--member <id>]');
  process.exit(2);
}

const db = await openDatabase({ url });
const applied = await migrate(db);
if (applied.length > 0) console.log(`migrated: ${applied.join(', ')}`);
const { rows: communities } = await db.query<{ slug: string }>(
  `select c.slug from communities c join events e on e.community_id = c.id where c.visibility = 'public'
   group by c.slug order by count(*) desc limit 20`,
);
const { rows: anchors } = await db.query<{ anchor: Date }>(
  `select coalesce((select anchor from seed_runs order by id desc limit 1), now()) as anchor`,
);
const anchor = anchors[0]?.anchor ?? new Date();
const months = [-1, 0, 1, 2].map((offset) => {
  const from = new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth() + offset, 1));
  const to = new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth() + offset + 1, 1));
  return { from: from.toISOString(), to: to.toISOString() };
});
const member =
  option('--member') ??
  (await db.query<{ id: string }>(`select member_id as id from rsvps group by member_id order by count(*) desc limit 1`)).rows[0]?.id;

const config = loadConfig({ GROVE_RATE_LIMIT: '0', GROVE_RATE_LIMIT_MEMBER: '0' });
const { app } = createApp({ db, config, log: null });

function summary(label: string, times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  console.log(
    `${label.padEnd(28)} n=${sorted.length}  p50 ${at(0.5).toFixed(1)} ms  p99 ${at(0.99).toFixed(1)} ms  max ${at(1).toFixed(1)} ms`,
  );
}

// One request first, so the first timed month does not pay for the process's and the pool's start.
await (await app.request(`/api/v1/events?from=${months[0]?.from ?? ''}&limit=1`)).arrayBuffer();

const anonymous: number[] = [];
const signedIn: number[] = [];
const slowest: { ms: number; what: string }[] = [];
for (let round = 0; round < rounds; round++) {
  for (const { slug } of communities) {
    for (const month of months) {
      const query = { community: slug, from: month.from, to: month.to, limit: 100 };
      // A write outside any request: the cache re-reads the generation on its next request.
      await db.query('update calendar_generation set value = value + 1');
      const path = `/api/v1/events?${new URLSearchParams({ ...query, limit: '100' }).toString()}`;
      let started = performance.now();
      const response = await app.request(path);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
      const ms = performance.now() - started;
      anonymous.push(ms);
      slowest.push({ ms, what: `${slug} ${month.from.slice(0, 7)}` });
      if (member) {
        started = performance.now();
        await listOccurrences(db, query, { memberId: member });
        signedIn.push(performance.now() - started);
      }
    }
  }
}
summary('anonymous, uncached', anonymous);
if (member) summary(`signed in (member ${member})`, signedIn);
console.log(
  `slowest: ${slowest
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)
    .map((s) => `${s.what} ${s.ms.toFixed(0)} ms`)
    .join(', ')}`,
);
await db.close();
