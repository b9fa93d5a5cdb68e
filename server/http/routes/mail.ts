/**
 * Mail settings, following threads and communities, mailing-list mode, the one-click unsubscribe, and in
 * demo mode the mail catcher's messages (demo/mail.html) with a reply that goes back in over SMTP.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { requireViewer } from '../../communities/access.ts';
import { errorResponses, Id, IdempotencyHeaders, jsonBody, jsonContent, Slug } from '../../contract/common.ts';
import { CaughtMail, Following, MailReply, MailReplyResult, MailSettings, MailSettingsPatch, Subscribed } from '../../contract/mail.ts';
import { acceptInvitation, pendingInvitation } from '../../communities/membership.ts';
import { addressInvitation, claimedInvitation } from '../../communities/email-invitations.ts';
import { requireThread } from '../../discussion/threads.ts';
import { mailLanguage, say } from '../../mail/messages.ts';
import { checkAddressInvitationToken, checkInvitationToken } from '../../mail/tokens.ts';
import type { MailCatcher } from '../../mail/mailbox.ts';
import { mailSettings, setCommunityFollow, setMailingList, setThreadFollow, unsubscribe, updateMailSettings } from '../../mail/settings.ts';
import { HttpProblem, notFound } from '../../shared/problem.ts';
import type { AppEnv } from '../env.ts';
import { SMALL_BODY_BYTES } from '../middleware/body-limit.ts';
import { anyone, noCredentials, signedIn } from '../route-policy.ts';

const settingsRoute = createRoute({
  method: 'get',
  path: '/api/v1/me/mail',
  operationId: 'getMailSettings',
  ...signedIn(),
  tags: ['mail'],
  summary: 'Your mail settings: digest, notifications switched off, mailing lists, followed communities',
  responses: { 200: jsonContent(MailSettings, 'Your settings'), ...errorResponses(401) },
});

const patchSettingsRoute = createRoute({
  method: 'patch',
  path: '/api/v1/me/mail',
  operationId: 'updateMailSettings',
  ...signedIn({ body: SMALL_BODY_BYTES }),
  tags: ['mail'],
  summary: 'Change your digest frequency or the notifications you get (JSON Merge Patch; no If-Match needed)',
  request: {
    body: {
      required: true,
      content: { 'application/merge-patch+json': { schema: MailSettingsPatch }, 'application/json': { schema: MailSettingsPatch } },
    },
  },
  responses: { 200: jsonContent(MailSettings, 'Your settings'), ...errorResponses(401, 413, 415) },
});

const switchRoute = (options: {
  path: string;
  operationId: string;
  summary: string;
  params: z.ZodObject;
  on: boolean;
  result: typeof Following | typeof Subscribed;
}) =>
  createRoute({
    method: options.on ? 'put' : 'delete',
    path: options.path,
    operationId: options.operationId,
    ...signedIn(),
    tags: ['mail'],
    summary: options.summary,
    request: { params: options.params },
    responses: { 200: jsonContent(options.result, 'The state now'), ...errorResponses(401, 404) },
  });

const threadParams = z.object({ id: Id });
const communityParams = z.object({ slug: Slug });
const followThread = switchRoute({
  path: '/api/v1/threads/{id}/follow',
  operationId: 'followThread',
  summary: 'Get every new post of this thread by mail',
  params: threadParams,
  on: true,
  result: Following,
});
const unfollowThread = switchRoute({
  path: '/api/v1/threads/{id}/follow',
  operationId: 'unfollowThread',
  summary: 'Stop mail about this thread',
  params: threadParams,
  on: false,
  result: Following,
});
const followCommunity = switchRoute({
  path: '/api/v1/communities/{slug}/follow',
  operationId: 'followCommunity',
  summary: 'Get every new thread of this community by mail',
  params: communityParams,
  on: true,
  result: Following,
});
const unfollowCommunity = switchRoute({
  path: '/api/v1/communities/{slug}/follow',
  operationId: 'unfollowCommunity',
  summary: 'Stop mail about new threads here',
  params: communityParams,
  on: false,
  result: Following,
});
const joinList = switchRoute({
  path: '/api/v1/communities/{slug}/mailing-list',
  operationId: 'joinMailingList',
  summary: 'Mailing-list mode: every post by mail, and start topics by writing to the community',
  params: communityParams,
  on: true,
  result: Subscribed,
});
const leaveList = switchRoute({
  path: '/api/v1/communities/{slug}/mailing-list',
  operationId: 'leaveMailingList',
  summary: 'Leave mailing-list mode',
  params: communityParams,
  on: false,
  result: Subscribed,
});

const unsubscribeQuery = z.object({
  token: z.string().regex(/^\d{1,19}-[a-z0-9.-]{1,80}-[a-z2-7]{20}$/, 'Must be the token of an unsubscribe link'),
});
const htmlContent = (description: string) => ({ description, content: { 'text/html': { schema: z.string() } } });

const unsubscribePageRoute = createRoute({
  method: 'get',
  path: '/api/v1/mail/unsubscribe',
  operationId: 'showUnsubscribe',
  ...noCredentials(),
  tags: ['mail'],
  summary: 'The page an unsubscribe link opens: one button, no sign-in',
  request: { query: unsubscribeQuery },
  responses: { 200: htmlContent('A page with one button'), ...errorResponses() },
});

const unsubscribeRoute = createRoute({
  method: 'post',
  path: '/api/v1/mail/unsubscribe',
  operationId: 'unsubscribe',
  // RFC 8058: mail providers POST `List-Unsubscribe=One-Click` with nothing else, no key, no sign-in.
  // Unsubscribing twice is the same as once, so this POST alone needs no Idempotency-Key.
  ...noCredentials(),
  tags: ['mail'],
  summary: 'One-click unsubscribe (RFC 8058), from the button or straight from the mail client',
  request: { query: unsubscribeQuery },
  responses: { 200: htmlContent('Done'), ...errorResponses(404) },
});

const invitationQuery = z.object({
  token: z.string().regex(/^\d{1,19}-\d{1,19}-[a-z2-7]{20}$/, 'Must be the token of an invitation link'),
});

const invitationPageRoute = createRoute({
  method: 'get',
  path: '/api/v1/mail/invitation',
  operationId: 'showInvitation',
  ...noCredentials(),
  tags: ['mail'],
  summary: "The page an invitation's link opens, in the invitee's language: one button to accept, no sign-in",
  request: { query: invitationQuery },
  responses: { 200: htmlContent('A page with one button'), ...errorResponses(404) },
});

const acceptInvitationRoute = createRoute({
  method: 'post',
  path: '/api/v1/mail/invitation',
  operationId: 'acceptInvitation',
  // The signed link stands for the invitee, as an unsubscribe link does; accepting twice is refused the
  // second time (the invitation is used), so no Idempotency-Key is asked of a plain HTML form.
  ...noCredentials(),
  tags: ['mail'],
  summary: 'Accept an invitation from its link: the invitee joins the community',
  request: { query: invitationQuery },
  responses: { 200: htmlContent('Joined'), ...errorResponses(404) },
});

const addressInvitationQuery = z.object({
  token: z.string().regex(/^\d{1,19}-[a-z2-7]{20}$/, 'Must be the token of an invitation link'),
});

const addressInvitationPageRoute = createRoute({
  method: 'get',
  path: '/api/v1/mail/address-invitation',
  operationId: 'showAddressInvitation',
  ...noCredentials(),
  tags: ['mail'],
  summary:
    "The page an invited address's link opens (decision 0190): which community invited them and how to join; " +
    'once an account with the address exists, one button to accept',
  request: { query: addressInvitationQuery },
  responses: { 200: htmlContent('How to join, or a page with one button'), ...errorResponses(404) },
});

const acceptAddressInvitationRoute = createRoute({
  method: 'post',
  path: '/api/v1/mail/address-invitation',
  operationId: 'acceptAddressInvitation',
  // As the member invitation's link: the signed link reached only that address's mailbox, and the
  // account that claimed it is the one the identity provider gave that address.
  ...noCredentials(),
  tags: ['mail'],
  summary: 'Accept an address invitation an account took up: that account joins the community',
  request: { query: addressInvitationQuery },
  responses: { 200: htmlContent('Joined'), ...errorResponses(404) },
});

const demoListRoute = createRoute({
  method: 'get',
  path: '/api/v1/demo/mail',
  operationId: 'listDemoMail',
  ...anyone(),
  tags: ['mail'],
  summary: 'Demo mode only: the messages the built-in mail catcher received, newest first',
  responses: { 200: jsonContent(z.object({ items: z.array(CaughtMail) }).openapi('CaughtMailList'), 'Messages'), ...errorResponses(404) },
});

const demoReplyRoute = createRoute({
  method: 'post',
  path: '/api/v1/demo/mail/{id}/reply',
  operationId: 'replyToDemoMail',
  // Not through the idempotency transaction: the reply travels over SMTP to the inbound server, which
  // writes with a connection of its own (on PGlite the only one, which that transaction would hold). The
  // key becomes the reply's Message-ID instead, and the inbound side posts each Message-ID once.
  ...anyone({ body: SMALL_BODY_BYTES }),
  tags: ['mail'],
  summary: "Demo mode only: answer a caught message as its recipient would, over SMTP to Grove's inbound server",
  request: {
    params: z.object({ id: z.coerce.number().int().min(1).max(1_000_000_000) }),
    headers: IdempotencyHeaders,
    body: jsonBody(MailReply),
  },
  responses: { 200: jsonContent(MailReplyResult, 'What the inbound server answered'), ...errorResponses(404, 413, 415) },
});

const page = (title: string, body: string, lang = 'en') =>
  `<!doctype html><html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;

const SCOPES: Record<string, string> = {
  notifications: 'notifications about discussions and events',
  digest: 'digests',
};
const describeScope = (scope: string) => SCOPES[scope] ?? `every post of ${scope.replace(/^list\./, '')} (mailing-list mode)`;

export interface DemoMail {
  catcher: MailCatcher | null;
  inbound: { host: string; port: number } | null;
}

export function registerMail(app: OpenAPIHono<AppEnv>, demo: DemoMail): void {
  app.openapi(settingsRoute, async (c) => c.json(await mailSettings(c.var.db, requireViewer(c.var.viewer)), 200));

  app.openapi(patchSettingsRoute, async (c) =>
    c.json(await updateMailSettings(c.var.db, requireViewer(c.var.viewer), c.req.valid('json')), 200),
  );

  const threadSwitch = (on: boolean) => async (c: Context<AppEnv>) => {
    const viewer = requireViewer(c.var.viewer);
    const thread = await requireThread(c.var.db, { id: c.req.param('id') ?? '' }, viewer);
    await setThreadFollow(c.var.db, viewer, thread.row.id, on);
    return c.json({ following: on }, 200);
  };
  app.openapi(followThread, threadSwitch(true));
  app.openapi(unfollowThread, threadSwitch(false));
  const communitySwitch = (on: boolean) => async (c: Context<AppEnv>) => {
    await setCommunityFollow(c.var.db, requireViewer(c.var.viewer), c.req.param('slug') ?? '', on);
    return c.json({ following: on }, 200);
  };
  app.openapi(followCommunity, communitySwitch(true));
  app.openapi(unfollowCommunity, communitySwitch(false));
  const listSwitch = (on: boolean) => async (c: Context<AppEnv>) => {
    await setMailingList(c.var.db, requireViewer(c.var.viewer), c.req.param('slug') ?? '', on);
    return c.json({ subscribed: on }, 200);
  };
  app.openapi(joinList, listSwitch(true));
  app.openapi(leaveList, listSwitch(false));

  app.openapi(unsubscribePageRoute, (c) => {
    const token = c.req.valid('query').token;
    const form = `<p>Stop these e-mails? You can turn them on again in your profile.</p>
<form method="post" action="?token=${token}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe</button></form>`;
    return c.html(page('Unsubscribe', form), 200, { 'cache-control': 'no-store' });
  });

  app.openapi(unsubscribeRoute, async (c) => {
    const mail = c.var.mail;
    if (!mail) throw notFound('Mail');
    const done = await unsubscribe(c.var.db, mail.keys.unsubscribe, c.req.valid('query').token);
    if (!done) throw notFound('This unsubscribe link');
    return c.html(page('Unsubscribed', `<p>You will get no more ${describeScope(done.scope)}.</p>`), 200, { 'cache-control': 'no-store' });
  });

  const invitation = (c: Context<AppEnv>, token: string) => {
    const mail = c.var.mail;
    const named = mail ? checkInvitationToken(mail.keys.unsubscribe, token) : null;
    if (!named) throw notFound('This invitation link');
    return named;
  };
  const escape = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
  app.openapi(invitationPageRoute, async (c) => {
    const token = c.req.valid('query').token;
    const open = await pendingInvitation(c.var.db, invitation(c, token));
    if (!open) throw notFound('This invitation');
    const lang = mailLanguage(open.lang);
    const title = escape(say(lang, 'invitation.page', { community: open.community }));
    const form = `<form method="post" action="?token=${token}"><button type="submit">${escape(say(lang, 'invitation.button'))}</button></form>`;
    return c.html(page(title, form, lang), 200, { 'cache-control': 'no-store' });
  });
  app.openapi(acceptInvitationRoute, async (c) => {
    const joined = await acceptInvitation(c.var.db, invitation(c, c.req.valid('query').token));
    if (!joined) throw notFound('This invitation');
    const lang = mailLanguage(joined.lang);
    const title = escape(say(lang, 'invitation.joined', { community: joined.community }));
    return c.html(page(title, '', lang), 200, { 'cache-control': 'no-store' });
  });

  const addressInvitationId = (c: Context<AppEnv>, token: string) => {
    const mail = c.var.mail;
    const id = mail ? checkAddressInvitationToken(mail.keys.unsubscribe, token) : null;
    if (!id) throw notFound('This invitation link');
    return id;
  };
  app.openapi(addressInvitationPageRoute, async (c) => {
    const token = c.req.valid('query').token;
    const open = await addressInvitation(c.var.db, addressInvitationId(c, token));
    if (!open) throw notFound('This invitation');
    const lang = mailLanguage(open.languages);
    const values = { community: open.community, inviter: open.inviter ?? '' };
    const title = escape(say(lang, 'invitation.page', values));
    const lead = open.inviter ? `<p>${escape(say(lang, 'invitation.lead', values))}</p>` : '';
    const body = open.claimed
      ? `<form method="post" action="?token=${token}"><button type="submit">${escape(say(lang, 'invitation.button'))}</button></form>`
      : `<p>${escape(say(lang, 'invitation.wait'))}</p>`;
    return c.html(page(title, lead + body, lang), 200, { 'cache-control': 'no-store' });
  });
  app.openapi(acceptAddressInvitationRoute, async (c) => {
    const claimed = await claimedInvitation(c.var.db, addressInvitationId(c, c.req.valid('query').token));
    const joined = claimed ? await acceptInvitation(c.var.db, claimed) : null;
    if (!joined) throw notFound('This invitation');
    const lang = mailLanguage(joined.lang);
    const title = escape(say(lang, 'invitation.joined', { community: joined.community }));
    return c.html(page(title, '', lang), 200, { 'cache-control': 'no-store' });
  });

  const requireDemo = (c: Context<AppEnv>) => {
    if (!c.var.config.demoMode || !demo.catcher) throw new HttpProblem(404, 'The mail catcher runs only in demo mode');
    return demo.catcher;
  };
  app.openapi(demoListRoute, (c) => {
    const catcher = requireDemo(c);
    c.header('cache-control', 'no-store');
    return c.json({ items: catcher.messages().map(({ envelopeFrom: _from, ...message }) => message) }, 200);
  });
  app.openapi(demoReplyRoute, async (c) => {
    const catcher = requireDemo(c);
    if (!demo.inbound) throw new HttpProblem(404, 'This server takes no mail in');
    if (!catcher.message(c.req.valid('param').id)) throw notFound('The message');
    const key = c.req.valid('header')['idempotency-key'];
    return c.json(await catcher.reply(c.req.valid('param').id, c.req.valid('json').text, demo.inbound, key), 200);
  });
}
