/**
 * npm run bench:server -- [--targets pglite-c4d,pg-x10,pg-x100] [--seconds 10] [--growth demo,capacity4dev,x10,x100]
 *   [--scenarios 'expert query,calendar month'] [--connections 10,50] [--burst-targets pglite-demo,pglite-c4d] [--bursts 3]
 *
 * Starts the real server (`server/index.ts`, a child process as `npm start` runs it) on each target and
 * prints, side by side in one run: req/s, p50, p99 and errors of the hot paths at 10 and 50 connections;
 * the overload run on PGlite (bursts of 150 different searches, each against a server just started: time
 * to the first 503, health latency during it on the main port and on the health port, GROVE_HEALTH_PORT,
 * per burst and pooled); and the growth table (the same
 * searches, one at a time, at every scale). The health probes are processes of their own; with
 * PROBE_PRIORITY=-10 (root) they run at a higher CPU priority than the load generator, so that on a
 * shared 2-core machine they measure the server rather than their own wait for a core.
 *
 * Targets: `pglite-c4d` is a PGlite data directory under .tmp/bench (seeded on first use); `pg-<preset>`
 * is PostgreSQL at BENCH_PG_URL (default postgres://grove:grove@127.0.0.1:5432) in database
 * `grove_bench_<preset>` (BENCH_PG_DB_<PRESET> names another, e.g. BENCH_PG_DB_X100=grove_bench_x100_copy),
 * which must exist; it is seeded when empty (x100: `npm run seed -- --preset x100
 * --database-url ...` first, it takes a while). The machine is shared: compare figures of one run only.
 *
 * A run with errors says what they were (statuses, timeouts) and shows its first three failed responses
 * (when, which path, the problem's title). BENCH_REQUEST_LOG=<file> turns the servers' request logs on and
 * appends them there (it slows every server down: a diagnosis, not a measurement).
 */
import diagnostics from 'node:diagnostics_channel';
import { createWriteStream } from 'node:fs';
import { setPriority } from 'node:os';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { migrate, openDatabase, type Database } from '../../server/db/index.ts';
import { isPresetName, seed, type PresetName } from '../../server/seed/index.ts';

const { values } = parseArgs({
  options: {
    targets: { type: 'string', default: 'pglite-c4d,pg-x10,pg-x100' },
    growth: { type: 'string', default: 'demo,capacity4dev,x10,x100' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10,50' },
    /** Names of the load scenarios to run (comma-separated), all when empty. */
    scenarios: { type: 'string', default: '' },
    burst: { type: 'string', default: '150' },
    /** Bursts per target, each against a server just started; their health checks are pooled. */
    bursts: { type: 'string', default: '3' },
    'burst-targets': { type: 'string', default: 'pglite-demo,pglite-c4d' },
  },
});
const seconds = Number(values.seconds);
const pgBase = process.env.BENCH_PG_URL ?? 'postgres://grove:grove@127.0.0.1:5432';

interface Target {
  name: string;
  preset: PresetName;
  env: Record<string, string>;
  open: () => Promise<Database>;
}

function target(name: string): Target {
  if (name.startsWith('pglite-')) {
    const preset = name === 'pglite-c4d' ? 'capacity4dev' : name.slice('pglite-'.length);
    if (!isPresetName(preset)) throw new Error(`Unknown preset in ${name}`);
    const dataDir = `.tmp/bench/pglite-${preset}`;
    return { name, preset, env: { GROVE_DATA_DIR: dataDir, GROVE_SEED: 'none' }, open: () => openDatabase({ dataDir }) };
  }
  const preset = name.slice('pg-'.length) === 'c4d' ? 'capacity4dev' : name.slice('pg-'.length);
  if (!isPresetName(preset)) throw new Error(`Unknown preset in ${name}`);
  const url = `${pgBase}/${process.env[`BENCH_PG_DB_${preset.toUpperCase()}`] ?? `grove_bench_${preset}`}`;
  return { name, preset, env: { DATABASE_URL: url }, open: () => openDatabase({ url }) };
}

/** Migrates, seeds when empty, and reads the ids and words the scenarios use. */
async function prepare(t: Target) {
  if (t.name.startsWith('pglite-')) await mkdir('.tmp/bench', { recursive: true });
  const db = await t.open();
  try {
    await migrate(db);
    const { rows } = await db.query<{ n: number }>('select count(*)::int as n from members');
    if ((rows[0]?.n ?? 0) === 0) {
      process.stderr.write(`seeding ${t.preset} for ${t.name}…\n`);
      const result = await seed(db, { preset: t.preset });
      process.stderr.write(`seeded in ${(result.milliseconds / 1000).toFixed(0)} s\n`);
    }
    return await scenarioData(db);
  } finally {
    await db.close();
  }
}

/** Deterministic pseudo-random order (so every target gets the same kind of mix). */
const shuffle = <T>(items: T[]): T[] => {
  let state = 42;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  return items
    .map((item) => [next(), item] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, item]) => item);
};

