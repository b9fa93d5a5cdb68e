/**
 * Sub-groups' life cycle (docs/decisions/0141-community-lifecycle.md): a facilitator of a community opens
 * sub-groups under it and moves them through forming, active, dormant and closed. Closing keeps the
 * sub-group as a read-only archive that stays findable (access.ts refuses every write in a closed
 * community) and offers its members the mother community by making them members of it.
 */
import type { z } from '@hono/zod-openapi';
import type { LifecycleInput, SubCommunityInput } from '../contract/communities.ts';
import type { Database, Queryable } from '../db/index.ts';
import { forbidden, HttpProblem, notFound } from '../shared/problem.ts';
import type { Viewer } from '../shared/viewer.ts';
import { readableCommunity, type CommunityAccess } from './access.ts';
import { findCommunity } from './communities.ts';
import { recordModeration } from './moderation-log.ts';

/**
 * The community if the viewer facilitates it or its mother community (who opened a sub-group may
 * always close it); 404 when unreadable, 403 otherwise.
 */
async function manageable(db: Queryable, slug: string, viewer: Viewer): Promise<CommunityAccess & { parent_id: string | null }> {
  const access = await readableCommunity(db, { slug }, viewer);
  const { rows } = await db.query<{ parent_id: string | null; parent_role: string | null }>(
    `select c.parent_id, (select role from memberships m where m.community_id = c.parent_id and m.member_id = $2) as parent_role
     from communities c where c.id = $1`,
    [access.id, viewer.memberId],
  );
  const row = rows[0];
  if (!row) throw notFound('The community');
  if (access.role !== 'facilitator' && row.parent_role !== 'facilitator') {
    throw forbidden('Only facilitators of this community or of its mother community can do this');
  }
  return { ...access, parent_id: row.parent_id };
}

export async function openSubCommunity(db: Database, input: z.infer<typeof SubCommunityInput>, viewer: Viewer) {
  const parent = await readableCommunity(db, { slug: input.parent }, viewer);
  if (parent.role !== 'facilitator') throw forbidden('Only facilitators of the mother community can open a sub-group');
  if (parent.lifecycle === 'closed') throw forbidden('The mother community is closed');
  await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>(
      `insert into communities (slug, parent_id, name, description, visibility, lifecycle, languages)
       values ($1, $2, $3, $4, $5, $6, $7) on conflict (slug) do nothing returning id`,
      [input.slug, parent.id, input.name, input.description, input.visibility, input.lifecycle, input.languages],
    );
    const id = rows[0]?.id;
    if (!id) {
      throw new HttpProblem(409, `The address "${input.slug}" is taken`, {
        errors: [{ field: 'body.slug', message: 'Already in use; choose another' }],
      });
    }
    await tx.query(`insert into memberships (community_id, member_id, role) values ($1, $2, 'facilitator')`, [id, viewer.memberId]);
  });
  return findCommunity(db, input.slug, viewer);
}

/** Moves a community to `state`; closing may return its members to the mother community. */
export async function changeLifecycle(db: Database, slug: string, input: z.infer<typeof LifecycleInput>, viewer: Viewer) {
  const community = await manageable(db, slug, viewer);
  let returned = 0;
  await db.transaction(async (tx) => {
    if (input.state === 'closed') {
      const { rows: open } = await tx.query<{ slug: string }>(
        `select slug from communities where parent_id = $1 and lifecycle <> 'closed' order by slug limit 5`,
        [community.id],
      );
      if (open.length > 0) {
        throw new HttpProblem(409, `Close its sub-groups first: ${open.map((row) => row.slug).join(', ')}`, {
          errors: [{ field: 'body.state', message: 'Open sub-groups remain' }],
        });
      }
    }
    await recordModeration(tx, { communityId: community.id, actorId: viewer.memberId, action: 'lifecycle', detail: input.state });
    await tx.query(
      `update communities set lifecycle = $2,
         closed_at = case when $2 = 'closed' then coalesce(closed_at, now()) else null end where id = $1`,
      [community.id, input.state],
    );
    if (input.state === 'closed' && input.returnMembers && community.parent_id !== null) {
      const { rows } = await tx.query<{ member_id: string }>(
        `insert into memberships (community_id, member_id, role)
         select $2, member_id, 'member' from memberships where community_id = $1
         on conflict (community_id, member_id) do nothing returning member_id`,
        [community.id, community.parent_id],
      );
      returned = rows.length;
    }
  });
  return { community: await findCommunity(db, slug, viewer), returnedMembers: returned };
}
