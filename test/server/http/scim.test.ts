/**
 * SCIM 2.0 provisioning against the app on a real database. The request sequences follow two public
 * compliance suites as identity providers run them:
 * - the "Okta SCIM 2.0 SPEC Test" (Runscope suite Okta publishes for SCIM servers: list with
 *   count=1&startIndex=1 and its required attributes, filter on an unknown userName, create, read,
 *   filter on the created userName, duplicate create → 409, unknown id → 404, deactivate);
 * - the request shapes of Microsoft Entra ID's provisioning service as its SCIM validator sends them
 *   (capitalised op names, "False" as a string, URN-qualified enterprise paths, group member
 *   add/remove by `members[value eq "…"]`).
 * Each request is written here from those descriptions, not copied.
 */
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return --
   SCIM answers are walked the way an identity provider's client reads them: by attribute path, untyped. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { call, setup, testConfig, testDatabase, type Fixture } from './harness.ts';
import { createApp } from '../../../server/http/app.ts';
import { OverloadedError, type Database } from '../../../server/db/index.ts';

const TOKEN = 'scim-test-token-that-is-long-enough-1234567890';
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const LIST = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

let ctx: Awaited<ReturnType<typeof setup>>;
let f: Fixture;
const run = `${process.pid.toString(36)}${Date.now().toString(36)}`;