async function scenarioData(db: Database) {
  const names = await db.query<{ name: string }>(`select name from members where listed order by md5(id::text) limit 400`);
  const prefixes = new Set<string>();
  for (const [index, { name }] of names.rows.entries()) {
    const words = name.split(/\s+/).filter((w) => w.length >= 2);
    const word = words[index % words.length] ?? name;
    prefixes.add(word.slice(0, 2 + (index % 3)).toLowerCase());
  }
  const threads = await db.query<{ id: string }>(
    `select t.id from threads t join communities c on c.id = t.community_id where c.visibility = 'public' order by t.post_count desc, t.id limit 50`,
  );
  const skills = await db.query<{ label: string }>(`select labels->>'en' as label from skills where parent_id is not null order by id`);
  const communities = await db.query<{ slug: string }>(
    `select c.slug from communities c join events e on e.community_id = c.id where c.visibility = 'public'
     group by c.slug order by count(*) desc limit 20`,
  );
  const anchor = await db.query<{ anchor: Date }>(
    `select coalesce((select anchor from seed_runs order by id desc limit 1), now()) as anchor`,
  );
  const start = anchor.rows[0]?.anchor ?? new Date();
  const months = [-1, 0, 1, 2].map((offset) => {
    const from = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + offset, 1));
    const to = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + offset + 1, 1));
    return [from.toISOString(), to.toISOString()] as const;
  });
  return {
    prefixes: shuffle([...prefixes]),
    threads: threads.rows.map((row) => row.id),
    questions: skills.rows.map((row) => `Who can help with ${row.label.toLowerCase()}?`),
    calendars: communities.rows.flatMap((row) => months.map(([from, to]) => ({ community: row.slug, from, to }))),
  };
}

type Data = Awaited<ReturnType<typeof scenarioData>>;

function scenarios(data: Data) {
  const path = (base: string, query: Record<string, string>) => `${base}?${new URLSearchParams(query).toString()}`;
  return [
    { name: 'type-ahead', paths: data.prefixes.map((q) => path('/api/v1/members', { lang: 'en', limit: '24', q })) },
    { name: 'directory page', paths: [path('/api/v1/members', { lang: 'en', limit: '24', facets: 'true' })] },
    { name: 'thread first page', paths: data.threads.map((id) => path(`/api/v1/threads/${id}/posts`, { limit: '20' })) },
    { name: 'expert query', paths: data.questions.map((q) => path('/api/v1/experts', { q, lang: 'en', limit: '5' })) },
    {
      name: 'calendar month',
      paths: data.calendars.map((c) => path('/api/v1/events', { community: c.community, from: c.from, to: c.to, limit: '100' })),
    },
  ];
}

interface Server {
  url: string;
  /** The health listener's /api/health (GROVE_HEALTH_PORT), answered off the main thread. */
  healthUrl?: string;
  child: ChildProcess;
}

