/**
 * Accounts the host organisation's identity provider writes (SCIM 2.0, decision 0108): members it
 * creates, replaces, deactivates and removes, and communities standing for its groups. The SCIM wire
 * format lives in http/scim/; this module speaks rows.
 *
 * Deactivating sets `directory_opt_out` (keeping the member's own choice to restore), so every read
 * path that hides opted-out members hides the account at once, and the directory's read model follows
 * through its triggers. Removing deactivates and erases what identifies the person beyond their posts.
 */
import type { Database, Queryable } from '../db/index.ts';
import { isUniqueViolation } from '../db/index.ts';
import { announceMemberChange } from '../communities/member-changes.ts';
import { claimEmailInvitations } from '../communities/email-invitations.ts';

/** What the provider sets on an account. */
export interface UserFields {
  userName: string;
  externalId: string | null;
  name: string;
  email: string | null;
  active: boolean;
  practice: string;
  organisation: string;
  country: string | null;
  languages: string[];
  timeZone: string;
  avatarUrl: string | null;
}

/** An account as the provider reads it back: its fields, plus what Grove keeps (a seeded member has no userName). */
export interface ProvisionedUser extends Omit<UserFields, 'userName'> {
  id: string;
  userName: string | null;
  createdAt: Date;
  updatedAt: Date;
  groups: { id: string; name: string }[];
}

/** An equality test the provider filters by (RFC 7644 §3.4.2.2, the `eq` operator). */
export interface Equality {
  attribute: 'id' | 'userName' | 'externalId' | 'email' | 'active' | 'displayName';
  value: string | boolean;
}

export class ProvisioningConflict extends Error {}

const USER_COLUMNS = `m.id, m.user_name, m.external_id, m.name,
  coalesce(m.email, (select cc.value from contact_channels cc where cc.member_id = m.id and cc.kind = 'email' order by cc.position, cc.id limit 1)) as email,
  m.deactivated_at is null as active, m.practice, m.organisation, m.country, m.languages, m.time_zone, m.avatar_url, m.created_at,
  coalesce(m.provisioned_at, m.created_at) as updated_at,
  (select coalesce(json_agg(json_build_object('id', c.id::text, 'name', c.name) order by c.id), '[]')
   from memberships g join communities c on c.id = g.community_id where g.member_id = m.id and c.lifecycle <> 'closed') as groups`;

interface UserRow {
  id: string;
  user_name: string | null;
  external_id: string | null;
  name: string;
  email: string | null;
  active: boolean;
  practice: string;
  organisation: string;
  country: string | null;
  languages: string[];
  time_zone: string;
  avatar_url: string | null;
  created_at: Date;
  updated_at: Date;
  groups: { id: string; name: string }[];
}

/** The row a statement that always returns one (an insert … returning) returned. */
function only<T>(rows: T[]): T {
  const [row] = rows;
  if (row === undefined) throw new Error('expected one row');
  return row;
}

/** An account just written, read back. */
async function written(db: Queryable, id: string): Promise<ProvisionedUser> {
  const user = await getUser(db, id);
  if (!user) throw new Error(`account ${id} vanished`);
  return user;
}

const toUser = (row: UserRow): ProvisionedUser => ({
  id: row.id,
  userName: row.user_name,
  externalId: row.external_id,
  name: row.name,
  email: row.email,
  active: row.active,
  practice: row.practice,
  organisation: row.organisation,
  country: row.country,
  languages: row.languages,
  timeZone: row.time_zone,
  avatarUrl: row.avatar_url,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  groups: row.groups,
});

const USER_FILTERS: Partial<Record<Equality['attribute'], string>> = {
  id: 'm.id = $#::bigint',
  userName: 'lower(m.user_name) = lower($#::text)',
  externalId: 'm.external_id = $#::text',
  email:
    "(lower(m.email) = lower($#::text) or exists (select 1 from contact_channels fe where fe.member_id = m.id and fe.kind = 'email' and lower(fe.value) = lower($#::text)))",
  active: '(m.deactivated_at is null) = $#::boolean',
};

