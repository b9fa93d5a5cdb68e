/**
 * Per-member secret keys for calendar subscriptions (docs/decisions/0144-calendar-feed-keys.md). A key is
 * `<member id>.<secret>`; the feed route reads it as that member. Making a new key revokes the old one.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../db/index.ts';
import { HttpProblem } from '../shared/problem.ts';
import type { Viewer } from '../shared/viewer.ts';

const hash = (secret: string): Buffer => createHash('sha256').update(secret).digest();
const KEY_PATTERN = /^(\d{1,19})\.([A-Za-z0-9_-]{32})$/;

/** A new key for the viewer, replacing any earlier one. */
export async function resetFeedKey(db: Queryable, viewer: Viewer): Promise<string> {
  const secret = randomBytes(24).toString('base64url');
  await db.query(
    `insert into calendar_feed_keys (member_id, secret_hash) values ($1, $2)
     on conflict (member_id) do update set secret_hash = excluded.secret_hash, created_at = now()`,
    [viewer.memberId, hash(secret).toString('hex')],
  );
  return `${viewer.memberId}.${secret}`;
}

/** The member a feed key stands for; 401 naming `query.key` when it is not a current key. */
export async function viewerFromFeedKey(db: Queryable, key: string): Promise<Viewer> {
  const refused = () =>
    new HttpProblem(401, 'This calendar link is no longer valid; copy the new one', {
      errors: [{ field: 'query.key', message: 'Not a current feed key' }],
    });
  const match = KEY_PATTERN.exec(key);
  if (!match) throw refused();
  const [, memberId, secret] = match as unknown as [string, string, string];
  const { rows } = await db.query<{ secret_hash: string }>('select secret_hash from calendar_feed_keys where member_id = $1', [memberId]);
  const stored = rows[0] ? Buffer.from(rows[0].secret_hash, 'hex') : null;
  if (!stored || !timingSafeEqual(stored, hash(secret))) throw refused();
  return { memberId };
}