async function startServer(t: Target): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts', '--port', '0'], {
    env: {
      ...process.env,
      ...t.env,
      GROVE_RATE_LIMIT: '0',
      GROVE_RATE_LIMIT_MEMBER: '0',
      GROVE_REQUEST_LOG: process.env.BENCH_REQUEST_LOG ? 'on' : 'off',
      GROVE_HEALTH_PORT: '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // BENCH_REQUEST_LOG=<file>: the servers' request logs, appended there (to find what an error was).
  if (process.env.BENCH_REQUEST_LOG) child.stdout.pipe(createWriteStream(process.env.BENCH_REQUEST_LOG, { flags: 'a' }));
  return new Promise<Server>((resolve, reject) => {
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = /^(.*"msg":"listening".*)\n/m.exec(buffer)?.[1];
      if (!line) return;
      const { url, health } = JSON.parse(line) as { url: string; health?: string };
      resolve({ url, child, ...(health ? { healthUrl: health } : {}) });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
}

async function stopServer(server: Server): Promise<void> {
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}

const row = (cells: (string | number)[], widths: number[]) => cells.map((cell, i) => String(cell).padEnd(widths[i] ?? 10)).join(' ');

/** Runs one load, keeping the first few failed responses: when, which path, and the problem's title. */
async function load(url: string, paths: string[], connections: number, duration: number) {
  const started = performance.now();
  const failed: string[] = [];
  const result = await autocannon({
    url,
    connections,
    duration,
    requests: paths.map((path) => ({
      method: 'GET',
      path,
      onResponse: (status: number, body: string) => {
        if (status < 300 || failed.length >= 3) return;
        const title = /"title":"([^"]*)"/.exec(body)?.[1] ?? body.slice(0, 60);
        failed.push(`${status} at ${((performance.now() - started) / 1000).toFixed(1)} s, ${path.slice(0, 60)}: ${title}`);
      },
    })),
  });
  return { ...result, failed };
}

/**
 * Health checks from a process of their own (the burst's 150 responses would delay a poller sharing the
 * load generator's event loop and blame the server for it): a request every 10 ms, recorded from `start`
 * until `stop`. It polls unrecorded until told to start, because a process's first fetch loads undici and
 * opens a connection (55-61 ms on these machines with no burst at all, measured with a trivial server),
 * which would otherwise be counted as the server's slowest answer.
 */
interface Poller {
  start: () => void;
  /** The recorded round trips, in ms. */
  stop: () => Promise<number[]>;
}

function healthPoller(healthUrl: string): Poller {
  const script = `
    const times = []; let recording = false; let running = true;
    process.on('message', (m) => { if (m === 'start') recording = true; else running = false; });
    (async () => {
      while (running) {
        const t = performance.now();
        await fetch(${JSON.stringify(healthUrl)}).then((r) => r.arrayBuffer()).catch(() => undefined);
        if (recording) times.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 10));
      }
      process.send(times, () => process.exit(0));
    })();`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  if (process.env.PROBE_PRIORITY) setPriority(child.pid ?? 0, Number(process.env.PROBE_PRIORITY));
  return {
    start: () => child.send('start'),
    stop: () =>
      new Promise((resolve) => {
        child.once('message', (result) => resolve(result as number[]));
        child.send('stop');
      }),
  };
}

