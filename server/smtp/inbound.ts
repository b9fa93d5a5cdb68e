/**
 * Mail into Grove over real SMTP (the `smtp-server` package, `SMTP_IN_PORT`), parsed with `mailparser`.
 * It accepts three kinds of recipient at the mail domain:
 * - `reply+<token>@`: a member's reply to a notification; the token (mail/tokens.ts) names member and
 *   thread and expires; a forged or expired one is refused at RCPT TO with a reason, so the sender's own
 *   server bounces it politely and nothing is posted;
 * - `<community>@`: a new topic in that community, from a member's address;
 * - `bounce+<token>@`: a delivery status notification for one of our messages (VERP).
 * Attachments are refused with a reason (members share files by link); a message handled before (same
 * Message-ID) is accepted and not posted again. Run it behind your MX: authentication (SPF, DKIM, DMARC)
 * is the relay's job, and topics by mail trust the sender address the relay accepted.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from 'smtp-server';
import type { Database } from '../db/index.ts';
import { postReplyByMail, postTopicByMail } from '../discussion/by-mail.ts';
import type { PostContext } from '../discussion/posts.ts';
import { recordBounce } from '../mail/inbound-log.ts';
import { checkBounceToken, checkReplyToken } from '../mail/tokens.ts';

export interface InboundOptions {
  port: number;
  host: string;
  domain: string;
  keys: { reply: Buffer; bounce: Buffer };
  context: PostContext;
  /** Largest message accepted, in bytes. */
  maxBytes?: number;
  log?: (entry: Record<string, unknown>) => void;
}

export interface InboundServer {
  port: number;
  close(): Promise<void>;
}

type Target =
  { kind: 'reply'; memberId: string; threadId: string } | { kind: 'topic'; community: string } | { kind: 'bounce'; outboxId: string };

/** An SMTP refusal: the text is what the sender reads in their bounce. */
function refuse(message: string, code = 550): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: code });
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

function targetOf(address: string, options: InboundOptions): Target {
  const [local = '', domain = ''] = address.toLowerCase().split('@');
  if (domain !== options.domain.toLowerCase()) throw refuse(`This server takes mail for ${options.domain} only`);
  if (local.startsWith('reply+')) {
    const check = checkReplyToken(options.keys.reply, local.slice('reply+'.length));
    if (!check.ok) {
      throw refuse(
        check.reason === 'expired'
          ? 'This reply address has expired. Please answer on the web page of the discussion.'
          : 'This reply address is not one Grove gave out, so nothing was posted.',
      );
    }
    return { kind: 'reply', memberId: check.memberId, threadId: check.threadId };
  }
  if (local.startsWith('bounce+')) {
    const outboxId = checkBounceToken(options.keys.bounce, local.slice('bounce+'.length));
    if (!outboxId) throw refuse('Unknown bounce address');
    return { kind: 'bounce', outboxId };
  }
  if (SLUG.test(local)) return { kind: 'topic', community: local };
  throw refuse('No such address');
}

/** A DSN's permanence: `Status: 5.x.x` in its report part. */
function isPermanentFailure(mail: ParsedMail): boolean {
  const report = [
    mail.text ?? '',
    ...mail.attachments.map((a) => (a.contentType.includes('delivery-status') ? a.content.toString('utf8') : '')),
  ].join('\n');
  return /^\s*Status:\s*5\.\d+\.\d+/im.test(report) || /^\s*Action:\s*failed/im.test(report);
}

export async function startInboundServer(db: Database, options: InboundOptions): Promise<InboundServer> {
  const server = new SMTPServer({
    name: options.domain,
    banner: 'Grove',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: options.maxBytes ?? 2_000_000,
    logger: false,
    onRcptTo(address: SMTPServerAddress, session: SMTPServerSession, callback: (error?: Error) => void) {
      try {
        targetOf(address.address, options);
        if (session.envelope.rcptTo.length > 0) throw refuse('One recipient per message, please', 452);
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
    onData(stream, session, callback: (error?: Error | null, message?: string) => void) {
      void (async () => {
        const rcpt = session.envelope.rcptTo[0];
        if (!rcpt) throw refuse('No recipient', 503);
        const target = targetOf(rcpt.address, options);
        const mail = await simpleParser(stream);
        if (target.kind === 'bounce') {
          await recordBounce(db, target.outboxId, isPermanentFailure(mail));
          return 'Bounce recorded';
        }
        if (mail.attachments.length > 0) {
          throw refuse('Grove does not accept attachments by mail. Paste the text, or share a link to the file, and send again.');
        }
        const messageId = (mail.messageId ?? '').replace(/^<|>$/g, '');
        if (!messageId) throw refuse('The message has no Message-ID');
        const text = mail.text ?? '';
        const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        const outcome =
          target.kind === 'reply'
            ? await postReplyByMail(db, { messageId, memberId: target.memberId, threadId: target.threadId, text }, options.context)
            : await postTopicByMail(
                db,
                {
                  messageId,
                  from: mail.from?.value[0]?.address ?? envelopeFrom,
                  community: target.community,
                  subject: mail.subject ?? '',
                  text,
                },
                options.context,
              );
        options.log?.({ level: 'info', msg: 'mail in', to: target.kind, outcome: outcome.kind });
        if (outcome.kind === 'refused') throw refuse(`Not posted: ${outcome.reason}`);
        return outcome.kind === 'duplicate' ? 'Already posted' : 'Posted';
      })().then(
        (message) => callback(null, message),
        (error: unknown) => {
          // Unread input would stall the client: drain what is left of the message before answering.
          stream.resume();
          if (error instanceof Error && 'responseCode' in error) callback(error);
          else {
            options.log?.({ level: 'error', msg: 'mail in failed', error: String(error) });
            callback(refuse('Grove could not take this message now; try again later', 451));
          }
        },
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  server.on('error', (error) => options.log?.({ level: 'error', msg: 'smtp in error', error: String(error) }));
  const port = (server.server.address() as AddressInfo).port;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
