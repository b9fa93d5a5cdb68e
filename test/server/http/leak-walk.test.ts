/**
 * The leak walk (issue 13): every read route of the contract, called as anonymous, a member, a member of
 * another community, a facilitator and the member themselves, about a member who opted out of the
 * directory and about a member with one contact channel at each visibility. It fails on any answer that
 * shows more than server/communities/visibility.ts allows:
 * - an opted-out member's name anywhere but as the author of what they wrote (`presence: 'unlisted'`);
 * - any of the opted-out member's channels, whatever their visibility;
 * - a channel to a viewer its visibility excludes.
 * Positive controls prove the walk can see what it looks for: the member reads all their channels,
 * a facilitator the facilitators-only one, a fellow member the members-only one.
 * A read route added to the contract fails the walk until it is walked or excluded here with a reason.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import contract from '../../../api/openapi.json' with { type: 'json' };
import { call, setup, testDatabase, tokenFor, type Fixture } from './harness.ts';

let ctx: Awaited<ReturnType<typeof setup>>;
let f: Fixture;
let tag: string;
let subject: string;
let optedOutName: string;
let optedOutPost: string;
let pageKey: string;
const viewers: Record<string, string | null> = {};

/** Visibilities and what each kind of viewer may read of the subject's channels. */
const VISIBILITIES = ['public', 'members', 'facilitators', 'nobody'] as const;
const MAY_READ: Record<string, readonly string[]> = {
  anonymous: ['public'],
  outsider: ['public'],
  member: ['public', 'members'],
  facilitator: ['public', 'members', 'facilitators'],
  subject: VISIBILITIES,
};

/** Read routes the walk does not call, each with the reason it cannot leak a member. */
const NOT_WALKED: Record<string, string> = {
  '/api/health': 'names no member',
  '/api/v1/mail/unsubscribe': 'answers only to a signed token for the member it unsubscribes',
  '/api/v1/mail/invitation': 'answers only to a signed token for the member invited, and names only the community',
  '/api/v1/mail/address-invitation': 'answers only to a signed token for the address invited, and names only the community and inviter',
  '/api/v1/demo/mail': "demo mode's mail catcher (off on a real server): shows every message sent, by design",
};

before(async () => {
  ctx = await setup();
  f = ctx.fixture;
  const { db } = ctx;
  tag = `${process.pid.toString(36)}${Date.now().toString(36)}`;
  const { rows } = await db.query<{ name: string }>('select name from members where id = $1', [f.optedOut]);
  optedOutName = rows[0]!.name;
  // The subject: a member of the fixture's public community with one channel at each visibility.
  const created = await db.query<{ id: string }>(
    `insert into members (name, practice, organisation, country, languages, bio) values ($1, 'Hydrologist', 'Leak Walk Org', 'KE', '{en}', 'Rainwater') returning id`,
    [`Vera Visible ${tag}`],
  );
  subject = created.rows[0]!.id;
  await db.query(`insert into memberships (community_id, member_id) values ($1, $2)`, [f.grove.id, subject]);
  await db.query(
    `insert into member_skills (member_id, skill_id, level) select $1, id, 4 from skills where slug = 'rainwater-harvesting'`,
    [subject],
  );
  for (const [position, visibility] of VISIBILITIES.entries()) {
    await db.query(`insert into contact_channels (member_id, kind, value, visibility, position) values ($1, 'email', $2, $3, $4)`, [
      subject,
      marker(visibility),
      visibility,
      position,
    ]);
    await db.query(`insert into contact_channels (member_id, kind, value, visibility, position) values ($1, 'email', $2, $3, $4)`, [
      f.optedOut,
      `opted-out-${visibility}-${tag}@leak.example`,
      visibility,
      position,
    ]);
  }
  // The opted-out member takes part: a post (reply to the subject's), an endorsement, an RSVP, a skill.
  await db.query(
    `insert into member_skills (member_id, skill_id, level) select $1, id, 4 from skills where slug = 'rainwater-harvesting'`,
    [f.optedOut],
  );
  const opening = await call(ctx.grove, '/api/v1/posts', {
    method: 'POST',
    as: subject,
    body: { thread: f.thread, body: 'Rainwater harvesting in clay soils' },
  });
  const reply = await call(ctx.grove, '/api/v1/posts', {
    method: 'POST',
    as: f.optedOut,
    body: { thread: f.thread, replyTo: opening.json?.id, body: 'Rainwater harvesting tanks, from the opted-out member' },
  });
  assert.equal(reply.status, 201, reply.text);
  optedOutPost = String(reply.json?.id);
  await call(ctx.grove, '/api/v1/posts', {
    method: 'POST',
    as: subject,
    body: { thread: f.thread, replyTo: optedOutPost, body: 'Answering the opted-out member' },
  });
  await call(ctx.grove, `/api/v1/posts/${optedOutPost}/reports`, { method: 'POST', as: f.member, body: { reason: 'Leak walk report' } });
  await db.query(
    `insert into endorsements (member_id, skill_id, endorser_id) select $1, id, $2 from skills where slug = 'rainwater-harvesting'`,
    [subject, f.optedOut],
  );
  const rsvp = await call(ctx.grove, `/api/v1/events/${f.event}/rsvp`, { method: 'POST', as: f.optedOut, body: { status: 'going' } });
  assert.equal(rsvp.status, 200, rsvp.text);
  pageKey = (await db.query<{ page_key: string }>('select page_key from threads where id = $1', [f.thread])).rows[0]!.page_key;
  // Asking to join shows the request, with the name, to the community's facilitators only (as unlisted).
  const asked = await call(ctx.grove, `/api/v1/communities/${f.private.slug}/join`, { method: 'POST', as: f.optedOut, body: {} });
  assert.equal(asked.status, 202, asked.text);
  // Both are invited to the members-only group: its facilitators' list of invitations walks them.
  await db.query(`insert into community_invitations (community_id, member_id, invited_by) values ($1, $2, $4), ($1, $3, $4)`, [
    f.private.id,
    f.optedOut,
    subject,
    f.facilitator,
  ]);
  Object.assign(viewers, { anonymous: null, outsider: f.outsider, member: f.member, facilitator: f.facilitator, subject });
});

