/**
 * Joining and leaving communities (issue 13). A public community is joined at once; a members-only one
 * takes a request that one of its facilitators approves or declines. Whoever knows a members-only
 * community's slug may ask to join it (docs/decisions/0132-joining-communities.md).
 */
import type { Database, Queryable, TransactionQueryable } from '../db/index.ts';
import { forbidden, HttpProblem, notFound } from '../shared/problem.ts';
import type { Viewer } from '../shared/viewer.ts';
import { assertFacilitator, readableCommunity, type CommunityAccess } from './access.ts';
import { closeEmailInvitations } from './email-invitations.ts';
import { memberRef, memberShownSql, presenceSql, type Presence } from './visibility.ts';

export type JoinStatus = 'member' | 'facilitator' | 'pending';

/** The community by slug whatever its visibility (a join request names one the viewer cannot read yet). */
async function communityForJoin(db: Queryable, slug: string, viewer: Viewer): Promise<CommunityAccess> {
  const { rows } = await db.query<CommunityAccess>(
    `select c.id, c.slug, c.visibility, c.lifecycle, m.role from communities c
     left join memberships m on m.community_id = c.id and m.member_id = $2 where c.slug = $1`,
    [slug, viewer.memberId],
  );
  if (!rows[0]) throw notFound('The community');
  return rows[0];
}

/**
 * Answers the member's invitation to the community, if there is one (joining accepts it, leaving declines
 * it), and the address invitation it came from; true when there was one.
 */
async function answerInvitation(tx: Queryable, communityId: string, memberId: string, answer: 'accepted' | 'declined'): Promise<boolean> {
  const { rows } = await tx.query<{ email_invitation_id: string | null }>(
    'delete from community_invitations where community_id = $1 and member_id = $2 returning email_invitation_id',
    [communityId, memberId],
  );
  await closeEmailInvitations(
    tx,
    rows.map((row) => row.email_invitation_id),
    answer,
  );
  return rows.length > 0;
}

/** Joins a public community, or asks to join a members-only one; already in: nothing changes. */
export async function joinCommunity(
  db: Database,
  slug: string,
  viewer: Viewer,
  message: string,
): Promise<{ status: JoinStatus; created: boolean }> {
  return db.transaction(async (tx) => {
    const community = await communityForJoin(tx, slug, viewer);
    if (community.role) return { status: community.role, created: false };
    if (community.lifecycle === 'closed') throw forbidden('This community is closed');
    // An invitation is the facilitators' yes: it opens a members-only community too (decision 0151).
    const invited = await answerInvitation(tx, community.id, viewer.memberId, 'accepted');
    if (community.visibility === 'public' || invited) {
      await tx.query('insert into memberships (community_id, member_id) values ($1, $2) on conflict do nothing', [
        community.id,
        viewer.memberId,
      ]);
      await tx.query(`delete from community_join_requests where community_id = $1 and member_id = $2 and status = 'pending'`, [
        community.id,
        viewer.memberId,
      ]);
      return { status: 'member', created: true };
    }
    const inserted = await tx.query(
      `insert into community_join_requests (community_id, member_id, message) values ($1, $2, $3)
       on conflict (community_id, member_id) where status = 'pending' do nothing returning id`,
      [community.id, viewer.memberId, message],
    );
    return { status: 'pending', created: inserted.rows.length > 0 };
  });
}

/**
 * Leaves a community (or withdraws a pending request to join it, or declines an invitation). The last facilitator cannot leave:
 * a community must keep someone to run it.
 */
