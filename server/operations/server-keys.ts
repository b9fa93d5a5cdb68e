/**
 * Secrets the server signs with (reply addresses, unsubscribe links), made once per database and shared
 * by every instance on it, so a link signed by one instance is honoured by another and after a restart.
 */
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/index.ts';

const cache = new WeakMap<Queryable, Map<string, Promise<Buffer>>>();

export function serverKey(db: Queryable, name: string): Promise<Buffer> {
  let keys = cache.get(db);
  if (!keys) {
    keys = new Map();
    cache.set(db, keys);
  }
  let key = keys.get(name);
  if (!key) {
    key = (async () => {
      // Two instances starting at once insert at most one; both then read the same row.
      await db.query('insert into server_keys (name, secret) values ($1, $2) on conflict (name) do nothing', [
        name,
        randomBytes(32).toString('base64url'),
      ]);
      const { rows } = await db.query<{ secret: string }>('select secret from server_keys where name = $1', [name]);
      const secret = rows[0]?.secret;
      if (!secret) throw new Error(`server key ${name} is missing`);
      return Buffer.from(secret, 'base64url');
    })();
    key.catch(() => keys.delete(name));
    keys.set(name, key);
  }
  return key;
}