after(async () => {
  ctx.grove.hub.close();
  await (await testDatabase()).close();
});

const marker = (visibility: string) => `subject-${visibility}-${tag}@leak.example`;

/** The concrete requests that walk one contract path, or undefined when the walk does not know it. */
function requestsFor(path: string): string[] | undefined {
  const grove = f.grove.slug;
  const key = encodeURIComponent(pageKey);
  const q = encodeURIComponent('rainwater harvesting');
  const people = [f.optedOut, subject];
  const table: Record<string, string[]> = {
    '/api/v1/auth/demo-members': ['/api/v1/auth/demo-members'],
    '/api/v1/me': ['/api/v1/me'],
    '/api/v1/me/mail': ['/api/v1/me/mail'],
    '/api/v1/communities': ['/api/v1/communities?all=true&limit=100'],
    '/api/v1/communities/{slug}': [`/api/v1/communities/${grove}`],
    '/api/v1/communities/{slug}/join-requests': [`/api/v1/communities/${f.private.slug}/join-requests`],
    '/api/v1/communities/{slug}/invitations': [`/api/v1/communities/${f.private.slug}/invitations`],
    '/api/v1/skills': [`/api/v1/skills?q=rain`],
    '/api/v1/members': [
      `/api/v1/members?community=${grove}&limit=100`,
      `/api/v1/members?q=${encodeURIComponent('Hidden Person')}&limit=100`,
      `/api/v1/members?q=${encodeURIComponent(`Vera Visible ${tag}`)}&facets=true`,
      `/api/v1/members?skill=rainwater-harvesting&limit=100`,
    ],
    '/api/v1/members/facets': [
      `/api/v1/members/facets?community=${grove}`,
      `/api/v1/members/facets?q=${encodeURIComponent('Hidden Person')}`,
    ],
    '/api/v1/members/{id}': people.map((id) => `/api/v1/members/${id}`),
    '/api/v1/members/{id}/avatar': people.map((id) => `/api/v1/members/${id}/avatar?v=0`),
    '/api/v1/threads/counts': [`/api/v1/threads/counts?key=${key}`],
    '/api/v1/threads': [`/api/v1/threads?key=${key}&community=${grove}`],
    '/api/v1/threads/{id}': [`/api/v1/threads/${f.thread}`],
    '/api/v1/threads/{id}/posts': [
      `/api/v1/threads/${f.thread}/posts?limit=100`,
      `/api/v1/threads/${f.thread}/posts?order=newest&limit=100`,
    ],
    '/api/v1/posts/{id}': [`/api/v1/posts/${optedOutPost}`],
    '/api/v1/communities/{slug}/reports': [`/api/v1/communities/${grove}/reports`, `/api/v1/communities/${grove}/reports?status=resolved`],
    '/api/v1/communities/{slug}/held-posts': [`/api/v1/communities/${grove}/held-posts`],
    '/api/v1/communities/{slug}/moderation-log': [`/api/v1/communities/${grove}/moderation-log`],
    '/api/v1/events': [`/api/v1/events?community=${grove}&limit=100`],
    '/api/v1/events/{id}.ics': [`/api/v1/events/${f.event}.ics`],
    '/api/v1/events/{id}': [`/api/v1/events/${f.event}`],
    '/api/v1/communities/{slug}/events.ics': [`/api/v1/communities/${grove}/events.ics`],
    '/api/v1/participation/badges': [
      `/api/v1/participation/badges?member=${f.optedOut}&member=${subject}`,
      `/api/v1/participation/badges?member=${f.optedOut}&community=${grove}`,
    ],
    '/api/v1/participation/members/{id}': people.flatMap((id) => [
      `/api/v1/participation/members/${id}`,
      `/api/v1/participation/members/${id}?community=${grove}`,
    ]),
    '/api/v1/participation/communities/{slug}': [`/api/v1/participation/communities/${grove}`],
    '/api/v1/participation/communities/{slug}/actions': [`/api/v1/participation/communities/${grove}/actions`],
    '/api/v1/participation/rules': ['/api/v1/participation/rules'],
    '/api/v1/participation/issuer': ['/api/v1/participation/issuer'],
    '/api/v1/participation/issuer/jwks': ['/api/v1/participation/issuer/jwks'],
    '/api/v1/participation/achievements/{achievement}': ['/api/v1/participation/achievements/first-post'],
    '/api/v1/participation/members/{id}/credentials/{achievement}': people.map(
      (id) => `/api/v1/participation/members/${id}/credentials/first-post?community=${grove}`,
    ),
    '/api/v1/experts': [`/api/v1/experts?q=${q}&limit=20`, `/api/v1/experts?q=${q}&community=${grove}&limit=20`],
    '/api/v1/threads/{id}/stream': [],
    '/api/v1/communities/{slug}/stream': [],
    // Walked in its own test below (and in member-changes.test.ts): it answers only to later changes.
    '/api/v1/members/changes': [],
  };
  return table[path];
}

