/**
 * A member editing their own presence (issue 13): one JSON Merge Patch (RFC 7396) over the profile, the
 * skill and interest lists and the contact channels, checked against the version the editor loaded.
 * Reads of other members stay in profile.ts; this module only writes and reads the owner's view.
 */
import type { z } from '@hono/zod-openapi';
import type { Me, MePatch } from '../contract/members.ts';
import type { Database, Queryable } from '../db/index.ts';
import { changedMeanwhile, HttpProblem } from '../shared/problem.ts';
import { safeLink } from '../shared/urls.ts';
import type { Viewer } from '../shared/viewer.ts';
import { announceMemberChange } from '../communities/member-changes.ts';
import { loadMe } from './profile.ts';

export type MePatchInput = z.infer<typeof MePatch>;
type OwnContact = z.infer<typeof Me>['contacts'][number];

/** The signed-in member as their editor needs them: every channel with its visibility, the raw avatar URL, the version. */
export async function loadOwnProfile(db: Queryable, viewer: Viewer, lang: string): Promise<z.infer<typeof Me> | null> {
  const me = await loadMe(db, viewer, lang);
  if (!me) return null;
  const [own, contacts] = await Promise.all([
    db.query<{ avatar_url: string | null; version: number }>('select avatar_url, version from members where id = $1', [viewer.memberId]),
    // All channels as stored, so a link the URL rule now refuses can still be seen and corrected.
    db.query<OwnContact>('select kind, value, visibility from contact_channels where member_id = $1 order by position, id', [
      viewer.memberId,
    ]),
  ]);
  const row = own.rows[0];
  if (!row) return null;
  return { ...me, contacts: contacts.rows, avatarSource: row.avatar_url, version: row.version };
}

/** Column, and the value `null` resets it to (RFC 7396: null removes a member; here, back to the default). */
const COLUMNS = {
  name: ['name', undefined],
  practice: ['practice', ''],
  organisation: ['organisation', ''],
  country: ['country', null],
  languages: ['languages', []],
  timeZone: ['time_zone', 'UTC'],
  availability: ['availability', 'open'],
  bio: ['bio', ''],
  avatarUrl: ['avatar_url', null],
  directoryOptOut: ['directory_opt_out', false],
  badgeHidden: ['badge_hidden', false],
} as const satisfies Record<string, readonly [string, unknown]>;

/**
 * Applies `patch` to the viewer's profile if `checkVersion` accepts the current version (it throws 428 or
 * 412 otherwise); returns the new version. One transaction: the profile, its lists and the version move together.
 */
export async function updateMe(
  db: Database,
  viewer: Viewer,
  patch: MePatchInput,
  checkVersion: (current: number) => void,
): Promise<number> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ version: number; directory_opt_out: boolean }>(
      'select version, directory_opt_out from members where id = $1 for update',
      [viewer.memberId],
    );
    const current = rows[0]?.version;
    if (current === undefined) throw new HttpProblem(404, 'Your profile was not found');
    checkVersion(current);

    const sets: string[] = [];
    const params: unknown[] = [viewer.memberId];
    for (const [key, [column, reset]] of Object.entries(COLUMNS)) {
      const value = patch[key as keyof typeof COLUMNS];
      if (value === undefined) continue;
      const stored = key === 'avatarUrl' && typeof value === 'string' ? safeLink(value) : value;
      sets.push(`${column} = $${params.push(stored ?? reset)}`);
    }
    if (patch.skills !== undefined) await replaceSkills(tx, viewer.memberId, patch.skills ?? []);
    if (patch.interests !== undefined) await replaceInterests(tx, viewer.memberId, patch.interests ?? []);
    if (patch.contacts !== undefined) await replaceContacts(tx, viewer.memberId, patch.contacts ?? []);
    const updated = await tx.query<{ version: number }>(
      `update members set ${[...sets, 'version = version + 1'].join(', ')} where id = $1 returning version`,
      params,
    );
    const version = updated.rows[0]?.version;
    if (version === undefined) throw changedMeanwhile();
    const hiding = patch.directoryOptOut === true && rows[0]?.directory_opt_out === false;
    await announceMemberChange(tx, { member: viewer.memberId, version, hiding });
    return version;
  });
}

/** The ids of `slugs` in the taxonomy; an unknown slug is a 422 naming its place in the patch. */
async function skillIds(tx: Queryable, slugs: string[], field: (index: number) => string): Promise<Map<string, string>> {
  const { rows } = await tx.query<{ id: string; slug: string }>('select id, slug from skills where slug = any($1::text[])', [slugs]);
  const ids = new Map(rows.map((row) => [row.slug, row.id]));
  const errors = slugs.flatMap((slug, index) => (ids.has(slug) ? [] : [{ field: field(index), message: 'Not a skill of this network' }]));
  if (errors.length) throw new HttpProblem(422, 'Some skills are not in the taxonomy', { errors });
  return ids;
}

async function replaceSkills(tx: Queryable, memberId: string, skills: { skill: string; level: number }[]): Promise<void> {
  const ids = await skillIds(
    tx,
    skills.map((s) => s.skill),
    (index) => `body.skills.${index}.skill`,
  );
  // A slug listed twice keeps its last level.
  const levels = new Map(skills.map((s) => [ids.get(s.skill) ?? '', s.level]));
  await tx.query('delete from member_skills where member_id = $1 and not (skill_id = any($2::bigint[]))', [memberId, [...levels.keys()]]);
  if (levels.size === 0) return;
  await tx.query(
    `insert into member_skills (member_id, skill_id, level) select $1, unnest($2::bigint[]), unnest($3::smallint[])
     on conflict (member_id, skill_id) do update set level = excluded.level where member_skills.level <> excluded.level`,
    [memberId, [...levels.keys()], [...levels.values()]],
  );
}

async function replaceInterests(tx: Queryable, memberId: string, interests: string[]): Promise<void> {
  const ids = await skillIds(tx, interests, (index) => `body.interests.${index}`);
  const wanted = [...new Set(ids.values())];
  await tx.query('delete from member_interests where member_id = $1', [memberId]);
  if (wanted.length) {
    await tx.query('insert into member_interests (member_id, skill_id) select $1, unnest($2::bigint[])', [memberId, wanted]);
  }
}

async function replaceContacts(tx: Queryable, memberId: string, contacts: OwnContact[]): Promise<void> {
  await tx.query('delete from contact_channels where member_id = $1', [memberId]);
  if (contacts.length === 0) return;
  // Link channels are stored normalised, as the URL rule returns them.
  const values = contacts.map((c) => (c.kind === 'website' || c.kind === 'linkedin' ? (safeLink(c.value) ?? c.value) : c.value));
  await tx.query(
    `insert into contact_channels (member_id, kind, value, visibility, position)
     select $1, kind, value, visibility, (position - 1)::smallint
     from unnest($2::text[], $3::text[], $4::text[]) with ordinality as c(kind, value, visibility, position)`,
    [memberId, contacts.map((c) => c.kind), values, contacts.map((c) => c.visibility)],
  );
}
