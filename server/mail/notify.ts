/**
 * Who is told of what, by mail. Each function runs in the transaction of the event it reports and
 * queues at most one message per recipient and event, the most specific kind winning (a reply to you
 * over a mention over a mailing-list copy over a followed thread). Nobody is mailed about their own act,
 * about a community they may not read, with no address, with an address that keeps bouncing, or about
 * a kind they switched off.
 */
import type { Queryable } from '../db/index.ts';
import { NOTIFICATION_KINDS } from '../contract/mail.ts';
import {
  addressInvitationMail,
  invitationMail,
  noticeMail,
  threadMail,
  type MailContext,
  type Recipient,
  type ThreadRef,
} from './compose.ts';
import { mailLanguage } from './messages.ts';
import { ADDRESS_SQL, enqueue } from './outbox.ts';

interface RecipientRow {
  member_id: string;
  kind: 'reply' | 'mention' | 'expert-question' | 'list-post' | 'thread-post';
  name: string;
  address: string;
  languages: string[];
}

/** SQL: member `m` (an active account) may be mailed `kind` ($ placeholder) about community `community_id` (column or param). */
function reachable(kindSql: string, communitySql: string): string {
  return `${ADDRESS_SQL} is not null and m.deactivated_at is null
    and not exists (select 1 from mail_settings s where s.member_id = m.id and (s.failing_since is not null or ${kindSql} = any(s.off_kinds)))
    and exists (select 1 from communities rc where rc.id = ${communitySql}
                and (rc.visibility = 'public' or exists (select 1 from memberships rm where rm.community_id = rc.id and rm.member_id = m.id)))`;
}

const toRecipient = (row: { member_id: string; name: string; address: string; languages: string[] }): Recipient => ({
  memberId: row.member_id,
  name: row.name,
  address: row.address,
  lang: mailLanguage(row.languages),
});

interface PostContext {
  post_id: string;
  thread_id: string;
  author_id: string;
  author_name: string;
  body_md: string;
  body_html: string;
  title: string;
  page_key: string | null;
  community_id: string;
  slug: string;
  community_name: string;
  first_post: boolean;
  /** A question's topic skill (the thread's, else its community's): whom a new question is routed to. */
  question_skill_id: string | null;
}

/** Experts a new question is routed to, at most. */
export const EXPERTS_PER_QUESTION = 3;
/** Routed questions an expert gets by mail in seven days, at most: the rest go to the next experts. */
export const ROUTED_PER_WEEK = 2;

function threadRef(row: Pick<PostContext, 'thread_id' | 'title' | 'page_key' | 'slug' | 'community_name'>): ThreadRef {
  const url = row.page_key && /^https?:\/\//i.test(row.page_key) ? row.page_key : null;
  return { id: row.thread_id, title: row.title, community: { slug: row.slug, name: row.community_name }, url };
}

/**
 * A new visible post: the author of the post it replies to, members it
 * mentions (`@Full Name` of someone in the thread or facilitating the community), the community's
 * mailing-list subscribers, the thread's followers and, for a new thread, the community's followers hear of it.
 * A new question (the first post of a `question` thread) is also routed to the members with the best
 * standing on its topic skill (docs/decisions/0171-questions-routed-to-experts.md): at most
 * EXPERTS_PER_QUESTION, available, able to read it, and not sent ROUTED_PER_WEEK already this week.
 */
