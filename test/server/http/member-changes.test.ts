/**
 * GET /api/v1/members/changes (decision 0133): a member's edits, opt-out and deactivation are announced
 * live to the viewers who may see them, with the member's id and version and nothing else; an opted-out
 * member's later edits are announced to nobody but themselves.
 *
 * What a stream did not send is proven with a sentinel: a change every viewer is told of, made after the
 * one under test. Announcements reach a stream in order, so once the sentinel arrived, the other one
 * would have too.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { call, setup, testDatabase, tokenFor, type Fixture } from './harness.ts';

const SCIM_TOKEN = 'scim-test-token-that-is-long-enough-for-changes';

let ctx: Awaited<ReturnType<typeof setup>>;
let f: Fixture;

before(async () => {
  ctx = await setup({ scimToken: SCIM_TOKEN });
  f = ctx.fixture;
});

after(async () => {
  ctx.grove.hub.close();
  await (await testDatabase()).close();
});

interface Announcement {
  id: string;
  version: number;
}

/** One viewer's open stream: every `member-changed` event read so far, raw and parsed. */
async function openStream(as: string | null) {
  const headers: Record<string, string> = as ? { authorization: `Bearer ${await tokenFor(as)}` } : {};
  const response = await ctx.grove.app.request('/api/v1/members/changes', { headers });
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  const stream = {
    get text() {
      return text;
    },
    /** Events parsed from the text so far. */
    get events(): { event: string; data: string }[] {
      return text
        .split('\n\n')
        .filter((block) => block.includes('event: '))
        .map((block) => ({
          event: /event: (.*)/.exec(block)?.[1] ?? '',
          data: /data: (.*)/.exec(block)?.[1] ?? '',
        }));
    },
    get announced(): Announcement[] {
      return stream.events.filter((e) => e.event === 'member-changed').map((e) => JSON.parse(e.data) as Announcement);
    },
    async until(done: () => boolean): Promise<void> {
      while (!done()) {
        const { value, done: ended } = await reader.read();
        if (ended) throw new Error(`the stream ended early: ${text}`);
        text += value;
      }
    },
    close: () => reader.cancel(),
  };
  // Subscribed once the retry line is written: changes from now on are announced.
  await stream.until(() => text.includes('retry: '));
  return stream;
}

type Stream = Awaited<ReturnType<typeof openStream>>;

/** Edits `as`'s profile through PATCH /api/v1/me with the version just read; returns the new version. */
async function edit(as: string, patch: Record<string, unknown>): Promise<number> {
  const me = await call(ctx.grove, '/api/v1/me', { as });
  assert.equal(me.status, 200, me.text);
  const result = await call(ctx.grove, '/api/v1/me', {
    method: 'PATCH',
    as,
    body: patch,
    headers: { 'if-match': me.headers.get('etag') ?? '', 'content-type': 'application/merge-patch+json' },
  });
  assert.equal(result.status, 200, result.text);
  return result.json?.version as number;
}

const told = (stream: Stream, member: string, version: number) => () =>
  stream.announced.some((a) => a.id === member && a.version === version);

/** A fresh member of the given communities. */
async function newMember(name: string, communities: string[]): Promise<string> {
  const { rows } = await ctx.db.query<{ id: string }>(
    `insert into members (name, organisation, bio, email) values ($1, 'Secret Org', 'Private bio', $2) returning id`,
    [name, `${name.replaceAll(' ', '.').toLowerCase()}@private.example`],
  );
  const id = rows[0]!.id;
  for (const community of communities)
    await ctx.db.query('insert into memberships (community_id, member_id) values ($1, $2)', [community, id]);
  return id;
}

