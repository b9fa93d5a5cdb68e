/**
 * Who may see whom: the one place the server decides whether a member appears to a viewer, how their
 * name is shown where their contributions appear, and which of their contact channels the viewer may
 * read. Every read path builds its SQL from these predicates (decision 0108); the leak walk
 * (test/server/members/leak-walk.test.ts) calls every read route in the contract as each kind of viewer
 * and fails when one of them shows more than these rules allow.
 *
 * - A member who opted out of the directory (or whose account was deactivated, which sets the same
 *   flag) is shown to nobody but themselves: no profile, card, badge, expert result or search hit.
 * - Anyone else is shown to viewers who can read at least one community they belong to.
 * - Their posts stay where they wrote them; the author is then named in plain text with no profile
 *   to open (`presence: 'unlisted'`), or as a former member once the account is deactivated.
 * - A contact channel is seen by everyone (`public`), by members sharing a community (`members`), by
 *   facilitators of one of the member's communities (`facilitators`) or by nobody but the member.
 *
 * `viewer` arguments are SQL parameters holding the viewer's member id, or null for anonymous readers.
 */
import { readableCommunitySql } from './access.ts';

export const CHANNEL_VISIBILITIES = ['public', 'members', 'facilitators', 'nobody'] as const;
export type ChannelVisibility = (typeof CHANNEL_VISIBILITIES)[number];
export type Presence = 'listed' | 'unlisted' | 'former';

/** SQL predicate: member row `member` may be shown to the viewer as a person. */
export function memberShownSql(member: string, viewer: string): string {
  return `(${member}.id = ${viewer}::bigint or (not ${member}.directory_opt_out and ${sharesReadableCommunitySql(member, viewer)}))`;
}

/**
 * SQL predicate: the viewer would be shown member row `member` but for the opt-out flag, i.e. could see
 * them until they opted out (or were deactivated). Only live announcements of that very change use it
 * (server/members/changes.ts): a page showing the member must learn that they left.
 */
export function memberShownBeforeOptOutSql(member: string, viewer: string): string {
  return `(${member}.id = ${viewer}::bigint or ${sharesReadableCommunitySql(member, viewer)})`;
}

function sharesReadableCommunitySql(member: string, viewer: string): string {
  return `exists (
    select 1 from memberships shown_f join communities shown_c on shown_c.id = shown_f.community_id
    where shown_f.member_id = ${member}.id and ${readableCommunitySql('shown_c', `${viewer}::bigint`)})`;
}

/**
 * SQL expression: how an author (members row `member`) appears beside their contributions. It does not
 * depend on the viewer (so anonymous pages stay shareable in caches): whoever can read a contribution
 * can read the community it sits in, which its author belongs to.
 */
export function presenceSql(member: string): string {
  return `(case when ${member}.deactivated_at is not null then 'former' when ${member}.directory_opt_out then 'unlisted' else 'listed' end)`;
}

/** SQL predicate: contact channel row `channel` may be read by the viewer. */
export function channelShownSql(channel: string, viewer: string): string {
  const sharesCommunity = (facilitator: boolean) => `exists (
    select 1 from memberships owner_m join memberships viewer_m on viewer_m.community_id = owner_m.community_id
    where owner_m.member_id = ${channel}.member_id and viewer_m.member_id = ${viewer}::bigint${facilitator ? " and viewer_m.role = 'facilitator'" : ''})`;
  return `(${channel}.member_id = ${viewer}::bigint or ${channel}.visibility = 'public'
    or (${channel}.visibility = 'members' and ${sharesCommunity(false)})
    or (${channel}.visibility = 'facilitators' and ${sharesCommunity(true)}))`;
}

/** A member reference as the API serves it: a former member's name and picture are not shown. */
export function memberRef(id: string, name: string, avatarUrl: string | null, presence: Presence) {
  return presence === 'former'
    ? { id, name: '', avatarUrl: null, presence }
    : { id, name, avatarUrl: presence === 'listed' ? avatarUrl : null, presence };
}
