import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { SignJWT } from 'jose';
import { memberRef } from '../../members/accounts.ts';
import type { AppEnv } from '../env.ts';
import { HttpProblem, notFound } from '../../shared/problem.ts';
import { errorResponses, Id, IdempotencyHeaders, jsonBody, jsonContent, MemberRef, Timestamp } from '../../contract/common.ts';
import { anyone } from '../route-policy.ts';

/** Demo tokens live a quarter of an hour: long enough to try things, short enough to be harmless. */
export const DEMO_TOKEN_SECONDS = 15 * 60;

const DemoSignIn = z.object({ member: Id }).openapi('DemoSignIn');
const DemoToken = z.object({ token: z.string(), expiresAt: Timestamp, member: MemberRef }).openapi('DemoToken');

const route = createRoute({
  method: 'post',
  path: '/api/v1/auth/demo',
  operationId: 'signInAsDemoMember',
  ...anyone({ idempotent: true }),
  tags: ['auth'],
  summary: 'Demo mode only: a short-lived HS256 token for a seeded member',
  request: { headers: IdempotencyHeaders, body: jsonBody(DemoSignIn) },
  responses: { 200: jsonContent(DemoToken, 'A bearer token'), ...errorResponses(404, 409, 413, 415, 422) },
});

export function registerAuth(app: OpenAPIHono<AppEnv>, secret: string | undefined): void {
  app.openapi(route, async (c) => {
    if (!c.var.config.demoMode || !secret) throw new HttpProblem(404, 'Demo sign-in is off on this server');
    const { member } = c.req.valid('json');
    const row = await memberRef(c.var.db, member);
    if (!row) throw notFound('The member');
    const expiresAt = new Date(Date.now() + DEMO_TOKEN_SECONDS * 1000);
    const token = await new SignJWT({ demo: true })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(row.id)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(new TextEncoder().encode(secret));
    c.header('cache-control', 'no-store');
    return c.json({ token, expiresAt: expiresAt.toISOString(), member: row }, 200);
  });
}