interface Leak {
  viewer: string;
  url: string;
  where: string;
  what: string;
}

/** Every string in a JSON answer with its path, so a name is judged by where it sits. */
function* strings(
  value: unknown,
  path: string[] = [],
  parent: Record<string, unknown> | null = null,
): Generator<{ text: string; path: string[]; parent: Record<string, unknown> | null }> {
  if (typeof value === 'string') yield { text: value, path, parent };
  else if (Array.isArray(value)) for (const [index, item] of value.entries()) yield* strings(item, [...path, String(index)], parent);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) yield* strings(item, [...path, key], value as Record<string, unknown>);
  }
}

/** Where the opted-out member's name may appear: as the author of what they wrote, marked unlisted. */
function nameAllowedAt(path: string[], parent: Record<string, unknown> | null): boolean {
  const key = path.at(-1);
  if (key === 'name' && parent?.presence === 'unlisted') return true;
  return key === 'author' && path.at(-2) === 'replyTo';
}

function leaksIn(viewer: string, url: string, body: string, json: unknown): Leak[] {
  const leaks: Leak[] = [];
  const forbidden = VISIBILITIES.filter((visibility) => !MAY_READ[viewer]!.includes(visibility)).map(marker);
  const optedOutChannels = viewer === 'optedOut' ? [] : VISIBILITIES.map((v) => `opted-out-${v}-${tag}@leak.example`);
  for (const text of [...forbidden, ...optedOutChannels]) {
    if (body.includes(text)) leaks.push({ viewer, url, where: 'body', what: text });
  }
  if (json !== null) {
    for (const { text, path, parent } of strings(json)) {
      if (text.includes(optedOutName) && !nameAllowedAt(path, parent))
        leaks.push({ viewer, url, where: path.join('.'), what: "the opted-out member's name" });
    }
  } else if (body.includes(optedOutName)) {
    leaks.push({ viewer, url, where: 'body', what: "the opted-out member's name" });
  }
  return leaks;
}

