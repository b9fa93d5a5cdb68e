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
