/**
 * Who may see and do what in a community. Members-only communities (and everything in them) are
 * invisible to non-members: they get 404, not 403, so their existence does not leak.
 */
import type { Queryable } from '../db/index.ts';
import type { Viewer } from '../shared/viewer.ts';
import { forbidden, notFound, unauthenticated } from '../shared/problem.ts';

export type Role = 'member' | 'facilitator';

export interface CommunityAccess {
  id: string;
  slug: string;
  visibility: 'public' | 'members';
  lifecycle: 'forming' | 'active' | 'dormant' | 'closed';
  role: Role | null;
}

const ACCESS_SQL = `
  select c.id, c.slug, c.visibility, c.lifecycle, m.role
  from communities c
  left join memberships m on m.community_id = c.id and m.member_id = $2
  where `;

async function load(db: Queryable, where: string, key: string, viewer: Viewer | null): Promise<CommunityAccess | null> {
  const { rows } = await db.query<CommunityAccess>(ACCESS_SQL + where, [key, viewer?.memberId ?? null]);
  return rows[0] ?? null;
}

export const canRead = (access: CommunityAccess): boolean => access.visibility === 'public' || access.role !== null;

/** The community if the viewer may read it; 404 otherwise. */
export async function readableCommunity(
  db: Queryable,
  by: { slug: string } | { id: string },
  viewer: Viewer | null,
): Promise<CommunityAccess> {
  const access = 'slug' in by ? await load(db, 'c.slug = $1', by.slug, viewer) : await load(db, 'c.id = $1', by.id, viewer);
  if (!access || !canRead(access)) throw notFound('The community');
  return access;
}

export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  return viewer;
}

/**
 * Posting: any signed-in member in a public community (the discussion is embedded on open pages),
 * only members in a members-only one; nobody in a closed community.
 */
export function assertCanContribute(access: CommunityAccess): void {
  if (access.lifecycle === 'closed') throw forbidden('This community is closed');
  if (access.visibility === 'members' && access.role === null) throw forbidden('Only members of this community can do this');
}

export function assertFacilitator(access: CommunityAccess): void {
  if (access.role !== 'facilitator') throw forbidden('Only facilitators of this community can do this');
}

/** SQL predicate: community `alias` is readable by member `$param` (null for anonymous). */
export function readableCommunitySql(alias: string, param: string): string {
  return `(${alias}.visibility = 'public' or exists (select 1 from memberships vm where vm.community_id = ${alias}.id and vm.member_id = ${param}))`;
}
