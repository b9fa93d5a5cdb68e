import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { readableCommunity, readableCommunitySql } from '../access.ts';
import type { AppEnv } from '../env.ts';
import { notFound } from '../problem.ts';
import { errorResponses, Id, jsonContent, Slug, Timestamp } from '../schemas/common.ts';

const KINDS = [
  'post', 'answer', 'accepted-answer', 'reaction-given', 'reaction-received',
  'rsvp', 'attendance', 'event-hosted', 'endorsement-given', 'endorsement-received',
] as const;

const Counts = z.record(z.string(), z.number().int()).openapi({ description: 'Facts per kind' });

const MemberParticipation = z
  .object({
    member: Id,
    community: Slug.nullable(),
    counts: Counts,
    firstAt: Timestamp.nullable(),
    lastAt: Timestamp.nullable(),
    last90Days: Counts,
  })
  .openapi('MemberParticipation');

const CommunityParticipation = z
  .object({
    community: Slug,
    members: z.number().int(),
    contributors: z.number().int().openapi({ description: 'Members with at least one post or answer' }),
    contributors90Days: z.number().int(),
    counts: Counts,
  })
  .openapi('CommunityParticipation');

const memberRoute = createRoute({
  method: 'get',
  path: '/api/v1/participation/members/{id}',
  tags: ['participation'],
  summary: "A member's participation facts, overall or in one community (hidden when they hide their badge)",
  request: { params: z.object({ id: Id }), query: z.object({ community: Slug.optional() }) },
  responses: { 200: jsonContent(MemberParticipation, 'Fact counts'), ...errorResponses(404) },
});

const communityRoute = createRoute({
  method: 'get',
  path: '/api/v1/participation/communities/{slug}',
  tags: ['participation'],
  summary: "A community's participation summary",
  request: { params: z.object({ slug: Slug }) },
  responses: { 200: jsonContent(CommunityParticipation, 'Fact counts'), ...errorResponses(404) },
});

function countsOf(rows: { kind: string; n: number }[]): Record<string, number> {
  return Object.fromEntries(KINDS.map((kind) => [kind, rows.find((r) => r.kind === kind)?.n ?? 0]));
}

export function registerParticipation(app: OpenAPIHono<AppEnv>): void {
  app.openapi(memberRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { community } = c.req.valid('query');
    const viewer = c.var.viewer;
    const db = c.var.db;
    const scope = community ? await readableCommunity(db, { slug: community }, viewer) : null;
    const member = await db.query<{ badge_hidden: boolean }>('select badge_hidden from members where id = $1', [id]);
    if (!member.rows[0] || (member.rows[0].badge_hidden && viewer?.memberId !== id)) throw notFound('The participation');
    const { rows } = await db.query<{ kind: string; n: number; recent: number; first_at: Date | null; last_at: Date | null }>(
      `select f.kind, count(*)::int as n, count(*) filter (where f.occurred_at > now() - interval '90 days')::int as recent,
              min(f.occurred_at) as first_at, max(f.occurred_at) as last_at
       from participation_facts f join communities c on c.id = f.community_id
       where f.member_id = $2 and ${readableCommunitySql('c', '$1')} and ($3::bigint is null or f.community_id = $3)
       group by f.kind`,
      [viewer?.memberId ?? null, id, scope?.id ?? null],
    );
    const firsts = rows.map((r) => r.first_at).filter((d): d is Date => d !== null);
    const lasts = rows.map((r) => r.last_at).filter((d): d is Date => d !== null);
    return c.json(
      {
        member: id,
        community: scope?.slug ?? null,
        counts: countsOf(rows),
        last90Days: countsOf(rows.map((r) => ({ kind: r.kind, n: r.recent }))),
        firstAt: firsts.length ? new Date(Math.min(...firsts.map(Number))).toISOString() : null,
        lastAt: lasts.length ? new Date(Math.max(...lasts.map(Number))).toISOString() : null,
      },
      200,
    );
  });

  app.openapi(communityRoute, async (c) => {
    const scope = await readableCommunity(c.var.db, { slug: c.req.valid('param').slug }, c.var.viewer);
    const db = c.var.db;
    const [kinds, people] = await Promise.all([
      db.query<{ kind: string; n: number }>(
        'select kind, count(*)::int as n from participation_facts where community_id = $1 group by kind',
        [scope.id],
      ),
      db.query<{ members: number; contributors: number; recent: number }>(
        `select (select count(*)::int from memberships where community_id = $1) as members,
                (select count(distinct member_id)::int from participation_facts where community_id = $1 and kind in ('post', 'answer')) as contributors,
                (select count(distinct member_id)::int from participation_facts where community_id = $1 and kind in ('post', 'answer')
                   and occurred_at > now() - interval '90 days') as recent`,
        [scope.id],
      ),
    ]);
    const summary = people.rows[0];
    return c.json(
      {
        community: scope.slug,
        members: summary?.members ?? 0,
        contributors: summary?.contributors ?? 0,
        contributors90Days: summary?.recent ?? 0,
        counts: countsOf(kinds.rows),
      },
      200,
    );
  });
}
