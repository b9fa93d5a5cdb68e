/**
 * A member's mail settings over HTTP: what the settings panel lists (communities with their list mode and
 * following, threads followed), the switches it calls, and the errors it shows beside a field.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { MailSettings } from '../../../server/contract/mail.ts';
import { assertProblem, assertSchema, call, ORIGIN, setup, testDatabase, type Fixture } from '../http/harness.ts';

let f: Fixture;
let grove: Awaited<ReturnType<typeof setup>>['grove'];
let db: Awaited<ReturnType<typeof setup>>['db'];

before(async () => {
  ({ fixture: f, grove, db } = await setup());
});
after(async () => (await testDatabase()).close());

const settings = async (as: string) => assertSchema(MailSettings, (await call(grove, '/api/v1/me/mail', { as })).json);

describe('mail settings', () => {
  test('list the communities one belongs to, with mailing-list mode and following, and the threads followed', async () => {
    const start = await settings(f.member);
    assert.deepEqual(
      start.communities.map((c) => [c.slug, c.member, c.mailingList, c.following]),
      [
        [f.grove.slug, true, false, false],
        [f.private.slug, true, false, false],
      ],
    );
    assert.equal(start.digest, 'weekly', 'weekly unless chosen otherwise');
    assert.equal((await call(grove, `/api/v1/communities/${f.grove.slug}/mailing-list`, { method: 'PUT', as: f.member })).status, 200);
    assert.equal((await call(grove, `/api/v1/communities/${f.other.slug}/follow`, { method: 'PUT', as: f.member })).status, 200);
    assert.equal((await call(grove, `/api/v1/threads/${f.thread}/follow`, { method: 'PUT', as: f.member })).status, 200);
    const now = await settings(f.member);
    const bySlug = new Map(now.communities.map((c) => [c.slug, c]));
    assert.equal(bySlug.get(f.grove.slug)?.mailingList, true);
    assert.deepEqual(bySlug.get(f.other.slug), {
      slug: f.other.slug,
      name: `Community ${f.other.slug}`,
      member: false,
      mailingList: false,
      following: true,
    });
    assert.deepEqual(now.followedThreads[0], {
      id: f.thread,
      title: 'A thread',
      community: f.grove.slug,
      communityName: `Community ${f.grove.slug}`,
    });
    assert.equal(now.followedThreadCount, 1);
    await call(grove, `/api/v1/threads/${f.thread}/follow`, { method: 'DELETE', as: f.member });
    await call(grove, `/api/v1/communities/${f.other.slug}/follow`, { method: 'DELETE', as: f.member });
    const after = await settings(f.member);
    assert.deepEqual(after.followedThreads, []);
    assert.ok(!after.communities.some((c) => c.slug === f.other.slug), 'an unfollowed community one does not belong to leaves the list');
  });

  test('a followed thread in a community one can no longer read is not listed', async () => {
    await call(grove, `/api/v1/threads/${f.privateThread}/follow`, { method: 'PUT', as: f.facilitator });
    assert.ok((await settings(f.facilitator)).followedThreads.some((t) => t.id === f.privateThread));
    await db.query('delete from memberships where community_id = $1 and member_id = $2', [f.private.id, f.facilitator]);
    const after = await settings(f.facilitator);
    assert.ok(!after.followedThreads.some((t) => t.id === f.privateThread), 'no title from a private community left');
    assert.ok(!after.communities.some((c) => c.slug === f.private.slug));
  });

  test('a bad digest or kind is refused naming the field, and changes nothing', async () => {
    await call(grove, '/api/v1/me/mail', { method: 'PATCH', as: f.member, body: { digest: 'daily', off: ['mention'] } });
    assertProblem(await call(grove, '/api/v1/me/mail', { method: 'PATCH', as: f.member, body: { digest: 'hourly' } }), 400, 'body.digest');
    assertProblem(
      await call(grove, '/api/v1/me/mail', { method: 'PATCH', as: f.member, body: { off: ['reply', 'gossip'] } }),
      400,
      'body.off.1',
    );
    const kept = await settings(f.member);
    assert.deepEqual([kept.digest, kept.off], ['daily', ['mention']]);
  });

  test('widgets on another origin may call the PUT switches (CORS preflight)', async () => {
    const preflight = await grove.app.request(`/api/v1/communities/${f.grove.slug}/follow`, {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'authorization' },
    });
    assert.equal(preflight.status, 204);
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /\bPUT\b/);
  });

  test('mailing-list mode in a private community one does not belong to is not found', async () => {
    assertProblem(await call(grove, `/api/v1/communities/${f.private.slug}/mailing-list`, { method: 'PUT', as: f.outsider }), 404);
    assertProblem(await call(grove, '/api/v1/me/mail', { as: null }), 401);
  });
});
