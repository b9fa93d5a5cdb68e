/**
 * The durable outbox. A message is a row written in the same transaction as the event that causes it
 * (the post, the accepted answer, the cancelled event), so a rolled-back write mails nobody and a
 * committed one is never forgotten. The worker (worker.ts) sends rows and marks them; see
 * docs/decisions/0107-mail-outbox.md for what "sent once" can and cannot mean over SMTP.
 */
import type { Queryable } from '../db/index.ts';
import type { OutgoingMessage } from './compose.ts';

/** The channel the worker listens on, notified (at commit) when rows are queued. */
export const OUTBOX_CHANNEL = 'grove_mail';

/** SQL: the address Grove writes to member `m`, or null. */
export const ADDRESS_SQL = `coalesce(m.email, (select cc.value from contact_channels cc
  where cc.member_id = m.id and cc.kind = 'email' order by cc.position, cc.id limit 1))`;

/** Queues messages; call it with the transaction of the event that causes them. */
export async function enqueue(tx: Queryable, messages: readonly OutgoingMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await tx.query(
    `insert into mail_outbox (message_id, recipient_id, to_address, kind, subject, text_body, html_body, headers, calendar)
     select * from unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::jsonb[], $9::text[])`,
    [
      messages.map((m) => m.messageId),
      messages.map((m) => m.recipient.memberId),
      messages.map((m) => m.recipient.address),
      messages.map((m) => m.kind),
      messages.map((m) => m.subject),
      messages.map((m) => m.text),
      messages.map((m) => m.html),
      messages.map((m) => JSON.stringify(m.headers)),
      messages.map((m) => m.calendar ?? null),
    ],
  );
  await tx.query('select pg_notify($1, $2)', [OUTBOX_CHANNEL, String(messages.length)]);
}

export interface OutboxRow {
  id: string;
  message_id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  headers: Record<string, string>;
  calendar: string | null;
  attempts: number;
}

/** How long a claimed row is the claimer's: past it, a crashed sender's rows are sent again. */
export const LEASE_SECONDS = 60;

/**
 * Takes up to `limit` due rows: queued ones whose time has come, and 'sending' ones whose lease ran out
 * (their sender died). `skip locked` lets several workers share the outbox without taking the same row.
 */
export async function claimDue(db: Queryable, limit: number, leaseSeconds = LEASE_SECONDS): Promise<OutboxRow[]> {
  const { rows } = await db.query<OutboxRow>(
    // RETURNING comes in the table's physical order: sorted again, so mail leaves in the order it was queued.
    `with claimed as (
       update mail_outbox set state = 'sending', attempts = attempts + 1, lease_until = now() + make_interval(secs => $2)
       where id in (select id from mail_outbox
                    where (state = 'queued' and next_attempt_at <= now()) or (state = 'sending' and lease_until < now())
                    order by next_attempt_at, id limit $1 for update skip locked)
       returning id, message_id, to_address, subject, text_body, html_body, headers, calendar, attempts, next_attempt_at)
     select id, message_id, to_address, subject, text_body, html_body, headers, calendar, attempts from claimed order by next_attempt_at, id`,
    [limit, leaseSeconds],
  );
  return rows;
}

export async function markSent(db: Queryable, id: string): Promise<void> {
  await db.query("update mail_outbox set state = 'sent', sent_at = now(), lease_until = null, last_error = null where id = $1", [id]);
}

/**
 * Rows a stopping sender claimed but did not start: queued again at once, the attempt not counted, so a
 * restart hands them to the next sender now rather than when the lease runs out.
 */
export async function releaseClaims(db: Queryable, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.query(
    `update mail_outbox set state = 'queued', attempts = attempts - 1, lease_until = null
     where id = any($1::bigint[]) and state = 'sending'`,
    [ids],
  );
}

/** Attempts before a message is given up: about a day and a half of back-off. */
export const MAX_ATTEMPTS = 10;

/** A failed attempt: again after an exponential back-off (30 s, 1 min, 2 min... 4 h), or given up. */
export async function markFailed(db: Queryable, row: OutboxRow, error: string, permanent: boolean): Promise<void> {
  const giveUp = permanent || row.attempts >= MAX_ATTEMPTS;
  const delaySeconds = Math.min(30 * 2 ** (row.attempts - 1), 4 * 3600);
  await db.query(
    `update mail_outbox set state = $2, last_error = $3, lease_until = null,
       next_attempt_at = now() + make_interval(secs => $4) where id = $1`,
    [row.id, giveUp ? 'failed' : 'queued', error.slice(0, 500), delaySeconds],
  );
  if (permanent) await recordHardFailure(db, row.id);
}

/** A member whose address failed this many times for good is not written to any more. */
export const HARD_BOUNCE_LIMIT = 3;

/** Counts a hard failure (a 5xx at send time or a DSN) against the message's recipient. */
export async function recordHardFailure(db: Queryable, outboxId: string): Promise<void> {
  await db.query(
    `insert into mail_settings (member_id, hard_bounces) select recipient_id, 1 from mail_outbox where id = $1 and recipient_id is not null
     on conflict (member_id) do update set hard_bounces = mail_settings.hard_bounces + 1,
       failing_since = case when mail_settings.hard_bounces + 1 >= $2 then coalesce(mail_settings.failing_since, now()) else mail_settings.failing_since end`,
    [outboxId, HARD_BOUNCE_LIMIT],
  );
}
