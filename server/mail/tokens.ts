/**
 * Signed mail addresses and links. Mail relays may change the case of an address's local part, so
 * tokens use digits, lowercase letters and hyphens only, and a truncated HMAC-SHA256 in base32.
 * - reply:   `reply+<member>-<thread>-<expiry day>-<sig>@domain`: a member's answer to a thread, until the
 *            expiry day (days since 1970); forged or expired: refused, nothing posted;
 * - bounce:  `bounce+<outbox id>-<sig>@domain` as the envelope sender (VERP), so a DSN names its message;
 * - unsubscribe: `<member>-<kind>-<sig>` in the one-click link (no expiry: RFC 8058 links must keep working);
 * - invitation: `<member>-<community>-<sig>` in an invitation's accept link, signed with the unsubscribe key
 *               under its own purpose; it works while the invitation stands (decision 0186);
 * - address invitation: `<invitation>-<sig>` in the link mailed to an invited address that has no account
 *               yet (decision 0190), under its own purpose; it accepts once an account claimed it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET.charAt((value >>> (bits - 5)) & 31);
      bits -= 5;
    }
  }
  return out;
}

function sign(key: Buffer, purpose: string, parts: readonly (string | number)[]): string {
  return base32(
    createHmac('sha256', key)
      .update(`${purpose}:${parts.join(':')}`)
      .digest(),
  ).slice(0, 20);
}

function same(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

const DAY_MS = 86_400_000;
/** A reply address works this long after the message that carries it. */
export const REPLY_DAYS = 60;

export function replyToken(key: Buffer, memberId: string, threadId: string, now = Date.now()): string {
  const expiry = Math.floor(now / DAY_MS) + REPLY_DAYS;
  return `${memberId}-${threadId}-${expiry}-${sign(key, 'reply', [memberId, threadId, expiry])}`;
}

export type ReplyCheck = { ok: true; memberId: string; threadId: string } | { ok: false; reason: 'forged' | 'expired' };

export function checkReplyToken(key: Buffer, token: string, now = Date.now()): ReplyCheck {
  const match = /^(\d{1,19})-(\d{1,19})-(\d{1,7})-([a-z2-7]{20})$/.exec(token.toLowerCase());
  if (!match) return { ok: false, reason: 'forged' };
  const [, memberId = '', threadId = '', expiry = '', signature = ''] = match;
  if (!same(signature, sign(key, 'reply', [memberId, threadId, Number(expiry)]))) return { ok: false, reason: 'forged' };
  if (Number(expiry) < Math.floor(now / DAY_MS)) return { ok: false, reason: 'expired' };
  return { ok: true, memberId, threadId };
}

export function bounceToken(key: Buffer, outboxId: string): string {
  return `${outboxId}-${sign(key, 'bounce', [outboxId])}`;
}

export function checkBounceToken(key: Buffer, token: string): string | null {
  const match = /^(\d{1,19})-([a-z2-7]{20})$/.exec(token.toLowerCase());
  if (!match) return null;
  const [, outboxId = '', signature = ''] = match;
  return same(signature, sign(key, 'bounce', [outboxId])) ? outboxId : null;
}

export function unsubscribeToken(key: Buffer, memberId: string, kind: string): string {
  return `${memberId}-${kind}-${sign(key, 'unsubscribe', [memberId, kind])}`;
}

export function checkUnsubscribeToken(key: Buffer, token: string): { memberId: string; kind: string } | null {
  const match = /^(\d{1,19})-([a-z0-9.-]{1,80})-([a-z2-7]{20})$/.exec(token);
  if (!match) return null;
  const [, memberId = '', kind = '', signature = ''] = match;
  return same(signature, sign(key, 'unsubscribe', [memberId, kind])) ? { memberId, kind } : null;
}

export function invitationToken(key: Buffer, memberId: string, communityId: string): string {
  return `${memberId}-${communityId}-${sign(key, 'invitation', [memberId, communityId])}`;
}

export function checkInvitationToken(key: Buffer, token: string): { memberId: string; communityId: string } | null {
  const match = /^(\d{1,19})-(\d{1,19})-([a-z2-7]{20})$/.exec(token);
  if (!match) return null;
  const [, memberId = '', communityId = '', signature = ''] = match;
  return same(signature, sign(key, 'invitation', [memberId, communityId])) ? { memberId, communityId } : null;
}

export function addressInvitationToken(key: Buffer, invitationId: string): string {
  return `${invitationId}-${sign(key, 'address-invitation', [invitationId])}`;
}

export function checkAddressInvitationToken(key: Buffer, token: string): string | null {
  const match = /^(\d{1,19})-([a-z2-7]{20})$/.exec(token);
  if (!match) return null;
  const [, invitationId = '', signature = ''] = match;
  return same(signature, sign(key, 'address-invitation', [invitationId])) ? invitationId : null;
}
