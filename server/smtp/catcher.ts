/**
 * The demo's mail catcher: a real SMTP server on loopback that keeps the last messages it received in
 * memory, so `npm start` needs no mail server and a visitor can read the notifications and digests the
 * network sends (demo/mail.html) and answer one, which goes back over SMTP to the inbound server.
 */
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { createTransport } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import type { CaughtMessage, MailCatcher } from '../mail/mailbox.ts';

export type { CaughtMessage, MailCatcher };

const KEEP = 500;
const HEADERS_SHOWN = [
  'message-id',
  'in-reply-to',
  'references',
  'reply-to',
  'list-id',
  'list-unsubscribe',
  'list-unsubscribe-post',
  'auto-submitted',
  'precedence',
];

export async function startMailCatcher(options: { port?: number; host?: string } = {}): Promise<MailCatcher> {
  const caught: CaughtMessage[] = [];
  let next = 1;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then(
          (mail) => {
            const headers: Record<string, string> = {};
            for (const name of HEADERS_SHOWN) {
              const line = mail.headerLines.find((h) => h.key === name);
              if (line) headers[name] = line.line.slice(line.line.indexOf(':') + 1).trim();
            }
            const calendar = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'))?.content.toString('utf8') ?? null;
            caught.unshift({
              id: next++,
              receivedAt: new Date().toISOString(),
              envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address).join(', '),
              from: mail.from?.text ?? '',
              subject: mail.subject ?? '',
              messageId: mail.messageId ?? '',
              text: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : null,
              headers,
              calendar,
              size: raw.length,
            });
            caught.length = Math.min(caught.length, KEEP);
            callback();
          },
          (error: unknown) => callback(error as Error),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      // A client that hangs up mid-session (ECONNRESET) is an 'error' of the server: unhandled, it would
      // end the process. The catcher, like any SMTP server, just lets that session go.
      server.on('error', () => undefined);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    messages: () => caught,
    message: (id) => caught.find((m) => m.id === id),
    async reply(id, text, inbound, key) {
      const original = caught.find((m) => m.id === id);
      if (!original) return { accepted: false, response: 'No such message' };
      const to = original.headers['reply-to'] ?? original.from;
      const quoted = original.text
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n');
      const transport = createTransport({ host: inbound.host, port: inbound.port, secure: false, ignoreTLS: true });
      try {
        const info = await transport.sendMail({
          from: original.to,
          to,
          subject: original.subject.startsWith('Re:') ? original.subject : `Re: ${original.subject}`,
          messageId: `<demo-reply.${createHash('sha256').update(key).digest('hex').slice(0, 32)}@${original.to.split('@')[1] ?? 'grove.localhost'}>`,
          inReplyTo: original.messageId,
          references: original.messageId,
          // A mail client quotes what it answers; the inbound side strips it again.
          text: `${text}\n\nOn ${original.receivedAt}, ${original.from} wrote:\n${quoted}`,
        });
        return { accepted: true, response: info.response };
      } catch (error) {
        return { accepted: false, response: error instanceof Error ? error.message : String(error) };
      } finally {
        transport.close();
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
