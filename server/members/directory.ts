/**
 * The member directory query: filters, accent-insensitive typo-tolerant search (pg_trgm over the
 * generated `search_text`, plus skill labels and synonyms in every language), keyset paging and facet
 * counts. Opted-out members are excluded here and nowhere re-added.
 */
import type { z } from '@hono/zod-openapi';
import type { Queryable } from '../db/index.ts';
import { readableCommunitySql } from '../communities/access.ts';
import { decodeCursor, encodeCursor } from '../shared/cursor.ts';
import { labelSql } from '../shared/labels.ts';
import type { Facets, MemberQuery, MemberSummary } from '../contract/members.ts';
import { SqlParams } from '../shared/sql.ts';

type Query = z.infer<typeof MemberQuery>;
type Summary = z.infer<typeof MemberSummary>;

interface Filter {
  params: SqlParams;
  /** The FROM clause: `members m`, joined to the search hits `qc` when searching. */
  from: string;
  where: string;
  /** Relevance expression when searching, else null. */
  score: string | null;
}

/**
 * Search hits with their text relevance, computed once per hit. Each branch can use an index (the
 * trigram GIN index serves both LIKE and `<%`, the word-similarity operator that tolerates typos;
 * member_skills_skill the skill branch), where one OR over members forced a scan computing
 * word_similarity for every member. Text relevance: 1 when the text has the query at the start of a word,
 * 0.75 inside a word, else (a typo) its word similarity, which is computed only for those rows: it
 * costs ~40 µs a row on PGlite. A member found only through a skill gets no text relevance.
 */
function searchHits(q: string): string {
  const normalised = `lower(grove_unaccent(${q}))`;
  return `(select id, max(text_score) as text_score, bool_or(skill_hit) as skill_hit from (
      select id, case
          when search_text like ${normalised} || '%' or search_text like '% ' || ${normalised} || '%' then 1.0
          when search_text like '%' || ${normalised} || '%' then 0.75
          else word_similarity(${normalised}, search_text) end as text_score,
        false as skill_hit
      from members
      where search_text like '%' || ${normalised} || '%' or ${normalised} <% search_text
      union all
      select qs.member_id, 0, true from member_skills qs
      where qs.skill_id in (select qsk.id from skills qsk
        where qsk.label_search like '%' || ${normalised} || '%'
           or ${normalised} = any(qsk.synonyms) or qsk.slug = ${normalised})
    ) hits group by id) qc join members m on m.id = qc.id`;
}

/** Builds the shared FROM and WHERE clauses; `communityId` is already checked as readable by the caller. */
function buildFilter(query: Query, viewerId: string | null, communityId: string | null): Filter {
  const params = new SqlParams();
  const viewer = params.add(viewerId);
  const where = ['not m.directory_opt_out'];
  const role = query.role ? params.add(query.role) : null;
  const inCommunity = communityId ? `and f.community_id = ${params.add(communityId)}` : '';
  // A member shows up only through a community the viewer can see (members-only groups stay private).
  where.push(`exists (select 1 from memberships f join communities fc on fc.id = f.community_id
              where f.member_id = m.id and ${readableCommunitySql('fc', viewer)} ${inCommunity} ${role ? `and f.role = ${role}` : ''})`);
  if (query.skill) {
    where.push(`exists (select 1 from member_skills fs join skills fsk on fsk.id = fs.skill_id
                where fs.member_id = m.id and fsk.slug = ${params.add(query.skill)})`);
  }
  if (query.country) where.push(`m.country = ${params.add(query.country)}`);
  if (query.language) where.push(`${params.add(query.language)} = any(m.languages)`);
  if (query.organisation) where.push(`m.organisation = ${params.add(query.organisation)}`);
  if (!query.q) return { params, from: 'members m', where: where.join(' and '), score: null };
  const q = params.add(query.q);
  // Name prefix bonus: search_text begins with the normalised name, so no unaccent per row is needed.
  const score = `(qc.text_score
      + case when m.search_text like lower(grove_unaccent(${q})) || '%' then 1 else 0 end
      + case when qc.skill_hit then 0.5 else 0 end)::float8`;
  return { params, from: searchHits(q), where: where.join(' and '), score };
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
  sort_key: string | number | null;
}

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
export const summaryColumns = (lang: string): string => `m.id, m.name, grove_avatar_path(m.id, m.avatar_url) as avatar_url, m.practice, m.organisation, m.country, m.languages, m.time_zone, m.availability,
  (select json_agg(json_build_object('slug', s.slug, 'label', ${labelSql('s', lang)}, 'level', ms.level) order by ms.level desc, s.slug)
     from (select * from member_skills x where x.member_id = m.id order by x.level desc, x.skill_id limit 5) ms
     join skills s on s.id = ms.skill_id) as skills`;

