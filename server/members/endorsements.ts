/** Endorsements: a member vouching for a skill another member declared, once per endorser and skill. */
import type { Database } from '../db/index.ts';
import { recordFacts } from '../participation/facts.ts';
import { forbidden, HttpProblem, notFound } from '../shared/problem.ts';
import type { Viewer } from '../shared/viewer.ts';
import { loadProfile } from './profile.ts';

/** Endorses `memberId` for `skill`; `created` is false when the viewer had already endorsed it. */
export async function endorse(
  db: Database,
  memberId: string,
  skill: string,
  viewer: Viewer,
): Promise<{ created: boolean; endorsements: number }> {
  if (memberId === viewer.memberId) throw forbidden('You cannot endorse yourself');
  if (!(await loadProfile(db, memberId, viewer, 'en'))) throw notFound('The member');
  return db.transaction(async (tx) => {
    const declared = await tx.query<{ skill_id: string }>(
      `select ms.skill_id from member_skills ms join skills s on s.id = ms.skill_id where ms.member_id = $1 and s.slug = $2`,
      [memberId, skill],
    );
    const skillId = declared.rows[0]?.skill_id;
    if (!skillId) {
      throw new HttpProblem(422, 'This member has not declared that skill', {
        errors: [{ field: 'body.skill', message: 'Not one of the member’s skills' }],
      });
    }
    const inserted = await tx.query<{ id: string }>(
      `insert into endorsements (member_id, skill_id, endorser_id) values ($1, $2, $3)
       on conflict do nothing returning id`,
      [memberId, skillId, viewer.memberId],
    );
    const endorsementId = inserted.rows[0]?.id;
    if (endorsementId) {
      // Facts belong to a community: the first one both members share, if any.
      const shared = await tx.query<{ community_id: string }>(
        `select a.community_id from memberships a join memberships b on a.community_id = b.community_id
         where a.member_id = $1 and b.member_id = $2 order by a.community_id limit 1`,
        [memberId, viewer.memberId],
      );
      const communityId = shared.rows[0]?.community_id;
      if (communityId) {
        await recordFacts(tx, [
          { memberId: viewer.memberId, communityId, kind: 'endorsement-given', subjectId: endorsementId },
          { memberId, communityId, kind: 'endorsement-received', subjectId: endorsementId },
        ]);
      }
    }
    const count = await tx.query<{ n: number }>('select count(*)::int as n from endorsements where member_id = $1 and skill_id = $2', [
      memberId,
      skillId,
    ]);
    return { created: Boolean(endorsementId), endorsements: count.rows[0]?.n ?? 0 };
  });
}