/** 150 different searches at once (facet counts over every match: the heaviest request), with health polled throughout. */
async function burst({ url, healthUrl }: Server, data: Data, size: number) {
  const seen: { first503: number | null; last503: number | null; last503Sent: number | null; retryAfterMissing: number } = {
    first503: null,
    last503: null,
    last503Sent: null,
    retryAfterMissing: 0,
  };
  // When each request's headers were written to its socket (undici's diagnostics channel): the load
  // generator shares the server's two cores, and under a burst it takes a while to write its own requests
  // after calling fetch; that wait is the generator's, not the server's.
  const sentAt = new Map<string, number>();
  const onSend = (message: unknown) => {
    const path = (message as { request?: { path?: string } }).request?.path;
    if (path) sentAt.set(path, performance.now());
  };
  diagnostics.subscribe('undici:client:sendHeaders', onSend);
  const statuses = new Map<number, number>();
  const latencies: number[] = [];
  // Both probes at once: the main port's /api/health, answered by the main thread between requests, and the
  // health port's (GROVE_HEALTH_PORT), answered by a thread of its own.
  const health = healthPoller(`${url}/api/health`);
  const ownPort = healthUrl ? healthPoller(healthUrl) : undefined;
  await new Promise((resolve) => setTimeout(resolve, 300)); // the pollers are running (and warm) before the burst
  health.start();
  ownPort?.start();
  const started = performance.now();
  const requests = Array.from({ length: size }, async (_, i) => {
    const q = data.prefixes[i % data.prefixes.length] ?? 'ma';
    const path = `/api/v1/members/facets?${new URLSearchParams({ q: `${q}${i >= data.prefixes.length ? String(i) : ''}`, lang: 'en' }).toString()}`;
    const t0 = performance.now();
    const response = await fetch(`${url}${path}`).catch(() => undefined);
    await response?.arrayBuffer();
    const ms = performance.now() - t0;
    latencies.push(ms);
    const status = response?.status ?? 0;
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    if (status === 503) {
      seen.first503 ??= performance.now() - started;
      // A refusal is to come within a second of the request (issue 12): the slowest one, from its sending.
      seen.last503 = Math.max(seen.last503 ?? 0, ms);
      seen.last503Sent = Math.max(seen.last503Sent ?? 0, performance.now() - (sentAt.get(path) ?? t0));
      if (!response?.headers.get('retry-after')) seen.retryAfterMissing++;
    }
  });
  await Promise.all(requests);
  diagnostics.unsubscribe('undici:client:sendHeaders', onSend);
  const total = performance.now() - started;
  const [healthTimes, ownPortTimes] = await Promise.all([health.stop(), ownPort?.stop()]);
  return {
    statuses,
    first503: seen.first503,
    last503: seen.last503,
    last503Sent: seen.last503Sent,
    retryAfterMissing: seen.retryAfterMissing,
    p50: quantile(latencies, 0.5),
    max: quantile(latencies, 1),
    health: healthTimes,
    ownPort: ownPortTimes ?? [],
    total,
  };
}

const quantile = (xs: number[], p: number): number =>
  Math.round([...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)] ?? NaN);
const healthFigures = (times: number[]) =>
  `${times.length} checks, p50 ${quantile(times, 0.5)} ms, p99 ${quantile(times, 0.99)} ms, max ${quantile(times, 1)} ms`;

const GROWTH_SEARCHES = ['ma', 'mar', 'fat', 'kab', 'ngu', 'irr', 'soil', 'amina', 'xyz'];

async function growth(url: string) {
  const result: Record<string, number> = {};
  for (const q of GROWTH_SEARCHES) {
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      // A distinct limit per round defeats the server's result cache: this measures the query.
      const t0 = performance.now();
      const response = await fetch(`${url}/api/v1/members?${new URLSearchParams({ q, lang: 'en', limit: String(20 + i) }).toString()}`);
      await response.arrayBuffer();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    result[q] = Math.round((times[3] ?? NaN) * 10) / 10;
  }
  return result;
}

