/**
 * One database per test process (openTestDatabase: migrated and demo-seeded), plus a small fixture of
 * our own with known rights, so tests assert on rows they created and not on seed details.
 */
import assert from 'node:assert/strict';
import { SignJWT } from 'jose';
import type { z } from '@hono/zod-openapi';
import { createApp, type GroveApp } from '../../../server/http/app.ts';
import { loadConfig, type ServerConfig } from '../../../server/config.ts';
import type { Database } from '../../../server/db/index.ts';
import { openTestDatabase } from '../../../server/seed/testing.ts';

export const SECRET = 'test-secret-that-is-at-least-32-characters-long';
export const ORIGIN = 'https://intranet.example.org';

let database: Promise<Database> | undefined;
export const testDatabase = (): Promise<Database> => (database ??= openTestDatabase());

export function testConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    ...loadConfig({}),
    demoMode: true,
    corsOrigins: [ORIGIN],
    auth: { jwtSecret: SECRET },
    rateLimit: { anonymousPerMinute: 0, memberPerMinute: 0 },
    ...overrides,
  };
}

export interface Fixture {
  grove: { id: string; slug: string };
  private: { id: string; slug: string };
  other: { id: string; slug: string };
  facilitator: string;
  member: string;
  outsider: string;
  optedOut: string;
  thread: string;
  question: string;
  privateThread: string;
  event: string;
}

let sequence = 0;
/** Unique per call, so several fixtures can live in one database. */
const unique = () => `${process.pid.toString(36)}${(sequence++).toString(36)}`;

export async function createFixture(db: Database): Promise<Fixture> {
  const tag = unique();
  const community = async (slug: string, visibility: string, parent: string | null = null) => {
    const { rows } = await db.query<{ id: string }>(
      `insert into communities (slug, name, visibility, parent_id, languages) values ($1, $2, $3, $4, '{en,fr}') returning id`,
      [slug, `Community ${slug}`, visibility, parent],
    );
    return { id: rows[0]!.id, slug };
  };
  const grove = await community(`t-grove-${tag}`, 'public');
  const priv = await community(`t-private-${tag}`, 'members', grove.id);
  const other = await community(`t-other-${tag}`, 'public');
  const member = async (name: string, extra: { optOut?: boolean; organisation?: string; country?: string } = {}) => {
    const { rows } = await db.query<{ id: string }>(
      `insert into members (name, practice, organisation, country, languages, bio, directory_opt_out, time_zone)
       values ($1, 'Extension officer', $2, $3, '{fr,en}', 'Works on irrigation with farmer groups', $4, 'Africa/Dakar') returning id`,
      [name, extra.organisation ?? `Org ${tag}`, extra.country ?? 'SN', extra.optOut ?? false],
    );
    return rows[0]!.id;
  };
  const facilitator = await member(`Zélie Facilitatrice ${tag}`);
  const memberId = await member(`Émile Ndiaye ${tag}`);
  const outsider = await member(`Oscar Outsider ${tag}`);
  const optedOut = await member(`Hidden Person ${tag}`, { optOut: true });
  const join = (c: string, m: string, role = 'member') =>
    db.query('insert into memberships (community_id, member_id, role) values ($1, $2, $3)', [c, m, role]);
  await join(grove.id, facilitator, 'facilitator');
  await join(priv.id, facilitator, 'facilitator');
  await join(grove.id, memberId);
  await join(priv.id, memberId);
  await join(other.id, outsider);
  await join(grove.id, optedOut);
  await db.query(`insert into member_skills (member_id, skill_id, level) select $1, id, 4 from skills order by id limit 2`, [memberId]);
  await db.query(
    `insert into contact_channels (member_id, kind, value, visibility, position) values
     ($1, 'website', 'https://emile.example.org', 'public', 0),
     ($1, 'email', 'emile@example.org', 'members', 1),
     ($1, 'phone', '+221 555 0100', 'nobody', 2)`,
    [memberId],
  );
  const thread = async (communityId: string, kind: string) => {
    const { rows } = await db.query<{ id: string }>(
      `insert into threads (community_id, page_key, title, kind, created_by) values ($1, $2, 'A thread', $3, $4) returning id`,
      [communityId, `https://example.org/${tag}/${kind}/${communityId}`, kind, memberId],
    );
    return rows[0]!.id;
  };
  const discussion = await thread(grove.id, 'discussion');
  const question = await thread(grove.id, 'question');
  const privateThread = await thread(priv.id, 'discussion');
  const { rows: events } = await db.query<{ id: string }>(
    `insert into events (community_id, organiser_id, title, starts_at, ends_at, time_zone, capacity)
     values ($1, $2, 'Peer assist', now() + interval '2 days', now() + interval '2 days 1 hour', 'Africa/Dakar', 1) returning id`,
    [grove.id, facilitator],
  );
  return {
    grove,
    private: priv,
    other,
    facilitator,
    member: memberId,
    outsider,
    optedOut,
    thread: discussion,
    question,
    privateThread,
    event: events[0]!.id,
  };
}

export async function tokenFor(memberId: string, secret = SECRET): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(memberId)
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(secret));
}

export interface Call {
  method?: string;
  as?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
}

let keys = 0;
/** Calls the app in-process; POSTs get a fresh Idempotency-Key unless one is given. */
export async function call(grove: GroveApp, path: string, { method = 'GET', as = null, body, headers = {} }: Call = {}) {
  const all: Record<string, string> = { ...headers };
  if (as) all.authorization = `Bearer ${await tokenFor(as)}`;
  if (body !== undefined) all['content-type'] ??= 'application/json';
  if (method === 'POST' && !('idempotency-key' in all)) all['idempotency-key'] = `test-key-${process.pid}-${keys++}`;
  const response = await grove.app.request(path, { method, headers: all, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const json = text && (response.headers.get('content-type') ?? '').includes('json') ? (JSON.parse(text) as Record<string, unknown>) : null;
  return { status: response.status, headers: response.headers, json, text };
}

/** Asserts a problem+json response naming `field` when given. */
export function assertProblem(result: Awaited<ReturnType<typeof call>>, status: number, field?: string): void {
  assert.equal(result.status, status, `expected ${status}, got ${result.status}: ${result.text}`);
  assert.match(result.headers.get('content-type') ?? '', /^application\/problem\+json/);
  assert.equal(result.json?.status, status);
  if (field) {
    const errors = (result.json.errors ?? []) as { field: string }[];
    assert.ok(
      errors.some((e) => e.field === field),
      `expected an error naming ${field}: ${result.text}`,
    );
  }
}

/** Contract check: the body parses with the route's zod schema. */
export function assertSchema<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body);
  assert.ok(result.success, `response does not match ${schema.description ?? 'schema'}: ${JSON.stringify(result.error?.issues)}`);
  return result.data;
}

export async function setup(overrides: Partial<ServerConfig> = {}) {
  const db = await testDatabase();
  const fixture = await createFixture(db);
  return { db, fixture, grove: createApp({ db, config: testConfig(overrides) }) };
}
