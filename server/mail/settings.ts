/**
 * A member's say over their mail: digest frequency, kinds of notification switched off, threads and
 * communities followed, mailing-list mode per community, and the one-click unsubscribe that works
 * without signing in (RFC 8058).
 */
import { FOLLOWED_THREADS_SHOWN, NOTIFICATION_KINDS } from '../contract/mail.ts';
import type { Queryable } from '../db/index.ts';
import { readableCommunity, readableCommunitySql, requireViewer } from '../communities/access.ts';
import { notFound } from '../shared/problem.ts';
import type { Viewer } from '../shared/viewer.ts';
import { ADDRESS_SQL } from './outbox.ts';
import { checkUnsubscribeToken } from './tokens.ts';

/** The notifications a member can switch off one by one (digests have their own setting). */
type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface MailSettings {
  address: string | null;
  failing: boolean;
  digest: 'daily' | 'weekly' | 'off';
  off: NotificationKind[];
  mailingLists: string[];
  followedCommunities: string[];
  communities: { slug: string; name: string; member: boolean; mailingList: boolean; following: boolean }[];
  followedThreads: { id: string; title: string; community: string; communityName: string }[];
  followedThreadCount: number;
}

export async function mailSettings(db: Queryable, viewer: Viewer): Promise<MailSettings> {
  const { rows } = await db.query<{
    address: string | null;
    digest: MailSettings['digest'] | null;
    off: string[] | null;
    failing: boolean;
    lists: string[];
    followed: string[];
  }>(
    `select ${ADDRESS_SQL} as address, s.digest, s.off_kinds as off, s.failing_since is not null as failing,
       array(select c.slug from list_subscriptions l join communities c on c.id = l.community_id where l.member_id = m.id order by c.slug) as lists,
       array(select c.slug from follows f join communities c on c.id = f.community_id where f.member_id = m.id order by c.slug) as followed
     from members m left join mail_settings s on s.member_id = m.id where m.id = $1`,
    [viewer.memberId],
  );
  const row = rows[0];
  if (!row) throw notFound('Your profile');
  // What the settings panel lists: each community once (belonging, following, list mode), and the threads
  // followed, both only where the member can still read (a private community left keeps no titles here).
  const { rows: communities } = await db.query<{ slug: string; name: string; member: boolean; mailing_list: boolean; following: boolean }>(
    `select c.slug, c.name,
       exists (select 1 from memberships ms where ms.community_id = c.id and ms.member_id = $1) as member,
       exists (select 1 from list_subscriptions l where l.community_id = c.id and l.member_id = $1) as mailing_list,
       exists (select 1 from follows f where f.community_id = c.id and f.member_id = $1) as following
     from communities c
     where c.id in (select community_id from memberships where member_id = $1
                    union select community_id from list_subscriptions where member_id = $1
                    union select community_id from follows where member_id = $1 and community_id is not null)
       and ${readableCommunitySql('c', '$1')}
     order by lower(c.name), c.slug`,
    [viewer.memberId],
  );
  const { rows: threads } = await db.query<{ id: string; title: string; slug: string; community_name: string; total: number }>(
    `select t.id, t.title, c.slug, c.name as community_name, count(*) over ()::int as total
     from follows f join threads t on t.id = f.thread_id join communities c on c.id = t.community_id
     where f.member_id = $1 and ${readableCommunitySql('c', '$1')}
     order by f.created_at desc, t.id desc limit $2`,
    [viewer.memberId, FOLLOWED_THREADS_SHOWN],
  );
  return {
    address: row.address,
    failing: row.failing,
    digest: row.digest ?? 'weekly',
    off: (row.off ?? []).filter((kind): kind is NotificationKind => (NOTIFICATION_KINDS as readonly string[]).includes(kind)),
    mailingLists: row.lists,
    followedCommunities: row.followed,
    communities: communities.map((c) => ({
      slug: c.slug,
      name: c.name,
      member: c.member,
      mailingList: c.mailing_list,
      following: c.following,
    })),
    followedThreads: threads.map((t) => ({ id: t.id, title: t.title, community: t.slug, communityName: t.community_name })),
    followedThreadCount: threads[0]?.total ?? 0,
  };
}