function whereOf(filters: Equality[], columns: Partial<Record<Equality['attribute'], string>>, params: unknown[]): string[] {
  return filters.map((filter) => {
    const sql = columns[filter.attribute];
    if (!sql) throw new RangeError(filter.attribute);
    params.push(filter.attribute === 'id' && !/^\d{1,18}$/.test(String(filter.value)) ? '0' : filter.value);
    return sql.replaceAll('$#', `$${String(params.length)}`);
  });
}

/** A page of accounts (removed ones are gone), 1-based as SCIM counts. */
export async function listUsers(db: Queryable, filters: Equality[], startIndex: number, count: number) {
  const params: unknown[] = [];
  const where = ['m.removed_at is null', ...whereOf(filters, USER_FILTERS, params)].join(' and ');
  const [{ rows: total }, { rows }] = await Promise.all([
    db.query<{ n: number }>(`select count(*)::int as n from members m where ${where}`, params),
    count > 0
      ? db.query<UserRow>(
          // The page's ids first, then their columns: PostgreSQL computes the select list (the e-mail and
          // group subqueries) for every row an OFFSET skips, 10 s for the last page of 1.2 million accounts.
          `select ${USER_COLUMNS} from (select m.id from members m where ${where} order by m.id offset ${String(startIndex - 1)} limit ${String(count)}) page
           join members m on m.id = page.id order by m.id`,
          params,
        )
      : Promise.resolve({ rows: [] as UserRow[] }),
  ]);
  return { total: total[0]?.n ?? 0, users: rows.map(toUser) };
}

export async function getUser(db: Queryable, id: string): Promise<ProvisionedUser | null> {
  const { rows } = await db.query<UserRow>(`select ${USER_COLUMNS} from members m where m.id = $1 and m.removed_at is null`, [id]);
  return rows[0] ? toUser(rows[0]) : null;
}

const WRITE_PARAMS = (fields: UserFields) => [
  fields.userName,
  fields.externalId,
  fields.name,
  fields.email,
  fields.practice,
  fields.organisation,
  fields.country,
  fields.languages,
  fields.timeZone,
  fields.avatarUrl,
];

export async function createUser(db: Database, fields: UserFields): Promise<ProvisionedUser> {
  try {
    const id = await db.transaction(async (tx) => {
      const { rows } = await tx.query<{ id: string }>(
        `insert into members (user_name, external_id, name, email, practice, organisation, country, languages, time_zone, avatar_url, provisioned_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now()) returning id`,
        WRITE_PARAMS(fields),
      );
      const created = only(rows).id;
      if (!fields.active) await setActive(tx, created, false);
      // Addresses a facilitator invited before the account existed become its invitations (decision 0190).
      await claimEmailInvitations(tx, created);
      return created;
    });
    return await written(db, id);
  } catch (error) {
    if (isUniqueViolation(error)) throw new ProvisioningConflict('userName or externalId is taken');
    throw error;
  }
}

/**
 * Deactivating hides the account everywhere at once; reactivating restores the member's own opt-out choice.
 * Either is a new version of the member, announced live (hiding when it took a listed member away).
 */
async function setActive(db: Queryable, id: string, active: boolean): Promise<void> {
  const { rows } = await (active
    ? db.query<{ version: number; hiding: boolean }>(
        `update members set deactivated_at = null, directory_opt_out = coalesce(opt_out_before_deactivation, false),
           opt_out_before_deactivation = null, version = version + 1 where id = $1 and deactivated_at is not null
         returning version, false as hiding`,
        [id],
      )
    : db.query<{ version: number; hiding: boolean }>(
        `update members set deactivated_at = now(), opt_out_before_deactivation = directory_opt_out, directory_opt_out = true,
           version = version + 1 where id = $1 and deactivated_at is null returning version, not opt_out_before_deactivation as hiding`,
        [id],
      ));
  if (rows[0]) await announceMemberChange(db, { member: id, ...rows[0] });
}

