/**
 * Inviting by e-mail address (decision 0190) against the real app and database, mail written to the real
 * outbox: the authorisation matrix of the invitation routes, the same answer whether an account has the
 * address or not, the pending invitation taken up when SCIM creates or changes an account with it, the
 * facilitators' list with withdrawal, and the address's link (how to join, then accepting).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Community, InvitationResult, PendingInvitationPage } from '../../../server/contract/communities.ts';
import { createApp } from '../../../server/http/app.ts';
import { ADDRESS_INVITATIONS_PER_DAY } from '../../../server/communities/email-invitations.ts';
import { loadMailKeys } from '../../../server/mail/keys.ts';
import { assertProblem, assertSchema, call, createFixture, testConfig, testDatabase, type Fixture } from './harness.ts';

const SCIM_TOKEN = 'scim-test-token-for-email-invitations-1234567890';
let db: Awaited<ReturnType<typeof testDatabase>>;
let f: Fixture;
let grove: ReturnType<typeof createApp>;
let otherFacilitator: string;
const run = `${process.pid.toString(36)}${Date.now().toString(36)}`;
let sequence = 0;
/** A fresh address nobody has. */
const address = (name = 'guest') => `${name}.${run}.${sequence++}@invite.example`;

before(async () => {
  db = await testDatabase();
  f = await createFixture(db);
  const keys = await loadMailKeys(db);
  const context = { domain: 'grove.test', from: 'Grove <n@grove.test>', publicUrl: 'https://grove.example.org', keys };
  grove = createApp({ db, config: testConfig({ scimToken: SCIM_TOKEN }), mail: { context } });
  await db.query(`update members set languages = '{fr}' where id = $1`, [f.facilitator]);
  const { rows } = await db.query<{ id: string }>(`insert into members (name, languages) values ('Olga Other', '{en}') returning id`);
  otherFacilitator = rows[0]!.id;
  await db.query(`insert into memberships (community_id, member_id, role) values ($1, $2, 'facilitator')`, [f.other.id, otherFacilitator]);
});
after(async () => (await testDatabase()).close());

const invite = (slug: string, email: string, as: string | null = f.facilitator) =>
  call(grove, `/api/v1/communities/${slug}/invitations`, { method: 'POST', as, body: { email } });
const list = (slug: string, as: string | null = f.facilitator) => call(grove, `/api/v1/communities/${slug}/invitations`, { as });
const withdraw = (slug: string, id: string, as: string | null = f.facilitator) =>
  call(grove, `/api/v1/communities/${slug}/invitations/${id}`, { method: 'DELETE', as });
const mailTo = async (to: string) =>
  (
    await db.query<{ subject: string; text_body: string; recipient_id: string | null }>(
      'select subject, text_body, recipient_id from mail_outbox where to_address = $1 order by id',
      [to],
    )
  ).rows;

function scim(path: string, method: string, body: unknown) {
  return grove.app.request(`/scim/v2${path}`, {
    method,
    headers: { authorization: `Bearer ${SCIM_TOKEN}`, 'content-type': 'application/scim+json' },
    body: JSON.stringify(body),
  });
}
const scimUser = (userName: string, email: string) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  userName,
  name: { givenName: 'Amina', familyName: `Diallo ${run}` },
  emails: [{ primary: true, value: email, type: 'work' }],
  active: true,
});
const viewerInvited = async (slug: string, as: string) =>
  assertSchema(
    Community.array(),
    ((await call(grove, '/api/v1/communities?all=true&closed=exclude&limit=100', { as })).json?.items ?? []) as unknown[],
  ).find((c) => c.slug === slug)?.viewerInvited;

