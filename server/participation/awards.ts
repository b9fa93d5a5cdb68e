/** One earned achievement, as a credential needs it; null when the member has not (yet) earned it there. */
import type { Queryable } from '../db/index.ts';
import type { Award } from './credentials.ts';

export async function findAward(
  db: Queryable,
  memberId: string,
  communityId: string,
  achievement: string,
  now: Date,
): Promise<Award | null> {
  const { rows } = await db.query<{ member_name: string; slug: string; community_name: string; earned_at: Date }>(
    `select m.name as member_name, c.slug, c.name as community_name, earned.at as earned_at
     from members m cross join communities c
     join lateral (
       select a.earned_at as at from participation_achievements a
       where a.member_id = m.id and a.community_id = c.id and a.achievement = $3 and a.earned_at <= $4
       union all
       select ms.joined_at from memberships ms
       where $3 = 'facilitator' and ms.member_id = m.id and ms.community_id = c.id and ms.role = 'facilitator'
     ) earned on true
     where m.id = $1 and c.id = $2`,
    [memberId, communityId, achievement, now],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    memberId,
    memberName: row.member_name,
    community: { slug: row.slug, name: row.community_name },
    achievement,
    earnedAt: row.earned_at,
  };
}