/** Replaces the account's provisioned fields; null when there is no such account. */
export async function replaceUser(db: Database, id: string, fields: UserFields): Promise<ProvisionedUser | null> {
  try {
    const found = await db.transaction(async (tx) => {
      const { rows } = await tx.query<{ version: number }>(
        `update members set user_name = $1, external_id = $2, name = $3, email = $4, practice = $5, organisation = $6,
           country = $7, languages = $8, time_zone = $9, avatar_url = $10, provisioned_at = now(), version = version + 1
         where id = $11 and removed_at is null returning id, version`,
        [...WRITE_PARAMS(fields), id],
      );
      const [row] = rows;
      if (!row) return false;
      await announceMemberChange(tx, { member: id, version: row.version, hiding: false });
      await setActive(tx, id, fields.active);
      // A new or corrected address, or a reactivated account, may have invitations waiting (decision 0190).
      await claimEmailInvitations(tx, id);
      return true;
    });
    return found ? await getUser(db, id) : null;
  } catch (error) {
    if (isUniqueViolation(error)) throw new ProvisioningConflict('userName or externalId is taken');
    throw error;
  }
}

/**
 * Removes an account: deactivated, and erased of what identifies the person (e-mail, channels, picture,
 * bio, skills, follows); their posts stay, attributed to a former member. False when there is none.
 */
export async function removeUser(db: Database, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query('select 1 from members where id = $1 and removed_at is null for update', [id]);
    if (rows.length === 0) return false;
    await setActive(tx, id, false);
    await tx.query(
      `update members set removed_at = now(), provisioned_at = now(), user_name = null, external_id = null, email = null,
         avatar_url = null, bio = '' where id = $1`,
      [id],
    );
    for (const table of ['contact_channels', 'member_skills', 'member_interests', 'follows', 'list_subscriptions']) {
      await tx.query(`delete from ${table} where member_id = $1`, [id]);
    }
    return true;
  });
}

// Groups: communities, with their members.

export interface ProvisionedGroup {
  id: string;
  name: string;
  externalId: string | null;
  createdAt: Date;
  members: { id: string; name: string }[];
}

interface GroupRow {
  id: string;
  name: string;
  external_id: string | null;
  created_at: Date;
  members: { id: string; name: string }[] | null;
}

const groupColumns = (withMembers: boolean) =>
  `c.id, c.name, c.external_id, c.created_at, ${
    withMembers
      ? `(select json_agg(json_build_object('id', m.id::text, 'name', m.name) order by m.id) from memberships g join members m on m.id = g.member_id
        where g.community_id = c.id and m.removed_at is null) as members`
      : 'null as members'
  }`;

const toGroup = (row: GroupRow): ProvisionedGroup => ({
  id: row.id,
  name: row.name,
  externalId: row.external_id,
  createdAt: row.created_at,
  members: row.members ?? [],
});

const GROUP_FILTERS: Partial<Record<Equality['attribute'], string>> = {
  id: 'c.id = $#::bigint',
  displayName: 'lower(c.name) = lower($#::text)',
  externalId: 'c.external_id = $#::text',
};

export async function listGroups(db: Queryable, filters: Equality[], startIndex: number, count: number, withMembers: boolean) {
  const params: unknown[] = [];
  const where = ["c.lifecycle <> 'closed'", ...whereOf(filters, GROUP_FILTERS, params)].join(' and ');
  const [{ rows: total }, { rows }] = await Promise.all([
    db.query<{ n: number }>(`select count(*)::int as n from communities c where ${where}`, params),
    count > 0
      ? db.query<GroupRow>(
          `select ${groupColumns(withMembers)} from (select c.id from communities c where ${where} order by c.id offset ${String(startIndex - 1)} limit ${String(count)}) page
           join communities c on c.id = page.id order by c.id`,
          params,
        )
      : Promise.resolve({ rows: [] as GroupRow[] }),
  ]);
  return { total: total[0]?.n ?? 0, groups: rows.map(toGroup) };
}

export async function getGroup(db: Queryable, id: string, withMembers = true): Promise<ProvisionedGroup | null> {
  const { rows } = await db.query<GroupRow>(
    `select ${groupColumns(withMembers)} from communities c where c.id = $1 and c.lifecycle <> 'closed'`,
    [id],
  );
  return rows[0] ? toGroup(rows[0]) : null;
}

