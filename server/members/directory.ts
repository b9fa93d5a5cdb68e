/**
 * The member directory query, read from the directory read model (migration 010,
 * docs/decisions/0120-serving-scale.md):
 *
 * - Type-ahead is prefix matching on folded words (`member_tokens`): names first, then organisation and
 *   practice, then members with a matching skill, each read in (word, name, id) order from an index, so
 *   the first page costs the same at 300 members and at 1.2 million. Typo matching (trigram word
 *   similarity on names) starts at 4 characters and only fills a page the exact matches left short.
 * - `total` is exact when cheap (the page is not full, or a single filter's precomputed count), else
 *   counted up to 1,000 and flagged `totalExact: false` ("1,000+").
 * - Visibility is the denormalised `members.listed` flag (anonymous viewers), plus the members of the
 *   members-only communities a signed-in viewer belongs to.
 * - A country, organisation or language filter is tested on the token row's copy (migration 117), so a
 *   range walk narrowed by one reads no members row.
 * - Facets come from the precomputed counts when unfiltered, else from one join over
 *   `directory_member_facets` (directory-facets.ts); results and facets are cached until the read
 *   model changes (directory-cache.ts).
 */
import type { z } from '@hono/zod-openapi';
import type { Queryable } from '../db/index.ts';
import { decodeCursor, encodeCursor } from '../shared/cursor.ts';
import { labelSql } from '../shared/labels.ts';
import type { Facets, MemberQuery, MemberSummary } from '../contract/members.ts';
import { SqlParams } from '../shared/sql.ts';
import { cached, type DirectoryCache } from './directory-cache.ts';
import { countFacets } from './directory-facets.ts';

type Query = z.infer<typeof MemberQuery>;
type Summary = z.infer<typeof MemberSummary>;

/** Counted exactly up to this many matches; beyond it `total` is this and `totalExact` false. */
export const TOTAL_CAP = 1000;
/** Typo matching only for queries at least this long (shorter prefixes match too much of any network). */
const FUZZY_MIN_LENGTH = 4;
/** Skill labels are matched from this length. */
const SKILL_MIN_LENGTH = 3;

/** Who is looking: anonymous viewers and members of public communities only see listed members. */
export interface DirectoryViewer {
  id: string | null;
  /** Members-only communities the viewer belongs to (their members are visible to them). */
  privateCommunities: string[];
}

export async function directoryViewer(db: Queryable, viewerId: string | null): Promise<DirectoryViewer> {
  if (!viewerId) return { id: null, privateCommunities: [] };
  const { rows } = await db.query<{ id: string }>(
    `select f.community_id as id from memberships f join communities c on c.id = f.community_id
     where f.member_id = $1 and c.visibility = 'members' order by 1`,
    [viewerId],
  );
  return { id: viewerId, privateCommunities: rows.map((row) => row.id) };
}

export interface QueryWords {
  words: string[];
  /** The words joined by single spaces. */
  folded: string;
  /** Skills whose label or synonym has a word starting with the whole query (from SKILL_MIN_LENGTH characters). */
  skills: string[];
  /**
   * Per word, the members with a word starting with its first three letters (migration 080's precomputed
   * counts): how broad it is, to choose the word that drives a search of several.
   */
  breadths: number[];
  /** The listed holders of the skills it names, summed (a member holding two counts twice): an estimate. */
  holders: number;
}

const foldedQueries = new Map<string, { at: number; value: Promise<QueryWords> }>();
/** The skill taxonomy changes rarely (an administrator's edit): a folded query's skills are reused this long. */
const FOLD_TTL_MS = 5 * 60_000;

/**
 * The search words of `q` as the read model stores them (folded by grove_fold, the function the stored
 * words went through) and the skills it names, once per query text per process (five minutes).
 */
export function queryWords(db: Queryable, q: string): Promise<QueryWords> {
  const now = Date.now();
  let entry = foldedQueries.get(q);
  if (!entry || now - entry.at > FOLD_TTL_MS) {
    const value = foldQuery(db, q);
    entry = { at: now, value };
    foldedQueries.set(q, entry);
    value.catch(() => foldedQueries.delete(q));
    if (foldedQueries.size > 10_000) foldedQueries.delete(foldedQueries.keys().next().value ?? '');
  }
  return entry.value;
}

interface SkillTexts {
  id: string;
  /** Each label and synonym, folded like the search words, non-alphanumerics as spaces, after a space. */
  texts: string[];
  /** Listed holders (directory_facet_counts). */
  holders: number;
}

let skillTexts: { at: number; value: Promise<SkillTexts[]> } | null = null;

/**
 * The skills' labels and synonyms in every language, folded once per process and reused as long as a
 * folded query is (FOLD_TTL_MS): folding them for every new query text was most of its cost (2.7 ms of
 * execution for 57 skills at x100, every uncached keystroke).
 */
