/**
 * Mail over real SMTP: the outbox worker sends through nodemailer to an SMTP server in this process
 * (smtp-server), and replies come back in over SMTP to Grove's inbound server, sent by nodemailer as a
 * member's mail client would. Nothing in between is faked.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';
import { simpleParser, type ParsedMail } from 'mailparser';
import { createTransport } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { createApp } from '../../../server/http/app.ts';
import { digestMail, type MailContext } from '../../../server/mail/compose.ts';
import { runDigests } from '../../../server/mail/digest.ts';
import { loadMailKeys } from '../../../server/mail/keys.ts';
import { enqueue } from '../../../server/mail/outbox.ts';
import { startMailWorker, type MailWorker } from '../../../server/mail/worker.ts';
import { startInboundServer, type InboundServer } from '../../../server/smtp/inbound.ts';
import { assertProblem, call, createFixture, testConfig, testDatabase, type Fixture } from '../http/harness.ts';

const DOMAIN = 'grove.test';
let db: Awaited<ReturnType<typeof testDatabase>>;
let f: Fixture;
let context: MailContext;
let grove: ReturnType<typeof createApp>;
let worker: MailWorker;
let inbound: InboundServer;
let sink: SMTPServer;
/** What the sink received, parsed, newest last; `reply(code)` makes it refuse the next message. */
const received: { envelopeFrom: string; to: string[]; mail: ParsedMail; raw: string }[] = [];
let refuseNext: number | null = null;

before(async () => {
  db = await testDatabase();
  f = await createFixture(db);
  await db.query(`update members set email = 'zelie@example.org', languages = '{ar,fr}' where id = $1`, [f.facilitator]);
  await db.query(`update members set email = 'oscar@example.org' where id = $1`, [f.outsider]);
  sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refuseNext !== null) {
          const code = refuseNext;
          refuseNext = null;
          callback(Object.assign(new Error(code >= 500 ? 'No such mailbox' : 'Try later'), { responseCode: code }));
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        void simpleParser(raw).then((mail) => {
          received.push({
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            mail,
            raw,
          });
          callback();
        });
      });
    },
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const keys = await loadMailKeys(db);
  context = { domain: DOMAIN, from: `Grove <notifications@${DOMAIN}>`, publicUrl: 'https://grove.example.org', keys };
  worker = await startMailWorker(db, {
    smtpUrl: `smtp://127.0.0.1:${(sink.server.address() as AddressInfo).port}`,
    from: context.from,
    domain: DOMAIN,
    bounceKey: keys.bounce,
    pollMs: 60_000,
  });
  grove = createApp({ db, config: testConfig(), mail: { context } });
  inbound = await startInboundServer(db, {
    port: 0,
    host: '127.0.0.1',
    domain: DOMAIN,
    keys,
    context: { pageOrigins: new Set(['https://intranet.example.org']), mail: context },
  });
});
after(async () => {
  await worker.stop();
  await inbound.close();
  await new Promise<void>((resolve) => sink.close(() => resolve()));
  await db.close();
});
beforeEach(() => {
  received.length = 0;
});

const post = (body: Record<string, unknown>, as: string) => call(grove, '/api/v1/posts', { method: 'POST', as, body });
const to = (address: string) => received.filter((m) => m.to.includes(address));
const header = (mail: ParsedMail, name: string) => {
  const line = mail.headerLines.find((h) => h.key === name)?.line ?? '';
  return line.slice(line.indexOf(':') + 1).trim();
};

async function sendAsMemberClient(
  toAddress: string,
  options: { text: string; messageId?: string; attachment?: boolean; subject?: string; from?: string },
) {
  const transport = createTransport({ host: '127.0.0.1', port: inbound.port, secure: false, ignoreTLS: true });
  try {
    return await transport.sendMail({
      from: options.from ?? 'emile@example.org',
      to: toAddress,
      subject: options.subject ?? 'Re: a thread',
      text: options.text,
      ...(options.messageId ? { messageId: options.messageId } : {}),
      ...(options.attachment ? { attachments: [{ filename: 'notes.txt', content: 'file' }] } : {}),
    });
  } finally {
    transport.close();
  }
}