/** A slug for a new community from its name: ASCII, lowercase, unique (a number appended when taken). */
async function freeSlug(db: Queryable, name: string): Promise<string> {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 50) || 'group';
  const { rows } = await db.query<{ slug: string }>(`select slug from communities where slug = $1 or slug like $1 || '-%'`, [base]);
  const taken = new Set(rows.map((row) => row.slug));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${String(n)}`)) n += 1;
  return `${base}-${String(n)}`;
}

/** Members that exist and were not removed, of the ids given. */
async function existingMembers(db: Queryable, ids: string[]): Promise<string[]> {
  const valid = ids.filter((id) => /^\d{1,18}$/.test(id));
  if (valid.length === 0) return [];
  const { rows } = await db.query<{ id: string }>('select id from members where id = any($1::bigint[]) and removed_at is null', [valid]);
  return rows.map((row) => row.id);
}

/** Creates a members-only community for a provider's group (an organisation's group is not public by default). */
export async function createGroup(
  db: Database,
  fields: { name: string; externalId: string | null; members: string[] },
): Promise<ProvisionedGroup> {
  try {
    const id = await db.transaction(async (tx) => {
      const slug = await freeSlug(tx, fields.name);
      const { rows } = await tx.query<{ id: string }>(
        `insert into communities (slug, name, external_id, visibility, lifecycle) values ($1, $2, $3, 'members', 'active') returning id`,
        [slug, fields.name, fields.externalId],
      );
      const created = only(rows).id;
      await addMembers(tx, created, fields.members);
      return created;
    });
    const group = await getGroup(db, id);
    if (!group) throw new Error(`group ${id} vanished`);
    return group;
  } catch (error) {
    if (isUniqueViolation(error)) throw new ProvisioningConflict('externalId is taken');
    throw error;
  }
}

/** Adds members (those that exist); facilitators keep their role. Returns how many joined. */
export async function addMembers(db: Queryable, groupId: string, memberIds: string[]): Promise<number> {
  const ids = await existingMembers(db, memberIds);
  if (ids.length === 0) return 0;
  const { rows } = await db.query(
    `insert into memberships (community_id, member_id) select $1, unnest($2::bigint[]) on conflict do nothing returning member_id`,
    [groupId, ids],
  );
  return rows.length;
}

export async function removeMembers(db: Queryable, groupId: string, memberIds: string[] | 'all'): Promise<void> {
  if (memberIds === 'all') await db.query('delete from memberships where community_id = $1', [groupId]);
  else
    await db.query('delete from memberships where community_id = $1 and member_id = any($2::bigint[])', [
      groupId,
      memberIds.filter((id) => /^\d{1,18}$/.test(id)),
    ]);
}

export async function renameGroup(db: Queryable, groupId: string, fields: { name?: string; externalId?: string | null }): Promise<void> {
  if (fields.name !== undefined) await db.query('update communities set name = $2 where id = $1', [groupId, fields.name]);
  if (fields.externalId !== undefined)
    await db.query('update communities set external_id = $2 where id = $1', [groupId, fields.externalId]);
}

/** Replaces a group's name and members: members not listed leave, listed ones join (facilitators keep their role). */
export async function replaceGroup(db: Database, groupId: string, fields: { name: string; externalId: string | null; members: string[] }) {
  try {
    const found = await db.transaction(async (tx) => {
      const { rows } = await tx.query(`select 1 from communities where id = $1 and lifecycle <> 'closed' for update`, [groupId]);
      if (rows.length === 0) return false;
      await renameGroup(tx, groupId, { name: fields.name, externalId: fields.externalId });
      const keep = await existingMembers(tx, fields.members);
      await tx.query('delete from memberships where community_id = $1 and not (member_id = any($2::bigint[]))', [groupId, keep]);
      await addMembers(tx, groupId, keep);
      return true;
    });
    return found ? await getGroup(db, groupId) : null;
  } catch (error) {
    if (isUniqueViolation(error)) throw new ProvisioningConflict('externalId is taken');
    throw error;
  }
}

/** Runs `change` on an open group in one transaction; false when there is no such group. */
export async function changeGroup(db: Database, groupId: string, change: (tx: Queryable) => Promise<void>): Promise<boolean> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query(`select 1 from communities where id = $1 and lifecycle <> 'closed' for update`, [groupId]);
    if (rows.length === 0) return false;
    await change(tx);
    return true;
  });
}

/** A group the provider deletes is closed, not erased: its conversations and events stay readable. */
export async function closeGroup(db: Queryable, groupId: string): Promise<boolean> {
  const { rows } = await db.query(
    `update communities set lifecycle = 'closed', closed_at = now() where id = $1 and lifecycle <> 'closed' returning id`,
    [groupId],
  );
  return rows.length > 0;
}
