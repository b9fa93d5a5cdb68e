import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Queryable } from '../../db/index.ts';
import { readableCommunitySql } from '../access.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import type { AppEnv, Viewer } from '../env.ts';
import { notFound } from '../problem.ts';
import { Community } from '../schemas/communities.ts';
import { Cursor, errorResponses, jsonContent, Limit, page, Slug } from '../schemas/common.ts';

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

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/communities',
  tags: ['communities'],
  summary: 'Communities visible to the viewer, by name; top-level ones unless `parent` is given',
  request: {
    query: z.object({
      parent: Slug.optional().openapi({ description: 'List the sub-communities of this one' }),
      all: z.enum(['true', 'false']).optional().openapi({ description: 'Every level, not only top-level' }),
      cursor: Cursor,
      limit: Limit,
    }),
  },
  responses: { 200: jsonContent(page(Community, 'CommunityPage'), 'A page of communities'), ...errorResponses(404) },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/v1/communities/{slug}',
  tags: ['communities'],
  summary: 'One community',
  request: { params: z.object({ slug: Slug }) },
  responses: { 200: jsonContent(Community, 'The community'), ...errorResponses(404) },
});

export function registerCommunities(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const { parent, all, cursor, limit } = c.req.valid('query');
    const db = c.var.db;
    const viewerId = c.var.viewer?.memberId ?? null;
    if (parent) await findCommunity(db, parent, c.var.viewer);
    const after = decodeCursor(cursor, ['string', 'string']);
    const params: unknown[] = [viewerId, limit + 1];
    const where = [readableCommunitySql('c', '$1')];
    if (parent) where.push(`p.slug = $${params.push(parent)}`);
    else if (all !== 'true') where.push('c.parent_id is null');
    if (after) where.push(`(c.name, c.id) > ($${params.push(after[0])}, $${params.push(after[1])}::bigint)`);
    const { rows } = await db.query<CommunityRow>(
      `${SELECT} where ${where.join(' and ')} order by c.name, c.id limit $2`,
      params,
    );
    const items = rows.slice(0, limit).map(toCommunity);
    const last = items[items.length - 1];
    const next = rows.length > limit && last ? encodeCursor([last.name, last.id]) : null;
    return c.json({ items, next }, 200);
  });

  app.openapi(getRoute, async (c) => {
    const community = await findCommunity(c.var.db, c.req.valid('param').slug, c.var.viewer);
    // Public communities read anonymously can be cached briefly by shared caches.
    if (community.visibility === 'public' && !c.var.viewer) c.header('cache-control', 'public, max-age=30');
    return c.json(community, 200);
  });
}