before(async () => {
  ctx = await setup({ scimToken: TOKEN });
  f = ctx.fixture;
});
after(async () => {
  ctx.grove.hub.close();
  await (await testDatabase()).close();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- SCIM payloads are read loosely, as clients do

async function scim(
  path: string,
  { method = 'GET', body, token = TOKEN }: { method?: string; body?: unknown; token?: string | null } = {},
) {
  const headers: Record<string, string> = { accept: 'application/scim+json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/scim+json; charset=utf-8';
  const response = await ctx.grove.app.request(`/scim/v2${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: (text ? JSON.parse(text) : null) as Json, text };
}

const oktaUser = (userName: string) => ({
  schemas: [USER],
  userName,
  name: { givenName: 'Wanjiru', familyName: `Kamau ${run}` },
  emails: [{ primary: true, value: userName, type: 'work' }],
  active: true,
  [ENTERPRISE]: { organization: 'Kenya Rainwater Association' },
});

describe('SCIM 2.0: the Okta spec sequence', () => {
  let created: Json;
  const userName = `wanjiru.${run}@example.org`;

  test('the token is required, and SCIM is off without one configured', async () => {
    const denied = await scim('/Users', { token: 'wrong' });
    assert.equal(denied.status, 401);
    assert.deepEqual(denied.json.schemas, [ERROR]);
    assert.equal(denied.json.status, '401');
    assert.equal((await scim('/Users', { token: null })).status, 401);
    const member = await call(ctx.grove, '/api/v1/me', { as: f.member });
    assert.equal(member.status, 200, "a member's JWT is not a SCIM token, and the API does not take the SCIM token");
    const off = await setup();
    const response = await off.grove.app.request('/scim/v2/Users', { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(response.status, 404);
    off.grove.hub.close();
  });

  test('lists users with count and startIndex, with the attributes Okta requires', async () => {
    const page = await scim('/Users?count=1&startIndex=1');
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^application\/scim\+json/);
    assert.deepEqual(page.json.schemas, [LIST]);
    for (const key of ['itemsPerPage', 'startIndex', 'totalResults']) assert.equal(typeof page.json[key], 'number', key);
    assert.equal(page.json.Resources.length, 1);
    const first = page.json.Resources[0];
    for (const key of ['id', 'userName', 'active']) assert.notEqual(first[key], undefined, key);
    assert.ok(first.name.familyName && first.name.givenName !== undefined);
    const second = await scim('/Users?count=1&startIndex=2');
    assert.notEqual(second.json.Resources[0].id, first.id, 'startIndex pages');
  });

  test('finds nobody for an unknown userName', async () => {
    const page = await scim(`/Users?filter=${encodeURIComponent(`userName eq "nobody.${run}@example.org"`)}`);
    assert.equal(page.status, 200);
    assert.equal(page.json.totalResults, 0);
    assert.deepEqual(page.json.Resources, []);
  });

  test('creates a user, reads it back, finds it by userName whatever the case, refuses a duplicate', async () => {
    const response = await scim('/Users', { method: 'POST', body: oktaUser(userName) });
    assert.equal(response.status, 201, response.text);
    created = response.json;
    assert.equal(created.userName, userName);
    assert.equal(created.active, true);
    assert.equal(created.emails[0].value, userName);
    assert.equal(created[ENTERPRISE].organization, 'Kenya Rainwater Association');
    assert.equal(response.headers.get('location'), created.meta.location);

    const read = await scim(`/Users/${created.id}`);
    assert.equal(read.status, 200);
    assert.equal(read.json.name.formatted, `Wanjiru Kamau ${run}`);

    const found = await scim(`/Users?filter=${encodeURIComponent(`userName eq "${userName.toUpperCase()}"`)}`);
    assert.equal(found.json.totalResults, 1);
    assert.equal(found.json.Resources[0].id, created.id);

    const duplicate = await scim('/Users', { method: 'POST', body: oktaUser(userName) });
    assert.equal(duplicate.status, 409);
    assert.equal(duplicate.json.scimType, 'uniqueness');

    const profile = await call(ctx.grove, `/api/v1/me`, { as: created.id });
    assert.equal(profile.status, 200, 'the provisioned member can sign in with the host token naming the SCIM id');
    assert.equal(profile.json?.organisation, 'Kenya Rainwater Association');
  });

  test('answers 404 with a SCIM error for an unknown id', async () => {
    const missing = await scim('/Users/999999999');
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.json.schemas, [ERROR]);
    assert.equal((await scim('/Users/not-a-number')).status, 404);
  });

  test('refuses a filter it does not support with invalidFilter, and a body without userName', async () => {
    const bad = await scim(`/Users?filter=${encodeURIComponent('name.familyName co "Kam"')}`);
    assert.equal(bad.status, 400);
    assert.equal(bad.json.scimType, 'invalidFilter');
    const nameless = await scim('/Users', { method: 'POST', body: { schemas: [USER], name: { givenName: 'X' } } });
    assert.equal(nameless.status, 400);
    assert.equal(nameless.json.scimType, 'invalidValue');
    const wrongZone = await scim('/Users', { method: 'POST', body: { ...oktaUser(`zone.${run}@example.org`), timezone: 'Mars/Olympus' } });
    assert.equal(wrongZone.status, 400);
    assert.match(wrongZone.json.detail, /timezone/);
  });

  test('Entra ID shapes: PATCH with capitalised ops, "False" as a string and URN-qualified paths', async () => {
    const patched = await scim(`/Users/${created.id}`, {
      method: 'PATCH',
      body: {
        schemas: [PATCH],
        Operations: [
          { op: 'Replace', path: 'title', value: 'Hydrologist' },
          { op: 'Replace', path: `${ENTERPRISE}:organization`, value: 'Water Resources Authority' },
          { op: 'Replace', path: 'emails[type eq "work"].value', value: `w.kamau.${run}@example.org` },
          { op: 'Add', value: { preferredLanguage: 'sw-KE', timezone: 'Africa/Nairobi' } },
        ],
      },
    });
    assert.equal(patched.status, 200, patched.text);
    assert.equal(patched.json.title, 'Hydrologist');
    assert.equal(patched.json[ENTERPRISE].organization, 'Water Resources Authority');
    assert.equal(patched.json.emails[0].value, `w.kamau.${run}@example.org`);
    assert.equal(patched.json.preferredLanguage, 'sw');
    assert.equal(patched.json.timezone, 'Africa/Nairobi');
    const byExternal = await scim(`/Users?filter=${encodeURIComponent(`emails[type eq "work"].value eq "w.kamau.${run}@example.org"`)}`);
    assert.equal(byExternal.json.totalResults, 1);
  });
});

describe('SCIM 2.0: groups are communities, deactivation hides at once', () => {
  test('a provisioned member in a provisioned group posts, is deactivated, disappears everywhere and comes back', async () => {
    const user = (await scim('/Users', { method: 'POST', body: oktaUser(`amani.${run}@example.org`) })).json;
    const group = await scim('/Groups', {
      method: 'POST',
      body: {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
        displayName: `Field hydrologists ${run}`,
        members: [{ value: user.id }],
      },
    });
    assert.equal(group.status, 201, group.text);
    assert.deepEqual(
      group.json.members.map((m: Json) => m.value),
      [user.id],
    );
    // Add a fixture member, Okta style, then remove them Entra style.
    const added = await scim(`/Groups/${group.json.id}`, {
      method: 'PATCH',
      body: { schemas: [PATCH], Operations: [{ op: 'add', path: 'members', value: [{ value: f.member }] }] },
    });
    assert.deepEqual(added.json.members.map((m: Json) => m.value).sort(), [user.id, f.member].sort());
    const removed = await scim(`/Groups/${group.json.id}`, {
      method: 'PATCH',
      body: {
        schemas: [PATCH],
        Operations: [
          { op: 'Remove', path: `members[value eq "${f.member}"]` },
          { op: 'Replace', path: 'displayName', value: `Hydrologists ${run}` },
        ],
      },
    });
    assert.deepEqual(
      removed.json.members.map((m: Json) => m.value),
      [user.id],
    );
    assert.equal(removed.json.displayName, `Hydrologists ${run}`);
    const byName = await scim(`/Groups?filter=${encodeURIComponent(`displayName eq "hydrologists ${run}"`)}&excludedAttributes=members`);
    assert.equal(byName.json.totalResults, 1);
    assert.equal(byName.json.Resources[0].members, undefined);

    // The community is members-only: its member reads it, others do not.
    const communities = await call(ctx.grove, '/api/v1/communities?all=true&limit=100', { as: user.id });
    const community = (communities.json?.items as { slug: string; name: string; visibility: string }[]).find(
      (c) => c.name === `Hydrologists ${run}`,
    );
    assert.equal(community?.visibility, 'members');
    assert.equal((await call(ctx.grove, `/api/v1/communities/${community.slug}`)).status, 404);

    // The member joins the fixture's public community too and posts there.
    await scim(`/Groups/${f.grove.id}`, {
      method: 'PATCH',
      body: { schemas: [PATCH], Operations: [{ op: 'add', path: 'members', value: [{ value: user.id }] }] },
    });
    const written = await call(ctx.grove, '/api/v1/posts', {
      method: 'POST',
      as: user.id,
      body: { thread: f.thread, body: 'Provisioned and posting' },
    });
    assert.equal(written.status, 201, written.text);
    const name = user.name.formatted as string;
    assert.equal((await call(ctx.grove, `/api/v1/members/${user.id}`)).status, 200);

    const off = await scim(`/Users/${user.id}`, {
      method: 'PATCH',
      body: { schemas: [PATCH], Operations: [{ op: 'Replace', path: 'active', value: 'False' }] },
    });
    assert.equal(off.json.active, false);
    assert.equal((await call(ctx.grove, `/api/v1/members/${user.id}`, { as: f.facilitator })).status, 404, 'no profile');
    const search = await call(ctx.grove, `/api/v1/members?q=${encodeURIComponent(name)}`, { as: f.facilitator });
    assert.equal(search.text.includes(name), false, 'not in the directory');
    assert.equal((await call(ctx.grove, `/api/v1/participation/members/${user.id}`)).status, 404, 'no badge');
    const post = await call(ctx.grove, `/api/v1/posts/${String(written.json?.id)}`, { as: f.member });
    assert.deepEqual(post.json?.author && { name: (post.json.author as Json).name, presence: (post.json.author as Json).presence }, {
      name: '',
      presence: 'former',
    });
    assert.equal((await call(ctx.grove, '/api/v1/me', { as: user.id })).status, 401, 'a deactivated account signs in no more');

    const on = await scim(`/Users/${user.id}`, { method: 'PUT', body: { ...oktaUser(user.userName), active: true } });
    assert.equal(on.json.active, true);
    assert.equal((await call(ctx.grove, `/api/v1/members/${user.id}`)).status, 200, 'back in the directory');

    assert.equal((await scim(`/Users/${user.id}`, { method: 'DELETE' })).status, 204);
    assert.equal((await scim(`/Users/${user.id}`)).status, 404, 'a removed user is gone from SCIM');
    const after = await call(ctx.grove, `/api/v1/posts/${String(written.json?.id)}`, { as: f.member });
    assert.equal((after.json?.author as Json).presence, 'former', 'their post stays, as a former member’s');
    assert.equal((await scim(`/Users?filter=${encodeURIComponent(`userName eq "${user.userName}"`)}`)).json.totalResults, 0);

    assert.equal((await scim(`/Groups/${group.json.id}`, { method: 'DELETE' })).status, 204);
    assert.equal((await scim(`/Groups/${group.json.id}`)).status, 404);
  });

  test('discovery: ServiceProviderConfig, ResourceTypes and Schemas', async () => {
    const config = await scim('/ServiceProviderConfig');
    assert.equal(config.json.patch.supported, true);
    assert.equal(config.json.filter.supported, true);
    assert.deepEqual(
      (await scim('/ResourceTypes')).json.Resources.map((r: Json) => r.id),
      ['User', 'Group'],
    );
    assert.equal((await scim('/Schemas')).json.totalResults, 3);
  });
});

describe('SCIM 2.0: list paging as RFC 7644 §3.4.2.4 reads it', () => {
  const page = (query: string) => scim(`/Users?${query}`);

  test('a startIndex past the end answers an empty page with the true total', async () => {
    const all = await page('count=0');
    const total = all.json.totalResults as number;
    assert.ok(total > 0);
    for (const startIndex of [total + 1, total + 1000, '99999999999999999999999', '9007199254740993']) {
      const past = await page(`startIndex=${String(startIndex)}&count=5`);
      assert.equal(past.status, 200, `startIndex=${String(startIndex)}: ${past.text}`);
      assert.equal(past.json.totalResults, total);
      assert.equal(past.json.itemsPerPage, 0);
      assert.deepEqual(past.json.Resources, []);
    }
    const last = await page(`startIndex=${String(total)}&count=5`);
    assert.equal(last.json.Resources.length, 1, 'the last resource is at startIndex = totalResults');
  });

  test('a startIndex below 1 is read as 1', async () => {
    const first = await page('startIndex=1&count=2');
    for (const startIndex of ['0', '-3', 'abc']) {
      const below = await page(`startIndex=${startIndex}&count=2`);
      assert.equal(below.status, 200);
      assert.equal(below.json.startIndex, 1);
      assert.deepEqual(
        below.json.Resources.map((user: Json) => user.id),
        first.json.Resources.map((user: Json) => user.id),
      );
    }
  });

  test('count=0 (or negative) returns only totalResults; count is capped', async () => {
    for (const count of ['0', '-1']) {
      const none = await page(`count=${count}`);
      assert.equal(none.status, 200);
      assert.equal(none.json.itemsPerPage, 0);
      assert.deepEqual(none.json.Resources, []);
      assert.ok((none.json.totalResults as number) > 0);
    }
    const many = await page('count=100000');
    assert.ok((many.json.itemsPerPage as number) <= 200);
    assert.equal(many.json.itemsPerPage, many.json.Resources.length);
  });

  test('a filtered list counts the matches, not the page, in totalResults', async () => {
    const names = [1, 2, 3].map((n) => `paged.${String(n)}.${run}@example.org`);
    for (const userName of names) assert.equal((await scim('/Users', { method: 'POST', body: oktaUser(userName) })).status, 201);
    const filter = encodeURIComponent(`userName eq "${names[1]!}"`);
    const one = await page(`filter=${filter}&count=0`);
    assert.equal(one.json.totalResults, 1);
    assert.deepEqual(one.json.Resources, []);
    const found = await page(`filter=${filter}&startIndex=1&count=10`);
    assert.equal(found.json.totalResults, 1);
    assert.equal(found.json.Resources[0].userName, names[1]);
    const beyond = await page(`filter=${filter}&startIndex=2&count=10`);
    assert.equal(beyond.json.totalResults, 1);
    assert.deepEqual(beyond.json.Resources, []);
    const groups = await scim(`/Groups?count=0`);
    assert.equal(groups.status, 200);
    assert.equal(groups.json.itemsPerPage, 0);
  });
});

describe("SCIM 2.0: failures on the server answer in SCIM's error format", () => {
  /** The test database, except that every statement fails with `error`. */
  const failing = (db: Database, error: Error): Database =>
    new Proxy(db, {
      get(target, key, receiver) {
        if (key === 'query' || key === 'transaction') return () => Promise.reject(error);
        return Reflect.get(target, key, receiver) as unknown;
      },
    });

  for (const [name, error, status] of [
    ['an overloaded database', new OverloadedError('The database queue is full', 3), 503],
    ['a failing database', new Error('connection terminated unexpectedly'), 500],
  ] as const) {
    test(`${name} answers ${String(status)} with a SCIM error body`, async () => {
      const grove = createApp({ db: failing(ctx.db, error), config: testConfig({ scimToken: TOKEN }) });
      const response = await grove.app.request('/scim/v2/Users?count=1', { headers: { authorization: `Bearer ${TOKEN}` } });
      const body = (await response.json()) as Json;
      grove.hub.close();
      assert.equal(response.status, status);
      assert.match(response.headers.get('content-type') ?? '', /^application\/scim\+json/);
      assert.deepEqual(body.schemas, [ERROR]);
      assert.equal(body.status, String(status));
      assert.doesNotMatch(JSON.stringify(body), /connection terminated/, 'the cause stays in the server log');
      if (status === 503) assert.equal(response.headers.get('retry-after'), '3');
    });
  }
});
