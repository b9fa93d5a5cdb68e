/**
 * Live announcements that a member changed (their profile, privacy, opt-out, or their account through
 * SCIM), so every page showing them can refetch at once (docs/decisions/0133-live-member-changes.md).
 *
 * An announcement carries the member's id and version and nothing else: a widget refetches through the
 * ordinary routes, which apply every visibility rule. It is also only told to viewers who may see the
 * member now, or, for the change that hid them (opting out, deactivation), to those who could see them
 * until then: an opted-out member's later edits are announced to nobody but themselves.
 */
import type { Queryable } from '../db/index.ts';
import { memberShownBeforeOptOutSql, memberShownSql } from './visibility.ts';
import type { Viewer } from '../shared/viewer.ts';

/** The one NOTIFY channel every instance's member-change streams listen on. */
export const MEMBER_CHANGES_CHANNEL = 'grove_member_changes';

export interface MemberChange {
  member: string;
  /** `members.version` after the change: a page that already shows it need not refetch. */
  version: number;
  /** This change hid the member from the directory (opt-out or deactivation). */
  hiding: boolean;
}

/**
 * Announces a change. Pass the transaction that made it: PostgreSQL delivers a NOTIFY at commit, so no
 * stream announces a change that was rolled back, or before it can be read.
 */
export async function announceMemberChange(db: Queryable, change: MemberChange): Promise<void> {
  await db.query('select pg_notify($1, $2)', [MEMBER_CHANGES_CHANNEL, JSON.stringify(change)]);
}

/** Reads a NOTIFY payload back; undefined for anything malformed. */
export function parseMemberChange(payload: string): MemberChange | undefined {
  try {
    const value = JSON.parse(payload) as Partial<MemberChange>;
    if (typeof value.member !== 'string' || typeof value.version !== 'number') return undefined;
    return { member: value.member, version: value.version, hiding: value.hiding === true };
  } catch {
    return undefined;
  }
}

/** Whether `viewer` is told of `change` (see the module comment). */
export async function announcedTo(db: Queryable, change: MemberChange, viewer: Viewer | null): Promise<boolean> {
  const shown = change.hiding ? memberShownBeforeOptOutSql('m', '$2') : memberShownSql('m', '$2');
  const { rows } = await db.query(`select 1 from members m where m.id = $1 and ${shown}`, [change.member, viewer?.memberId ?? null]);
  return rows.length > 0;
}

/** The public part of an announcement: what a stream sends. */
export const announcement = (change: MemberChange) => ({ id: change.member, version: change.version });
