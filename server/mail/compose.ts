/**
 * Turning an event into a message: plain text first (what most members on slow connections read), light
 * HTML beside it (one column, no images, `dir="rtl"` in Arabic), in the recipient's language, with the
 * headers that make mail clients behave: threading (one conversation per thread), List-Id, one-click
 * unsubscribe (RFC 8058) and Auto-Submitted (so vacation replies stay quiet).
 */
import { randomUUID } from 'node:crypto';
import { say, type MailKey, type MailLanguage } from './messages.ts';
import { addressInvitationToken, invitationToken, replyToken, unsubscribeToken } from './tokens.ts';

/** What every message needs to know about the deployment. */
export interface MailContext {
  /** Domain of the From, Message-ID, reply and list addresses. */
  domain: string;
  from: string;
  /** Public origin of the server, for unsubscribe links. */
  publicUrl: string;
  keys: { reply: Buffer; unsubscribe: Buffer };
}

export type MailKind =
  | 'reply'
  | 'thread-post'
  | 'mention'
  | 'accepted'
  | 'list-post'
  | 'expert-question'
  | 'waitlist-promoted'
  | 'moderation'
  | 'event-changed'
  | 'event-cancelled'
  | 'invitation'
  | 'digest';

export interface Recipient {
  memberId: string;
  address: string;
  name: string;
  lang: MailLanguage;
}

/** Someone without an account: an invited address (decision 0190). */
export interface AddressRecipient extends Omit<Recipient, 'memberId'> {
  memberId: null;
}

export interface OutgoingMessage {
  messageId: string;
  recipient: Recipient | AddressRecipient;
  kind: MailKind;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  calendar?: string;
}

