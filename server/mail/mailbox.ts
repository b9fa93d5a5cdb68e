/** What the demo's mail catcher (server/smtp/catcher.ts) offers the demo mail page. */
export interface CaughtMessage {
  id: number;
  receivedAt: string;
  envelopeFrom: string;
  to: string;
  from: string;
  subject: string;
  messageId: string;
  text: string;
  html: string | null;
  headers: Record<string, string>;
  calendar: string | null;
  size: number;
}

export interface MailCatcher {
  port: number;
  messages(): readonly CaughtMessage[];
  message(id: number): CaughtMessage | undefined;
  /**
   * Sends a reply to a caught message, as its recipient, over SMTP to `inbound` (host:port); `key` makes
   * its Message-ID, so sending the same reply again is recognised as the same message.
   */
  reply(id: number, text: string, inbound: { host: string; port: number }, key: string): Promise<{ accepted: boolean; response: string }>;
  close(): Promise<void>;
}
