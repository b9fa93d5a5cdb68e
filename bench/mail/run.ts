/**
 * npm run bench:mail [-- --messages 1000 --kills 12]   (needs DATABASE_URL: worker and bench share PostgreSQL)
 *
 * Fault injection for the mail outbox: queues N real messages (rendered as a digest of 10 items is), runs
 * the worker and an SMTP sink as separate processes, and interrupts them at random moments while the
 * batch is in flight, until the outbox has nothing left to send. Two batches, one row each:
 * - restarts: the worker is stopped with SIGTERM (as a deploy or `docker stop` does) and started again;
 *   the issue's promise, "a restart mid-send neither loses nor repeats a message", must hold exactly;
 * - crashes: the worker or the SMTP relay is SIGKILLed and started again. Nothing may be lost; a crash
 *   between the relay storing a message and the worker recording its 250 sends it again (RFC 1047's
 *   window, which no SMTP client can close), with the same Message-ID.
 * Per batch: queued, delivered (distinct Message-IDs the sink stored), lost (queued, never delivered, not
 * given up), duplicated (Message-IDs the sink stored more than once), and the crash each duplicate came from.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { migrate, openDatabase } from '../../server/db/index.ts';
import { digestMail } from '../../server/mail/compose.ts';
import { loadMailKeys } from '../../server/mail/keys.ts';
import { enqueue } from '../../server/mail/outbox.ts';

const { values } = parseArgs({ options: { messages: { type: 'string', default: '1000' }, kills: { type: 'string', default: '12' } } });
const total = Number(values.messages);
const kills = Number(values.kills);
const url = process.env.DATABASE_URL;
if (!url) throw new Error('bench:mail needs DATABASE_URL (the worker runs in its own process and shares the database)');

const root = join(import.meta.dirname, '..', '..');
const schema = `grove_bench_mail_${process.pid}`;
const logFile = join(root, '.tmp', `mail-sink-${process.pid}.log`);
rmSync(logFile, { force: true });

const db = await openDatabase({ url, schema, dropSchemaOnClose: true });
await migrate(db);
const { rows: members } = await db.query<{ id: string }>(
  `insert into members (name, email) select 'Bench member ' || g, 'bench' || g || '@example.org' from generate_series(1, 50) g returning id`,
);
const keys = await loadMailKeys(db);
const context = { domain: 'bench.example', from: 'Grove <notifications@bench.example>', publicUrl: 'https://grove.example.org', keys };
const items = Array.from({ length: 10 }, (_, i) => ({
  text: `A discussion about drip irrigation and soil moisture, number ${i + 1}`,
  url: `https://intranet.example.org/news/${i + 1}`,
}));
const languages = ['en', 'fr', 'es', 'ar'] as const;
/** A batch of digests, fresh Message-IDs each time. */
const compose = () =>
  Array.from({ length: total }, (_, i) => {
    const member = members[i % members.length] ?? { id: '1' };
    return digestMail(context, {
      recipient: {
        memberId: member.id,
        name: `Bench member ${i}`,
        address: `bench${(i % 50) + 1}@example.org`,
        lang: languages[i % 4] ?? 'en',
      },
      since: new Date(Date.now() - 7 * 86_400_000),
      frequency: 'weekly',
      threads: items,
      unanswered: [],
      events: [],
      newcomers: [],
    });
  });
const sample = compose()[0];
const digestBytes = sample ? Buffer.byteLength(sample.text) + Buffer.byteLength(sample.html) : 0;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}
const smtpPort = await freePort();