describe('the authorisation matrix', () => {
  test('inviting an address: anonymous 401, a member 403, another facilitator 403, an outsider 404 (members-only); the facilitator 201', async () => {
    const to = address();
    assertProblem(await invite(f.private.slug, to, null), 401);
    assertProblem(await invite(f.private.slug, to, f.member), 403);
    assertProblem(await invite(f.grove.slug, to, otherFacilitator), 403);
    assertProblem(await invite(f.private.slug, to, f.outsider), 404);
    assert.equal((await mailTo(to)).length, 0, 'no refused request mailed anybody');
    const sent = await invite(f.private.slug, to);
    assert.equal(sent.status, 201, sent.text);
    assert.deepEqual(assertSchema(InvitationResult, sent.json), { community: f.private.slug, email: to, status: 'invited' });
  });

  test('listing: anonymous 401, a member 403, another facilitator 403, an outsider 404; withdrawing alike', async () => {
    const sent = await invite(f.grove.slug, address());
    assert.equal(sent.status, 201);
    assertProblem(await list(f.grove.slug, null), 401);
    assertProblem(await list(f.grove.slug, f.member), 403);
    assertProblem(await list(f.grove.slug, otherFacilitator), 403);
    assertProblem(await list(f.private.slug, f.outsider), 404);
    const items = assertSchema(PendingInvitationPage, (await list(f.grove.slug)).json).items;
    const id = items.find((item) => item.address === sent.json?.email)!.id;
    assertProblem(await withdraw(f.grove.slug, id, null), 401);
    assertProblem(await withdraw(f.grove.slug, id, f.member), 403);
    assertProblem(await withdraw(f.grove.slug, id, otherFacilitator), 403);
    assertProblem(await withdraw(f.private.slug, id, f.outsider), 404);
    assertProblem(await withdraw(f.grove.slug, 'nonsense'), 400, 'path.id');
    assert.equal((await withdraw(f.grove.slug, id)).status, 204);
    assertProblem(await withdraw(f.grove.slug, id), 404);
  });

  test('a bad address is 422 naming body.email; both or neither of member and email is 400', async () => {
    for (const bad of ['not-an-address', 'two@@example.org', 'spaced name@example.org', 'nodot@example']) {
      assertProblem(await invite(f.grove.slug, bad), 422, 'body.email');
    }
    assertProblem(
      await call(grove, `/api/v1/communities/${f.grove.slug}/invitations`, { method: 'POST', as: f.facilitator, body: {} }),
      400,
      'body.member',
    );
    assertProblem(
      await call(grove, `/api/v1/communities/${f.grove.slug}/invitations`, {
        method: 'POST',
        as: f.facilitator,
        body: { member: f.member, email: address() },
      }),
      400,
      'body.email',
    );
  });
});

