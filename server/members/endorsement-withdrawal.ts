/** Withdrawing an endorsement: the endorser takes back what they vouched for (once per endorser and skill). */
import type { Database } from '../db/index.ts';
import { notFound } from '../shared/problem.ts';
import type { Viewer } from '../shared/viewer.ts';
import { loadProfile } from './profile.ts';

/**
 * Removes the viewer's endorsement of `memberId` for `skill`; `removed` is false when there was none
 * (withdrawing twice is harmless). The participation facts the endorsement earned stay in the ledger:
 * it is append-only, and points once earned are not clawed back (docs/decisions/0131-endorsement-withdrawal.md).
 */
export async function withdrawEndorsement(
  db: Database,
  memberId: string,
  skill: string,
  viewer: Viewer,
): Promise<{ removed: boolean; endorsements: number }> {
  if (!(await loadProfile(db, memberId, viewer, 'en'))) throw notFound('The member');
  return db.transaction(async (tx) => {
    const deleted = await tx.query<{ id: string }>(
      `delete from endorsements e using skills s
       where s.id = e.skill_id and e.member_id = $1 and s.slug = $2 and e.endorser_id = $3 returning e.id`,
      [memberId, skill, viewer.memberId],
    );
    const count = await tx.query<{ n: number }>(
      'select count(*)::int as n from endorsements e join skills s on s.id = e.skill_id where e.member_id = $1 and s.slug = $2',
      [memberId, skill],
    );
    return { removed: deleted.rows.length > 0, endorsements: count.rows[0]?.n ?? 0 };
  });
}
