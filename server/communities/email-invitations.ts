/**
 * Inviting by e-mail address (issue 14 part 3, docs/decisions/0190-email-invitations.md). A facilitator
 * types an address: a pending invitation waits for it, and when an account with that address appears
 * (the identity provider sets it, through SCIM) it becomes an ordinary member invitation, so joining
 * accepts. An address that already belongs to an account is claimed at once. The facilitator is
 * answered alike either way, and sees the invitation listed by the address they typed.
 */
import type { Database, Queryable, TransactionQueryable } from '../db/index.ts';
import { HttpProblem, notFound } from '../shared/problem.ts';
import type { Viewer } from '../shared/viewer.ts';
import { assertFacilitator, readableCommunity } from './access.ts';
import { memberRef, presenceSql, type Presence } from './visibility.ts';

/** E-mail invitations one member may send in 24 hours, over every community: mail to strangers is what spammers want. */
export const ADDRESS_INVITATIONS_PER_DAY = 50;
/** How long an address invitation waits for an account. */
export const ADDRESS_INVITATION_DAYS = 30;

const ADDRESS = /^[^@\s]{1,64}@[^@\s.]+(\.[^@\s.]+)+$/;

/** Trimmed, lowercased, NFC: the form addresses are stored and matched in. Null when it cannot be mailed. */
export function normaliseAddress(input: string): string | null {
  const address = input.trim().normalize('NFC').toLowerCase();
  return address.length <= 254 && ADDRESS.test(address) ? address : null;
}

/** SQL: e-mail invitation `e` still stands (waiting for an account, or a member invitation not yet answered). */
export const openEmailInvitationSql = (e: string) =>
  `((${e}.state = 'pending' and ${e}.expires_at > now())
    or (${e}.state = 'claimed' and (${e}.expires_at > now()
        or exists (select 1 from community_invitations ei where ei.email_invitation_id = ${e}.id))))`;

export interface AddressAnnouncement {
  invitationId: string;
  address: string;
  communityId: string;
  inviterId: string;
}

/** How the route tells people (mail is a layer above): a member by their invitation, an address by its own. */
export interface InvitationAnnouncer {
  member: (tx: TransactionQueryable, invitation: { memberId: string; communityId: string; inviterId: string }) => Promise<void>;
  address: (tx: TransactionQueryable, invitation: AddressAnnouncement) => Promise<void>;
}

/**
 * Turns the pending address invitations of `memberId`'s address into member invitations: the one place
 * where an address invitation meets an account (SCIM creating or changing an account, and inviting an
 * address that already has one). Only `members.email` counts: the identity provider writes it, while
 * contact channels are typed by the member and prove nothing. Someone already in the community has
 * nothing to accept; their row is claimed all the same. Returns the communities they are now invited to.
 */
export async function claimEmailInvitations(tx: Queryable, memberId: string, onlyCommunity?: string): Promise<string[]> {
  const { rows } = await tx.query<{ community_id: string }>(
    `with claimed as (
       update community_email_invitations e set state = 'claimed', claimed_by = m.id
       from members m
       where m.id = $1 and m.deactivated_at is null and m.removed_at is null and e.address = lower(m.email)
         and e.state = 'pending' and e.expires_at > now() and ($2::bigint is null or e.community_id = $2)
         and exists (select 1 from communities c where c.id = e.community_id and c.lifecycle <> 'closed')
       returning e.id, e.community_id, e.invited_by
     )
     insert into community_invitations (community_id, member_id, invited_by, email_invitation_id)
     select cl.community_id, $1, cl.invited_by, cl.id from claimed cl
     where not exists (select 1 from memberships ms where ms.community_id = cl.community_id and ms.member_id = $1)
     on conflict do nothing
     returning community_id`,
    [memberId, onlyCommunity ?? null],
  );
  return rows.map((row) => row.community_id);
}

/**
 * A member invitation was answered (used by joining or the link: `accepted`; left: `declined`): the
 * address invitation it came from, if any, is answered too. `ids` are the rows' `email_invitation_id`s.
 */