function start(script: string, args: string[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, script), ...args], {
    cwd: root,
    env: process.env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before it was ready`)));
  });
}
type Interruption = 'restart' | 'crash';

let sink = await start('sink.ts', [String(smtpPort), logFile]);
let worker = await start('worker.ts', [schema, String(smtpPort)]);
const stop = async (child: ChildProcess, signal: NodeJS.Signals) => {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
};
const stored = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').filter(Boolean) : []);
const claimed = async () =>
  new Set((await db.query<{ id: string }>("select message_id as id from mail_outbox where state = 'sending'")).rows.map((row) => row.id));
const pending = async () =>
  (await db.query<{ n: number }>("select count(*)::int as n from mail_outbox where state in ('queued', 'sending')")).rows[0]?.n ?? 0;
const sent = async () => (await db.query<{ n: number }>("select count(*)::int as n from mail_outbox where state = 'sent'")).rows[0]?.n ?? 0;

/** Queues the batch, interrupts the worker (and, for crashes, the relay) `kills` times, and counts. */
async function batch(kind: Interruption) {
  const messages = compose();
  const sentBefore = await sent();
  const storedBefore = stored().length;
  const started = performance.now();
  for (let i = 0; i < messages.length; i += 200) await db.transaction((tx) => enqueue(tx, messages.slice(i, i + 200)));
  const events: string[] = [];
  /** Per interruption, the Message-IDs that were in flight: claimed by the worker, or the sink's last stored one. */
  const inFlight: { event: string; ids: Set<string> }[] = [];
  // Interruptions spread over the batch: each waits until more messages went out, then strikes.
  for (let k = 0; k < kills; k++) {
    const target = sentBefore + Math.floor(((k + 1) / (kills + 1)) * total);
    while ((await sent()) < target && (await pending()) > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    if ((await pending()) === 0) break;
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 40));
    if (kind === 'restart' || k % 2 === 0) {
      const ids = await claimed();
      await stop(worker, kind === 'restart' ? 'SIGTERM' : 'SIGKILL');
      events.push(`worker ${kind === 'restart' ? 'restarted' : 'killed'} at ${(await sent()) - sentBefore} sent`);
      inFlight.push({ event: events.at(-1) ?? '', ids });
      worker = await start('worker.ts', [schema, String(smtpPort)]);
    } else {
      await stop(sink, 'SIGKILL');
      events.push(`relay killed at ${(await sent()) - sentBefore} sent`);
      inFlight.push({ event: events.at(-1) ?? '', ids: new Set(stored().slice(-1)) });
      await new Promise((resolve) => setTimeout(resolve, 300));
      sink = await start('sink.ts', [String(smtpPort), logFile]);
    }
  }
  while ((await pending()) > 0) await new Promise((resolve) => setTimeout(resolve, 200));
  const seconds = (performance.now() - started) / 1000;
  const counts = new Map<string, number>();
  for (const id of stored().slice(storedBefore)) counts.set(id, (counts.get(id) ?? 0) + 1);
  const queuedIds = messages.map((m) => m.messageId);
  const { rows } = await db.query<{ n: number }>(
    "select count(*)::int as n from mail_outbox where state = 'failed' and message_id = any($1)",
    [queuedIds],
  );
  const failed = rows[0]?.n ?? 0;
  const duplicates = [...counts].filter(([, n]) => n > 1);
  return {
    events,
    row: {
      batch: kind === 'restart' ? 'restarts (SIGTERM worker)' : 'crashes (SIGKILL worker / relay)',
      queued: total,
      delivered: counts.size,
      lost: queuedIds.filter((id) => !counts.has(id)).length - failed,
      duplicated: duplicates.length,
      'given up': failed,
      seconds: seconds.toFixed(1),
      'msg/s': (total / seconds).toFixed(0),
    },
    // Where each duplicate came from: the interruption that had it in flight.
    duplicates: duplicates.map(([id, n]) => {
      const at = inFlight.filter((kill) => kill.ids.has(id)).map((kill) => kill.event);
      return `duplicate ${id} (${n} copies): in flight at ${at.length ? at.join('; ') : 'no interruption (a retry after a timeout)'}`;
    }),
  };
}

const results = [await batch('restart'), await batch('crash')];
await stop(worker, 'SIGKILL');
await stop(sink, 'SIGKILL');
for (const result of results) console.log(`${result.row.batch}: ${result.events.length} (${result.events.join('; ')})`);
console.log(`digest of 10 items (text + html): ${digestBytes} bytes`);
console.table(results.map((result) => result.row));
for (const line of results.flatMap((result) => result.duplicates)) console.log(line);
await db.close();
rmSync(logFile, { force: true });
process.exit(0);