export async function mailNewPost(tx: Queryable, context: MailContext, postId: string): Promise<void> {
  const { rows } = await tx.query<PostContext>(
    `select p.id as post_id, p.thread_id, p.author_id, a.name as author_name, p.body_md, p.body_html, t.title, t.page_key,
            t.community_id, c.slug, c.name as community_name,
            not exists (select 1 from posts e where e.thread_id = p.thread_id and e.id < p.id) as first_post,
            case when t.kind = 'question' then coalesce(t.topic_skill_id, c.topic_skill_id) end as question_skill_id
     from posts p join threads t on t.id = p.thread_id join communities c on c.id = t.community_id join members a on a.id = p.author_id
     where p.id = $1 and not p.hidden and not p.deleted`,
    [postId],
  );
  const post = rows[0];
  if (!post) return;
  const { rows: recipients } = await tx.query<RecipientRow>(
    `with candidates as (
       select rp.author_id as member_id, 'reply' as kind, 1 as rank from posts p join posts rp on rp.id = p.reply_to_id where p.id = $1
       union all
       select m.id, 'mention', 2 from members m
       where m.id in (select author_id from posts where thread_id = $2
                      union select member_id from memberships where community_id = $3 and role = 'facilitator')
         and position(lower('@' || m.name) in lower($4)) > 0
       union all
       select experts.member_id, 'expert-question', 3 from (
         select es.member_id from expert_standing es join members m on m.id = es.member_id
         where $6::boolean and es.skill_id = $7::bigint and es.member_id <> $5 and m.availability <> 'unavailable'
           and ${reachable("'expert-question'", '$3::bigint')}
           and (select count(*) from mail_outbox o where o.recipient_id = m.id and o.kind = 'expert-question'
                and o.created_at > now() - interval '7 days') < $8
         order by es.score desc, es.member_id limit $9
       ) experts
       union all
       select member_id, 'list-post', 4 from list_subscriptions where community_id = $3
       union all
       select member_id, 'thread-post', 5 from follows where thread_id = $2
       union all
       select member_id, 'thread-post', 5 from follows where community_id = $3 and $6::boolean
     ), chosen as (
       select distinct on (member_id) member_id, kind from candidates where member_id <> $5 order by member_id, rank
     )
     select ch.member_id, ch.kind, m.name, ${ADDRESS_SQL} as address, m.languages
     from chosen ch join members m on m.id = ch.member_id
     where ${reachable('ch.kind', '$3::bigint')}`,
    [
      post.post_id,
      post.thread_id,
      post.community_id,
      post.body_md,
      post.author_id,
      post.first_post,
      post.question_skill_id,
      ROUTED_PER_WEEK,
      EXPERTS_PER_QUESTION,
    ],
  );
  const thread = threadRef(post);
  await enqueue(
    tx,
    recipients.map((row) =>
      threadMail(context, {
        kind: row.kind,
        recipient: toRecipient(row),
        thread,
        author: post.author_name,
        post: { markdown: post.body_md, html: post.body_html },
      }),
    ),
  );
}

async function oneRecipient(tx: Queryable, memberId: string, kind: string, communityId: string): Promise<Recipient | null> {
  const { rows } = await tx.query<{ member_id: string; name: string; address: string; languages: string[] }>(
    `select m.id as member_id, m.name, ${ADDRESS_SQL} as address, m.languages from members m where m.id = $1 and ${reachable('$2::text', '$3::bigint')}`,
    [memberId, kind, communityId],
  );
  return rows[0] ? toRecipient(rows[0]) : null;
}

async function postContext(tx: Queryable, postId: string): Promise<PostContext | undefined> {
  const { rows } = await tx.query<PostContext>(
    `select p.id as post_id, p.thread_id, p.author_id, a.name as author_name, p.body_md, p.body_html, t.title, t.page_key,
            t.community_id, c.slug, c.name as community_name, false as first_post, null as question_skill_id
     from posts p join threads t on t.id = p.thread_id join communities c on c.id = t.community_id join members a on a.id = p.author_id
     where p.id = $1`,
    [postId],
  );
  return rows[0];
}

/** The author of an accepted answer hears who accepted it (unless they accepted their own). */
export async function mailAcceptedAnswer(tx: Queryable, context: MailContext, postId: string, acceptedById: string): Promise<void> {
  const post = await postContext(tx, postId);
  if (!post || post.author_id === acceptedById) return;
  const { rows: names } = await tx.query<{ name: string }>('select name from members where id = $1', [acceptedById]);
  const acceptedBy = { id: acceptedById, name: names[0]?.name ?? '' };
  const recipient = await oneRecipient(tx, post.author_id, 'accepted', post.community_id);
  if (!recipient) return;
  const thread = threadRef(post);
  await enqueue(tx, [
    noticeMail(context, {
      kind: 'accepted',
      recipient,
      values: { author: acceptedBy.name, thread: post.title },
      url: thread.url,
      threadId: post.thread_id,
    }),
  ]);
}

/** The author of a post a facilitator hid is told, in the community's name, not the facilitator's. */
export async function mailHiddenPost(tx: Queryable, context: MailContext, postId: string, hiddenBy: string): Promise<void> {
  const post = await postContext(tx, postId);
  if (!post || post.author_id === hiddenBy) return;
  const recipient = await oneRecipient(tx, post.author_id, 'moderation', post.community_id);
  if (!recipient) return;
  const thread = threadRef(post);
  await enqueue(tx, [
    noticeMail(context, {
      kind: 'moderation',
      recipient,
      values: { thread: post.title, community: post.community_name },
      url: thread.url,
      threadId: post.thread_id,
    }),
  ]);
}