export async function leaveCommunity(db: Database, slug: string, viewer: Viewer): Promise<void> {
  await db.transaction(async (tx) => {
    const community = await communityForJoin(tx, slug, viewer);
    if (!community.role) {
      const withdrawn = await tx.query(
        `delete from community_join_requests where community_id = $1 and member_id = $2 and status = 'pending' returning id`,
        [community.id, viewer.memberId],
      );
      // Declining an invitation is leaving before having joined.
      const declined = await answerInvitation(tx, community.id, viewer.memberId, 'declined');
      if (withdrawn.rows.length === 0 && !declined) throw notFound('Your membership');
      return;
    }
    if (community.role === 'facilitator') {
      // Locks the community's facilitators so two of them cannot both leave as "not the last".
      const { rows } = await tx.query<{ member_id: string }>(
        `select member_id from memberships where community_id = $1 and role = 'facilitator' for update`,
        [community.id],
      );
      if (rows.length <= 1) {
        throw new HttpProblem(409, 'You are the last facilitator of this community: name another facilitator before leaving');
      }
    }
    await tx.query('delete from memberships where community_id = $1 and member_id = $2', [community.id, viewer.memberId]);
  });
}

export interface JoinRequestRow {
  id: string;
  member: ReturnType<typeof memberRef>;
  message: string;
  createdAt: string;
}

/** The pending requests of a community, oldest first: for its facilitators only. */
export async function pendingJoinRequests(db: Queryable, slug: string, viewer: Viewer): Promise<JoinRequestRow[]> {
  const community = await readableCommunity(db, { slug }, viewer);
  assertFacilitator(community);
  const { rows } = await db.query<{
    id: string;
    member_id: string;
    name: string;
    avatar_url: string | null;
    presence: Presence;
    message: string;
    created_at: Date;
  }>(
    `select r.id, r.member_id, m.name, grove_avatar_path(m.id, m.avatar_url) as avatar_url, ${presenceSql('m')} as presence, r.message, r.created_at
     from community_join_requests r join members m on m.id = r.member_id
     where r.community_id = $1 and r.status = 'pending' order by r.created_at, r.id limit 200`,
    [community.id],
  );
  return rows.map((row) => ({
    id: row.id,
    member: memberRef(row.member_id, row.name, row.avatar_url, row.presence),
    message: row.message,
    createdAt: row.created_at.toISOString(),
  }));
}

/** A facilitator approves (the requester becomes a member) or declines a pending request; deciding again is harmless. */
export async function decideJoinRequest(
  db: Database,
  slug: string,
  requestId: string,
  decision: 'approved' | 'declined',
  viewer: Viewer,
): Promise<{ id: string; status: 'approved' | 'declined' }> {
  return db.transaction(async (tx) => {
    const community = await readableCommunity(tx, { slug }, viewer);
    assertFacilitator(community);
    const { rows } = await tx.query<{ member_id: string; status: string }>(
      'select member_id, status from community_join_requests where id = $1 and community_id = $2 for update',
      [requestId, community.id],
    );
    const request = rows[0];
    if (!request) throw notFound('The request');
    if (request.status !== 'pending') {
      if (request.status === decision) return { id: requestId, status: decision };
      throw new HttpProblem(409, `This request was already ${request.status}`);
    }
    await tx.query(`update community_join_requests set status = $2, decided_at = now(), decided_by = $3 where id = $1`, [
      requestId,
      decision,
      viewer.memberId,
    ]);
    if (decision === 'approved') {
      await tx.query('insert into memberships (community_id, member_id) values ($1, $2) on conflict do nothing', [
        community.id,
        request.member_id,
      ]);
    }
    return { id: requestId, status: decision };
  });
}

/**
 * A facilitator invites a member they can see in the directory (decision 0151). Someone who had asked to
 * join is let in at once (the request is approved); a member already in stays as they are. The invitee
 * finds the group in their community list and accepts by joining. Nobody is added without saying yes.
 */
