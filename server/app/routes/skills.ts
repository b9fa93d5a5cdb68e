import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import type { AppEnv } from '../env.ts';
import { labelSql } from '../labels.ts';
import { Cursor, errorResponses, jsonContent, Limit, page, Text } from '../schemas/common.ts';
import { LangQuery, Skill } from '../schemas/skills.ts';

interface SkillRow {
  slug: string;
  label: string;
  labels: Record<string, string>;
  parent: string | null;
  synonyms: string[];
  member_count: number;
}

const route = createRoute({
  method: 'get',
  path: '/api/v1/skills',
  tags: ['skills'],
  summary: 'The skill taxonomy, labelled in `lang`; `q` matches labels in any language and synonyms',
  request: {
    query: z.object({ q: Text().trim().max(100).optional(), lang: LangQuery, cursor: Cursor, limit: Limit }),
  },
  responses: { 200: jsonContent(page(Skill, 'SkillPage'), 'A page of skills, by slug'), ...errorResponses() },
});

export function registerSkills(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { q, lang, cursor, limit } = c.req.valid('query');
    const after = decodeCursor(cursor, ['string']);
    const params: unknown[] = [lang ?? 'en', limit + 1];
    const where: string[] = [];
    if (q) {
      const p = `$${params.push(`%${q.toLowerCase()}%`)}`;
      where.push(`(s.label_search like grove_unaccent(${p})
                  or exists (select 1 from unnest(s.synonyms) syn where grove_unaccent(syn) like grove_unaccent(${p})))`);
    }
    if (after) where.push(`s.slug > $${params.push(after[0])}`);
    const { rows } = await c.var.db.query<SkillRow>(
      `select s.slug, ${labelSql('s', '$1')} as label, s.labels, p.slug as parent, s.synonyms,
              (select count(*)::int from member_skills ms join members m on m.id = ms.member_id
                where ms.skill_id = s.id and not m.directory_opt_out) as member_count
       from skills s left join skills p on p.id = s.parent_id
       ${where.length ? `where ${where.join(' and ')}` : ''}
       order by s.slug limit $2`,
      params,
    );
    const items = rows.slice(0, limit).map((row) => ({
      slug: row.slug,
      label: row.label,
      labels: row.labels,
      parent: row.parent,
      synonyms: row.synonyms,
      memberCount: row.member_count,
    }));
    const last = items[items.length - 1];
    c.header('cache-control', c.var.viewer ? 'private, max-age=60' : 'public, max-age=300');
    return c.json({ items, next: rows.length > limit && last ? encodeCursor([last.slug]) : null }, 200);
  });
}