describe('an address with no account', () => {
  test('is mailed once, in the community’s language, with a link that says how to join; inviting again says so and mails nobody', async () => {
    const to = address('Mixed.Case');
    const sent = await invite(f.grove.slug, `  ${to.toUpperCase()} `);
    assert.deepEqual([sent.status, sent.json?.email, sent.json?.status], [201, to.toLowerCase(), 'invited']);
    const mails = await mailTo(to.toLowerCase());
    assert.equal(mails.length, 1);
    // The fixture's community speaks English first: the mail is in English (the inviter reads French).
    assert.match(mails[0]!.subject, / invites you to Community /);
    assert.equal(mails[0]!.recipient_id, null);
    const link = /https:\/\/grove\.example\.org(\/api\/v1\/mail\/address-invitation\?token=[\w-]+)/.exec(mails[0]!.text_body)?.[1];
    assert.ok(link, mails[0]!.text_body);
    const again = await invite(f.grove.slug, to);
    assert.deepEqual([again.status, again.json?.status], [200, 'already-invited']);
    assert.equal((await mailTo(to.toLowerCase())).length, 1, 'no second mail');

    const page = await call(grove, link);
    assert.equal(page.status, 200);
    assert.match(page.text, /<html lang="en"/);
    assert.match(page.text, /come back to this page to accept/);
    assert.doesNotMatch(page.text, /<form/, 'nothing to accept before an account has the address');
    assertProblem(await call(grove, link, { method: 'POST' }), 404);
    assertProblem(await call(grove, link.replace(/[a-z2-7]{4}$/, 'aaaa')), 404);
  });

  test('in Arabic when the community speaks Arabic first: the page is right to left', async () => {
    const { rows } = await db.query<{ slug: string }>(
      `insert into communities (slug, name, languages) values ($1, 'مياه', '{ar}') returning slug`,
      [`t-ar-${run}`],
    );
    const slug = rows[0]!.slug;
    await db.query(
      `insert into memberships (community_id, member_id, role) select id, $1, 'facilitator' from communities where slug = $2`,
      [f.facilitator, slug],
    );
    const to = address();
    assert.equal((await invite(slug, to)).status, 201);
    const [mail] = await mailTo(to);
    assert.match(mail!.subject, /يدعوك/);
    const link = /(\/api\/v1\/mail\/address-invitation\?token=[\w-]+)/.exec(mail!.text_body)![1]!;
    assert.match((await call(grove, link)).text, /<html lang="ar" dir="rtl"/);
  });

  test('SCIM creating the account turns it into a member invitation: the community shows viewerInvited and joining accepts', async () => {
    const to = address();
    assert.equal((await invite(f.private.slug, to)).status, 201);
    const [mail] = await mailTo(to);
    const link = /(\/api\/v1\/mail\/address-invitation\?token=[\w-]+)/.exec(mail!.text_body)![1]!;
    const created = await scim('/Users', 'POST', scimUser(`amina.${run}.${sequence++}`, to.toUpperCase()));
    assert.equal(created.status, 201, await created.clone().text());
    const member = ((await created.json()) as { id: string }).id;
    assert.equal(await viewerInvited(f.private.slug, member), true);
    // The link now offers the button; the list still shows the address the facilitator typed.
    assert.match((await call(grove, link)).text, /<form method="post"/);
    const items = assertSchema(PendingInvitationPage, (await list(f.private.slug)).json).items;
    assert.ok(items.some((item) => item.kind === 'email' && item.address === to));
    assert.ok(!items.some((item) => item.member?.id === member), 'not listed by name: the address does not get tied to an account');
    // Joining a members-only community accepts, and the invitation leaves the list.
    const joined = await call(grove, `/api/v1/communities/${f.private.slug}/join`, { method: 'POST', as: member, body: {} });
    assert.deepEqual([joined.status, joined.json?.status], [201, 'member']);
    const after = assertSchema(PendingInvitationPage, (await list(f.private.slug)).json).items;
    assert.ok(!after.some((item) => item.address === to));
    assertProblem(await call(grove, link), 404, undefined);
  });

  test('SCIM changing an account’s address (PATCH) takes up an invitation waiting for the new address; the link accepts', async () => {
    const created = await scim('/Users', 'POST', scimUser(`bakari.${run}.${sequence++}`, address('before')));
    const member = ((await created.json()) as { id: string }).id;
    const to = address('after');
    assert.equal((await invite(f.private.slug, to)).status, 201);
    assert.equal(await viewerInvited(f.private.slug, member), undefined, 'not invited before the address is theirs');
    const patched = await scim(`/Users/${member}`, 'PATCH', {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', path: 'emails[type eq "work"].value', value: to }],
    });
    assert.equal(patched.status, 200, await patched.clone().text());
    assert.equal(await viewerInvited(f.private.slug, member), true);
    const [mail] = await mailTo(to);
    const link = /(\/api\/v1\/mail\/address-invitation\?token=[\w-]+)/.exec(mail!.text_body)![1]!;
    const accepted = await grove.app.request(link, { method: 'POST' });
    assert.equal(accepted.status, 200);
    const { rows } = await db.query('select role from memberships where community_id = $1 and member_id = $2', [f.private.id, member]);
    assert.equal(rows.length, 1);
    assertProblem(await call(grove, link, { method: 'POST' }), 404);
  });

  test('a withdrawn invitation is not taken up: the account that appears later must ask to join', async () => {
    const to = address();
    await invite(f.private.slug, to);
    const id = assertSchema(PendingInvitationPage, (await list(f.private.slug)).json).items.find((item) => item.address === to)!.id;
    assert.equal((await withdraw(f.private.slug, id)).status, 204);
    const [mail] = await mailTo(to);
    const link = /(\/api\/v1\/mail\/address-invitation\?token=[\w-]+)/.exec(mail!.text_body)![1]!;
    assertProblem(await call(grove, link), 404);
    const created = await scim('/Users', 'POST', scimUser(`chen.${run}.${sequence++}`, to));
    const member = ((await created.json()) as { id: string }).id;
    const joined = await call(grove, `/api/v1/communities/${f.private.slug}/join`, { method: 'POST', as: member, body: {} });
    assert.deepEqual([joined.status, joined.json?.status], [202, 'pending']);
  });
});