export async function inviteMember(
  db: Database,
  slug: string,
  memberId: string,
  viewer: Viewer,
  /** Tells the invitee (the mail, decision 0186), in the invitation's transaction; given by the route, as mail is a layer above. */
  announce?: (tx: TransactionQueryable, invitation: { memberId: string; communityId: string; inviterId: string }) => Promise<void>,
): Promise<{ status: 'invited' | 'joined' | 'member'; created: boolean }> {
  return db.transaction(async (tx) => {
    const community = await readableCommunity(tx, { slug }, viewer);
    assertFacilitator(community);
    if (community.lifecycle === 'closed') throw forbidden('This community is closed');
    // Whom the facilitator cannot see (opted out, unknown) is answered alike: no such member.
    const { rows } = await tx.query<{ role: string | null; asked: boolean }>(
      `select (select role from memberships where community_id = $2 and member_id = m.id) as role,
              exists (select 1 from community_join_requests r where r.community_id = $2 and r.member_id = m.id and r.status = 'pending') as asked
       from members m where m.id = $1 and m.deactivated_at is null and ${memberShownSql('m', '$3')}`,
      [memberId, community.id, viewer.memberId],
    );
    const target = rows[0];
    if (!target)
      throw new HttpProblem(422, 'No such member', { errors: [{ field: 'body.member', message: 'No member you can see has this id' }] });
    if (target.role) return { status: 'member', created: false };
    if (target.asked) {
      await tx.query(
        `update community_join_requests set status = 'approved', decided_at = now(), decided_by = $3
         where community_id = $1 and member_id = $2 and status = 'pending'`,
        [community.id, memberId, viewer.memberId],
      );
      await tx.query('insert into memberships (community_id, member_id) values ($1, $2) on conflict do nothing', [community.id, memberId]);
      return { status: 'joined', created: true };
    }
    const inserted = await tx.query(
      `insert into community_invitations (community_id, member_id, invited_by) values ($1, $2, $3) on conflict do nothing returning member_id`,
      [community.id, memberId, viewer.memberId],
    );
    // Announced once, with the invitation (in its transaction: no mail for a rolled-back invitation).
    if (inserted.rows.length > 0) await announce?.(tx, { memberId, communityId: community.id, inviterId: viewer.memberId });
    return { status: 'invited', created: inserted.rows.length > 0 };
  });
}

/**
 * The invitee follows their invitation's link (decision 0186): the signed token names them and the
 * community; while the invitation stands they join, as joining would let them (the invitation is the
 * facilitators' yes, so a members-only community too). Null when the token is forged or the invitation
 * gone (declined, withdrawn with the community, or already used).
 */
export async function acceptInvitation(
  db: Database,
  invitation: { memberId: string; communityId: string },
): Promise<{ community: string; lang: readonly string[] } | null> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ name: string; languages: string[]; email_invitation_id: string | null }>(
      `with used as (delete from community_invitations where community_id = $1 and member_id = $2 returning community_id, email_invitation_id)
       select c.name, m.languages, used.email_invitation_id from used join communities c on c.id = used.community_id join members m on m.id = $2
       where c.lifecycle <> 'closed' and m.deactivated_at is null`,
      [invitation.communityId, invitation.memberId],
    );
    const row = rows[0];
    if (!row) return null;
    await closeEmailInvitations(tx, [row.email_invitation_id], 'accepted');
    await tx.query('insert into memberships (community_id, member_id) values ($1, $2) on conflict do nothing', [
      invitation.communityId,
      invitation.memberId,
    ]);
    return { community: row.name, lang: row.languages };
  });
}

/** The community and invitee an invitation link names, while it stands (for the page that asks to accept). */
export async function pendingInvitation(db: Queryable, invitation: { memberId: string; communityId: string }) {
  const { rows } = await db.query<{ name: string; languages: string[] }>(
    `select c.name, m.languages from community_invitations i join communities c on c.id = i.community_id join members m on m.id = i.member_id
     where i.community_id = $1 and i.member_id = $2 and c.lifecycle <> 'closed'`,
    [invitation.communityId, invitation.memberId],
  );
  return rows[0] ? { community: rows[0].name, lang: rows[0].languages } : null;
}