export interface ThreadRef {
  id: string;
  title: string;
  community: { slug: string; name: string };
  /** The page the thread is on, when its key is a web address. */
  url: string | null;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** Plain text and HTML of the same paragraphs; `htmlBody` is already sanitised HTML (a post's). */
interface Body {
  lead: string;
  quote?: { text: string; html: string };
  sections?: { title: string; items: { text: string; url: string | null }[] }[];
  footer: string[];
}

function render(lang: MailLanguage, subject: string, body: Body): { text: string; html: string } {
  const text = [
    body.lead,
    ...(body.quote
      ? [
          '',
          body.quote.text
            .split('\n')
            .map((line) => `> ${line}`)
            .join('\n'),
        ]
      : []),
    ...(body.sections ?? []).flatMap((section) => [
      '',
      section.title,
      ...section.items.map((item) => `- ${item.text}${item.url ? `\n  ${item.url}` : ''}`),
    ]),
    '',
    '-- ',
    ...body.footer,
  ].join('\n');
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  const link = (item: { text: string; url: string | null }) =>
    item.url ? `<a href="${escapeHtml(item.url)}">${escapeHtml(item.text)}</a>` : escapeHtml(item.text);
  const html = `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:40em;margin:0 auto;padding:1em">
<p>${escapeHtml(body.lead)}</p>
${body.quote ? `<blockquote style="border-inline-start:3px solid #ccc;margin:0;padding-inline-start:1em">${body.quote.html}</blockquote>` : ''}
${(body.sections ?? []).map((section) => `<h2 style="font-size:1.1em">${escapeHtml(section.title)}</h2><ul>${section.items.map((item) => `<li>${link(item)}</li>`).join('')}</ul>`).join('\n')}
<hr><p style="font-size:.85em;color:#555">${body.footer.map(escapeHtml).join('<br>')}</p>
</body></html>`;
  return { text, html };
}

function unsubscribe(context: MailContext, recipient: Recipient, scope: string) {
  const token = unsubscribeToken(context.keys.unsubscribe, recipient.memberId, scope);
  const url = `${context.publicUrl}/api/v1/mail/unsubscribe?token=${token}`;
  return {
    url,
    headers: { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

const messageId = (context: MailContext) => `${randomUUID()}@${context.domain}`;

export interface ThreadMailInput {
  kind: 'reply' | 'thread-post' | 'mention' | 'list-post' | 'expert-question';
  recipient: Recipient;
  thread: ThreadRef;
  author: string;
  post: { markdown: string; html: string };
}

/** A post by mail: the recipient can answer it by replying, and it threads with the rest of the thread. */
export function threadMail(context: MailContext, input: ThreadMailInput): OutgoingMessage {
  const { recipient, thread, kind } = input;
  const lang = recipient.lang;
  const values = { author: input.author, thread: thread.title, community: thread.community.name };
  const subject = say(lang, `${kind}.subject` as MailKey, values);
  const scope = kind === 'list-post' ? `list.${thread.community.slug}` : 'notifications';
  const stop = unsubscribe(context, recipient, scope);
  const footer = [
    say(lang, 'footer.reply'),
    ...(thread.url ? [say(lang, 'footer.open', { url: thread.url })] : []),
    kind === 'list-post'
      ? say(lang, 'footer.why.list', values)
      : say(lang, kind === 'expert-question' ? 'footer.why.expert' : 'footer.why.thread'),
    say(lang, 'footer.unsubscribe', { url: stop.url }),
  ];
  const { text, html } = render(lang, subject, {
    lead: say(lang, `${kind}.lead` as MailKey, values),
    quote: { text: input.post.markdown, html: input.post.html },
    footer,
  });
  const root = `<thread-${thread.id}@${context.domain}>`;
  return {
    messageId: messageId(context),
    recipient,
    kind,
    subject,
    text,
    html,
    headers: {
      'Reply-To': `reply+${replyToken(context.keys.reply, recipient.memberId, thread.id)}@${context.domain}`,
      'In-Reply-To': root,
      References: root,
      'List-Id': `${thread.community.name.replace(/[<>"]/g, '')} <${thread.community.slug}.${context.domain}>`,
      'Auto-Submitted': 'auto-generated',
      ...(kind === 'list-post' ? { Precedence: 'list', 'List-Post': `<mailto:${thread.community.slug}@${context.domain}>` } : {}),
      ...stop.headers,
    },
  };
}

/** A short notice with no post to quote (an accepted answer, a hidden post, a seat that opened). */
export function noticeMail(
  context: MailContext,
  input: {
    kind: 'accepted' | 'moderation' | 'waitlist-promoted' | 'event-changed' | 'event-cancelled';
    recipient: Recipient;
    values: Record<string, string>;
    url: string | null;
    threadId?: string;
    calendar?: string;
  },
): OutgoingMessage {
  const lang = input.recipient.lang;
  const subject = say(lang, `${input.kind}.subject` as MailKey, input.values);
  const stop = unsubscribe(context, input.recipient, 'notifications');
  const isEvent = input.kind.startsWith('event') || input.kind === 'waitlist-promoted';
  const { text, html } = render(lang, subject, {
    lead: say(lang, `${input.kind}.lead` as MailKey, input.values),
    footer: [
      ...(input.url ? [say(lang, 'footer.open', { url: input.url })] : []),
      say(lang, isEvent ? 'footer.why.event' : 'footer.why.thread'),
      say(lang, 'footer.unsubscribe', { url: stop.url }),
    ],
  });
  const root = input.threadId ? `<thread-${input.threadId}@${context.domain}>` : null;
  return {
    messageId: messageId(context),
    recipient: input.recipient,
    kind: input.kind,
    subject,
    text,
    html,
    headers: { 'Auto-Submitted': 'auto-generated', ...(root ? { 'In-Reply-To': root, References: root } : {}), ...stop.headers },
    ...(input.calendar ? { calendar: input.calendar } : {}),
  };
}

/** The page an invitation's link opens: the invitee accepts there with one button (GET never accepts). */
export function invitationUrl(context: MailContext, memberId: string, communityId: string): string {
  return `${context.publicUrl}/api/v1/mail/invitation?token=${invitationToken(context.keys.unsubscribe, memberId, communityId)}`;
}

/**
 * The words both invitations share (decisions 0186 and 0190): the subject and lead in the recipient's
 * language, one section with the link, the footer.
 */
function invitationMessage(
  context: MailContext,
  recipient: Recipient | AddressRecipient,
  input: {
    inviter: string;
    community: string;
    /** Said after the lead (the address invited, when there is no account yet). */
    leadAfter?: string;
    link: { key: 'invitation.accept' | 'invitation.how'; url: string };
    footer: string[];
    headers?: Record<string, string>;
  },
): OutgoingMessage {
  const lang = recipient.lang;
  const values = { inviter: input.inviter, community: input.community };
  const subject = say(lang, 'invitation.subject', values);
  const lead = say(lang, 'invitation.lead', values);
  const { text, html } = render(lang, subject, {
    lead: input.leadAfter ? `${lead} ${input.leadAfter}` : lead,
    sections: [
      {
        title: say(lang, 'invitation.page', values),
        items: [{ text: say(lang, input.link.key, { url: input.link.url }), url: input.link.url }],
      },
    ],
    footer: [say(lang, 'invitation.ignore'), ...input.footer],
  });
  return {
    messageId: messageId(context),
    recipient,
    kind: 'invitation',
    subject,
    text,
    html,
    headers: { 'Auto-Submitted': 'auto-generated', ...input.headers },
  };
}

/** A facilitator's invitation, with the link that accepts it (decision 0186). */
export function invitationMail(
  context: MailContext,
  input: { recipient: Recipient; inviter: string; community: { id: string; name: string } },
): OutgoingMessage {
  const stop = unsubscribe(context, input.recipient, 'notifications');
  return invitationMessage(context, input.recipient, {
    inviter: input.inviter,
    community: input.community.name,
    link: { key: 'invitation.accept', url: invitationUrl(context, input.recipient.memberId, input.community.id) },
    footer: [say(input.recipient.lang, 'footer.unsubscribe', { url: stop.url })],
    headers: stop.headers,
  });
}

/** The page an address invitation's link opens: how to join, and once an account claimed it, the button that accepts. */
export function addressInvitationUrl(context: MailContext, invitationId: string): string {
  return `${context.publicUrl}/api/v1/mail/address-invitation?token=${addressInvitationToken(context.keys.unsubscribe, invitationId)}`;
}

/**
 * A facilitator's invitation to an address with no account yet (decision 0190): the invitation mail's
 * words, with a link to the page saying how to join. No unsubscribe link: there is no account to
 * unsubscribe, and nothing more is mailed to the address unless a facilitator invites it again.
 */
export function addressInvitationMail(
  context: MailContext,
  input: { recipient: AddressRecipient; inviter: string; community: { name: string }; invitationId: string },
): OutgoingMessage {
  return invitationMessage(context, input.recipient, {
    inviter: input.inviter,
    community: input.community.name,
    leadAfter: say(input.recipient.lang, 'invitation.address', { address: input.recipient.address }),
    link: { key: 'invitation.how', url: addressInvitationUrl(context, input.invitationId) },
    footer: [],
  });
}

export interface DigestItem {
  text: string;
  url: string | null;
}

/** The digest: only sections with something in them (the caller sends nothing when all are empty). */
export function digestMail(
  context: MailContext,
  input: {
    recipient: Recipient;
    since: Date;
    frequency: 'daily' | 'weekly';
    threads: DigestItem[];
    unanswered: DigestItem[];
    events: DigestItem[];
    newcomers: DigestItem[];
  },
): OutgoingMessage {
  const lang = input.recipient.lang;
  const subject = say(lang, 'digest.subject');
  const stop = unsubscribe(context, input.recipient, 'digest');
  const since = new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(input.since);
  const sections = (
    [
      ['digest.threads', input.threads],
      ['digest.unanswered', input.unanswered],
      ['digest.events', input.events],
      ['digest.newcomers', input.newcomers],
    ] as const
  )
    .filter(([, items]) => items.length > 0)
    .map(([key, items]) => ({ title: say(lang, key), items }));
  const { text, html } = render(lang, subject, {
    lead: say(lang, 'digest.lead', { since }),
    sections,
    footer: [
      say(lang, 'footer.why.digest', { frequency: say(lang, `frequency.${input.frequency}`) }),
      say(lang, 'footer.unsubscribe', { url: stop.url }),
    ],
  });
  return {
    messageId: messageId(context),
    recipient: input.recipient,
    kind: 'digest',
    subject,
    text,
    html,
    headers: { 'Auto-Submitted': 'auto-generated', Precedence: 'bulk', ...stop.headers },
  };
}
