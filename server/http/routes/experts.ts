import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { errorResponses, jsonContent } from '../../contract/common.ts';
import { ExpertPage, ExpertQuery } from '../../contract/experts.ts';
import { expertAnswer } from '../../experts/find.ts';
import { parseWeights, type ExpertWeights } from '../../experts/weights.ts';
import type { AppEnv } from '../env.ts';
import { anyone } from '../route-policy.ts';

const route = createRoute({
  method: 'get',
  path: '/api/v1/experts',
  operationId: 'findExperts',
  ...anyone(),
  tags: ['experts'],
  summary: 'The members best placed to answer a question, each with the evidence that ranks them',
  description:
    'Matches the question to the skill taxonomy (labels in every language and synonyms) and to posts, accepted ' +
    'answers, events led, endorsements, declared skills and profiles; credits their members with weights that decay ' +
    'with age, tempered by availability and recent load. Opted-out and unavailable members are never listed; ' +
    'evidence from communities the viewer cannot read never counts.',
  request: { query: ExpertQuery },
  responses: { 200: jsonContent(ExpertPage, 'Experts, best first'), ...errorResponses(404) },
});

export function registerExperts(app: OpenAPIHono<AppEnv>, weights: ExpertWeights = parseWeights(process.env.GROVE_EXPERT_WEIGHTS)): void {
  app.openapi(route, async (c) => c.json(await expertAnswer(c.var.db, c.req.valid('query'), c.var.viewer, weights), 200));
}
