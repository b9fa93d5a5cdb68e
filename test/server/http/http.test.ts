import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { createApp } from '../../../server/http/app.ts';
import { resolveClientAddress, trustedProxyList } from '../../../server/http/middleware/client-address.ts';
import { OverloadedError } from '../../../server/db/index.ts';
import { Community } from '../../../server/contract/communities.ts';
import { Event, ViewerRsvp } from '../../../server/contract/events.ts';
import { MemberPage, MemberProfile } from '../../../server/contract/members.ts';
import { page } from '../../../server/contract/common.ts';
import { assertProblem, assertSchema, call, ORIGIN, setup, testConfig, testDatabase, type Fixture } from './harness.ts';

let ctx: Awaited<ReturnType<typeof setup>>;
let f: Fixture;
before(async () => {
  ctx = await setup();
  f = ctx.fixture;
});
after(async () => (await testDatabase()).close());

describe('HTTP behaviour', () => {
  test('health answers and unknown API routes are problem+json 404', async () => {
    assert.equal((await call(ctx.grove, '/api/health')).json?.status, 'ok');
    assertProblem(await call(ctx.grove, '/api/v1/nothing-here'), 404);
  });

  test('reads carry a weak ETag and answer 304 to If-None-Match', async () => {
    const first = await call(ctx.grove, `/api/v1/communities/${f.grove.slug}`);
    const etag = first.headers.get('etag') ?? '';
    assert.match(etag, /^W\/"/);
    assert.equal(first.headers.get('cache-control'), 'public, max-age=30');
    const again = await call(ctx.grove, `/api/v1/communities/${f.grove.slug}`, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    assert.equal(again.text, '');
    const signedIn = await call(ctx.grove, `/api/v1/communities/${f.grove.slug}`, { as: f.member });
    assert.equal(signedIn.headers.get('cache-control'), 'private, no-cache');
  });

  test('CORS echoes allowed origins only, with Vary: Origin and exposed headers', async () => {
    const allowed = await call(ctx.grove, '/api/v1/communities', { headers: { origin: ORIGIN } });
    assert.equal(allowed.headers.get('access-control-allow-origin'), ORIGIN);
    assert.match(allowed.headers.get('vary') ?? '', /Origin/);
    assert.match(allowed.headers.get('access-control-expose-headers') ?? '', /ETag/);
    const other = await call(ctx.grove, '/api/v1/communities', { headers: { origin: 'https://evil.example' } });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    const preflight = await ctx.grove.app.request('/api/v1/posts', {
      method: 'OPTIONS',
      headers: {
        origin: ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'idempotency-key,authorization',
      },
    });
    assert.equal(preflight.status, 204);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/);
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /\bPUT\b/);
    assert.equal(preflight.headers.get('access-control-allow-origin'), ORIGIN);
    assert.equal(preflight.headers.get('access-control-max-age'), '600');
    assert.match(preflight.headers.get('vary') ?? '', /Origin.*Access-Control-Request-Headers/);
    const refusedPreflight = await ctx.grove.app.request('/api/v1/posts', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example' },
    });
    assert.equal(refusedPreflight.headers.get('access-control-allow-origin'), null);
    const failed = await call(ctx.grove, '/api/v1/communities/nope-nope', { headers: { origin: ORIGIN } });
    assert.equal(failed.headers.get('access-control-allow-origin'), ORIGIN, 'errors must be readable cross-origin too');
  });

  test('large JSON is gzipped when the client accepts it', async () => {
    const response = await ctx.grove.app.request('/api/v1/members?limit=100', { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(response.headers.get('content-encoding'), 'gzip');
  });

  test('a gzipped static file states its compressed length, so clients do not wait for bytes that never come', async () => {
    const response = await ctx.grove.app.request('/demo.css', { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-encoding'), 'gzip');
    const body = Buffer.from(await response.arrayBuffer());
    assert.equal(response.headers.get('content-length'), String(body.byteLength));
    assert.match(gunzipSync(body).toString('utf8'), /\{/);
  });

  test('rate limits answer 429 with Retry-After per client address', async () => {
    const limited = createApp({ db: ctx.db, config: testConfig({ rateLimit: { anonymousPerMinute: 2, memberPerMinute: 0 } }) });
    await call(limited, '/api/health');
    await call(limited, '/api/health');
    const third = await call(limited, '/api/health');
    assertProblem(third, 429);
    assert.ok(Number(third.headers.get('retry-after')) >= 1);
    assert.equal((await call(limited, '/api/health', { as: f.member })).status, 200, 'members have their own bucket');
  });

  test('X-Forwarded-For is believed only through trusted proxies', () => {
    const trusted = trustedProxyList(['10.0.0.0/8']);
    assert.equal(resolveClientAddress('10.1.2.3', '203.0.113.9, 10.0.0.7', trusted), '203.0.113.9');
    assert.equal(resolveClientAddress('198.51.100.1', '203.0.113.9', trusted), '198.51.100.1', 'untrusted peer');
    assert.equal(resolveClientAddress('::ffff:10.1.2.3', '1.1.1.1, 203.0.113.9', trusted), '203.0.113.9', 'only one untrusted hop');
  });

  test('an overloaded database answers 503 with Retry-After, and health still answers', async () => {
    const busy = new Proxy(ctx.db, {
      get: (target, prop) => {
        if (prop === 'query') return () => Promise.reject(new OverloadedError('full', 2));
        const value = Reflect.get(target, prop) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    const app = createApp({ db: busy, config: testConfig() });
    const result = await call(app, '/api/v1/communities', { headers: { origin: ORIGIN, 'accept-encoding': 'gzip' } });
    assertProblem(result, 503);
    assert.equal(result.headers.get('retry-after'), '2');
    // A widget on another origin reads the refusal and its Retry-After; a small problem is sent as it is.
    assert.equal(result.headers.get('access-control-allow-origin'), ORIGIN);
    assert.match(result.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
    assert.equal(result.headers.get('content-encoding'), null);
    const health = await call(app, '/api/health');
    assert.equal(health.status, 200, 'the health check does not queue behind refused queries');
    assert.equal(health.json?.status, 'ok');
  });

  test('bad and expired tokens are 401 problems', async () => {
    assertProblem(await call(ctx.grove, '/api/v1/me', { headers: { authorization: 'Bearer nonsense' } }), 401);
    assertProblem(await call(ctx.grove, '/api/v1/me'), 401);
  });

  test('demo sign-in issues a token that works, only in demo mode', async () => {
    const signIn = await call(ctx.grove, '/api/v1/auth/demo', { method: 'POST', body: { member: f.member } });
    assert.equal(signIn.status, 200, signIn.text);
    const me = await call(ctx.grove, '/api/v1/me', { headers: { authorization: `Bearer ${String(signIn.json?.token)}` } });
    assert.equal(me.json?.id, f.member);
    assertProblem(await call(ctx.grove, '/api/v1/auth/demo', { method: 'POST', body: { member: 'x' } }), 400, 'body.member');
    const off = createApp({ db: ctx.db, config: testConfig({ demoMode: false }) });
    assertProblem(await call(off, '/api/v1/auth/demo', { method: 'POST', body: { member: f.member } }), 404);
  });
});

describe('communities and members', () => {
  test('members-only communities are invisible to non-members', async () => {
    assertProblem(await call(ctx.grove, `/api/v1/communities/${f.private.slug}`), 404);
    assertProblem(await call(ctx.grove, `/api/v1/communities/${f.private.slug}`, { as: f.outsider }), 404);
    const seen = await call(ctx.grove, `/api/v1/communities/${f.private.slug}`, { as: f.member });
    assert.equal(assertSchema(Community, seen.json).viewerRole, 'member');
    const subs = await call(ctx.grove, `/api/v1/communities?parent=${f.grove.slug}`);
    assert.equal(assertSchema(page(Community, 'CommunityPage'), subs.json).items.length, 0);
    assertProblem(await call(ctx.grove, '/api/v1/communities?limit=0'), 400, 'query.limit');
  });

  test('search is accent-insensitive and typo tolerant; opted-out members never appear', async () => {
    const search = async (q: string) => {
      const result = await call(ctx.grove, `/api/v1/members?community=${f.grove.slug}&q=${encodeURIComponent(q)}`);
      return assertSchema(MemberPage, result.json).items.map((m) => m.id);
    };
    assert.ok((await search('emile ndiaye')).includes(f.member), 'accent-insensitive');
    assert.ok((await search('Emille Ndiay')).includes(f.member), 'typo tolerant');
    assert.ok(!(await search('Hidden Person')).includes(f.optedOut), 'opted out');
    assertProblem(await call(ctx.grove, '/api/v1/members?country=france'), 400, 'query.country');
    assertProblem(await call(ctx.grove, `/api/v1/members?community=${f.private.slug}`), 404);
  });

  test('facets count the filtered members and paging visits each once', async () => {
    const result = await call(ctx.grove, `/api/v1/members?community=${f.grove.slug}&facets=true&limit=1`);
    const body = assertSchema(MemberPage, result.json);
    assert.equal(body.total, 2, 'facilitator and member; not the opted-out one');
    assert.deepEqual(body.facets?.role.map((r) => [r.value, r.count]).sort(), [
      ['facilitator', 1],
      ['member', 1],
    ]);
    const second = assertSchema(
      MemberPage,
      (await call(ctx.grove, `/api/v1/members?community=${f.grove.slug}&limit=1&cursor=${body.next}`)).json,
    );
    assert.notEqual(second.items[0]?.id, body.items[0]?.id);
    assert.equal(second.next, null);
  });

  test('contact channels follow each channel’s visibility', async () => {
    const kinds = async (as: string | null) => {
      const result = await call(ctx.grove, `/api/v1/members/${f.member}`, { as });
      return assertSchema(MemberProfile, result.json)
        .contacts.map((c) => c.kind)
        .sort();
    };
    assert.deepEqual(await kinds(null), ['website']);
    assert.deepEqual(await kinds(f.outsider), ['website'], 'no shared community');
    assert.deepEqual(await kinds(f.facilitator), ['email', 'website'], 'shares a community');
    assert.deepEqual(await kinds(f.member), ['email', 'phone', 'website'], 'yourself');
    assertProblem(await call(ctx.grove, `/api/v1/members/${f.optedOut}`), 404);
  });

  test('endorsements: signed in, not yourself, declared skills only, once', async () => {
    const { rows } = await ctx.db.query<{ slug: string }>(
      'select s.slug from member_skills ms join skills s on s.id = ms.skill_id where ms.member_id = $1 limit 1',
      [f.member],
    );
    const skill = rows[0]!.slug;
    const endorse = (as: string | null, body: unknown) =>
      call(ctx.grove, `/api/v1/members/${f.member}/endorsements`, { method: 'POST', as, body });
    assertProblem(await endorse(null, { skill }), 401);
    assertProblem(await endorse(f.member, { skill }), 403);
    assertProblem(await endorse(f.facilitator, { skill: 'not-a-skill' }), 422, 'body.skill');
    assertProblem(await endorse(f.facilitator, {}), 400, 'body.skill');
    assert.equal((await endorse(f.facilitator, { skill })).status, 201);
    const again = await endorse(f.facilitator, { skill });
    assert.equal(again.status, 200);
    assert.equal(again.json?.endorsements, 1);
  });
});

describe('events', () => {
  test('events list in a range and RSVPs fill capacity then the waitlist', async () => {
    const list = await call(ctx.grove, `/api/v1/events?community=${f.grove.slug}`);
    const events = assertSchema(page(Event, 'EventPage'), list.json);
    assert.ok(events.items.some((e) => e.id === f.event));
    assertProblem(await call(ctx.grove, '/api/v1/events?from=yesterday'), 400, 'query.from');
    const rsvp = (as: string | null, body: unknown) => call(ctx.grove, `/api/v1/events/${f.event}/rsvp`, { method: 'POST', as, body });
    assertProblem(await rsvp(null, { status: 'going' }), 401);
    assertProblem(await rsvp(f.member, { status: 'perhaps' }), 400, 'body.status');
    assertProblem(await rsvp(f.member, { status: 'going', occurrence: '2001-01-01T00:00:00Z' }), 422, 'body.occurrence');
    assert.equal(assertSchema(ViewerRsvp, (await rsvp(f.member, { status: 'going' })).json).waitlisted, false);
    const second = assertSchema(ViewerRsvp, (await rsvp(f.outsider, { status: 'going' })).json);
    assert.deepEqual([second.waitlisted, second.position], [true, 1]);
    await rsvp(f.member, { status: 'not-going' });
    const event = assertSchema(Event, (await call(ctx.grove, `/api/v1/events/${f.event}`, { as: f.outsider })).json);
    assert.equal(event.viewerRsvp?.waitlisted, false, 'a freed seat goes to the waitlist');
  });

  test('participation facts are counted per member', async () => {
    const result = await call(ctx.grove, `/api/v1/participation/members/${f.outsider}?community=${f.grove.slug}`);
    assert.equal(result.status, 200, result.text);
    assert.ok(Number((result.json?.counts as Record<string, number>).rsvp) >= 1);
    assert.equal((await call(ctx.grove, `/api/v1/participation/communities/${f.grove.slug}`)).json?.members, 3);
  });
});
