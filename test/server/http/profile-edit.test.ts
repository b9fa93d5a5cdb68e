import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Me } from '../../../server/contract/members.ts';
import { MemberProfile } from '../../../server/contract/members.ts';
import { assertProblem, assertSchema, call, setup, testDatabase, type Fixture } from './harness.ts';

let ctx: Awaited<ReturnType<typeof setup>>;
let f: Fixture;
before(async () => {
  ctx = await setup();
  f = ctx.fixture;
});
after(async () => (await testDatabase()).close());

const MERGE_PATCH = 'application/merge-patch+json';

async function me(as: string) {
  const result = await call(ctx.grove, '/api/v1/me', { as });
  assert.equal(result.status, 200, result.text);
  return { me: assertSchema(Me, result.json), etag: result.headers.get('etag') ?? '' };
}

const patch = (as: string | null, body: unknown, ifMatch?: string, contentType = MERGE_PATCH) =>
  call(ctx.grove, '/api/v1/me', {
    method: 'PATCH',
    as,
    body,
    headers: { 'content-type': contentType, ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }) },
  });

async function skillSlugs(n: number): Promise<string[]> {
  const { rows } = await ctx.db.query<{ slug: string }>('select slug from skills order by id limit $1', [n]);
  return rows.map((row) => row.slug);
}

describe('GET and PATCH /api/v1/me', () => {
  test('anonymous: 401 on both', async () => {
    assertProblem(await call(ctx.grove, '/api/v1/me'), 401);
    assertProblem(await patch(null, { bio: 'x' }, '*'), 401);
  });

  test('GET carries the version in its ETag and every channel with its visibility', async () => {
    const { me: profile, etag } = await me(f.member);
    assert.match(etag, new RegExp(`^W/"${profile.version}\\.`));
    assert.deepEqual(
      profile.contacts.map((c) => c.visibility),
      ['public', 'members', 'nobody'],
    );
    assert.equal(profile.directoryOptOut, false);
  });

  test('a merge patch changes what it names, leaves the rest, and bumps the version', async () => {
    const before = await me(f.member);
    const [first, second, third] = await skillSlugs(3);
    const result = await patch(
      f.member,
      {
        practice: 'Hydrologist',
        country: 'FR',
        languages: ['fr', 'wo'],
        timeZone: 'Europe/Paris',
        availability: 'limited',
        skills: [
          { skill: first, level: 2 },
          { skill: second, level: 4 },
        ],
        interests: [third],
        contacts: [
          { kind: 'email', value: 'emile@example.org', visibility: 'facilitators' },
          { kind: 'website', value: 'https://emile.example.org/about', visibility: 'public' },
        ],
      },
      before.etag,
    );
    assert.equal(result.status, 200, result.text);
    const after = assertSchema(Me, result.json);
    assert.equal(after.version, before.me.version + 1);
    assert.match(result.headers.get('etag') ?? '', new RegExp(`^W/"${after.version}\\.`));
    assert.equal(after.practice, 'Hydrologist');
    assert.equal(after.name, before.me.name, 'absent members are unchanged');
    assert.equal(after.bio, before.me.bio);
    assert.deepEqual(after.languages, ['fr', 'wo']);
    assert.deepEqual(
      after.skills.map((s) => [s.slug, s.level]).sort(),
      [
        [first, 2],
        [second, 4],
      ].sort(),
    );
    assert.deepEqual(
      after.interests.map((i) => i.slug),
      [third],
    );
    assert.deepEqual(after.contacts, [
      { kind: 'email', value: 'emile@example.org', visibility: 'facilitators' },
      { kind: 'website', value: 'https://emile.example.org/about', visibility: 'public' },
    ]);
    // What others see follows at once: the website is public, the e-mail for facilitators only.
    const anonymous = assertSchema(MemberProfile, (await call(ctx.grove, `/api/v1/members/${f.member}`)).json);
    assert.equal(anonymous.practice, 'Hydrologist');
    assert.deepEqual(
      anonymous.contacts.map((c) => c.kind),
      ['website'],
    );
    const directory = await call(ctx.grove, `/api/v1/members?q=Hydrologist&community=${f.grove.slug}`);
    assert.ok(
      (directory.json?.items as { id: string }[]).some((m) => m.id === f.member),
      'the directory finds the new practice',
    );
  });

  test('null resets a member to its default (RFC 7396)', async () => {
    const { etag } = await me(f.member);
    const result = await patch(f.member, { country: null, bio: null, contacts: null, interests: null, avatarUrl: null }, etag);
    assert.equal(result.status, 200, result.text);
    const after = assertSchema(Me, result.json);
    assert.equal(after.country, null);
    assert.equal(after.bio, '');
    assert.deepEqual(after.contacts, []);
    assert.deepEqual(after.interests, []);
    assert.equal(after.avatarSource, null);
  });

  test('plain application/json is accepted too; another media type is 415', async () => {
    const { etag } = await me(f.member);
    assert.equal((await patch(f.member, { bio: 'Works with farmer groups' }, etag, 'application/json')).status, 200);
    assertProblem(await patch(f.member, { bio: 'x' }, '*', 'text/plain'), 415);
  });

  test('If-Match: missing 428, stale 412 with the current ETag, * accepted', async () => {
    const { etag, me: current } = await me(f.member);
    assertProblem(await patch(f.member, { bio: 'no precondition' }), 428, 'header.if-match');
    assert.equal((await patch(f.member, { bio: 'first writer' }, etag)).status, 200);
    const stale = await patch(f.member, { bio: 'second writer' }, etag);
    assertProblem(stale, 412);
    assert.equal(stale.headers.get('etag'), `W/"${current.version + 1}"`, 'the 412 names the current version');
    assert.equal((await me(f.member)).me.bio, 'first writer', 'the losing write changed nothing');
    assert.equal((await patch(f.member, { bio: 'forced' }, '*')).status, 200);
  });

  test('validation names each field', async () => {
    assertProblem(await patch(f.member, { name: '' }, '*'), 400, 'body.name');
    assertProblem(await patch(f.member, { name: null }, '*'), 400, 'body.name');
    assertProblem(await patch(f.member, { country: 'france' }, '*'), 400, 'body.country');
    assertProblem(await patch(f.member, { timeZone: 'Mars/Olympus' }, '*'), 400, 'body.timeZone');
    assertProblem(await patch(f.member, { availability: 'sometimes' }, '*'), 400, 'body.availability');
    assertProblem(await patch(f.member, { languages: ['French'] }, '*'), 400, 'body.languages.0');
    assertProblem(await patch(f.member, { avatarUrl: 'javascript:alert(1)' }, '*'), 400, 'body.avatarUrl');
    assertProblem(await patch(f.member, { skills: [{ skill: 'x', level: 5 }] }, '*'), 400, 'body.skills.0.level');
    assertProblem(
      await patch(f.member, { contacts: [{ kind: 'phone', value: '+221 33 800 00 00', visibility: 'everyone' }] }, '*'),
      400,
      'body.contacts.0.visibility',
    );
    assertProblem(
      await patch(
        f.member,
        {
          contacts: [
            { kind: 'email', value: 'ok@example.org', visibility: 'public' },
            { kind: 'website', value: 'https://a.example\nX-Injected: 1', visibility: 'public' },
          ],
        },
        '*',
      ),
      400,
      'body.contacts.1.value',
    );
    assertProblem(
      await patch(f.member, { contacts: [{ kind: 'email', value: 'not an address', visibility: 'public' }] }, '*'),
      400,
      'body.contacts.0.value',
    );
    assertProblem(await patch(f.member, { bio: 'a\u0000b' }, '*'), 400, 'body.bio');
    const unknown = await patch(f.member, { role: 'facilitator' }, '*');
    assertProblem(unknown, 400);
    assert.match(unknown.text, /role/);
    assertProblem(await patch(f.member, { skills: [{ skill: 'no-such-skill-anywhere', level: 2 }] }, '*'), 422, 'body.skills.0.skill');
  });

  test('a refused patch changes nothing', async () => {
    const before = await me(f.member);
    assertProblem(await patch(f.member, { bio: 'changed', skills: [{ skill: 'no-such-skill-anywhere', level: 2 }] }, before.etag), 422);
    const after = await me(f.member);
    assert.equal(after.me.bio, before.me.bio);
    assert.equal(after.me.version, before.me.version);
  });

  test('opting out hides the member from the directory and their profile from others, not from themselves', async () => {
    const { etag } = await me(f.outsider);
    const result = await patch(f.outsider, { directoryOptOut: true }, etag);
    assert.equal(result.status, 200, result.text);
    assert.equal(assertSchema(Me, result.json).directoryOptOut, true);
    assertProblem(await call(ctx.grove, `/api/v1/members/${f.outsider}`), 404);
    const listed = await call(ctx.grove, `/api/v1/members?community=${f.other.slug}`);
    assert.ok(!(listed.json?.items as { id: string }[]).some((m) => m.id === f.outsider));
    assert.equal((await call(ctx.grove, `/api/v1/members/${f.outsider}`, { as: f.outsider })).status, 200);
    const back = await patch(f.outsider, { directoryOptOut: null }, '*');
    assert.equal(assertSchema(Me, back.json).directoryOptOut, false, 'null resets to listed');
  });

  test('an avatar URL is stored normalised and served through Grove', async () => {
    const result = await patch(f.member, { avatarUrl: 'https://images.example.org/emile.png' }, '*');
    const after = assertSchema(Me, result.json);
    assert.equal(after.avatarSource, 'https://images.example.org/emile.png');
    assert.match(after.avatarUrl ?? '', new RegExp(`^/api/v1/members/${f.member}/avatar\\?v=`));
  });
});