describe('live member changes', () => {
  test('a profile edit is announced with the id and version only, to anonymous readers too', async () => {
    const streams = [await openStream(null), await openStream(f.outsider), await openStream(f.member)];
    const version = await edit(f.member, { organisation: 'Announced Org', bio: 'A new bio with a secret word: tamarind' });
    for (const stream of streams) {
      await stream.until(told(stream, f.member, version));
      const event = stream.events.find((e) => e.event === 'member-changed')!;
      assert.deepEqual(JSON.parse(event.data), { id: f.member, version });
      assert.doesNotMatch(stream.text, /Announced Org|tamarind|Ndiaye|@/, 'no private data, no name');
      await stream.close();
    }
  });

  test("an opted-out member's edits are announced to themselves only", async () => {
    const anonymous = await openStream(null);
    const facilitator = await openStream(f.facilitator);
    const self = await openStream(f.optedOut);
    const hiddenVersion = await edit(f.optedOut, { organisation: 'Still hidden' });
    await self.until(told(self, f.optedOut, hiddenVersion));
    // The sentinel: a listed member's edit, which everyone is told of, after the opted-out one.
    const sentinel = await edit(f.member, { organisation: 'Sentinel Org' });
    for (const stream of [anonymous, facilitator]) {
      await stream.until(told(stream, f.member, sentinel));
      assert.equal(
        stream.announced.some((a) => a.id === f.optedOut),
        false,
        'the opted-out member is not announced',
      );
      await stream.close();
    }
    await self.close();
  });

  test('opting out is announced to those who could see the member until then, and their next edit to nobody', async () => {
    // Only in the members-only community: its facilitator sees them, anonymous readers never did.
    const leaving = await newMember('Lena Leaving', [f.private.id]);
    const anonymous = await openStream(null);
    const facilitator = await openStream(f.facilitator);
    const optOut = await edit(leaving, { directoryOptOut: true });
    await facilitator.until(told(facilitator, leaving, optOut));
    const afterwards = await edit(leaving, { bio: 'Edited while opted out' });
    const sentinel = await edit(f.member, { organisation: 'Second Sentinel' });
    await facilitator.until(told(facilitator, f.member, sentinel));
    await anonymous.until(told(anonymous, f.member, sentinel));
    assert.equal(
      facilitator.announced.some((a) => a.id === leaving && a.version === afterwards),
      false,
    );
    assert.equal(
      anonymous.announced.some((a) => a.id === leaving),
      false,
      'never visible to anonymous readers, so never announced to them',
    );
    await anonymous.close();
    await facilitator.close();
  });

  test('a SCIM deactivation is announced as a change of the member, and the profile is gone when refetched', async () => {
    const leaving = await newMember('Dario Deactivated', [f.grove.id]);
    const anonymous = await openStream(null);
    const response = await ctx.grove.app.request(`/scim/v2/Users/${leaving}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${SCIM_TOKEN}`, 'content-type': 'application/scim+json' },
      body: JSON.stringify({
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [{ op: 'replace', path: 'active', value: false }],
      }),
    });
    assert.equal(response.status, 200, await response.text());
    await anonymous.until(() => anonymous.announced.some((a) => a.id === leaving));
    assert.doesNotMatch(anonymous.text, /Dario|Secret Org|private\.example/);
    const refetched = await call(ctx.grove, `/api/v1/members/${leaving}`);
    assert.equal(refetched.status, 404, 'the refetch finds the member gone');
    await anonymous.close();
  });

  test('hiding the participation badge is announced, so badges on other pages refetch', async () => {
    const anonymous = await openStream(null);
    const hidden = await call(ctx.grove, `/api/v1/participation/members/${f.member}/visibility`, {
      method: 'POST',
      as: f.member,
      body: { hidden: true },
    });
    assert.equal(hidden.status, 200, hidden.text);
    await anonymous.until(() => anonymous.announced.some((a) => a.id === f.member));
    await call(ctx.grove, `/api/v1/participation/members/${f.member}/visibility`, {
      method: 'POST',
      as: f.member,
      body: { hidden: false },
    });
    await anonymous.close();
  });
});