const targets = values.targets.split(',').filter(Boolean).map(target);
const growthPresets = values.growth.split(',').filter(isPresetName);
const connectionCounts = values.connections.split(',').map(Number);
console.log(`bench:server ${new Date().toISOString()}, ${seconds} s per run, load generator and server on the same 2 shared cores`);
const tableWidths = [14, 20, 5, 9, 9, 9, 9];
const lines: string[] = [row(['target', 'scenario', 'conn', 'req/s', 'p50 ms', 'p99 ms', 'errors'], tableWidths)];
const growthRows: Record<string, Record<string, number>> = {};
for (const t of targets) {
  const data = await prepare(t);
  const server = await startServer(t);
  try {
    const only = values.scenarios.split(',').filter(Boolean);
    for (const scenario of scenarios(data).filter((s) => only.length === 0 || only.includes(s.name))) {
      for (const connections of connectionCounts) {
        await load(server.url, scenario.paths, connections, 2); // warm-up, unmeasured
        const r = await load(server.url, scenario.paths, connections, seconds);
        const line = row(
          [
            t.name,
            scenario.name,
            connections,
            Math.round(r.requests.average),
            r.latency.p50,
            r.latency.p99,
            r.errors + r.timeouts + r.non2xx,
          ],
          tableWidths,
        );
        console.log(line);
        lines.push(line);
        // What the errors were: refusals (503), other statuses, timeouts or failed connections.
        const failures = [
          ...Object.entries(r.statusCodeStats ?? {})
            .filter(([status]) => !status.startsWith('2'))
            .map(([status, { count }]) => `${count} × ${status}`),
          ...(r.timeouts ? [`${r.timeouts} timeouts`] : []),
          ...(r.errors ? [`${r.errors} connection errors`] : []),
        ];
        if (failures.length) {
          const detail = `  (${t.name} ${scenario.name} ${connections}: ${failures.join(', ')}; first: ${r.failed.join('; ')})`;
          console.log(detail);
          lines.push(detail);
        }
      }
    }
    if (growthPresets.includes(t.preset) && t.name.startsWith('pg-')) growthRows[t.preset] = await growth(server.url);
  } finally {
    await stopServer(server);
  }
}
const burstLines: string[] = [];
for (const t of values['burst-targets'].split(',').filter(Boolean).map(target)) {
  const data = await prepare(t);
  // Each burst hits a server just started (as a burst after a deploy would), and the health checks of all
  // of them are pooled: one burst gives some 80 checks per port, too few for a 99th percentile.
  const pooled = { health: [] as number[], ownPort: [] as number[] };
  const bursts = Number(values.bursts);
  for (let round = 1; round <= bursts; round++) {
    const server = await startServer(t);
    try {
      const b = await burst(server, data, Number(values.burst));
      pooled.health.push(...b.health);
      pooled.ownPort.push(...b.ownPort);
      const line =
        `overload ${t.name} (${round}/${bursts}): burst of ${values.burst} searches (facets over every match): statuses ${JSON.stringify(Object.fromEntries(b.statuses))}, ` +
        `first 503 after ${b.first503 === null ? 'none' : `${Math.round(b.first503)} ms`}, slowest 503 ${b.last503 === null ? 'none' : `${Math.round(b.last503)} ms from its fetch call, ${Math.round(b.last503Sent ?? NaN)} ms from its sending`}, ` +
        `503 without Retry-After ${b.retryAfterMissing}, ` +
        `latency p50 ${b.p50} ms max ${b.max} ms, all answered in ${Math.round(b.total)} ms; health during it (own process): main port ${healthFigures(b.health)}` +
        (b.ownPort.length > 0 ? `; health port ${healthFigures(b.ownPort)}` : '');
      console.log(line);
      burstLines.push(line);
    } finally {
      await stopServer(server);
    }
  }
  const line =
    `overload ${t.name}, health over the ${bursts} bursts: main port ${healthFigures(pooled.health)}` +
    (pooled.ownPort.length > 0 ? `; health port ${healthFigures(pooled.ownPort)}` : '');
  console.log(line);
  burstLines.push(line);
}
for (const preset of growthPresets) {
  if (growthRows[preset]) continue;
  // Growth is compared on one back end, PostgreSQL, at every scale (x100 must be seeded beforehand).
  const t = target(`pg-${preset}`);
  await prepare(t);
  const server = await startServer(t);
  try {
    growthRows[preset] = await growth(server.url);
  } finally {
    await stopServer(server);
  }
}
console.log('\nside by side:');
for (const line of lines) console.log(line);
for (const line of burstLines) console.log(line);
console.log(`\ngrowth on PostgreSQL: type-ahead p50 (ms) of 7, one request at a time, result cache defeated`);
console.log(row(['search', ...Object.keys(growthRows)], [8, 14, 14, 14, 14]));
for (const q of GROWTH_SEARCHES) console.log(row([q, ...Object.values(growthRows).map((r) => r[q] ?? '')], [8, 14, 14, 14, 14]));
