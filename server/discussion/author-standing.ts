/**
 * An author's standing where they posted, shown next to each post: their role in the thread's community
 * and whether they are a recognised expert on the thread's topic skill.
 *
 * Expert rule (documented in the contract on `PostAuthor.expert`): the thread's topic skill is its own
 * `topic_skill_id`, else its community's. An author is an expert on it when either
 *   - at least EXPERT_ENDORSEMENTS distinct members endorsed them for that skill (peer recognition), or
 *   - they declared level 4 (expert) for it AND at least one of their posts was accepted as the answer
 *     to a question on that same topic (a self-declaration backed by a demonstrated answer).
 * Threads without a topic skill have no experts.
 *
 * Computed once per page for the distinct (author, thread) pairs rather than per row, so a thread page
 * costs one extra query whatever its length.
 */
import type { Queryable } from '../db/index.ts';

export const EXPERT_ENDORSEMENTS = 3;

export interface Standing {
  role: 'member' | 'facilitator';
  expert: boolean;
}

const pairKey = (memberId: string, threadId: string) => `${memberId}:${threadId}`;

export async function authorStandings(
  db: Queryable,
  pairs: readonly { memberId: string; threadId: string }[],
): Promise<Map<string, Standing>> {
  const distinct = [...new Map(pairs.map((p) => [pairKey(p.memberId, p.threadId), p])).values()];
  const standings = new Map<string, Standing>();
  if (distinct.length === 0) return standings;
  const { rows } = await db.query<{ member_id: string; thread_id: string; role: string | null; expert: boolean }>(
    `with pairs as (
       select distinct x.member_id, x.thread_id from unnest($1::bigint[], $2::bigint[]) as x(member_id, thread_id)
     ), scope as (
       select pairs.member_id, pairs.thread_id, t.community_id, coalesce(t.topic_skill_id, c.topic_skill_id) as skill_id
       from pairs join threads t on t.id = pairs.thread_id join communities c on c.id = t.community_id
     )
     select s.member_id, s.thread_id,
            -- A probe of (community, member) per pair: as a join, the planner read every membership of a
            -- big community per pair (9,800 buffers for a page at 120,000 members).
            (select m.role from memberships m where m.community_id = s.community_id and m.member_id = s.member_id) as role,
            s.skill_id is not null and (
              (select count(*) from endorsements e where e.member_id = s.member_id and e.skill_id = s.skill_id) >= $3
              or (exists (select 1 from member_skills ms where ms.member_id = s.member_id and ms.skill_id = s.skill_id and ms.level = 4)
                  and exists (select 1 from threads at
                              join communities ac on ac.id = at.community_id
                              where at.accepted_author_id = s.member_id and coalesce(at.topic_skill_id, ac.topic_skill_id) = s.skill_id))
            ) as expert
     from scope s`,
    [distinct.map((p) => p.memberId), distinct.map((p) => p.threadId), EXPERT_ENDORSEMENTS],
  );
  for (const row of rows) {
    standings.set(pairKey(row.member_id, row.thread_id), {
      role: row.role === 'facilitator' ? 'facilitator' : 'member',
      expert: row.expert,
    });
  }
  return standings;
}

export function standingOf(standings: Map<string, Standing>, memberId: string, threadId: string): Standing {
  return standings.get(pairKey(memberId, threadId)) ?? { role: 'member', expert: false };
}
