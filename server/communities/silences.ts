/**
 * Silencing (docs/decisions/0143-silencing.md): a facilitator stops a member from writing in one
 * community until a given time, without removing them; they keep reading. Writing checks it here.
 */
import type { Database, Queryable } from '../db/index.ts';
import { HttpProblem } from '../shared/problem.ts';
import type { Viewer } from '../shared/viewer.ts';
import { assertFacilitator, readableCommunity } from './access.ts';
import { recordModeration } from './moderation-log.ts';

/** Refuses a write by a member silenced in the community (403, saying until when). */
export async function assertNotSilenced(db: Queryable, communityId: string, memberId: string): Promise<void> {
  const { rows } = await db.query<{ until: Date }>(
    'select until from silences where community_id = $1 and member_id = $2 and until > now()',
    [communityId, memberId],
  );
  const until = rows[0]?.until;
  if (until) {
    throw new HttpProblem(403, `A facilitator silenced you in this community until ${until.toISOString()}`, { type: 'silenced' });
  }
}

/**
 * Silences a member for `hours` (0 lifts a silence). Facilitators cannot be silenced, nor silence themselves.
 * The silence and its log entry are written in one transaction: the log never names a silence that rolled back.
 */
export async function silenceMember(db: Database, slug: string, input: { member: string; hours: number; reason: string }, viewer: Viewer) {
  const community = await readableCommunity(db, { slug }, viewer);
  assertFacilitator(community);
  const { rows: target } = await db.query<{ role: string }>('select role from memberships where community_id = $1 and member_id = $2', [
    community.id,
    input.member,
  ]);
  const role = target[0]?.role;
  if (community.visibility === 'members' && !role) {
    throw new HttpProblem(422, 'Not a member of this community', {
      errors: [{ field: 'body.member', message: 'Not a member of this community' }],
    });
  }
  if (role === 'facilitator') {
    throw new HttpProblem(422, 'A facilitator cannot be silenced', {
      errors: [{ field: 'body.member', message: 'Is a facilitator of this community' }],
    });
  }
  const { rows: exists } = await db.query('select 1 from members where id = $1', [input.member]);
  if (exists.length === 0) throw new HttpProblem(422, 'No such member', { errors: [{ field: 'body.member', message: 'No such member' }] });
  return db.transaction(async (tx) => {
    const log = (action: 'silence' | 'lift-silence', detail?: string) =>
      recordModeration(tx, { communityId: community.id, actorId: viewer.memberId, action, memberId: input.member, detail });
    if (input.hours === 0) {
      const { rows: lifted } = await tx.query('delete from silences where community_id = $1 and member_id = $2 returning 1', [
        community.id,
        input.member,
      ]);
      if (lifted.length > 0) await log('lift-silence');
      return { member: input.member, until: null };
    }
    const { rows } = await tx.query<{ until: Date }>(
      `insert into silences (community_id, member_id, until, reason, silenced_by) values ($1, $2, now() + make_interval(hours => $3), $4, $5)
       on conflict (community_id, member_id) do update set until = excluded.until, reason = excluded.reason,
         silenced_by = excluded.silenced_by, created_at = now()
       returning until`,
      [community.id, input.member, input.hours, input.reason, viewer.memberId],
    );
    await log('silence', input.reason ? `${input.hours} h: ${input.reason}` : `${input.hours} h`);
    return { member: input.member, until: rows[0]?.until.toISOString() ?? null };
  });
}
