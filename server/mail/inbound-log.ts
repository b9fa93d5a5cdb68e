/** What arrived by mail, once per Message-ID, and who a sending address belongs to. */
import type { Queryable } from '../db/index.ts';
import { ADDRESS_SQL, recordHardFailure } from './outbox.ts';

/** True when this call is the first to handle `messageId` (call it in the transaction that acts on it). */
export async function claimInbound(tx: Queryable, messageId: string, memberId: string | null): Promise<boolean> {
  const { rows } = await tx.query(
    `insert into inbound_mail (message_id, member_id, outcome) values ($1, $2, 'posted') on conflict (message_id) do nothing returning message_id`,
    [messageId, memberId],
  );
  return rows.length > 0;
}

export async function recordInboundPost(tx: Queryable, messageId: string, postId: string): Promise<void> {
  await tx.query('update inbound_mail set post_id = $2 where message_id = $1', [messageId, postId]);
}

/** The member whose address this is (their account address, else an e-mail channel of theirs). */
export async function memberByAddress(db: Queryable, address: string): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    `select m.id from members m where lower(${ADDRESS_SQL}) = lower($1) order by m.id limit 1`,
    [address],
  );
  return rows[0]?.id ?? null;
}

/** A delivery status notification for one of our messages: a permanent failure counts against its address. */
export async function recordBounce(db: Queryable, outboxId: string, permanent: boolean): Promise<void> {
  if (permanent) await recordHardFailure(db, outboxId);
}