function foldedSkills(db: Queryable): Promise<SkillTexts[]> {
  const now = Date.now();
  if (!skillTexts || now - skillTexts.at > FOLD_TTL_MS) {
    const value = db
      .query<SkillTexts>(
        `select s.id,
           array(select ' ' || regexp_replace(grove_fold(t.text), '[^[:alnum:]]+', ' ', 'g')
                 from (select l.value as text from jsonb_each_text(s.labels) l union all select unnest(s.synonyms)) t) as texts,
           coalesce((select c.count from directory_facet_counts c where c.facet = 'skill' and c.value = s.id::text), 0)::int as holders
         from skills s order by s.id`,
        [],
        // Shared by every request: one leaving must not cancel it for the others.
        { signal: new AbortController().signal },
      )
      .then(({ rows }) => rows);
    const entry = { at: now, value };
    skillTexts = entry;
    value.catch(() => {
      if (skillTexts === entry) skillTexts = null;
    });
  }
  return skillTexts.value;
}

async function foldQuery(db: Queryable, q: string): Promise<QueryWords> {
  const [{ rows }, skills] = await Promise.all([
    db.query<Omit<QueryWords, 'skills' | 'holders'>>(
      `with w as (select array(select w from regexp_split_to_table(grove_fold($1), '[^[:alnum:]]+') w where w <> '') as words)
       select w.words, array_to_string(w.words, ' ') as folded,
         array(select coalesce((select c.members from directory_prefix_counts c where c.prefix = left(u.w, 3)), 0)::int
               from unnest(w.words) with ordinality u(w, i) order by u.i) as breadths
       from w`,
      [q],
      // Shared by every request with the same text: one leaving must not cancel it for the others.
      { signal: new AbortController().signal },
    ),
    foldedSkills(db),
  ]);
  const row = rows[0] ?? { words: [], folded: '', breadths: [] };
  // The whole query starts a word of a label or synonym (the folded texts have no wildcard to escape).
  const named =
    Array.from(row.folded).length >= SKILL_MIN_LENGTH
      ? skills.filter((skill) => skill.texts.some((text) => text.includes(` ${row.folded}`)))
      : [];
  return { ...row, skills: named.map((skill) => skill.id), holders: named.reduce((sum, skill) => sum + skill.holders, 0) };
}

/** Facets a filter can be set aside for (disjunctive facet counts). */
export type FacetName = 'community' | 'skill' | 'country' | 'organisation' | 'language' | 'role';

/** SQL pieces shared by every query of one statement: visibility and filters, `except` one set aside. */
export class DirectoryFilter {
  readonly params: SqlParams;
  readonly #viewer: DirectoryViewer;
  readonly #query: Query;
  readonly #communityId: string | null;
  readonly #except: FacetName | undefined;
  #private: string | undefined;

  constructor(query: Query, viewer: DirectoryViewer, communityId: string | null, except?: FacetName, params = new SqlParams()) {
    this.#query = query;
    this.#viewer = viewer;
    this.#except = except;
    this.#communityId = except === 'community' ? null : communityId;
    this.params = params;
  }