export async function closeEmailInvitations(tx: Queryable, ids: readonly (string | null)[], state: 'accepted' | 'declined'): Promise<void> {
  const open = ids.filter((id): id is string => id !== null);
  if (open.length === 0) return;
  await tx.query(
    `update community_email_invitations set state = $2, closed_at = now() where id = any($1::bigint[]) and state = 'claimed'`,
    [open, state],
  );
}

async function assertInvitationRate(tx: Queryable, inviterId: string): Promise<void> {
  const { rows } = await tx.query<{ sent: number; retry_after: number | null }>(
    `with recent as (select created_at from community_email_invitations where invited_by = $1 and created_at > now() - interval '1 day'
                     order by created_at desc limit $2)
     select (select count(*)::int from recent) as sent,
            (select ceil(extract(epoch from min(created_at) + interval '1 day' - now()))::int from recent) as retry_after`,
    [inviterId, ADDRESS_INVITATIONS_PER_DAY],
  );
  const row = rows[0];
  if (!row || row.sent < ADDRESS_INVITATIONS_PER_DAY) return;
  const wait = Math.max(1, row.retry_after ?? 1);
  throw new HttpProblem(429, `You may invite ${ADDRESS_INVITATIONS_PER_DAY} addresses a day; try again in ${wait} s`, {
    type: 'invitation-rate-limited',
    headers: { 'retry-after': String(wait) },
  });
}

/**
 * A facilitator invites an e-mail address. The answer is the same whether the address belongs to an
 * account or not (`created` false only when an invitation of this community to this address stands),
 * so inviting cannot be used to learn who has an account. Mailed once: the address, with a page saying
 * how to join; an account with the address, with the ordinary invitation mail (none when they are in).
 */
export async function inviteAddress(
  db: Database,
  slug: string,
  input: string,
  viewer: Viewer,
  announce?: InvitationAnnouncer,
): Promise<{ address: string; created: boolean }> {
  const address = normaliseAddress(input);
  if (!address)
    throw new HttpProblem(422, 'Not an e-mail address', {
      errors: [{ field: 'body.email', message: 'Must be an e-mail address such as name@example.org' }],
    });
  return db.transaction(async (tx) => {
    const community = await readableCommunity(tx, { slug }, viewer);
    assertFacilitator(community);
    if (community.lifecycle === 'closed') throw new HttpProblem(403, 'This community is closed');
    // One invitation per address and community at a time (two facilitators typing it at once included).
    await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`email-invitation:${community.id}:${address}`]);
    const { rows: standing } = await tx.query(
      `select 1 from community_email_invitations e where e.community_id = $1 and e.address = $2 and ${openEmailInvitationSql('e')}`,
      [community.id, address],
    );
    if (standing.length > 0) return { address, created: false };
    await assertInvitationRate(tx, viewer.memberId);
    // Rows that ran out free the address for a new invitation.
    await tx.query(
      `update community_email_invitations set state = 'expired', closed_at = now()
       where community_id = $1 and address = $2 and state in ('pending', 'claimed')`,
      [community.id, address],
    );
    const { rows } = await tx.query<{ id: string }>(
      `insert into community_email_invitations (community_id, address, invited_by, expires_at)
       values ($1, $2, $3, now() + make_interval(days => $4)) returning id`,
      [community.id, address, viewer.memberId, ADDRESS_INVITATION_DAYS],
    );
    const invitationId = rows[0]?.id;
    if (!invitationId) throw new Error('insert returned no row');
    const { rows: owner } = await tx.query<{ id: string }>(
      'select id from members where lower(email) = $1 and deactivated_at is null and removed_at is null order by id limit 1',
      [address],
    );
    const memberId = owner[0]?.id;
    if (!memberId) {
      await announce?.address(tx, { invitationId, address, communityId: community.id, inviterId: viewer.memberId });
    } else if ((await claimEmailInvitations(tx, memberId, community.id)).length > 0) {
      await announce?.member(tx, { memberId, communityId: community.id, inviterId: viewer.memberId });
    }
    return { address, created: true };
  });
}

export interface PendingInvitation {
  id: string;
  kind: 'member' | 'email';
  member: ReturnType<typeof memberRef> | null;
  address: string | null;
  createdAt: string;
  expiresAt: string | null;
}

/**
 * The community's standing invitations, oldest first: members invited from the directory (by name, as
 * the directory shows them) and addresses (as typed, whether an account claimed them or not). Facilitators only.
 */
