import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { Cursor, errorResponses, jsonContent, Limit, page, Text } from '../../contract/common.ts';
import { LangQuery, Skill } from '../../contract/skills.ts';
import { listSkills } from '../../members/skills.ts';
import type { AppEnv } from '../env.ts';
import { anyone } from '../route-policy.ts';

const route = createRoute({
  method: 'get',
  path: '/api/v1/skills',
  operationId: 'listSkills',
  ...anyone(),
  tags: ['skills'],
  summary: 'The skill taxonomy, labelled in `lang`; `q` matches labels in any language and synonyms',
  request: {
    query: z.object({ q: Text().trim().max(100).optional(), lang: LangQuery, cursor: Cursor, limit: Limit }),
  },
  responses: { 200: jsonContent(page(Skill, 'SkillPage'), 'A page of skills, by slug'), ...errorResponses() },
});

export function registerSkills(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const page = await listSkills(c.var.db, c.req.valid('query'));
    c.header('cache-control', c.var.viewer ? 'private, max-age=60' : 'public, max-age=300');
    return c.json(page, 200);
  });
}