/** A member who moved off an occurrence's waitlist is told they are going. */
export async function mailWaitlistPromotion(
  tx: Queryable,
  context: MailContext,
  input: { memberId: string; communityId: string; event: string; start: Date; timeZone: string; url: string | null },
): Promise<void> {
  const recipient = await oneRecipient(tx, input.memberId, 'waitlist-promoted', input.communityId);
  if (!recipient) return;
  const when = new Intl.DateTimeFormat(recipient.lang, { dateStyle: 'full', timeStyle: 'short', timeZone: input.timeZone }).format(
    input.start,
  );
  await enqueue(tx, [noticeMail(context, { kind: 'waitlist-promoted', recipient, values: { event: input.event, when }, url: input.url })]);
}

/**
 * Attendees of a changed or cancelled event (or occurrence) are told, each with an invitation they can
 * apply to their calendar (`calendarFor` writes it for that recipient: METHOD:REQUEST or CANCEL).
 */
export async function mailEventAttendees(
  tx: Queryable,
  context: MailContext,
  input: {
    kind: 'event-changed' | 'event-cancelled';
    memberIds: readonly string[];
    communityId: string;
    event: string;
    start: Date;
    timeZone: string;
    allDay: boolean;
    url: string | null;
    calendarFor: (recipient: Recipient) => string;
  },
): Promise<void> {
  if (input.memberIds.length === 0) return;
  const { rows } = await tx.query<{ member_id: string; name: string; address: string; languages: string[] }>(
    `select m.id as member_id, m.name, ${ADDRESS_SQL} as address, m.languages from members m
     where m.id = any($1::bigint[]) and ${reachable('$2::text', '$3::bigint')} order by m.id`,
    [input.memberIds, input.kind, input.communityId],
  );
  const messages = rows.map((row) => {
    const recipient = toRecipient(row);
    const style: Intl.DateTimeFormatOptions = input.allDay ? { dateStyle: 'full' } : { dateStyle: 'full', timeStyle: 'short' };
    const when = new Intl.DateTimeFormat(recipient.lang, { ...style, timeZone: input.timeZone }).format(input.start);
    return noticeMail(context, {
      kind: input.kind,
      recipient,
      values: { event: input.event, when },
      url: input.url,
      calendar: input.calendarFor(recipient),
    });
  });
  await enqueue(tx, messages);
}

/**
 * A member a facilitator invited hears of it, in their language, with the link that accepts it
 * (decision 0186) — also for a members-only community they cannot read yet: the invitation is the
 * facilitators' yes. Not when they switched every notification off, or their address keeps bouncing.
 */
export async function mailInvitation(
  tx: Queryable,
  context: MailContext,
  input: { memberId: string; communityId: string; inviterId: string },
): Promise<void> {
  const { rows } = await tx.query<{
    member_id: string;
    name: string;
    address: string;
    languages: string[];
    inviter: string;
    community: string;
  }>(
    `select m.id as member_id, m.name, ${ADDRESS_SQL} as address, m.languages, i.name as inviter, c.name as community
     from members m, members i, communities c
     where m.id = $1 and i.id = $2 and c.id = $3 and ${ADDRESS_SQL} is not null and m.deactivated_at is null
       and not exists (select 1 from mail_settings s where s.member_id = m.id and (s.failing_since is not null or s.off_kinds @> $4::text[]))`,
    [input.memberId, input.inviterId, input.communityId, [...NOTIFICATION_KINDS]],
  );
  const row = rows[0];
  if (!row) return;
  await enqueue(tx, [
    invitationMail(context, {
      recipient: toRecipient(row),
      inviter: row.inviter,
      community: { id: input.communityId, name: row.community },
    }),
  ]);
}

/**
 * An invited address with no account hears of it (decision 0190), in the community's language (else the
 * inviter's), with the link to the page that says how to join. Sent in the invitation's transaction.
 */
export async function mailAddressInvitation(
  tx: Queryable,
  context: MailContext,
  input: { invitationId: string; address: string; communityId: string; inviterId: string },
): Promise<void> {
  const { rows } = await tx.query<{ inviter: string; community: string; languages: string[] }>(
    `select i.name as inviter, c.name as community, c.languages || i.languages as languages
     from members i, communities c where i.id = $1 and c.id = $2`,
    [input.inviterId, input.communityId],
  );
  const row = rows[0];
  if (!row) return;
  await enqueue(tx, [
    addressInvitationMail(context, {
      recipient: { memberId: null, address: input.address, name: '', lang: mailLanguage(row.languages) },
      inviter: row.inviter,
      community: { name: row.community },
      invitationId: input.invitationId,
    }),
  ]);
}
