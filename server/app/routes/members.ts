import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Queryable } from '../../db/index.ts';
import { readableCommunity, readableCommunitySql, requireViewer } from '../access.ts';
import { searchMembers, summaryColumns, toSummary } from '../directory.ts';
import type { AppEnv, Viewer } from '../env.ts';
import { labelSql } from '../labels.ts';
import { recordFacts } from '../facts.ts';
import { forbidden, HttpProblem, notFound } from '../problem.ts';
import { errorResponses, Id, IdempotencyHeaders, jsonBody, jsonContent, LanguageTag } from '../schemas/common.ts';
import { Endorsement, EndorsementInput, MemberPage, MemberProfile, MemberQuery } from '../schemas/members.ts';

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/members',
  tags: ['members'],
  summary: 'The member directory: search, filters, facets and keyset paging',
  request: { query: MemberQuery },
  responses: { 200: jsonContent(MemberPage, 'A page of members'), ...errorResponses(404) },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/v1/members/{id}',
  tags: ['members'],
  summary: "A member's profile, with the contact channels this viewer may see",
  request: { params: z.object({ id: Id }), query: z.object({ lang: LanguageTag.optional() }) },
  responses: { 200: jsonContent(MemberProfile, 'The profile'), ...errorResponses(404) },
});

const endorseRoute = createRoute({
  method: 'post',
  path: '/api/v1/members/{id}/endorsements',
  tags: ['members'],
  summary: "Endorse one of a member's declared skills (signed in, not yourself)",
  security: [{ bearerAuth: [] }],
  request: { params: z.object({ id: Id }), headers: IdempotencyHeaders, body: jsonBody(EndorsementInput) },
  responses: {
    201: jsonContent(Endorsement, 'Endorsed'),
    200: jsonContent(Endorsement, 'Already endorsed by this member'),
    ...errorResponses(401, 403, 404, 422),
  },
});

/** Loads a profile the viewer may see: opted-out members are visible only to themselves. */
export async function loadProfile(db: Queryable, memberId: string, viewer: Viewer | null, lang: string) {
  const isSelf = viewer?.memberId === memberId;
  const { rows } = await db.query<Parameters<typeof toSummary>[0] & { bio: string; created_at: Date; last_active_at: Date | null }>(
    `select ${summaryColumns('$2')}, m.bio, m.created_at, m.last_active_at from members m
     where m.id = $3 and ($4::boolean or (not m.directory_opt_out and exists (
       select 1 from memberships f join communities fc on fc.id = f.community_id
       where f.member_id = m.id and ${readableCommunitySql('fc', '$1')})))`,
    [viewer?.memberId ?? null, lang, memberId, isSelf],
  );
  const row = rows[0];
  if (!row) return null;
  const viewerId = viewer?.memberId ?? null;
  const [skills, interests, memberships, contacts] = await Promise.all([
    db.query<{ slug: string; label: string; level: number; endorsements: number; endorsed_by_viewer: boolean }>(
      `select s.slug, ${labelSql('s', '$2')} as label, ms.level,
              (select count(*)::int from endorsements e where e.member_id = ms.member_id and e.skill_id = s.id) as endorsements,
              exists (select 1 from endorsements e where e.member_id = ms.member_id and e.skill_id = s.id and e.endorser_id = $3)
                as endorsed_by_viewer
       from member_skills ms join skills s on s.id = ms.skill_id where ms.member_id = $1 order by ms.level desc, s.slug`,
      [memberId, lang, viewerId],
    ),
    db.query<{ slug: string; label: string }>(
      `select s.slug, ${labelSql('s', '$2')} as label from member_interests mi join skills s on s.id = mi.skill_id
       where mi.member_id = $1 order by s.slug`,
      [memberId, lang],
    ),
    db.query<{ community: string; name: string; role: 'member' | 'facilitator'; joined_at: Date }>(
      `select c.slug as community, c.name, ms.role, ms.joined_at from memberships ms join communities c on c.id = ms.community_id
       where ms.member_id = $2 and ${readableCommunitySql('c', '$1')} order by c.name`,
      [viewerId, memberId],
    ),
    // public: everyone; members: signed-in members sharing a community; nobody: only the member.
    db.query<{ kind: 'email' | 'phone' | 'website' | 'linkedin' | 'chat' | 'other'; value: string; visibility: 'public' | 'members' | 'nobody' }>(
      `select kind, value, visibility from contact_channels where member_id = $1 and (
         $3::boolean or visibility = 'public' or (visibility = 'members' and exists (
           select 1 from memberships a join memberships b on a.community_id = b.community_id
           where a.member_id = $1 and b.member_id = $2)))
       order by position, id`,
      [memberId, viewerId, isSelf],
    ),
  ]);
  return {
    ...toSummary(row),
    bio: row.bio,
    skills: skills.rows.map((s) => ({
      slug: s.slug,
      label: s.label,
      level: s.level,
      endorsements: s.endorsements,
      endorsedByViewer: s.endorsed_by_viewer,
    })),
    interests: interests.rows,
    memberships: memberships.rows.map((m) => ({ community: m.community, name: m.name, role: m.role, joinedAt: m.joined_at.toISOString() })),
    contacts: contacts.rows,
    createdAt: row.created_at.toISOString(),
    lastActiveAt: row.last_active_at?.toISOString() ?? null,
  };
}

export function registerMembers(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    const viewer = c.var.viewer;
    const community = query.community ? await readableCommunity(c.var.db, { slug: query.community }, viewer) : null;
    return c.json(await searchMembers(c.var.db, query, viewer?.memberId ?? null, community?.id ?? null), 200);
  });

  app.openapi(getRoute, async (c) => {
    const profile = await loadProfile(c.var.db, c.req.valid('param').id, c.var.viewer, c.req.valid('query').lang ?? 'en');
    if (!profile) throw notFound('The member');
    return c.json(profile, 200);
  });

  app.openapi(endorseRoute, async (c) => {
    const viewer = requireViewer(c.var.viewer);
    const memberId = c.req.valid('param').id;
    const { skill } = c.req.valid('json');
    if (memberId === viewer.memberId) throw forbidden('You cannot endorse yourself');
    if (!(await loadProfile(c.var.db, memberId, viewer, 'en'))) throw notFound('The member');
    const result = await c.var.db.transaction(async (tx) => {
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
      const count = await tx.query<{ n: number }>(
        'select count(*)::int as n from endorsements where member_id = $1 and skill_id = $2',
        [memberId, skillId],
      );
      return { created: Boolean(endorsementId), endorsements: count.rows[0]?.n ?? 0 };
    });
    const body = { member: memberId, skill, endorsements: result.endorsements, endorsedByViewer: true as const };
    return result.created ? c.json(body, 201) : c.json(body, 200);
  });
}
