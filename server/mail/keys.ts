/** The mail keys, loaded once at start (never inside a request's transaction, which could roll a new key back). */
import type { Queryable } from '../db/index.ts';
import { serverKey } from '../operations/server-keys.ts';

export interface MailKeys {
  reply: Buffer;
  unsubscribe: Buffer;
  bounce: Buffer;
}

export async function loadMailKeys(db: Queryable): Promise<MailKeys> {
  const [reply, unsubscribe, bounce] = await Promise.all([
    serverKey(db, 'mail-reply'),
    serverKey(db, 'mail-unsubscribe'),
    serverKey(db, 'mail-bounce'),
  ]);
  return { reply, unsubscribe, bounce };
}
