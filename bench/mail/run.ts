/**
 * npm run bench:mail [-- --messages 1000 --kills 12]   (needs DATABASE_URL: worker and bench share PostgreSQL)
 *
 * Fault injection for the mail outbox: queues N real messages (rendered as a digest of 10 items is), runs
 * the worker and an SMTP sink as separate processes, SIGKILLs one or the other at random moments while
 * the batch is in flight and restarts it, until the outbox has nothing left to send. Then prints:
 * queued, delivered (distinct Message-IDs the sink stored), lost (queued, never delivered, not given up),
 * duplicated (Message-IDs the sink stored more than once), and where each duplicate's crash happened.
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
const messages = Array.from({ length: total }, (_, i) => {
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
const sample = messages[0];
const digestBytes = sample ? Buffer.byteLength(sample.text) + Buffer.byteLength(sample.html) : 0;
for (let i = 0; i < messages.length; i += 200) await db.transaction((tx) => enqueue(tx, messages.slice(i, i + 200)));

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
const kill = async (child: ChildProcess) => {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
};

const started = performance.now();
let sink = await start('sink.ts', [String(smtpPort), logFile]);
let worker = await start('worker.ts', [schema, String(smtpPort)]);
const events: string[] = [];
/** Per kill, the Message-IDs that were in flight: claimed by the worker, or the sink's last stored one. */
const inFlight: { event: string; ids: Set<string> }[] = [];
const claimed = async () =>
  new Set((await db.query<{ id: string }>("select message_id as id from mail_outbox where state = 'sending'")).rows.map((row) => row.id));
const lastStored = () => (existsSync(logFile) ? (readFileSync(logFile, 'utf8').trimEnd().split('\n').at(-1) ?? '') : '');
const pending = async () =>
  (await db.query<{ n: number }>("select count(*)::int as n from mail_outbox where state in ('queued', 'sending')")).rows[0]?.n ?? 0;
const sent = async () => (await db.query<{ n: number }>("select count(*)::int as n from mail_outbox where state = 'sent'")).rows[0]?.n ?? 0;

// Kills spread over the batch: each waits until more messages went out, then strikes worker or sink.
for (let k = 0; k < kills; k++) {
  const target = Math.floor(((k + 1) / (kills + 1)) * total);
  while ((await sent()) < target && (await pending()) > 0) await new Promise((resolve) => setTimeout(resolve, 50));
  if ((await pending()) === 0) break;
  await new Promise((resolve) => setTimeout(resolve, Math.random() * 40));
  if (k % 2 === 0) {
    await kill(worker);
    events.push(`worker killed at ${await sent()} sent`);
    inFlight.push({ event: events.at(-1) ?? '', ids: await claimed() });
    worker = await start('worker.ts', [schema, String(smtpPort)]);
  } else {
    await kill(sink);
    events.push(`sink killed at ${await sent()} sent`);
    inFlight.push({ event: events.at(-1) ?? '', ids: new Set([lastStored()]) });
    await new Promise((resolve) => setTimeout(resolve, 300));
    sink = await start('sink.ts', [String(smtpPort), logFile]);
  }
}
while ((await pending()) > 0) await new Promise((resolve) => setTimeout(resolve, 200));
const seconds = (performance.now() - started) / 1000;
await kill(worker);
await kill(sink);

const delivered = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').filter(Boolean) : [];
const counts = new Map<string, number>();
for (const id of delivered) counts.set(id, (counts.get(id) ?? 0) + 1);
const queuedIds = messages.map((m) => m.messageId);
const failed = (await db.query<{ n: number }>("select count(*)::int as n from mail_outbox where state = 'failed'")).rows[0]?.n ?? 0;
const lost = queuedIds.filter((id) => !counts.has(id)).length - failed;
const duplicated = [...counts.values()].filter((n) => n > 1).length;

console.log(`mail bench: ${total} messages, ${events.length} kills (${events.join('; ')})`);
console.table([
  {
    queued: total,
    delivered: counts.size,
    lost,
    duplicated,
    'given up': failed,
    seconds: seconds.toFixed(1),
    'msg/s': (total / seconds).toFixed(0),
    'digest of 10 items (text + html bytes)': digestBytes,
  },
]);
// Where each duplicate came from: the kill that had it in flight (RFC 1047's window: stored by the
// relay, but the worker died before recording the 250, or the relay died before sending it).
for (const [id, n] of counts) {
  if (n < 2) continue;
  const crashes = inFlight.filter((kill) => kill.ids.has(id)).map((kill) => kill.event);
  console.log(`duplicate ${id} (${n} copies): in flight at ${crashes.length ? crashes.join('; ') : 'no kill (a retry after a timeout)'}`);
}
await db.close();
rmSync(logFile, { force: true });
process.exit(0);
