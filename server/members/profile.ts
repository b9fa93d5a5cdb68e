/** Member profiles: what a viewer may see of someone, and what a member sees of themselves. */
import { readableCommunitySql } from '../communities/access.ts';
import type { Queryable } from '../db/index.ts';
import { labelSql } from '../shared/labels.ts';
import type { Viewer } from '../shared/viewer.ts';
import { servedContact, type ContactRow } from './contacts.ts';
import { channelShownSql, memberShownSql } from '../communities/visibility.ts';
import { summaryColumns, toSummary } from './directory.ts';

/** Loads a profile the viewer may see (visibility.ts decides: opted-out members are visible only to themselves). */
export async function loadProfile(db: Queryable, memberId: string, viewer: Viewer | null, lang: string) {
  const { rows } = await db.query<Parameters<typeof toSummary>[0] & { bio: string; created_at: Date; last_active_at: Date | null }>(
    `select ${summaryColumns('$2')}, m.bio, m.created_at, m.last_active_at from members m
     where m.id = $3 and ${memberShownSql('m', '$1')}`,
    [viewer?.memberId ?? null, lang, memberId],
  );
  const row = rows[0];
  if (!row) return null;
  const viewerId = viewer?.memberId ?? null;
  const [skills, interests, memberships, contacts] = await Promise.all([
    db.query<{ slug: string; label: string; level: number; endorsements: number; endorsed_by_viewer: boolean }>(
      `select s.slug, ${labelSql('s', '$2')} as label, ms.level,
              (select count(*)::int from endorsements e where e.member_id = ms.member_id and e.skill_id = s.id) as endorsements,
              exists (select 1 from endorsements e where e.member_id = ms.member_id and e.skill_id = s.id and e.endorser_id = $3)
                as endorsed_by_viewer
       from member_skills ms join skills s on s.id = ms.skill_id where ms.member_id = $1 order by ms.level desc, s.slug`,
      [memberId, lang, viewerId],
    ),
    db.query<{ slug: string; label: string }>(
      `select s.slug, ${labelSql('s', '$2')} as label from member_interests mi join skills s on s.id = mi.skill_id
       where mi.member_id = $1 order by s.slug`,
      [memberId, lang],
    ),
    db.query<{ community: string; name: string; role: 'member' | 'facilitator'; joined_at: Date }>(
      `select c.slug as community, c.name, ms.role, ms.joined_at from memberships ms join communities c on c.id = ms.community_id
       where ms.member_id = $2 and ${readableCommunitySql('c', '$1')} order by c.name`,
      [viewerId, memberId],
    ),
    db.query<ContactRow>(
      `select kind, value, visibility from contact_channels cc where member_id = $1 and ${channelShownSql('cc', '$2')}
       order by position, id`,
      [memberId, viewerId],
    ),
  ]);
  return {
    ...toSummary(row),
    bio: row.bio,
    skills: skills.rows.map((s) => ({
      slug: s.slug,
      label: s.label,
      level: s.level,
      endorsements: s.endorsements,
      endorsedByViewer: s.endorsed_by_viewer,
    })),
    interests: interests.rows,
    memberships: memberships.rows.map((m) => ({ community: m.community, name: m.name, role: m.role, joinedAt: m.joined_at.toISOString() })),
    contacts: contacts.rows.flatMap((row) => servedContact(row) ?? []),
    createdAt: row.created_at.toISOString(),
    lastActiveAt: row.last_active_at?.toISOString() ?? null,
  };
}

/** The signed-in member's own profile with their privacy settings; null when they no longer exist. */
export async function loadMe(db: Queryable, viewer: Viewer, lang: string) {
  const profile = await loadProfile(db, viewer.memberId, viewer, lang);
  if (!profile) return null;
  const { rows } = await db.query<{ directory_opt_out: boolean; badge_hidden: boolean }>(
    'select directory_opt_out, badge_hidden from members where id = $1',
    [viewer.memberId],
  );
  return { ...profile, directoryOptOut: rows[0]?.directory_opt_out ?? false, badgeHidden: rows[0]?.badge_hidden ?? false };
}