  /** Any filter besides the search. */
  get hasFilters(): boolean {
    const q = this.#query;
    return [this.#communityId, q.role, q.skill, q.country, q.language, q.organisation].some(Boolean);
  }

  /** Sees more than the public: the viewer belongs to members-only communities. */
  get privateView(): boolean {
    return this.#viewer.privateCommunities.length > 0;
  }

  get privateCommunitiesParam(): string {
    this.#private ??= this.params.add(this.#viewer.privateCommunities);
    return this.#private;
  }

  /** Member `alias` (a members row, or `member_tokens` with `listed` and `member_id`) is visible. */
  visible(alias: string, idColumn = 'id'): string {
    if (this.#communityId) return 'true'; // membership in a readable community, checked by `filters`
    const listed = `${alias}.listed`;
    if (!this.privateView) return listed;
    return `(${listed} or exists (select 1 from memberships vp join members vm on vm.id = vp.member_id
      where vp.member_id = ${alias}.${idColumn} and vp.community_id = any(${this.privateCommunitiesParam}::bigint[]) and not vm.directory_opt_out))`;
  }

  /**
   * Filters on members row `m`, or, given `tokens`, on the `member_tokens` row of that alias: its copies of
   * the country and organisation (migration 117) are tested on the index entry a range walk reads, its
   * copy of the languages on the token row, and the other filters probe by its member id, so the
   * walk reads no members row (a narrow filter over a broad prefix read one per word in the range).
   */
  filters(tokens?: string): string[] {
    const q = this.#query;
    const except = this.#except;
    const where: string[] = [];
    const id = tokens ? `${tokens}.member_id` : 'm.id';
    const role = q.role && except !== 'role' ? this.params.add(q.role) : null;
    if (this.#communityId) {
      // Token rows exist only for members who did not opt out of the directory.
      where.push(`${tokens ? '' : 'not m.directory_opt_out and '}exists (select 1 from memberships f where f.member_id = ${id}
        and f.community_id = ${this.params.add(this.#communityId)}${role ? ` and f.role = ${role}` : ''})`);
    } else if (role) {
      where.push(`exists (select 1 from memberships f join communities fc on fc.id = f.community_id where f.member_id = ${id}
        and f.role = ${role} and (fc.visibility = 'public' or fc.id = any(${this.privateCommunitiesParam}::bigint[])))`);
    }
    if (q.skill && except !== 'skill') {
      where.push(`exists (select 1 from member_skills fs where fs.member_id = ${id}
        and fs.skill_id = (select id from skills where slug = ${this.params.add(q.skill)}))`);
    }
    const on = tokens ?? 'm';
    if (q.country && except !== 'country') where.push(`${on}.country = ${this.params.add(q.country)}`);
    if (q.language && except !== 'language') where.push(`${this.params.add(q.language)} = any(${on}.languages)`);
    if (q.organisation && except !== 'organisation') where.push(`${on}.organisation = ${this.params.add(q.organisation)}`);
    return where;
  }

  /** Visible members with the filters, as the WHERE of `select m.id from members m`. */
  membersWhere(): string {
    return [this.visible('m'), ...this.filters()].join(' and ');
  }
}

/**
 * Keeps an EXISTS or NOT EXISTS on member_tokens a probe per row, by (member_id, token), instead of letting
 * the planner turn it into a join (PostgreSQL does not pull up a subquery with OFFSET). Its estimates of a
 * prefix range can be far off (7 rows estimated, 30,302 read for "john" at x100), and the joins it chose
 * on them were ruinous at 1.2 million members: "john s" materialised the "john" range and compared every
 * row against it (30 million comparisons, 2.6 s to count its first 1,001 matches), and "john smith" drove
 * by "smith" and read the whole "john" range once per Smith (3.7 million buffers, 73 s).
 */
const PROBE_PER_ROW = 'offset 0';

/** Token conditions for a search of `words`: the first drives the ordered range scan, the others must match too. */
export class Search {
  readonly words: string[];
  readonly folded: string;
  readonly #filter: DirectoryFilter;
  readonly #bounds: [string, string][];
  readonly #skills: string[];

  /**
   * `driving`: the word that drove the pages before this one (from the cursor), kept so that a page
   * continues the same order even if the counts that chose it have moved since.
   */
  constructor(filter: DirectoryFilter, folding: QueryWords, driving?: string) {
    const { folded, skills } = folding;
    this.#filter = filter;
    this.words = Search.order(folding, driving);
    this.folded = folded;
    this.#skills = skills;
    // [lo, hi): every text starting with the word, in bytewise ("C") order.
    this.#bounds = this.words.map((word) => [filter.params.add(word), filter.params.add(`${word}\u{10FFFF}`)]);
  }

  /**
   * The narrowest word first: it drives the range read and the others are probed per member ("a zz" read
   * every word starting with "a" to find none; "jo sm" is cheaper driven by "sm"): fewest members for its
   * first three letters, then the longest; `driving`, when it is one of the words, comes first instead.
   */
  static order({ words, breadths }: QueryWords, driving?: string): string[] {
    const breadth = (index: number) => breadths[index] ?? Number.MAX_SAFE_INTEGER;
    const ordered = words
      .map((word, index) => ({ word, breadth: breadth(index) }))
      .sort((a, b) => a.breadth - b.breadth || b.word.length - a.word.length)
      .map(({ word }) => word);
    if (driving === undefined || !ordered.includes(driving)) return ordered;
    return [driving, ...ordered.filter((word) => word !== driving)];
  }

  range(alias: string, word = 0): string {
    const [lo, hi] = this.#bounds[word] ?? ['', ''];
    return `${alias}.token >= ${lo} and ${alias}.token < ${hi}`;
  }

  /** The other words each prefix a word of member `id`. */
  others(id: string): string {
    return (
      this.words
        .slice(1)
        .map(
          (_, index) =>
            `exists (select 1 from member_tokens w${index} where w${index}.member_id = ${id} and ${this.range(`w${index}`, index + 1)} ${PROBE_PER_ROW})`,
        )
        .join(' and ') || 'true'
    );
  }

  /** Member `id` matches through its words (not through a skill). */
  matchesByWords(id: string): string {
    return `(exists (select 1 from member_tokens x0 where x0.member_id = ${id} and ${this.range('x0')}) and ${this.others(id)})`;
  }

  /** The skills the whole query names, as an array parameter; null when none. */
  skillIds(): string | null {
    return this.#skills.length ? `any(${this.#filter.params.add(this.#skills)}::bigint[])` : null;
  }

  /**
   * The visible members passing the filters who hold a skill the query names and do not match its words,
   * each once (at the first named skill they hold), as `id, name` rows of `directory_skill_holders h`
   * (migration 118): the country and organisation are tested on the index entry, the words and the other
   * filters probed by member. Null when the query names no skill.
   *
   * Ordered (`ordered`): each skill's holders are read in (name, id) order from its own index range with
   * its own LIMIT, after `position` (a condition on `h.name, h.member_id`), and merged, so a page costs a
   * short read per skill however many hold it. Unordered: one read of every named skill's holders, for
   * counting and for the facets.
   */
  holdersSql(ordered?: { limit: string; position: (alias: string) => string }): string | null {
    if (this.#skills.length === 0) return null;
    const filter = this.#filter;
    // `earlier`: the named skills a member is counted under instead, when they hold one.
    const holders = (skill: string, earlier: string | null) => `select h.member_id as id, h.name from directory_skill_holders h
      where h.skill_id ${skill} and ${filter.visible('h', 'member_id')} ${andEach(filter.filters('h'))}
        ${earlier ? `and not exists (select 1 from directory_skill_holders e where e.member_id = h.member_id and e.skill_id ${earlier} ${PROBE_PER_ROW})` : ''}
        and not ${this.matchesByWords('h.member_id')}`;
    if (!ordered) {
      if (this.#skills.length === 1) return holders(`= ${filter.params.add(this.#skills[0])}::bigint`, null);
      const all = filter.params.add(this.#skills);
      return holders(`= any(${all}::bigint[])`, `= any(${all}::bigint[]) and e.skill_id < h.skill_id`);
    }
    const each = this.#skills.map((skill, index) => {
      const earlier = index === 0 ? null : `= any(${filter.params.add(this.#skills.slice(0, index))}::bigint[])`;
      const position = ordered.position('h');
      return `(${holders(`= ${filter.params.add(skill)}::bigint`, earlier)} ${position ? `and ${position}` : ''}
        order by h.name, h.member_id limit ${ordered.limit})`;
    });
    return `select u.id, u.name from (${each.join(' union all ')}) u order by u.name, u.id limit ${ordered.limit}`;
  }
}

interface Hit {
  id: string;
  branch: number;
  token: string;
  name: string;
}

/** Branch, token, name and id of the last hit, and the word that drove the search. */
type Cursor = [number, string, string, string, string | undefined];

/** A relevance cursor; one issued before the driving word was recorded (four values) still reads. */
function relevanceCursor(cursor: string | undefined): Cursor | null {
  try {
    return decodeCursor(cursor, ['number', 'string', 'string', 'string', 'string']) as Cursor | null;
  } catch (error) {
    const legacy = decodeCursor(cursor, ['number', 'string', 'string', 'string']) as [number, string, string, string] | null;
    if (!legacy) throw error;
    return [...legacy, undefined];
  }
}

/** Conditions to append to a WHERE that already has one. */
const andEach = (conditions: string[]): string => conditions.map((condition) => `and ${condition}`).join(' ');

/**
 * One branch of the relevance order: name words (0), organisation and practice words (1), skills (2).
 * Each is an ordered index read with its own LIMIT; the caller runs the next branch only when the page is
 * not full yet, so a broad prefix costs one short range read (a UNION under one ORDER BY ran every branch,
 * 64 ms at x100 for "mar", most of it in branches whose rows were never shown).
 */
function branchSql(filter: DirectoryFilter, search: Search, after: Cursor | null, branch: number, limit: string): string | null {
  if (branch === 2) {
    const name = after ? filter.params.add(after[2]) : null;
    const id = after ? filter.params.add(after[3]) : null;
    const holders = search.holdersSql({
      limit,
      position: (alias) => (after ? `(${alias}.name, ${alias}.member_id) > (${name}, ${id}::bigint)` : ''),
    });
    return holders && `select s.id, 2 as branch, '' as token, s.name from (${holders}) s`;
  }
  const onTokens = andEach(filter.filters('t'));
  const position = after
    ? `and (t.token, t.name, t.member_id) > (${filter.params.add(after[1])}, ${filter.params.add(after[2])}, ${filter.params.add(after[3])}::bigint)`
    : '';
  return `select t.member_id as id, ${branch} as branch, t.token::text as token, t.name
      from member_tokens t
      where t.kind = ${branch} and ${search.range('t')} and ${filter.visible('t', 'member_id')} ${onTokens}
        and not exists (select 1 from member_tokens d where d.member_id = t.member_id and d.kind <= ${branch}
                        and ${search.range('d')} and (d.kind < t.kind or d.token < t.token) ${PROBE_PER_ROW})
        and ${search.others('t.member_id')} ${position}
      order by t.token, t.name, t.member_id limit ${limit}`;
}

/** Up to `want` hits in relevance order after `after`, branch by branch. */
async function relevanceHits(
  db: Queryable,
  query: Query,
  viewer: DirectoryViewer,
  communityId: string | null,
  folding: QueryWords,
  after: Cursor | null,
  want: number,
): Promise<SummaryHit[]> {
  const hits: SummaryHit[] = [];
  for (let branch = after?.[0] ?? 0; branch <= 2 && hits.length < want; branch++) {
    const filter = new DirectoryFilter(query, viewer, communityId);
    const sql = branchSql(
      filter,
      new Search(filter, folding, after?.[4]),
      after?.[0] === branch ? after : null,
      branch,
      filter.params.add(want - hits.length),
    );
    if (!sql) continue;
    // The page's summaries come with the hits: one statement per branch, not a second one for the cards
    // (on PGlite each statement is a round trip to its worker, much of a type-ahead's time).
    const lang = filter.params.add(query.lang ?? 'en');
    const { rows } = await db.query<SummaryHit>(
      `select h.branch, h.token, ${summaryColumns(lang)} from (${sql}) h join members m on m.id = h.id order by h.token collate "C", h.name, h.id`,
      filter.params.values,
    );
    hits.push(...rows);
  }
  return hits;
}

/**
 * The name words closest to a one-word query, read from the dictionary of name words (migration 119) by
 * its trigram index: at most this many, most similar first, whose members then fill the page.
 */
const FUZZY_WORDS = 50;

/**
 * Members whose name is close to the query (a typo), for a page the exact matches left short, most
 * similar first. A one-word query is compared with the words of names (`directory_words`, a few hundred
 * at x100 where names number 1.2 million), and the members holding the closest words are read in name
 * order from the token index, visibility and filters tested on its entries; a member holding two close
 * words comes once, at the closer. A query of several words is compared with whole names through the
 * trigram index on members, as before (its words may span two of the name's).
 */
async function fuzzyHits(
  db: Queryable,
  query: Query,
  viewer: DirectoryViewer,
  communityId: string | null,
  folding: QueryWords,
  exclude: string[],
  count: number,
): Promise<Hit[]> {
  const filter = new DirectoryFilter(query, viewer, communityId);
  const q = filter.params.add(folding.folded);
  const excluded = filter.params.add(exclude);
  const limit = filter.params.add(count);
  if (folding.words.length === 1) {
    const { rows } = await db.query<Hit>(
      `with close as materialized (
         select w.word, word_similarity(${q}, w.word) as similarity from directory_words w
         where ${q} <% w.word order by similarity desc, w.word limit ${FUZZY_WORDS}
       ), found as (
         select distinct on (t.member_id) t.member_id as id, t.name, c.similarity
         from close c cross join lateral (
           select t.member_id, t.name from member_tokens t
           where t.kind = 0 and t.token = c.word and ${filter.visible('t', 'member_id')} ${andEach(filter.filters('t'))}
             and not (t.member_id = any(${excluded}::bigint[]))
           order by t.name, t.member_id limit ${limit}) t
         order by t.member_id, c.similarity desc
       )
       select id, 3 as branch, '' as token, name from found order by similarity desc, name, id limit ${limit}`,
      filter.params.values,
    );
    return rows;
  }
  const where = [
    filter.visible('m'),
    ...filter.filters(),
    `${q} <% lower(grove_unaccent(m.name))`,
    `not (m.id = any(${excluded}::bigint[]))`,
  ];
  const { rows } = await db.query<Hit>(
    `select m.id, 3 as branch, '' as token, m.name from members m where ${where.join(' and ')}
     order by word_similarity(${q}, lower(grove_unaccent(m.name))) desc, m.name, m.id limit ${limit}`,
    filter.params.values,
  );
  return rows;
}

interface SummaryRow {
  id: string;
  name: string;
  avatar_url: string | null;
  practice: string;
  organisation: string;
  country: string | null;
  languages: string[];
  time_zone: string;
  availability: 'open' | 'limited' | 'unavailable';
  skills: { slug: string; label: string; level: number }[] | null;
}

/** A relevance hit with its card's columns. */
type SummaryHit = Hit & SummaryRow;

export function toSummary(row: SummaryRow): Summary {
  return {
    id: row.id,
    name: row.name,
    avatarUrl: row.avatar_url,
    practice: row.practice,
    organisation: row.organisation,
    country: row.country,
    languages: row.languages,
    timeZone: row.time_zone,
    availability: row.availability,
    skills: row.skills ?? [],
  };
}

/** Summary columns of `members m`; `lang` is the placeholder of the label language. */
export const summaryColumns = (
  lang: string,
): string => `m.id, m.name, grove_avatar_path(m.id, m.avatar_url) as avatar_url, m.practice, m.organisation, m.country, m.languages, m.time_zone, m.availability,
  (select json_agg(json_build_object('slug', s.slug, 'label', ${labelSql('s', lang)}, 'level', ms.level) order by ms.level desc, s.slug)
     from (select * from member_skills x where x.member_id = m.id order by x.level desc, x.skill_id limit 5) ms
     join skills s on s.id = ms.skill_id) as skills`;

async function summaries(db: Queryable, ids: string[], lang: string): Promise<Summary[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<SummaryRow>(`select ${summaryColumns('$2')} from members m where m.id = any($1::bigint[])`, [ids, lang]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toSummary(row)] : [];
  });
}

export interface MemberPageResult {
  items: Summary[];
  next: string | null;
  total: number;
  totalExact: boolean;
  facets?: z.infer<typeof Facets>;
  facetsExact?: boolean;
}

/** Counts matches up to TOTAL_CAP + 1 from a statement listing one row per match. */
async function cappedCount(db: Queryable, sql: string, params: unknown[]): Promise<{ total: number; exact: boolean }> {
  const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from (${sql} limit ${TOTAL_CAP + 1}) capped`, params);
  const n = rows[0]?.n ?? 0;
  return n > TOTAL_CAP ? { total: TOTAL_CAP, exact: false } : { total: n, exact: true };
}

/** Index entries the quick count reads: organisation and practice words repeat across many members. */
const QUICK_ENTRIES = 10 * (TOTAL_CAP + 1);
/** Prefixes up to this long have their member counts precomputed (migration 080). */
const COUNTED_PREFIX_LENGTH = 3;

/**
 * The common type-ahead case (one word, no filter, the public's view) without counting row by row:
 * - the members with a word starting with it: a short prefix's count is precomputed (one row read); a
 *   longer word's is the distinct members among its first 10 x TOTAL_CAP index entries (index-only);
 * - when the word names skills, their holders are matches too: the largest skill's precomputed count
 *   is a lower bound of those, and when neither side passes TOTAL_CAP their union is counted exactly.
 * Returns null when neither is conclusive (the caller then counts the slow way, up to TOTAL_CAP + 1).
 */
async function quickCount(db: Queryable, word: string, skills: string[]): Promise<{ total: number; exact: boolean } | null> {
  let byWords: number | null;
  if (word.length <= COUNTED_PREFIX_LENGTH) {
    const { rows } = await db.query<{ n: number }>(
      `select coalesce((select members from directory_prefix_counts where prefix = $1), 0)::int as n`,
      [word],
    );
    byWords = rows[0]?.n ?? 0;
  } else {
    const { rows } = await db.query<{ entries: number; members: number }>(
      `select count(*)::int as entries, count(distinct member_id)::int as members from (
         select member_id from member_tokens where token >= $1 and token < $2 and listed limit $3) range`,
      [word, `${word}\u{10FFFF}`, QUICK_ENTRIES],
    );
    const { entries = 0, members = 0 } = rows[0] ?? {};
    byWords = members > TOTAL_CAP || entries < QUICK_ENTRIES ? members : null;
  }
  if (byWords !== null && byWords > TOTAL_CAP) return { total: TOTAL_CAP, exact: false };
  if (skills.length === 0) return byWords === null ? null : { total: byWords, exact: true };
  const { rows } = await db.query<{ n: number }>(
    `select coalesce(max(count), 0)::int as n from directory_facet_counts where facet = 'skill' and value = any($1::text[])`,
    [skills],
  );
  if ((rows[0]?.n ?? 0) > TOTAL_CAP) return { total: TOTAL_CAP, exact: false };
  if (byWords === null) return null;
  // Both sides are small (at most TOTAL_CAP members each way): their union, hashed, instead of a
  // per-row "not already matched by a word" probe (300 ms for "mar" on a loaded machine at capacity4dev).
  const union = await db.query<{ n: number }>(
    `select count(*)::int as n from (
       select member_id from member_tokens where token >= $1 and token < $2 and listed
       union
       select member_id from directory_skill_holders where skill_id = any($3::bigint[]) and listed) matches`,
    [word, `${word}\u{10FFFF}`, skills],
  );
  const total = union.rows[0]?.n ?? 0;
  return total > TOTAL_CAP ? { total: TOTAL_CAP, exact: false } : { total, exact: true };
}

/**
 * One row per match of a search (each member once: at its first word, else through a skill), with the
 * member's name (a token row carries it, so a search sorted by name reads no members row for it).
 *
 * `whole`: for a caller that reads every match (a sorted search reading its matches first), each member's
 * token rows are grouped instead of testing per row that no earlier word of the member matched: the
 * range is read once, index-only, and hashed (x100, "he", 44,000 members, sorted by name: 63 ms against
 * 318 ms with the probe, median of 3 warm). A caller that stops early (a count capped at 1,001) keeps the probe, which streams.
 */
export function matchesSql(filter: DirectoryFilter, search: Search, whole = false): string {
  const matching = `from member_tokens t
    where ${search.range('t')} and ${filter.visible('t', 'member_id')} ${andEach(filter.filters('t'))}`;
  const words = whole
    ? `select t.member_id as id, t.name ${matching} and ${search.others('t.member_id')} group by t.member_id, t.name`
    : `select t.member_id as id, t.name ${matching}
      and not exists (select 1 from member_tokens d where d.member_id = t.member_id and ${search.range('d')}
                      and (d.token < t.token or (d.token = t.token and d.kind < t.kind)) ${PROBE_PER_ROW})
      and ${search.others('t.member_id')}`;
  const holders = search.holdersSql();
  return holders ? `${words} union all ${holders}` : words;
}

async function searchPage(
  db: Queryable,
  query: Query,
  viewer: DirectoryViewer,
  communityId: string | null,
  sortFromMatchesMax = SORT_FROM_MATCHES_MAX,
): Promise<MemberPageResult> {
  const lang = query.lang ?? 'en';
  const folding = await queryWords(db, query.q ?? '');
  const { words, folded } = folding;
  if (words.length === 0) return { items: [], next: null, total: 0, totalExact: true };
  const sort = query.sort ?? 'relevance';
  if (sort !== 'relevance') return sortedSearchPage(db, query, viewer, communityId, folding, sort, sortFromMatchesMax);
  const after = relevanceCursor(query.cursor);
  const filter = new DirectoryFilter(query, viewer, communityId);
  const rows = await relevanceHits(db, query, viewer, communityId, folding, after, query.limit + 1);
  const hits = rows.slice(0, query.limit);
  const items = hits.map(toSummary);
  let next: string | null = null;
  const last = hits.at(-1);
  if (rows.length > query.limit && last) {
    next = encodeCursor([last.branch, last.token, last.name, last.id, Search.order(folding, after?.[4])[0] ?? '']);
  }
  let total: number;
  let exact = true;
  if (!after && rows.length <= query.limit) {
    total = rows.length;
    if (folded.length >= FUZZY_MIN_LENGTH && rows.length < query.limit) {
      const fuzzy = await fuzzyHits(
        db,
        query,
        viewer,
        communityId,
        folding,
        hits.map((hit) => hit.id),
        query.limit - rows.length,
      );
      items.push(
        ...(await summaries(
          db,
          fuzzy.map((hit) => hit.id),
          lang,
        )),
      );
      total += fuzzy.length;
    }
  } else {
    const quick =
      !filter.hasFilters && !filter.privateView && words.length === 1 ? await quickCount(db, words[0] ?? '', folding.skills) : null;
    const count = new DirectoryFilter(query, viewer, communityId);
    const counted = quick ?? (await cappedCount(db, matchesSql(count, new Search(count, folding)), count.params.values));
    total = counted.total;
    exact = counted.exact;
  }
  return { items, next, total, totalExact: exact };
}

/**
 * A sorted search whose narrowest word's prefix, with the holders of the skills it names, holds at most
 * this many members reads its matches first and sorts them; a broader one walks the members in sort order
 * and tests each. A walk tests about limit × members ÷ matches rows before its page is full when the
 * matches are spread evenly, but they cluster: names sort by their first word, so the "ib" of Ibrahim
 * is met only past every name from A to H (x100: 60,000 members walked for 25 matches, 1 s; "ew", found
 * nowhere, walked all 1.2 million names, 4-6 s). Reading the matches (`matchesSql(…, whole)`) costs
 * about 1.4 µs per match at x100 (sort=name, median of 3 warm, 2026-12-08, `.tmp/sortcost.ts`): "ib"
 * (25,446) 45 ms, "he" (44,155) 63 ms, "ba" (50,709) 62 ms against 117 walking, "ma" (146,844) 195 ms
 * against 13. A filter makes the walk longer ("he" at GIZ 1.8 s, "ib" in French 2 s; matches 26 and
 * 38 ms), hence three times as many with one ("g" in French, 174,564: 241 ms reading, 22 walking).
 */
const SORT_FROM_MATCHES_MAX = 50_000;

/** A search ordered by name or recent activity: members matching the words or a skill, in that order. */
async function sortedSearchPage(
  db: Queryable,
  query: Query,
  viewer: DirectoryViewer,
  communityId: string | null,
  folding: QueryWords,
  sort: 'name' | 'recent',
  fromMatchesMax: number,
): Promise<MemberPageResult> {
  const filter = new DirectoryFilter(query, viewer, communityId);
  const search = new Search(filter, folding);
  const count = new DirectoryFilter(query, viewer, communityId);
  const counting = { sql: matchesSql(count, new Search(count, folding)), params: count.params.values };
  // A filter makes the walk longer (a member must pass it too: "ma" in Kenya at GIZ, 168 matches, walked
  // the whole network in 1.2 s), so with one the matches are read up to three times as many.
  const readable = filter.hasFilters ? 3 * fromMatchesMax : fromMatchesMax;
  if (Math.min(...folding.breadths) + folding.holders <= readable) {
    // The matches already hold only visible members passing the filters; `offset 0` keeps them a set
    // read once, not a test per member of a walk.
    const matched = `(${matchesSql(filter, search, true)} offset 0) matched`;
    const source =
      sort === 'name'
        ? { from: matched, where: [], key: 'matched.name', id: 'matched.id' }
        : { from: `${matched} join members m on m.id = matched.id`, where: [], key: SORT_KEYS.recent.key, id: 'm.id' };
    return listPage(db, query, filter, communityId, sort, source, counting);
  }
  const skills = search.skillIds();
  const match = skills
    ? `(${search.matchesByWords('m.id')} or exists (select 1 from member_skills ms where ms.member_id = m.id and ms.skill_id = ${skills}))`
    : search.matchesByWords('m.id');
  return listPage(db, query, filter, communityId, sort, membersSource(filter, sort, match), counting);
}

const SORT_KEYS = {
  name: { key: 'm.name', dir: 'asc', shape: 'string' },
  recent: { key: 'coalesce(m.last_active_at, m.created_at)', dir: 'desc', shape: 'timestamp' },
} as const;

/** The rows a listing reads, the conditions they must meet, and its sort key and id columns. */
interface ListSource {
  from: string;
  where: string[];
  key: string;
  id: string;
}

/** Every visible member passing the filters (and `match`), walked in sort order. */
const membersSource = (filter: DirectoryFilter, sort: 'name' | 'recent', match?: string): ListSource => ({
  from: 'members m',
  where: [filter.membersWhere(), ...(match ? [match] : [])],
  key: SORT_KEYS[sort].key,
  id: 'm.id',
});

/** `counting`: a search's matches, counted up to TOTAL_CAP + 1 (a listing's total comes from `listTotal`). */
async function listPage(
  db: Queryable,
  query: Query,
  filter: DirectoryFilter,
  communityId: string | null,
  sort: 'name' | 'recent',
  source: ListSource,
  counting?: { sql: string; params: unknown[] },
): Promise<MemberPageResult> {
  const order = SORT_KEYS[sort];
  const { key, id: idColumn } = source;
  const where = [...source.where];
  const countWhere = [...where];
  const after = decodeCursor(query.cursor, [order.shape === 'timestamp' ? 'timestamp' : 'string', 'string']);
  if (after) {
    const cast = order.shape === 'timestamp' ? '::timestamptz' : '';
    const [value, id] = [filter.params.add(after[0]), filter.params.add(after[1])];
    where.push(
      order.dir === 'asc'
        ? `(${key}, ${idColumn}) > (${value}${cast}, ${id}::bigint)`
        : `(${key} < ${value}${cast} or (${key} = ${value}${cast} and ${idColumn} > ${id}::bigint))`,
    );
  }
  const countParams = [...filter.params.values];
  const { rows } = await db.query<{ id: string; sort_key: string | Date }>(
    `select ${idColumn} as id, ${key} as sort_key from ${source.from} ${where.length ? `where ${where.join(' and ')}` : ''}
     order by ${key} ${order.dir}, ${idColumn} limit ${filter.params.add(query.limit + 1)}`,
    filter.params.values,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const next =
    rows.length > query.limit && last
      ? encodeCursor([last.sort_key instanceof Date ? last.sort_key.toISOString() : last.sort_key, last.id])
      : null;
  let total: { total: number; exact: boolean };
  if (!after && rows.length <= query.limit) total = { total: rows.length, exact: true };
  else if (counting) total = await cappedCount(db, counting.sql, counting.params);
  else total = await listTotal(db, query, filter, communityId, countWhere, countParams);
  return {
    items: await summaries(
      db,
      page.map((row) => row.id),
      query.lang ?? 'en',
    ),
    next,
    total: total.total,
    totalExact: total.exact,
  };
}

/** The number of members a listing without search holds: precomputed for no filter or one public filter. */
async function listTotal(
  db: Queryable,
  query: Query,
  filter: DirectoryFilter,
  communityId: string | null,
  where: string[],
  params: unknown[],
): Promise<{ total: number; exact: boolean }> {
  const single = filter.privateView ? null : await singleFilter(db, query, communityId);
  if (single) {
    const { rows } = await db.query<{ n: number }>(
      `select coalesce((select count from directory_facet_counts where facet = $1 and value = $2), 0)::int as n`,
      [single.facet, single.value],
    );
    return { total: rows[0]?.n ?? 0, exact: true };
  }
  return cappedCount(db, `select m.id from members m where ${where.join(' and ')}`, params);
}

/** The one filter of a listing as a precomputed count's key (public communities only); null with several. */
async function singleFilter(db: Queryable, query: Query, communityId: string | null): Promise<{ facet: string; value: string } | null> {
  const set = (['country', 'language', 'organisation', 'role'] as const).filter((key) => query[key]);
  const others = Number(Boolean(query.skill)) + Number(Boolean(communityId));
  if (set.length + others === 0) return { facet: 'all', value: '' };
  if (set.length + others > 1) return null;
  if (communityId) {
    const { rows } = await db.query<{ public: boolean }>(`select visibility = 'public' as public from communities where id = $1`, [
      communityId,
    ]);
    return rows[0]?.public ? { facet: 'community', value: communityId } : null;
  }
  if (query.skill) {
    const { rows } = await db.query<{ id: string }>('select id from skills where slug = $1', [query.skill]);
    return { facet: 'skill', value: rows[0]?.id ?? '' };
  }
  const key = set[0] ?? 'country';
  return { facet: key, value: query[key] ?? '' };
}

export interface SearchContext {
  viewer: DirectoryViewer;
  /** The `community` filter, already checked as readable by the viewer. */
  communityId: string | null;
  cache?: DirectoryCache | undefined;
  /** Overrides SORT_FROM_MATCHES_MAX (tests compare the two ways of reading a sorted search). */
  sortFromMatchesMax?: number;
}

export async function searchMembers(db: Queryable, query: Query, context: SearchContext): Promise<MemberPageResult> {
  const { viewer, communityId } = context;
  const key = JSON.stringify(['page', query, viewer.privateCommunities, communityId]);
  const compute = async (): Promise<MemberPageResult> => {
    const listing = () => {
      const filter = new DirectoryFilter(query, viewer, communityId);
      const sort = query.sort === 'recent' ? 'recent' : 'name';
      return listPage(db, query, filter, communityId, sort, membersSource(filter, sort));
    };
    const page = query.q ? await searchPage(db, query, viewer, communityId, context.sortFromMatchesMax) : await listing();
    if (query.facets !== 'true') return page;
    // Per keystroke only what is cheap: a search with more than TOTAL_CAP matches counts facets over its
    // first TOTAL_CAP (flagged); GET /members/facets counts them all when typing pauses. So does each set a
    // filter is set aside from: "po" in Senegal has a few matches, but its country counts are over every
    // "po" (656 ms at x100, uncapped).
    const facets = await countFacets(db, query, viewer, communityId, {
      sample: Boolean(query.q) && !page.totalExact,
      ...(query.q ? { countCap: TOTAL_CAP } : {}),
      cache: context.cache,
    });
    return { ...page, facets: facets.facets, facetsExact: facets.exact };
  };
  return context.cache ? cached(context.cache, db, key, compute) : compute();
}