describe('the leak walk', () => {
  test('every read route of the contract is walked or excluded with a reason', () => {
    const paths = Object.entries(contract.paths as Record<string, Record<string, unknown>>)
      .filter(([, operations]) => 'get' in operations)
      .map(([path]) => path);
    const unknown = paths.filter((path) => !(path in NOT_WALKED) && requestsFor(path) === undefined);
    assert.deepEqual(unknown, [], 'read routes the leak walk does not know: add them to requestsFor or NOT_WALKED');
  });

  test('no viewer reads an opted-out member or a channel its visibility withholds, on any read route', async () => {
    const leaks: Leak[] = [];
    const seen = new Map<string, string>();
    const paths = Object.keys(contract.paths).filter((path) => !(path in NOT_WALKED));
    for (const path of paths) {
      for (const url of requestsFor(path) ?? []) {
        for (const [viewer, as] of Object.entries(viewers)) {
          const result = await call(ctx.grove, url, { as });
          assert.ok(result.status < 500, `${viewer} ${url}: ${String(result.status)} ${result.text}`);
          if (result.status === 200) leaks.push(...leaksIn(viewer, url, result.text, result.json));
          seen.set(`${viewer} ${url}`, result.text);
        }
      }
    }
    assert.deepEqual(leaks, [], `${String(leaks.length)} leaks`);
    // Positive controls: the walk finds what each viewer may read.
    const profile = (viewer: string) => seen.get(`${viewer} /api/v1/members/${subject}`) ?? '';
    for (const visibility of VISIBILITIES)
      assert.ok(profile('subject').includes(marker(visibility)), `the member reads their ${visibility} channel`);
    assert.ok(
      profile('facilitator').includes(marker('facilitators')),
      "a facilitator of the member's community reads the facilitators' channel",
    );
    assert.ok(profile('member').includes(marker('members')), 'a fellow member reads the members channel');
    assert.ok(profile('anonymous').includes(marker('public')), 'everyone reads the public channel');
    const posts = JSON.parse(seen.get(`anonymous /api/v1/threads/${f.thread}/posts?limit=100`) ?? '{}') as {
      items: { id: string; author: { name: string; presence: string } }[];
    };
    const written = posts.items.find((item) => item.id === optedOutPost);
    assert.deepEqual(written?.author && { name: written.author.name, presence: written.author.presence }, {
      name: optedOutName,
      presence: 'unlisted',
    });
  });

  test('the opted-out member still reads themselves in full', async () => {
    const self = await call(ctx.grove, `/api/v1/members/${f.optedOut}`, { as: f.optedOut });
    assert.equal(self.status, 200);
    for (const visibility of VISIBILITIES) assert.ok(self.text.includes(`opted-out-${visibility}-${tag}@leak.example`));
    const me = await call(ctx.grove, '/api/v1/me', { as: f.optedOut });
    assert.equal(me.json?.directoryOptOut, true);
  });

  test('live streams carry the same author rule as the pages', async () => {
    for (const url of [`/api/v1/threads/${f.thread}/stream`, `/api/v1/communities/${f.grove.slug}/stream`]) {
      const response = await ctx.grove.app.request(url);
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let text = '';
      const readUntil = async (pattern: RegExp) => {
        while (!pattern.test(text)) {
          const { value, done } = await reader.read();
          if (done) break;
          text += value;
        }
      };
      await readUntil(/retry: /);
      const written = await call(ctx.grove, '/api/v1/posts', {
        method: 'POST',
        as: f.optedOut,
        body: { thread: f.thread, body: `Live from the opted-out member ${url}` },
      });
      assert.equal(written.status, 201, written.text);
      await readUntil(new RegExp(`id: ${String(written.json?.id)}\\n`));
      await reader.cancel();
      const data = text
        .split('\n')
        .filter((line) => line.startsWith('data: '))
        .map((line) => JSON.parse(line.slice(6)) as unknown);
      const leaks = data.flatMap((payload) => leaksIn('anonymous', url, JSON.stringify(payload), payload));
      assert.deepEqual(leaks, []);
      assert.ok(text.includes(optedOutName), 'the live post names its author, unlisted');
    }
  });

  test("the member-changes stream names nobody and keeps an opted-out member's edits to themselves", async () => {
    for (const [viewer, as] of Object.entries(viewers)) {
      const headers: Record<string, string> = as ? { authorization: `Bearer ${await tokenFor(as)}` } : {};
      const response = await ctx.grove.app.request('/api/v1/members/changes', { headers });
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let text = '';
      const readUntil = async (pattern: RegExp) => {
        while (!pattern.test(text)) {
          const { value, done } = await reader.read();
          if (done) break;
          text += value;
        }
      };
      await readUntil(/retry: /);
      for (const member of [f.optedOut, subject]) {
        const me = await call(ctx.grove, '/api/v1/me', { as: member });
        const edited = await call(ctx.grove, '/api/v1/me', {
          method: 'PATCH',
          as: member,
          body: { bio: `Edited during the walk by ${viewer}` },
          headers: { 'if-match': me.headers.get('etag') ?? '', 'content-type': 'application/merge-patch+json' },
        });
        assert.equal(edited.status, 200, edited.text);
      }
      // The subject's edit comes after the opted-out member's: once it arrived, the other would have too.
      await readUntil(new RegExp(`"id":"${subject}"`));
      await reader.cancel();
      const data = text
        .split('\n')
        .filter((line) => line.startsWith('data: '))
        .map((line) => JSON.parse(line.slice(6)) as Record<string, unknown>);
      for (const payload of data) assert.deepEqual(Object.keys(payload).sort(), ['id', 'version'], `${viewer}: only an id and a version`);
      assert.deepEqual(leaksIn(viewer, '/api/v1/members/changes', text, null), []);
      assert.equal(text.includes(`"id":"${f.optedOut}"`), false, `${viewer} is not told of the opted-out member's edit`);
    }
  });
});
