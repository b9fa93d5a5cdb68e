/** Appends participation facts, the ledger that levels and badges are computed from. */
import type { Queryable } from '../db/index.ts';

export type FactKind =
  | 'post'
  | 'answer'
  | 'accepted-answer'
  | 'reaction-given'
  | 'reaction-received'
  | 'rsvp'
  | 'attendance'
  | 'event-hosted'
  | 'endorsement-given'
  | 'endorsement-received';

export interface Fact {
  memberId: string;
  communityId: string;
  kind: FactKind;
  subjectId: string | null;
}

export async function recordFacts(tx: Queryable, facts: readonly Fact[]): Promise<void> {
  if (facts.length === 0) return;
  await tx.query(
    `insert into participation_facts (member_id, community_id, kind, subject_id)
     select * from unnest($1::bigint[], $2::bigint[], $3::text[], $4::bigint[])`,
    [facts.map((f) => f.memberId), facts.map((f) => f.communityId), facts.map((f) => f.kind), facts.map((f) => f.subjectId)],
  );
}

/** The facts a post earned its author: writing it (a post, or an answer to someone's question) and its acceptance. */
const POST_KINDS = `('post', 'answer', 'accepted-answer')`;

/**
 * A post moderators hid, or that was deleted, stops counting (migration 112): its facts leave the ledger,
 * and the buckets and peak levels follow.
 */
export async function retractPostFacts(tx: Queryable, postId: string): Promise<void> {
  await tx.query(`delete from participation_facts where subject_id = $1 and kind in ${POST_KINDS}`, [postId]);
}

/**
 * An answer no longer accepted (the asker accepted another, or none) stops counting as accepted; the
 * answer itself still counts. Achievements it already earned stay, as for a hidden post (decision 0080).
 */
export async function retractAcceptance(tx: Queryable, postId: string): Promise<void> {
  await tx.query(`delete from participation_facts where subject_id = $1 and kind = 'accepted-answer'`, [postId]);
}

/**
 * A hidden post shown again counts again, dated as the post: a post or an answer as when it was written,
 * and its acceptance if its thread still accepts it.
 */
export async function restorePostFacts(tx: Queryable, postId: string): Promise<void> {
  await tx.query(
    `insert into participation_facts (member_id, community_id, kind, subject_id, occurred_at)
     select p.author_id, t.community_id, k.kind, p.id, p.created_at
     from posts p join threads t on t.id = p.thread_id
     cross join lateral (select case when t.kind = 'question' and t.created_by is distinct from p.author_id then 'answer' else 'post' end as kind
                         union all select 'accepted-answer' where t.accepted_post_id = p.id) k
     where p.id = $1 and p.author_id is not null and not p.held and not p.hidden and not p.deleted
       and not exists (select 1 from participation_facts f where f.subject_id = p.id and f.kind = k.kind)`,
    [postId],
  );
}
