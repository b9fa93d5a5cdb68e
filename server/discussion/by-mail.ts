/**
 * Taking part by mail: a reply to a notification posts in its thread as the member the reply address was
 * made for; a message to a community's address starts a topic there. Each inbound Message-ID is handled
 * once: the record of it and the post commit together, so a re-delivered message never posts twice. The
 * same rules as on the web apply (locked threads, members-only communities), because the post goes
 * through the same `createPost`.
 */
import { bindTransaction, type Database } from '../db/index.ts';
import { claimInbound, memberByAddress, recordInboundPost } from '../mail/inbound-log.ts';
import { replyText } from '../mail/reply-text.ts';
import { HttpProblem } from '../shared/problem.ts';
import { createPost, type PostContext } from './posts.ts';

export type InboundOutcome = { kind: 'posted'; postId: string } | { kind: 'duplicate' } | { kind: 'refused'; reason: string };

async function once(db: Database, messageId: string, memberId: string, post: (tx: Database) => Promise<string>): Promise<InboundOutcome> {
  try {
    return await db.transaction(async (tx) => {
      if (!(await claimInbound(tx, messageId, memberId))) return { kind: 'duplicate' as const };
      const postId = await post(bindTransaction(tx, db));
      await recordInboundPost(tx, messageId, postId);
      return { kind: 'posted' as const, postId };
    });
  } catch (error) {
    // A refusal the sender reads in their bounce: the same words the web would show.
    if (error instanceof HttpProblem) return { kind: 'refused', reason: error.message };
    throw error;
  }
}

/** Posts a reply by mail in its thread. */
export function postReplyByMail(
  db: Database,
  reply: { messageId: string; memberId: string; threadId: string; text: string },
  context: PostContext,
): Promise<InboundOutcome> {
  const body = replyText(reply.text);
  if (!body) return Promise.resolve({ kind: 'refused', reason: 'The reply was empty once the quoted message was taken out' });
  return once(db, reply.messageId, reply.memberId, (tx) =>
    createPost(tx, { thread: reply.threadId, body, language: 'en' }, { memberId: reply.memberId }, context),
  );
}

/** Starts a topic in a community from a message to its address, for the member whose address sent it. */
export async function postTopicByMail(
  db: Database,
  input: { messageId: string; from: string; community: string; subject: string; text: string },
  context: PostContext,
): Promise<InboundOutcome> {
  const memberId = await memberByAddress(db, input.from);
  if (!memberId) return { kind: 'refused', reason: `${input.from} is not the address of a member of this network` };
  const body = replyText(input.text);
  if (!body) return { kind: 'refused', reason: 'The message was empty' };
  const title = input.subject.trim().slice(0, 200) || (body.split('\n')[0] ?? '').slice(0, 200);
  return once(db, input.messageId, memberId, (tx) =>
    createPost(tx, { key: `mail:${input.messageId}`, community: input.community, title, body, language: 'en' }, { memberId }, context),
  );
}