describe('an address that belongs to an account', () => {
  test('is answered exactly as one that does not, and becomes a member invitation mailed with its accept link', async () => {
    const to = address();
    await db.query('update members set email = $2 where id = $1', [f.outsider, to]);
    const sent = await invite(f.private.slug, to);
    assert.deepEqual([sent.status, sent.json], [201, { community: f.private.slug, email: to, status: 'invited' }]);
    assert.equal(await viewerInvited(f.private.slug, f.outsider), true);
    const mails = await mailTo(to);
    assert.equal(mails.length, 1);
    assert.equal(mails[0]!.recipient_id, f.outsider);
    assert.match(mails[0]!.text_body, /\/api\/v1\/mail\/invitation\?token=/);
    // Listed by the address, as an address without an account is.
    const items = assertSchema(PendingInvitationPage, (await list(f.private.slug)).json).items;
    const item = items.find((i) => i.address === to)!;
    assert.deepEqual([item.kind, item.member], ['email', null]);
    const again = await invite(f.private.slug, to);
    assert.deepEqual([again.status, again.json?.status], [200, 'already-invited']);
    // Withdrawing removes the member invitation too: joining needs a request again.
    assert.equal((await withdraw(f.private.slug, item.id)).status, 204);
    assert.equal(await viewerInvited(f.private.slug, f.outsider), undefined);
    const joined = await call(grove, `/api/v1/communities/${f.private.slug}/join`, { method: 'POST', as: f.outsider, body: {} });
    assert.deepEqual([joined.status, joined.json?.status], [202, 'pending']);
    await db.query(`delete from community_join_requests where member_id = $1`, [f.outsider]);
  });

  test('someone already in the community: the same answer, nobody mailed', async () => {
    const to = address();
    await db.query('update members set email = $2 where id = $1', [f.member, to]);
    const sent = await invite(f.grove.slug, to);
    assert.deepEqual([sent.status, sent.json?.status], [201, 'invited']);
    assert.equal((await mailTo(to)).length, 0);
  });
});

describe('member invitations in the same list', () => {
  test('a member invited from the directory is listed by name; withdrawing stops their link and joining needs a request', async () => {
    const { rows } = await db.query<{ id: string }>(`insert into members (name, languages) values ('Dara Directory', '{en}') returning id`);
    const dara = rows[0]!.id;
    await db.query('insert into memberships (community_id, member_id) values ($1, $2)', [f.grove.id, dara]);
    const invited = await call(grove, `/api/v1/communities/${f.private.slug}/invitations`, {
      method: 'POST',
      as: f.facilitator,
      body: { member: dara },
    });
    assert.equal(invited.status, 201);
    const items = assertSchema(PendingInvitationPage, (await list(f.private.slug)).json).items;
    const item = items.find((i) => i.member?.id === dara)!;
    assert.deepEqual([item.id, item.kind, item.member?.name, item.address], [`member-${dara}`, 'member', 'Dara Directory', null]);
    assert.equal((await withdraw(f.private.slug, item.id)).status, 204);
    assert.equal(await viewerInvited(f.private.slug, dara), false);
    const joined = await call(grove, `/api/v1/communities/${f.private.slug}/join`, { method: 'POST', as: dara, body: {} });
    assert.deepEqual([joined.status, joined.json?.status], [202, 'pending']);
  });
});

describe('rate', () => {
  test(`past ${ADDRESS_INVITATIONS_PER_DAY} addresses a day, 429 with Retry-After`, async () => {
    const { rows } = await db.query<{ id: string }>(
      `insert into members (name, languages) values ('Busy Facilitator', '{en}') returning id`,
    );
    const busy = rows[0]!.id;
    await db.query(`insert into memberships (community_id, member_id, role) values ($1, $2, 'facilitator')`, [f.other.id, busy]);
    await db.query(
      `insert into community_email_invitations (community_id, address, invited_by, created_at)
       select $1, 'bulk' || n || '.' || $3 || '@invite.example', $2, now() - interval '1 hour' from generate_series(1, $4::int) n`,
      [f.other.id, busy, run, ADDRESS_INVITATIONS_PER_DAY],
    );
    const limited = await invite(f.other.slug, address(), busy);
    assertProblem(limited, 429);
    const wait = Number(limited.headers.get('retry-after'));
    assert.ok(wait > 22 * 3600 && wait <= 23 * 3600, `retry after about 23 hours: ${wait}`);
  });
});
