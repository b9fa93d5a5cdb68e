/** Communities as the viewer may see them: members-only ones exist only for their members. */
import type { z } from '@hono/zod-openapi';
import type { Community } from '../contract/communities.ts';
import type { Queryable } from '../db/index.ts';
import { decodeCursor, encodeCursor } from '../shared/cursor.ts';
import { notFound } from '../shared/problem.ts';
import type { Viewer } from '../shared/viewer.ts';
import { readableCommunitySql } from './access.ts';

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
}

const SELECT = `
  select c.id, c.slug, c.name, c.description, p.slug as parent, c.lifecycle, c.visibility, c.languages,
         (select count(*)::int from memberships m where m.community_id = c.id) as member_count,
         (select count(*)::int from communities s where s.parent_id = c.id and ${readableCommunitySql('s', '$1')}) as sub_count,
         c.created_at, c.closed_at,
         (select role from memberships v where v.community_id = c.id and v.member_id = $1) as viewer_role
  from communities c left join communities p on p.id = c.parent_id`;

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

/** Communities by name: top-level ones, the sub-communities of `parent`, or every level with `all`. */
export async function listCommunities(
  db: Queryable,
  viewer: Viewer | null,
  query: { parent?: string | undefined; all?: 'true' | 'false' | undefined; cursor?: string | undefined; limit: number },
): Promise<{ items: z.infer<typeof Community>[]; next: string | null }> {
  const { parent, all, cursor, limit } = query;
  if (parent) await findCommunity(db, parent, viewer);
  const after = decodeCursor(cursor, ['string', 'id']);
  const params: unknown[] = [viewer?.memberId ?? null, limit + 1];
  const where = [readableCommunitySql('c', '$1')];
  if (parent) where.push(`p.slug = $${params.push(parent)}`);
  else if (all !== 'true') where.push('c.parent_id is null');
  if (after) where.push(`(c.name, c.id) > ($${params.push(after[0])}, $${params.push(after[1])}::bigint)`);
  const { rows } = await db.query<CommunityRow>(`${SELECT} where ${where.join(' and ')} order by c.name, c.id limit $2`, params);
  const items = rows.slice(0, limit).map(toCommunity);
  const last = items[items.length - 1];
  return { items, next: rows.length > limit && last ? encodeCursor([last.name, last.id]) : null };
}