export async function searchMembers(
  db: Queryable,
  query: Query,
  viewerId: string | null,
  communityId: string | null,
): Promise<{ items: Summary[]; next: string | null; total: number; facets?: z.infer<typeof Facets> }> {
  const filter = buildFilter(query, viewerId, communityId);
  const { params } = filter;
  const filterParams = [...params.values];
  const sort = query.sort ?? (filter.score ? 'relevance' : 'name');
  const order =
    sort === 'relevance' && filter.score
      ? { key: filter.score, dir: 'desc', shape: 'number' as const }
      : sort === 'recent'
        ? { key: `extract(epoch from coalesce(m.last_active_at, m.created_at))::float8`, dir: 'desc', shape: 'number' as const }
        : { key: 'm.name', dir: 'asc', shape: 'string' as const };
  const after = decodeCursor(query.cursor, [order.shape, 'string']);
  const pageWhere = [filter.where];
  if (after) {
    const [value, id] = [params.add(after[0]), params.add(after[1])];
    const cast = order.shape === 'number' ? '::float8' : '';
    // Ties on the sort key are broken by id ascending in every order.
    pageWhere.push(
      order.dir === 'asc'
        ? `(${order.key}, m.id) > (${value}${cast}, ${id}::bigint)`
        : `(${order.key} < ${value}${cast} or (${order.key} = ${value}${cast} and m.id > ${id}::bigint))`,
    );
  }
  const limit = params.add(query.limit + 1);
  const lang = params.add(query.lang ?? 'en');
  // The page first, then total and facets: keeping one statement per request in the database queue at
  // the start lets 50 concurrent clients fit within the queue instead of being refused with 503.
  const rows = await db.query<SummaryRow>(
    `select ${summaryColumns(lang)}, ${order.key} as sort_key from ${filter.from} where ${pageWhere.join(' and ')}
     order by ${order.key} ${order.dir}, m.id limit ${limit}`,
    params.values,
  );
  const [total, facets] = await Promise.all([
    db.query<{ total: number }>(`select count(*)::int as total from ${filter.from} where ${filter.where}`, filterParams),
    query.facets === 'true' ? countFacets(db, query, viewerId, communityId, query.lang ?? 'en') : Promise.resolve(undefined),
  ]);
  const items = rows.rows.slice(0, query.limit);
  const last = items[items.length - 1];
  return {
    items: items.map(toSummary),
    next: rows.rows.length > query.limit && last ? encodeCursor([last.sort_key, last.id]) : null,
    total: total.rows[0]?.total ?? 0,
    ...(facets ? { facets } : {}),
  };
}

const FACET_LIMIT = 20;

type FacetName = keyof z.infer<typeof Facets>;
type FacetRows = { value: string; label: string; count: number }[];

/**
 * Facet counts are "disjunctive": each facet is counted under every active filter except its own, so
 * after choosing Senegal the country facet still shows how many match in Kenya (what picking Kenya
 * instead would give), while every other facet narrows to Senegal. Each facet therefore has its own
 * matching set; they run as separate statements so each carries only the parameters it uses.
 */
async function countFacets(
  db: Queryable,
  query: Query,
  viewerId: string | null,
  communityId: string | null,
  lang: string,
): Promise<z.infer<typeof Facets>> {
  const facet = async (name: FacetName, group: (p: SqlParams) => string): Promise<FacetRows> => {
    const withoutOwn: Query = { ...query, [name]: undefined };
    const filter = buildFilter(withoutOwn, viewerId, name === 'community' ? null : communityId);
    const { rows } = await db.query<FacetRows[number]>(
      `with matching as (select m.id, m.country, m.organisation, m.languages from ${filter.from} where ${filter.where})
       ${group(filter.params)} order by count desc, value limit ${FACET_LIMIT}`,
      filter.params.values,
    );
    return rows;
  };
  // $1 is always the viewer (buildFilter adds it first): memberships only count in communities they can see.
  const [community, skill, country, organisation, language, role] = await Promise.all([
    facet('community', (p) => {
      const role = query.role ? `and ms.role = ${p.add(query.role)}` : '';
      return `select c.slug as value, c.name as label, count(*)::int as count from matching x
              join memberships ms on ms.member_id = x.id ${role} join communities c on c.id = ms.community_id
              where ${readableCommunitySql('c', '$1')} group by c.slug, c.name`;
    }),
    facet('skill', (p) => {
      const langParam = p.add(lang);
      return `select s.slug as value, ${labelSql('s', langParam)} as label, count(*)::int as count from matching x
              join member_skills ms on ms.member_id = x.id join skills s on s.id = ms.skill_id group by s.slug, s.labels`;
    }),
    facet('country', () => `select country as value, country as label, count(*)::int as count from matching where country is not null group by country`),
    facet('organisation', () => `select organisation as value, organisation as label, count(*)::int as count from matching where organisation <> '' group by organisation`),
    facet('language', () => `select l as value, l as label, count(*)::int as count from matching, unnest(languages) l group by l`),
    // Within a chosen community, a member's role there; across the network, the roles they hold anywhere visible.
    facet('role', (p) => {
      const inCommunity = communityId ? `and ms.community_id = ${p.add(communityId)}` : '';
      return `select ms.role as value, ms.role as label, count(distinct x.id)::int as count from matching x
              join memberships ms on ms.member_id = x.id ${inCommunity} join communities c on c.id = ms.community_id
              where ${readableCommunitySql('c', '$1')} group by ms.role`;
    }),
  ]);
  return { community, skill, country, organisation, language, role };
}
