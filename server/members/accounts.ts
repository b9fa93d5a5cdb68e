/** Who may sign in: members the token names, and in demo mode a few stable seeded identities. */
import type { Queryable } from '../db/index.ts';
import { memberRef as refOf, presenceSql, type Presence } from '../communities/visibility.ts';

/** Whether the member exists and may act: a deactivated account signs in no more. */
export async function memberExists(db: Queryable, memberId: string): Promise<boolean> {
  const { rows } = await db.query('select 1 from members where id = $1 and deactivated_at is null', [memberId]);
  return rows.length > 0;
}

export async function memberRef(db: Queryable, memberId: string) {
  const { rows } = await db.query<{ id: string; name: string; avatar_url: string | null; presence: Presence }>(
    `select id, name, grove_avatar_path(id, avatar_url) as avatar_url, ${presenceSql('m')} as presence from members m where id = $1`,
    [memberId],
  );
  const row = rows[0];
  return row ? refOf(row.id, row.name, row.avatar_url, row.presence) : null;
}

/** How many of each role the demo page's sign-in switcher offers. */
const PER_ROLE = 4;
/**
 * Seeded members are numbered in generation order and the first ones are the stable identities of
 * server/seed/README.md, so scanning the lowest ids finds the same people on every preset without
 * touching the whole table at x100 scale.
 */
const SCAN = 200;

export interface DemoIdentity {
  id: string;
  name: string;
  role: 'facilitator' | 'member';
  community: string;
}

/** A few facilitators, then a few members, each with the community they facilitate or first joined. */
export async function demoIdentities(db: Queryable): Promise<DemoIdentity[]> {
  const { rows } = await db.query<DemoIdentity>(
    `select m.id, m.name, pick.role, pick.community
     from (select id, name from members where not directory_opt_out order by id limit $1) m
     cross join lateral (
       select ms.role, c.slug as community
       from memberships ms join communities c on c.id = ms.community_id
       where ms.member_id = m.id and c.lifecycle <> 'closed'
       order by ms.role = 'facilitator' desc, c.id
       limit 1
     ) pick
     order by m.id`,
    [SCAN],
  );
  const take = (role: string) => rows.filter((row) => row.role === role).slice(0, PER_ROLE);
  return [...take('facilitator'), ...take('member')];
}
