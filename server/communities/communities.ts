/** Communities as the viewer may see them: members-only ones exist only for their members. */
import type { z } from '@hono/zod-openapi';
import type { Community } from '../contract/communities.ts';
import type { Queryable } from '../db/index.ts';
import { decodeCursor, encodeCursor } from '../shared/cursor.ts';
import { notFound } from '../shared/problem.ts';
import type { Viewer } from '../shared/viewer.ts';
import { readableCommunitySql } from './access.ts';
import { memberRef, memberShownSql, presenceSql, type Presence } from './visibility.ts';

interface CommunityRow {
  id: string;
  slug: string;
  name: string;
  description: string;
  parent: string | null;
  lifecycle: 'forming' | 'active' | 'dormant' | 'closed';
  visibility: 'public' | 'members';
  languages: string[];
  member_count: number;
  sub_count: number;
  created_at: Date;
  closed_at: Date | null;
  viewer_role: 'member' | 'facilitator' | null;
  readable: boolean;
  facilitators: { id: string; name: string; avatar_url: string | null; presence: Presence }[];
  last_activity_at: string | null;
  posts_30d: number | null;
  join_requested: boolean;
  invited: boolean;
  can_manage: boolean;
  pending_requests: number | null;
}

/** Kinds of participation fact that count as activity: what people wrote. */
const WRITING = `('post', 'answer')`;

/**
 * One statement for a whole page (decision 0150): each column is a correlated subquery on an index
 * (memberships by community, participation_facts by community and time, join requests by community),
 * so a page of 100 communities is one round trip and no N+1. `$1` is the viewer's member id or null.
 * Activity comes from participation_facts (every post and answer is one), whose (community_id,
 * occurred_at) index answers "latest" and "last 30 days" without reading the threads.
 */
const SELECT = `
  select c.id, c.slug, c.name, c.description, p.slug as parent, c.lifecycle, c.visibility, c.languages,
         (select count(*)::int from memberships m where m.community_id = c.id) as member_count,
         (select count(*)::int from communities s where s.parent_id = c.id and ${readableCommunitySql('s', '$1')}) as sub_count,
         c.created_at, c.closed_at,
         v.role as viewer_role,
         ${readableCommunitySql('c', '$1')} as readable,
         (select coalesce(json_agg(json_build_object('id', f.id::text, 'name', f.name, 'avatar_url', f.avatar_url, 'presence', f.presence)
                                   order by f.joined_at, f.id), '[]'::json)
            from (select fm.id, fm.name, grove_avatar_path(fm.id, fm.avatar_url) as avatar_url, ${presenceSql('fm')} as presence, fmem.joined_at
                  from memberships fmem join members fm on fm.id = fmem.member_id
                  where fmem.community_id = c.id and fmem.role = 'facilitator' and ${memberShownSql('fm', '$1')}
                  order by fmem.joined_at, fm.id limit 5) f) as facilitators,
         case when ${readableCommunitySql('c', '$1')} then
           (select max(pf.occurred_at) from participation_facts pf where pf.community_id = c.id and pf.kind in ${WRITING}) end as last_activity_at,
         case when ${readableCommunitySql('c', '$1')} then
           (select count(*)::int from participation_facts pf where pf.community_id = c.id and pf.kind in ${WRITING}
              and pf.occurred_at > now() - interval '30 days') end as posts_30d,
         exists (select 1 from community_join_requests r where r.community_id = c.id and r.member_id = $1 and r.status = 'pending') as join_requested,
         exists (select 1 from community_invitations i where i.community_id = c.id and i.member_id = $1) and v.role is null as invited,
         (v.role = 'facilitator' or exists (select 1 from memberships pm where pm.community_id = c.parent_id and pm.member_id = $1 and pm.role = 'facilitator')) is true as can_manage,
         case when v.role = 'facilitator' then
           (select count(*)::int from community_join_requests r where r.community_id = c.id and r.status = 'pending') end as pending_requests
  from communities c
  left join communities p on p.id = c.parent_id
  left join memberships v on v.community_id = c.id and v.member_id = $1`;

/**
 * SQL predicate: community `c` may be listed to viewer `$1`. Readable ones, and members-only sub-groups
 * for the members of their mother community (so they can ask to join; decision 0150), for whoever
 * already asked to join, and for whoever a facilitator invited (0151).
 */
const LISTED = `(${readableCommunitySql('c', '$1')}
  or (c.visibility = 'members' and exists (select 1 from memberships lm where lm.community_id = c.parent_id and lm.member_id = $1))
  or exists (select 1 from community_join_requests lr where lr.community_id = c.id and lr.member_id = $1 and lr.status = 'pending')
  or exists (select 1 from community_invitations li where li.community_id = c.id and li.member_id = $1))`;

export function toCommunity(row: CommunityRow): z.infer<typeof Community> {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    parent: row.parent,
    lifecycle: row.lifecycle,
    visibility: row.visibility,
    languages: row.languages,
    memberCount: row.member_count,
    subCommunityCount: row.sub_count,
    createdAt: row.created_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
    viewerRole: row.viewer_role,
    readable: row.readable,
    facilitators: row.facilitators.map((f) => memberRef(f.id, f.name, f.avatar_url, f.presence)),
    lastActivityAt: row.last_activity_at === null ? null : new Date(row.last_activity_at).toISOString(),
    postsLast30Days: row.posts_30d,
    viewerJoinRequested: row.join_requested,
    viewerInvited: row.invited,
    viewerCanManage: row.can_manage,
    pendingJoinRequests: row.pending_requests,
  };
}

export async function findCommunity(db: Queryable, slug: string, viewer: Viewer | null) {
  const { rows } = await db.query<CommunityRow>(`${SELECT} where c.slug = $2 and ${readableCommunitySql('c', '$1')}`, [
    viewer?.memberId ?? null,
    slug,
  ]);
  if (!rows[0]) throw notFound('The community');
  return toCommunity(rows[0]);
}

/**
 * Communities by name: top-level ones, the sub-communities of `parent`, or every level with `all`;
 * `closed` keeps, drops or keeps only the closed ones (the archive).
 */
export async function listCommunities(
  db: Queryable,
  viewer: Viewer | null,
  query: {
    parent?: string | undefined;
    all?: 'true' | 'false' | undefined;
    closed?: 'include' | 'exclude' | 'only' | undefined;
    cursor?: string | undefined;
    limit: number;
  },
): Promise<{ items: z.infer<typeof Community>[]; next: string | null }> {
  const { parent, all, closed = 'include', cursor, limit } = query;
  if (parent) await findCommunity(db, parent, viewer);
  const after = decodeCursor(cursor, ['string', 'id']);
  const params: unknown[] = [viewer?.memberId ?? null, limit + 1];
  const where = [LISTED];
  if (parent) where.push(`p.slug = $${params.push(parent)}`);
  else if (all !== 'true') where.push('c.parent_id is null');
  if (closed === 'exclude') where.push(`c.lifecycle <> 'closed'`);
  if (closed === 'only') where.push(`c.lifecycle = 'closed'`);
  if (after) where.push(`(c.name, c.id) > ($${params.push(after[0])}, $${params.push(after[1])}::bigint)`);
  const { rows } = await db.query<CommunityRow>(`${SELECT} where ${where.join(' and ')} order by c.name, c.id limit $2`, params);
  const items = rows.slice(0, limit).map(toCommunity);
  const last = items[items.length - 1];
  return { items, next: rows.length > limit && last ? encodeCursor([last.name, last.id]) : null };
}