describe('notifications by mail', () => {
  test('a reply reaches the author of the post over SMTP, with threading, list and unsubscribe headers, in their language', async () => {
    const first = await post({ thread: f.thread, body: 'Who has tried **drip kits**?' }, f.facilitator);
    await worker.drain();
    received.length = 0; // the facilitator's own post mails the thread's followers, not them
    await post({ thread: f.thread, body: 'We did, with *good* results.', replyTo: String(first.json?.id) }, f.member);
    await worker.drain();
    const [message] = to('zelie@example.org');
    assert.ok(message, `the author got a message: ${JSON.stringify(received.map((r) => r.to))}`);
    const mail = message.mail;
    assert.match(mail.subject ?? '', /Émile Ndiaye/, 'the subject names who replied');
    assert.match(mail.text ?? '', /We did, with \*good\* results\./, 'plain text carries the Markdown as written');
    assert.match(String(mail.html), /<html lang="ar" dir="rtl">/, 'Arabic first: right-to-left HTML');
    assert.equal(header(mail, 'in-reply-to'), `<thread-${f.thread}@${DOMAIN}>`);
    assert.equal(header(mail, 'references'), `<thread-${f.thread}@${DOMAIN}>`);
    assert.match(header(mail, 'list-id'), new RegExp(`<${f.grove.slug}\\.${DOMAIN}>`));
    assert.match(header(mail, 'list-unsubscribe'), /^<https:\/\/grove\.example\.org\/api\/v1\/mail\/unsubscribe\?token=/);
    assert.equal(header(mail, 'list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
    assert.equal(header(mail, 'auto-submitted'), 'auto-generated');
    assert.match(header(mail, 'reply-to'), new RegExp(`^reply\\+${f.facilitator}-${f.thread}-\\d+-[a-z2-7]{20}@${DOMAIN}$`));
    assert.match(message.envelopeFrom, new RegExp(`^bounce\\+\\d+-[a-z2-7]{20}@${DOMAIN}$`), 'bounces come back to a VERP address');
    assert.ok(mail.messageId?.endsWith(`@${DOMAIN}>`));
  });

  test('a write that is refused mails nobody', async () => {
    const before = await db.query<{ n: number }>('select count(*)::int as n from mail_outbox');
    const refused = await post({ thread: f.privateThread, body: 'Not a member here' }, f.outsider);
    assert.equal(refused.status, 404);
    const afterCount = await db.query<{ n: number }>('select count(*)::int as n from mail_outbox');
    assert.equal(afterCount.rows[0]?.n, before.rows[0]?.n);
  });

  test('one-click unsubscribe works without signing in and stops the next notification', async () => {
    const first = await post({ thread: f.thread, body: 'Unsubscribe test opener' }, f.facilitator);
    await post({ thread: f.thread, body: 'A reply', replyTo: String(first.json?.id) }, f.member);
    await worker.drain();
    const link = header(to('zelie@example.org').at(-1)!.mail, 'list-unsubscribe').slice(1, -1);
    const path = new URL(link).pathname + new URL(link).search;
    const page = await call(grove, path);
    assert.equal(page.status, 200);
    assert.match(page.text, /<form method="post"/);
    const oneClick = await grove.app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    assert.equal(oneClick.status, 200);
    received.length = 0;
    await post({ thread: f.thread, body: 'Another reply', replyTo: String(first.json?.id) }, f.member);
    await worker.drain();
    assert.equal(to('zelie@example.org').length, 0, 'no more notifications');
    const settings = await call(grove, '/api/v1/me/mail', { as: f.facilitator });
    assert.ok((settings.json?.off as string[]).includes('reply'));
    // Saving settings turns notifications back on for the next test.
    await call(grove, '/api/v1/me/mail', { method: 'PATCH', as: f.facilitator, body: { off: [] } });
  });

  test('an accepted answer, a hidden post and a temporary refusal', async () => {
    await db.query(`update members set email = 'emile@example.org' where id = $1`, [f.member]);
    const answer = await post({ thread: f.question, body: 'Here is how' }, f.facilitator);
    // Whatever the answer queued is sent first, so the refusal below meets the acceptance notice: the worker
    // wakes at each commit, so the relay must be set to refuse before the acceptance is committed.
    await worker.drain();
    const version = (await call(grove, `/api/v1/threads/${f.question}`)).json?.version as number;
    refuseNext = 451; // the relay is busy once: the message waits and goes on the next attempt
    // The asker (f.member) accepts the facilitator's answer; the facilitator is told.
    const accepted = await call(grove, `/api/v1/threads/${f.question}`, {
      method: 'PATCH',
      as: f.member,
      body: { acceptedPost: answer.json?.id },
      headers: { 'if-match': `"${version}"` },
    });
    assert.equal(accepted.status, 200, accepted.text);
    await worker.drain();
    const { rows } = await db.query<{ state: string; attempts: number }>(
      "select state, attempts from mail_outbox where kind = 'accepted' order by id desc limit 1",
    );
    assert.deepEqual(rows[0], { state: 'queued', attempts: 1 }, 'kept for a later attempt');
    await db.query("update mail_outbox set next_attempt_at = now() where kind = 'accepted'");
    await worker.drain();
    // Zélie reads Arabic first: « قُبلت إجابتك ».
    assert.ok(
      to('zelie@example.org').some((m) => (m.mail.subject ?? '').includes('قُبلت إجابتك')),
      'the answerer learns it was accepted',
    );
    received.length = 0;
    const hidden = await post({ thread: f.thread, body: 'Off-topic advert' }, f.member);
    await call(grove, `/api/v1/posts/${String(hidden.json?.id)}/hide`, { method: 'POST', as: f.facilitator });
    await worker.drain();
    // Émile reads French first: « Un·e animateur·rice a masqué votre message ».
    assert.ok(
      to('emile@example.org').some((m) => (m.mail.subject ?? '').includes('masqué votre message')),
      'the author learns a facilitator hid the post',
    );
  });
});

describe('invitations by mail', () => {
  test("a facilitator's invitation reaches the invitee in their language with a link that accepts it, once", async () => {
    await db.query(`update members set languages = '{es}' where id = $1`, [f.outsider]);
    const invited = await call(grove, `/api/v1/communities/${f.grove.slug}/invitations`, {
      method: 'POST',
      as: f.facilitator,
      body: { member: f.outsider },
    });
    assert.equal(invited.status, 201, invited.text);
    await worker.drain();
    const [message, ...more] = to('oscar@example.org');
    assert.ok(message, 'the invitee is mailed');
    assert.equal(more.length, 0, 'once');
    const { rows: named } = await db.query<{ name: string }>('select name from communities where id = $1', [f.grove.id]);
    assert.ok(message.mail.subject?.endsWith(` te invita a ${named[0]!.name}`), `in Spanish: ${message.mail.subject}`);
    const link = /https:\/\/grove\.example\.org(\/api\/v1\/mail\/invitation\?token=[\w-]+)/.exec(message.mail.text ?? '')?.[1];
    assert.ok(link, message.mail.text);
    assert.match(String(message.mail.html), /<a href="https:\/\/grove\.example\.org\/api\/v1\/mail\/invitation/);

    received.length = 0;
    const again = await call(grove, `/api/v1/communities/${f.grove.slug}/invitations`, {
      method: 'POST',
      as: f.facilitator,
      body: { member: f.outsider },
    });
    assert.equal(again.status, 200, 'already invited');
    await worker.drain();
    assert.equal(to('oscar@example.org').length, 0, 'inviting again mails nobody again');

    const page = await call(grove, link);
    assert.equal(page.status, 200);
    assert.match(page.text, /<html lang="es"/);
    assert.match(page.text, /<form method="post"/);
    const isMember = async () =>
      (await db.query('select 1 from memberships where community_id = $1 and member_id = $2', [f.grove.id, f.outsider])).rows.length > 0;
    assert.equal(await isMember(), false, 'opening the page (or a mail scanner fetching it) accepts nothing');
    const accepted = await grove.app.request(link, { method: 'POST' });
    assert.equal(accepted.status, 200);
    assert.match(await accepted.text(), /Ya eres miembro/);
    assert.equal(await isMember(), true);
    assertProblem(await call(grove, link, { method: 'POST' }), 404);
    const forged = link.replace(/[a-z2-7]{4}$/, 'aaaa');
    assertProblem(await call(grove, forged), 404);
    await db.query('delete from memberships where community_id = $1 and member_id = $2', [f.grove.id, f.outsider]);
  });
});

describe('taking part by mail', () => {
  test('replying to a notification posts in the thread as that member, without the quoted text, once', async () => {
    await db.query(`update members set email = 'emile@example.org' where id = $1`, [f.member]);
    const opener = await post({ thread: f.thread, body: 'Reply by mail, please' }, f.facilitator);
    await post({ thread: f.thread, body: 'Tagging along', replyTo: String(opener.json?.id) }, f.member);
    await worker.drain();
    const notification = to('zelie@example.org').at(-1);
    assert.ok(notification);
    const replyTo = header(notification.mail, 'reply-to');
    const messageId = `<reply-${Date.now()}@client.example.org>`;
    const text = 'Answered by mail with **Markdown**.\n\nOn Monday, Grove wrote:\n> Tagging along\n> and more';
    await sendAsMemberClient(replyTo, { text, messageId });
    const posts = await call(grove, `/api/v1/threads/${f.thread}/posts?order=newest&limit=1`);
    const newest = (posts.json?.items as { bodyMd: string; author: { id: string } }[])[0];
    assert.equal(newest?.bodyMd, 'Answered by mail with **Markdown**.');
    assert.equal(newest.author.id, f.facilitator, 'posted as the member the address was made for');
    await sendAsMemberClient(replyTo, { text, messageId }); // delivered twice by a retrying relay
    const count = await db.query<{ n: number }>(
      "select count(*)::int as n from posts where body_md = 'Answered by mail with **Markdown**.'",
    );
    assert.equal(count.rows[0]?.n, 1, 'never posted twice');
  });

  test('a forged or altered reply address, and an attachment, are refused and post nothing', async () => {
    await assert.rejects(
      sendAsMemberClient(`reply+${f.member}-${f.thread}-99999-aaaaaaaaaaaaaaaaaaaa@${DOMAIN}`, { text: 'forged' }),
      /not one Grove gave out/,
    );
    const notification = await (async () => {
      await post({ thread: f.thread, body: 'For the attachment test' }, f.facilitator);
      await post(
        { thread: f.thread, body: 'reply', replyTo: String((await post({ thread: f.thread, body: 'x' }, f.facilitator)).json?.id) },
        f.member,
      );
      await worker.drain();
      return to('zelie@example.org').at(-1);
    })();
    const replyTo = header(notification!.mail, 'reply-to');
    await assert.rejects(sendAsMemberClient(replyTo, { text: 'see file', attachment: true }), /attachments/);
    await assert.rejects(
      sendAsMemberClient(
        replyTo.replace(/-(\d+)-/, (_m, thread: string) => `-${Number(thread) + 1}-`),
        { text: 'other thread' },
      ),
      /not one Grove gave out/,
    );
  });

  test('a message to a community address starts a topic for the member who sent it', async () => {
    const subject = `Pumps by mail ${Date.now()}`;
    await sendAsMemberClient(`${f.grove.slug}@${DOMAIN}`, { from: 'oscar@example.org', subject, text: 'Which solar pumps work at 40 °C?' });
    const { rows } = await db.query<{ title: string; created_by: string }>('select title, created_by from threads where title = $1', [
      subject,
    ]);
    assert.deepEqual(rows[0], { title: subject, created_by: f.outsider });
    await assert.rejects(
      sendAsMemberClient(`${f.grove.slug}@${DOMAIN}`, { from: 'stranger@elsewhere.example', text: 'hi' }),
      /not the address of a member/,
    );
  });
});

describe('digests', () => {
  test('a weekly digest lists what is new, only once a period, only when there is news, small enough for slow lines', async () => {
    await db.query(
      `update members set email = 'emile@example.org', time_zone = 'UTC', last_active_at = now() - interval '30 days' where id = $1`,
      [f.member],
    );
    await db.query('delete from mail_settings where member_id = $1', [f.member]);
    for (let i = 0; i < 10; i++)
      await post(
        {
          key: `https://intranet.example.org/digest/${Date.now()}-${i}`,
          community: f.grove.slug,
          title: `Digest topic ${i}`,
          body: `Body ${i}`,
        },
        f.facilitator,
      );
    const morning = new Date();
    morning.setUTCHours(8, 0, 0, 0);
    await worker.drain();
    // Cleared before the digests are queued: the worker wakes at their commit and may send them at once.
    received.length = 0;
    const first = await runDigests(db, context, morning, 10_000);
    assert.ok(first.queued >= 1);
    await worker.drain();
    const digest = to('emile@example.org').find((m) => header(m.mail, 'precedence') === 'bulk');
    assert.ok(digest, 'the member got a digest');
    assert.match(digest.mail.text ?? '', /Digest topic 9/);
    assert.ok(Buffer.byteLength(digest.raw) <= 30_000, `a digest of 10 items is ${Buffer.byteLength(digest.raw)} bytes`);
    const again = await runDigests(db, context, new Date(morning.getTime() + 3600_000), 10_000);
    assert.ok(
      !(
        await db.query(
          "select 1 from mail_outbox where kind = 'digest' and created_at > now() - interval '1 second' and recipient_id = $1",
          [f.member],
        )
      ).rows.length || again.queued === 0,
    );
  });
});

describe('questions routed to experts, and waitlists', () => {
  /** A members-only community on one topic skill, its asker and three candidate experts. */
  async function topicCommunity() {
    const tag = `${process.pid}-${Date.now().toString(36)}`;
    const { rows: skills } = await db.query<{ id: string }>('select id from skills order by id desc limit 1');
    const skill = skills[0]!.id;
    const { rows: communities } = await db.query<{ id: string; slug: string }>(
      `insert into communities (slug, name, visibility, languages, topic_skill_id) values ($1, $2, 'members', '{en}', $3) returning id, slug`,
      [`t-topic-${tag}`, `Topic ${tag}`, skill],
    );
    const community = communities[0]!;
    const member = async (name: string, email: string, level: number | null, availability = 'open') => {
      const { rows } = await db.query<{ id: string }>(
        `insert into members (name, email, languages, availability) values ($1, $2, '{en}', $3) returning id`,
        [`${name} ${tag}`, email, availability],
      );
      const id = rows[0]!.id;
      await db.query('insert into memberships (community_id, member_id) values ($1, $2)', [community.id, id]);
      if (level) await db.query('insert into member_skills (member_id, skill_id, level) values ($1, $2, $3)', [id, skill, level]);
      return id;
    };
    const asker = await member('Asker', `asker-${tag}@example.org`, null);
    const expert = await member('Expert', `expert-${tag}@example.org`, 4);
    const away = await member('Away', `away-${tag}@example.org`, 4, 'unavailable');
    // Endorsed by everyone: the best standing of all, but unavailable.
    await db.query('insert into endorsements (member_id, skill_id, endorser_id) values ($1, $2, $3), ($1, $2, $4)', [
      away,
      skill,
      asker,
      expert,
    ]);
    return { community, tag, asker, expert, away };
  }

  const ask = (slug: string, asker: string, kind: 'question' | 'discussion', n: number, tag: string) =>
    post(
      {
        key: `https://intranet.example.org/ask/${tag}/${n}`,
        community: slug,
        title: `Question ${n} ${tag}`,
        kind,
        body: `How do I do thing ${n}?`,
      },
      asker,
    );

  test('a new question reaches available experts on its topic, at most twice a week each, and a discussion reaches none', async () => {
    const { community, tag, asker } = await topicCommunity();
    const first = await ask(community.slug, asker, 'question', 1, tag);
    assert.equal(first.status, 201, first.text);
    await worker.drain();
    const routed = to(`expert-${tag}@example.org`);
    assert.equal(routed.length, 1, `the expert got the question: ${JSON.stringify(received.map((r) => [r.to, r.mail.subject]))}`);
    assert.match(routed[0]!.mail.subject ?? '', new RegExp(`A question for you: “Question 1 ${tag}”`));
    assert.match(routed[0]!.mail.text ?? '', /How do I do thing 1\?/);
    assert.match(routed[0]!.mail.text ?? '', /members recognise you on this question’s topic/);
    assert.match(header(routed[0]!.mail, 'reply-to'), /^reply\+/, 'the expert can answer by replying');
    assert.equal(to(`away-${tag}@example.org`).length, 0, 'an unavailable member is not asked');
    assert.equal(to(`asker-${tag}@example.org`).length, 0, 'the asker is not mailed their own question');

    await ask(community.slug, asker, 'discussion', 2, tag);
    await ask(community.slug, asker, 'question', 3, tag);
    await ask(community.slug, asker, 'question', 4, tag);
    await worker.drain();
    const subjects = to(`expert-${tag}@example.org`).map((m) => m.mail.subject ?? '');
    assert.deepEqual(
      subjects.map((s) => /Question (\d)/.exec(s)?.[1]),
      ['1', '3'],
      'no discussion, and no third question in a week',
    );
  });

  test('a member leaves the waitlist when a seat is given back, and when the event grows; each is told once', async () => {
    await db.query(`update members set email = 'emile@example.org' where id = $1`, [f.member]);
    const { rows } = await db.query<{ id: string }>(
      `insert into events (community_id, organiser_id, title, starts_at, ends_at, time_zone, capacity, mode, location)
       values ($1, $2, 'Field visit', now() + interval '3 days', now() + interval '3 days 2 hours', 'UTC', 1, 'in-person', 'Thiès') returning id`,
      [f.grove.id, f.facilitator],
    );
    const event = rows[0]!.id;
    const rsvp = (as: string, status: string) => call(grove, `/api/v1/events/${event}/rsvp`, { method: 'POST', as, body: { status } });
    assert.equal((await rsvp(f.facilitator, 'going')).status, 200);
    assert.equal((await rsvp(f.member, 'going')).json?.waitlisted, true);
    await worker.drain();
    received.length = 0; // set before the commit that wakes the worker
    assert.equal((await rsvp(f.facilitator, 'not-going')).status, 200);
    await worker.drain();
    // Émile reads French first.
    const seat = to('emile@example.org');
    assert.equal(seat.length, 1);
    assert.match(seat[0]!.mail.subject ?? '', /Une place s’est libérée : Field visit/);

    // The facilitator answers going again (now waitlisted), then raises capacity to 2: they move up.
    await db.query(`update members set email = 'zelie@example.org' where id = $1`, [f.facilitator]);
    assert.equal((await rsvp(f.facilitator, 'going')).json?.waitlisted, true);
    await worker.drain();
    received.length = 0;
    const etag = (await call(grove, `/api/v1/events/${event}`)).headers.get('etag') ?? '';
    const grown = await call(grove, `/api/v1/events/${event}`, {
      method: 'PATCH',
      as: f.facilitator,
      body: { capacity: 2 },
      headers: { 'if-match': etag },
    });
    assert.equal(grown.status, 200, grown.text);
    await worker.drain();
    // Zélie reads Arabic first: « أصبح لك مقعد ».
    assert.deepEqual(
      to('zelie@example.org').map((m) => m.mail.subject),
      ['أصبح لك مقعد: Field visit'],
    );
    assert.equal(
      to('emile@example.org').filter((m) => (m.mail.subject ?? '').includes('place')).length,
      0,
      'who had a seat is not told again',
    );
  });
});

/** A promise and the function that settles it (Node 20 has no Promise.withResolvers). */
function latch(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((settle) => (resolve = settle));
  return { promise, resolve };
}

describe('stopping the sender', () => {
  test('a stop mid-batch records the message on the wire as sent and gives the rest back at once, unattempted', async () => {
    // Only the sender under test may take these rows, and only these rows are due.
    await worker.drain();
    await worker.stop();
    await db.query("update mail_outbox set next_attempt_at = now() + interval '1 day' where state = 'queued'");
    const { bounce: bounceKey } = await loadMailKeys(db);
    const held = latch();
    const arrived = latch();
    const stored: string[] = [];
    // A relay that holds its 250 for the first message until the test has asked the sender to stop.
    const relay = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        let head = '';
        stream.on('data', (chunk: Buffer) => (head += chunk.toString('utf8')));
        stream.on('end', () => {
          stored.push(/^Message-ID:\s*<([^>]+)>/im.exec(head)?.[1] ?? '');
          arrived.resolve();
          void held.promise.then(() => callback());
        });
      },
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    const messages = [1, 2, 3].map((n) =>
      digestMail(context, {
        recipient: { memberId: f.facilitator, name: 'Zélie', address: 'zelie@example.org', lang: 'en' },
        since: new Date(Date.now() - 7 * 86_400_000),
        frequency: 'weekly',
        threads: [{ text: `Thread ${n}`, url: `https://intranet.example.org/${n}` }],
        unanswered: [],
        events: [],
        newcomers: [],
      }),
    );
    const sender = await startMailWorker(db, {
      smtpUrl: `smtp://127.0.0.1:${(relay.server.address() as AddressInfo).port}`,
      from: context.from,
      domain: DOMAIN,
      bounceKey,
      pollMs: 60_000,
    });
    try {
      await db.transaction((tx) => enqueue(tx, messages));
      await arrived.promise;
      const stopping = sender.stop();
      held.resolve();
      await stopping;
      const { rows } = await db.query<{ message_id: string; state: string; attempts: number; lease_until: Date | null }>(
        'select message_id, state, attempts, lease_until from mail_outbox where message_id = any($1) order by id',
        [messages.map((m) => m.messageId)],
      );
      assert.deepEqual(stored, [messages[0]!.messageId]);
      assert.deepEqual(
        rows.map((row) => [row.state, row.attempts, row.lease_until]),
        [
          ['sent', 1, null],
          ['queued', 0, null],
          ['queued', 0, null],
        ],
      );
    } finally {
      await new Promise<void>((resolve) => relay.close(() => resolve()));
      // The shared sender takes over again (and sends the two given back) for the tests' end.
      worker = await startMailWorker(db, {
        smtpUrl: `smtp://127.0.0.1:${(sink.server.address() as AddressInfo).port}`,
        from: context.from,
        domain: DOMAIN,
        bounceKey,
        pollMs: 60_000,
      });
      await worker.drain();
    }
    assert.equal(to('zelie@example.org').length, 2, 'the two given back are sent by the next sender, once each');
  });
});