describe('withdrawing an endorsement', () => {
  test('endorse once, withdraw, withdraw again harmlessly; anonymous 401', async () => {
    const { me: target } = await me(f.member);
    const skill = target.skills[0]?.slug;
    assert.ok(skill, 'the fixture member declares skills');
    const endorse = () =>
      call(ctx.grove, `/api/v1/members/${f.member}/endorsements`, { method: 'POST', as: f.facilitator, body: { skill } });
    const first = await endorse();
    assert.equal(first.status, 201, first.text);
    const count = first.json?.endorsements as number;
    assert.equal((await endorse()).status, 200, 'once per endorser and skill');
    const path = `/api/v1/members/${f.member}/endorsements/${skill}`;
    assertProblem(await call(ctx.grove, path, { method: 'DELETE' }), 401);
    const withdrawn = await call(ctx.grove, path, { method: 'DELETE', as: f.facilitator });
    assert.equal(withdrawn.status, 200, withdrawn.text);
    assert.deepEqual(withdrawn.json, { member: f.member, skill, endorsements: count - 1, endorsedByViewer: false });
    const again = await call(ctx.grove, path, { method: 'DELETE', as: f.facilitator });
    assert.equal(again.json?.endorsements, count - 1);
    const profile = assertSchema(MemberProfile, (await call(ctx.grove, `/api/v1/members/${f.member}`, { as: f.facilitator })).json);
    assert.equal(profile.skills.find((s) => s.slug === skill)?.endorsedByViewer, false);
    assertProblem(
      await call(ctx.grove, `/api/v1/members/${f.optedOut}/endorsements/${skill}`, { method: 'DELETE', as: f.facilitator }),
      404,
    );
  });
});