export async function pendingInvitations(db: Queryable, slug: string, viewer: Viewer): Promise<PendingInvitation[]> {
  const community = await readableCommunity(db, { slug }, viewer);
  assertFacilitator(community);
  const { rows } = await db.query<{
    id: string;
    kind: 'member' | 'email';
    member_id: string | null;
    name: string | null;
    avatar_url: string | null;
    presence: Presence | null;
    address: string | null;
    created_at: Date;
    expires_at: Date | null;
  }>(
    `select * from (
       select 'member-' || i.member_id as id, 'member' as kind, i.member_id, m.name, grove_avatar_path(m.id, m.avatar_url) as avatar_url,
              ${presenceSql('m')} as presence, null as address, i.created_at, null::timestamptz as expires_at
       from community_invitations i join members m on m.id = i.member_id
       where i.community_id = $1 and i.email_invitation_id is null
       union all
       select 'email-' || e.id, 'email', null, null, null, null, e.address, e.created_at,
              e.expires_at
       from community_email_invitations e where e.community_id = $1 and ${openEmailInvitationSql('e')}
     ) items order by created_at, id limit 200`,
    [community.id],
  );
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    member: row.member_id ? memberRef(row.member_id, row.name ?? '', row.avatar_url, row.presence ?? 'former') : null,
    address: row.address,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
  }));
}

/**
 * A facilitator withdraws an invitation (`member-<id>` or `email-<id>`): its link stops working and the
 * invitee is no longer let in by joining (a members-only community needs a request again).
 */
export async function withdrawInvitation(db: Database, slug: string, id: string, viewer: Viewer): Promise<void> {
  await db.transaction(async (tx) => {
    const community = await readableCommunity(tx, { slug }, viewer);
    assertFacilitator(community);
    const [kind, key] = id.split('-') as ['member' | 'email', string];
    if (kind === 'member') {
      const { rows } = await tx.query(
        'delete from community_invitations where community_id = $1 and member_id = $2 and email_invitation_id is null returning member_id',
        [community.id, key],
      );
      if (rows.length === 0) throw notFound('The invitation');
      return;
    }
    const { rows } = await tx.query(
      `update community_email_invitations e set state = 'withdrawn', closed_at = now()
       where e.id = $1 and e.community_id = $2 and ${openEmailInvitationSql('e')} returning id`,
      [key, community.id],
    );
    if (rows.length === 0) throw notFound('The invitation');
    await tx.query('delete from community_invitations where email_invitation_id = $1', [key]);
  });
}

export interface AddressInvitationView {
  community: string;
  inviter: string | null;
  /** The community's languages, then the inviter's: the page and mail speak the first Grove knows. */
  languages: string[];
  /** Claimed by an account: the invitation can be accepted now. */
  claimed: boolean;
}

/** What an address invitation's link shows while it stands; null when withdrawn, answered, run out or unknown. */
export async function addressInvitation(db: Queryable, id: string): Promise<AddressInvitationView | null> {
  const { rows } = await db.query<{ community: string; inviter: string | null; languages: string[]; claimed: boolean }>(
    `select c.name as community, i.name as inviter, c.languages || coalesce(i.languages, '{}') as languages,
            exists (select 1 from community_invitations ci where ci.email_invitation_id = e.id) as claimed
     from community_email_invitations e join communities c on c.id = e.community_id left join members i on i.id = e.invited_by
     where e.id = $1 and c.lifecycle <> 'closed' and ${openEmailInvitationSql('e')}`,
    [id],
  );
  return rows[0] ?? null;
}

/** The member invitation an address invitation became, if it did: accepting its link accepts that one. */
export async function claimedInvitation(db: Queryable, id: string): Promise<{ memberId: string; communityId: string } | null> {
  const { rows } = await db.query<{ member_id: string; community_id: string }>(
    `select ci.member_id, ci.community_id from community_invitations ci join community_email_invitations e on e.id = ci.email_invitation_id
     where e.id = $1 and e.state = 'claimed'`,
    [id],
  );
  return rows[0] ? { memberId: rows[0].member_id, communityId: rows[0].community_id } : null;
}
