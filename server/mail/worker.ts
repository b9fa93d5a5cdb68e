/**
 * The sender: takes due rows from the outbox and hands each to the SMTP relay with nodemailer, then
 * marks it sent. Woken by the outbox's NOTIFY (at commit of the write that queued it) and by a timer,
 * so a restart or a missed notification delays mail by seconds, never loses it. Several workers (one per
 * server instance) share the outbox through `for update skip locked`.
 */
import { createTransport, type Transporter } from 'nodemailer';
import type { Database } from '../db/index.ts';
import { claimDue, markFailed, markSent, OUTBOX_CHANNEL, releaseClaims, type OutboxRow } from './outbox.ts';
import { bounceToken } from './tokens.ts';

export interface WorkerOptions {
  smtpUrl: string;
  from: string;
  domain: string;
  bounceKey: Buffer;
  /** Rows taken per round. */
  batch?: number;
  /** Timer between rounds when nothing wakes the worker. */
  pollMs?: number;
  /** How long a claimed row stays this worker's before another may send it (default 60 s). */
  leaseSeconds?: number;
  log?: (entry: Record<string, unknown>) => void;
}

export interface MailWorker {
  /** Sends what is due now and resolves when the outbox has nothing due (tests, benches). */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

/** SMTP replies that will not get better by retrying (5xx), as nodemailer reports them. */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

export async function startMailWorker(db: Database, options: WorkerOptions): Promise<MailWorker> {
  const transport: Transporter = createTransport({ url: options.smtpUrl, pool: true, maxConnections: 2 });
  const batch = options.batch ?? 20;
  // Flags that handlers and timers flip: an object, so each read sees the current value.
  const state = { stopped: false, again: false, running: null as Promise<void> | null };
  const stopped = (): boolean => state.stopped;
  const askedAgain = (): boolean => state.again;

  async function send(row: OutboxRow): Promise<void> {
    try {
      await transport.sendMail({
        from: options.from,
        to: row.to_address,
        subject: row.subject,
        text: row.text_body,
        ...(row.html_body ? { html: row.html_body } : {}),
        messageId: `<${row.message_id}>`,
        headers: row.headers,
        // Bounces come back to an address naming this row (VERP), so a DSN counts against its recipient.
        envelope: { from: `bounce+${bounceToken(options.bounceKey, row.id)}@${options.domain}`, to: row.to_address },
        ...(row.calendar
          ? { icalEvent: { content: row.calendar, method: row.calendar.includes('METHOD:CANCEL') ? 'CANCEL' : 'REQUEST' } }
          : {}),
      });
      await markSent(db, row.id);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      options.log?.({ level: 'warn', msg: 'mail not sent', outbox: row.id, attempt: row.attempts, error: message });
      await markFailed(db, row, message, isPermanent(error));
    }
  }

  async function round(): Promise<void> {
    for (;;) {
      const rows = await claimDue(db, batch, options.leaseSeconds);
      if (rows.length === 0 || stopped()) return;
      for (const [index, row] of rows.entries()) {
        // A stop lets the message on the wire finish and be recorded (a restart neither loses nor repeats
        // it) and gives back the rest of the batch.
        if (stopped())
          return releaseClaims(
            db,
            rows.slice(index).map((unsent) => unsent.id),
          );
        await send(row);
      }
    }
  }

  /** One round at a time; a wake-up during a round asks for another. */
  function wake(): Promise<void> {
    if (stopped()) return Promise.resolve();
    if (state.running) {
      state.again = true;
      return state.running;
    }
    state.running = (async () => {
      do {
        state.again = false;
        await round().catch((error: unknown) => options.log?.({ level: 'error', msg: 'mail round failed', error: String(error) }));
      } while (askedAgain() && !stopped());
      state.running = null;
    })();
    return state.running;
  }

  const unlisten = await db.listen(OUTBOX_CHANNEL, () => void wake());
  const timer = setInterval(() => void wake(), options.pollMs ?? 5_000);
  timer.unref();
  void wake();

  return {
    async drain() {
      await wake();
      // A round that was running when drain was called may have missed rows queued after its last claim.
      await wake();
    },
    async stop() {
      state.stopped = true;
      clearInterval(timer);
      await unlisten();
      await state.running;
      transport.close();
    },
  };
}