/** Applies a JSON Merge Patch (RFC 7396) of `digest` and `off`; setting them clears a failing address's mark. */
export async function updateMailSettings(
  db: Queryable,
  viewer: Viewer,
  patch: { digest?: MailSettings['digest'] | undefined; off?: NotificationKind[] | undefined },
): Promise<MailSettings> {
  await db.query(
    `insert into mail_settings (member_id, digest, off_kinds) values ($1, coalesce($2, 'weekly'), coalesce($3::text[], '{}'))
     on conflict (member_id) do update set digest = coalesce($2, mail_settings.digest), off_kinds = coalesce($3::text[], mail_settings.off_kinds),
       failing_since = null, hard_bounces = 0`,
    [viewer.memberId, patch.digest ?? null, patch.off ?? null],
  );
  return mailSettings(db, viewer);
}

export async function setThreadFollow(db: Queryable, viewer: Viewer, threadId: string, following: boolean): Promise<void> {
  if (following)
    await db.query('insert into follows (member_id, thread_id) values ($1, $2) on conflict do nothing', [viewer.memberId, threadId]);
  else await db.query('delete from follows where member_id = $1 and thread_id = $2', [viewer.memberId, threadId]);
}

export async function isFollowingThread(db: Queryable, viewer: Viewer | null, threadId: string): Promise<boolean> {
  if (!viewer) return false;
  const { rows } = await db.query('select 1 from follows where member_id = $1 and thread_id = $2', [viewer.memberId, threadId]);
  return rows.length > 0;
}

/** Follows (new threads by mail) or leaves a community the viewer may read. */
export async function setCommunityFollow(db: Queryable, viewer: Viewer, slug: string, following: boolean): Promise<void> {
  const access = await readableCommunity(db, { slug }, requireViewer(viewer));
  if (following)
    await db.query('insert into follows (member_id, community_id) values ($1, $2) on conflict do nothing', [viewer.memberId, access.id]);
  else await db.query('delete from follows where member_id = $1 and community_id = $2', [viewer.memberId, access.id]);
}

/** Mailing-list mode: every post of the community by mail, and topics started by writing to it. */
export async function setMailingList(db: Queryable, viewer: Viewer, slug: string, subscribed: boolean): Promise<void> {
  const access = await readableCommunity(db, { slug }, viewer);
  if (subscribed)
    await db.query('insert into list_subscriptions (member_id, community_id) values ($1, $2) on conflict do nothing', [
      viewer.memberId,
      access.id,
    ]);
  else await db.query('delete from list_subscriptions where member_id = $1 and community_id = $2', [viewer.memberId, access.id]);
}

/**
 * The one-click unsubscribe of a link in a message: `notifications` switches every notification off,
 * `digest` stops digests, `list.<community>` leaves that mailing list. Returns what was stopped, or null
 * for a token this server did not sign.
 */
export async function unsubscribe(db: Queryable, key: Buffer, token: string): Promise<{ memberId: string; scope: string } | null> {
  const check = checkUnsubscribeToken(key, token);
  if (!check) return null;
  const { memberId, kind: scope } = check;
  if (scope === 'digest') {
    await db.query(
      `insert into mail_settings (member_id, digest) values ($1, 'off') on conflict (member_id) do update set digest = 'off'`,
      [memberId],
    );
  } else if (scope === 'notifications') {
    await db.query(
      `insert into mail_settings (member_id, off_kinds) values ($1, $2) on conflict (member_id) do update set off_kinds = $2`,
      [memberId, [...NOTIFICATION_KINDS]],
    );
  } else if (scope.startsWith('list.')) {
    await db.query('delete from list_subscriptions where member_id = $1 and community_id = (select id from communities where slug = $2)', [
      memberId,
      scope.slice('list.'.length),
    ]);
  } else {
    return null;
  }
  return { memberId, scope };
}
