/**
 * Facet counts of the member directory. "Disjunctive": each facet is counted under every active filter
 * except its own, so after choosing Senegal the country facet still shows how many match in Kenya, while
 * every other facet narrows to Senegal.
 *
 * - No search, no filter, a viewer who sees what the public sees: a read of `directory_facet_counts`,
 *   kept current by triggers (migration 010). Nothing is counted per request.
 * - Otherwise one statement per distinct matching set (the base set, plus one per active filter, set
 *   aside for its own facet), each a single join of the set's ids over `directory_member_facets`: all six
 *   facets in one pass, instead of six statements that each recomputed the set and joined memberships
 *   per row. Results are cached until the read model changes (directory-cache.ts).
 * - A search's set may be sampled (`sample`): its first TOTAL_CAP matches, flagged `exact: false`. The
 *   type-ahead gets cheap counts per keystroke; GET /members/facets counts the whole set when typing pauses.
 */
import type { z } from '@hono/zod-openapi';
import type { Queryable } from '../db/index.ts';
import type { Facets, MemberQuery } from '../contract/members.ts';
import { labelSql } from '../shared/labels.ts';
import { SqlParams } from '../shared/sql.ts';
import { cached, type DirectoryCache } from './directory-cache.ts';
import {
  DirectoryFilter,
  matchesSql,
  queryWords,
  Search,
  TOTAL_CAP,
  type DirectoryViewer,
  type FacetName,
  type QueryWords,
} from './directory.ts';

type Query = z.infer<typeof MemberQuery>;
type FacetsBody = z.infer<typeof Facets>;

const FACET_LIMIT = 20;
const FACETS: FacetName[] = ['community', 'skill', 'country', 'organisation', 'language', 'role'];

interface CountRow {
  facet: FacetName;
  value: string;
  count: number;
}

export interface FacetOptions {
  /** Count a search's first TOTAL_CAP matches only. */
  sample?: boolean;
  /**
   * Count at most this many of a search's matches (GET /members/facets); `exact` is false when there
   * were more. Counting every match of a broad search cost 2-10 s at 1.2 million members ("jo": 82,000
   * matches, 760,000 facet rows).
   */
  countCap?: number;
  cache?: DirectoryCache | undefined;
}

/** GET /members/facets counts a search's first matches up to this many (0120, "What is left"); the contract's MemberFacetsPage names it. */
export const FACETS_COUNT_CAP = 10_000;

export async function countFacets(
  db: Queryable,
  query: Query,
  viewer: DirectoryViewer,
  communityId: string | null,
  options: FacetOptions = {},
): Promise<{ facets: FacetsBody; exact: boolean }> {
  const active = activeFilters(query, communityId);
  const publicView = viewer.privateCommunities.length === 0;
  const compute = async () => {
    let rows: CountRow[];
    let capped = false;
    if (!query.q && active.length === 0 && publicView) {
      rows = await precomputed(db);
    } else {
      // One pass over the base set for every facet without an active filter, one per active filter.
      const groups: [FacetName | undefined, FacetName[]][] = [[undefined, FACETS.filter((f) => !active.includes(f))]];
      for (const facet of active) groups.push([facet, [facet]]);
      const words = query.q ? await queryWords(db, query.q) : null;
      // With one filter and no search, a facet counted without its own filter is the unfiltered count.
      const unfiltered = !query.q && active.length === 1 && publicView;
      const parts = await Promise.all(
        groups
          .filter(([, facets]) => facets.length > 0)
          .map(([except, facets]) =>
            unfiltered && except
              ? precomputed(db).then((all) => all.filter((row) => row.facet === except))
              : countOver(db, query, viewer, communityId, except, facets, words, options.sample ? TOTAL_CAP : options.countCap).then(
                  (counted) => {
                    capped ||= counted.capped;
                    return counted.rows;
                  },
                ),
          ),
      );
      rows = parts.flat();
    }
    return { facets: await labelled(db, rows, query.lang ?? 'en'), exact: !(options.sample && query.q) && !capped };
  };
  if (!options.cache) return compute();
  const key = JSON.stringify([
    'facets',
    query.q ?? '',
    active.map((f) => [f, query[f as keyof Query]]),
    communityId,
    viewer.privateCommunities,
    query.lang ?? 'en',
    Boolean(options.sample),
    options.countCap ?? null,
  ]);
  return cached(options.cache, db, key, compute);
}

function activeFilters(query: Query, communityId: string | null): FacetName[] {
  return FACETS.filter((facet) => (facet === 'community' ? Boolean(communityId) : Boolean(query[facet])));
}

async function precomputed(db: Queryable): Promise<CountRow[]> {
  // Per facet, its first values from the (facet, count desc, value) index.
  const { rows } = await db.query<CountRow>(
    `select f.facet, top.value, top.count from unnest($1::text[]) as f(facet)
     cross join lateral (select value, count from directory_facet_counts c
                         where c.facet = f.facet and c.count > 0 order by c.count desc, c.value limit $2) top`,
    [FACETS, FACET_LIMIT],
  );
  return rows;
}

/** Counts `facets` over the visible members matching the query with the filter `except` set aside. */
async function countOver(
  db: Queryable,
  query: Query,
  viewer: DirectoryViewer,
  communityId: string | null,
  except: FacetName | undefined,
  facets: FacetName[],
  words: QueryWords | null,
  cap: number | undefined,
): Promise<{ rows: CountRow[]; capped: boolean }> {
  const params = new SqlParams();
  const filter = new DirectoryFilter(query, viewer, communityId, except, params);
  // A search's matches are counted up to the cap: one past it says there were more, and is not counted.
  const searched = words && words.words.length > 0 ? words : null;
  const capAt = searched && cap ? cap : undefined;
  const ids = searched
    ? capAt
      ? // Planned without the limit (\`offset 0\`): with it, PostgreSQL read the matches in the search's
        // order and filtered them one by one, and a filter as narrow as a country took over 10 s.
        `select id from (${matchesSql(filter, new Search(filter, searched))} offset 0) matched limit ${capAt + 1}`
      : matchesSql(filter, new Search(filter, searched), true)
    : words
      ? 'select null::bigint as id where false'
      : `select m.id from members m where ${filter.membersWhere()}`;
  const scopedCommunity = except === 'community' ? null : communityId;
  const role = query.role && except !== 'role' ? query.role : null;
  // Stored rows hold public communities and roles there; the rest comes from memberships below.
  const stored = facets.filter((facet) => !(facet === 'role' && scopedCommunity) && !(facet === 'community' && role));
  const extra: string[] = [];
  if (facets.includes('role') && scopedCommunity) {
    // Within a chosen community, a member's role there.
    extra.push(
      `select f.member_id, 'role', f.role from memberships f join s on s.id = f.member_id where f.community_id = ${params.add(scopedCommunity)}`,
    );
  }
  if (facets.includes('community') && role) {
    // The communities where the members hold the chosen role.
    extra.push(`select f.member_id, 'community', f.community_id::text from memberships f join s on s.id = f.member_id
      join communities c on c.id = f.community_id where f.role = ${params.add(role)}
        and (c.visibility = 'public' or c.id = any(${filter.privateCommunitiesParam}::bigint[]))`);
  } else if (facets.includes('community') && viewer.privateCommunities.length > 0) {
    extra.push(`select f.member_id, 'community', f.community_id::text from memberships f join s on s.id = f.member_id
      where f.community_id = any(${filter.privateCommunitiesParam}::bigint[])`);
  }
  if (facets.includes('role') && !scopedCommunity && viewer.privateCommunities.length > 0) {
    extra.push(`select f.member_id, 'role', f.role from memberships f join s on s.id = f.member_id
      where f.community_id = any(${filter.privateCommunitiesParam}::bigint[])`);
  }
  const storedRows = stored.length
    ? `select f.member_id, f.facet, f.value from directory_member_facets f join s on s.id = f.member_id where f.facet = any(${params.add(stored)}::text[])`
    : '';
  const all = [storedRows, ...extra].filter(Boolean);
  // Stored rows are one per member and value; only added rows can repeat one (a role held in two communities).
  const rowsSql = all.join(extra.length ? ' union ' : ' union all ');
  const matches = capAt
    ? `found as materialized (${ids}),
       s as materialized (select id from (select id, row_number() over () as n from found) numbered where n <= ${capAt})`
    : `s as materialized (${ids})`;
  const { rows } = await db.query<CountRow & { capped: boolean | null }>(
    `with ${matches}, r(member_id, facet, value) as (${rowsSql}),
       counted as (select facet, value, count(*)::int as count from r group by facet, value)
     select facet, value, count, ${capAt ? `(select count(*) from found) > ${capAt}` : 'false'} as capped from (
       select *, row_number() over (partition by facet order by count desc, value) as place from counted) ranked
     where place <= ${params.add(FACET_LIMIT)}`,
    params.values,
  );
  return { rows: rows.map(({ facet, value, count }) => ({ facet, value, count })), capped: rows.some((row) => row.capped) };
}

/** API shape: communities and skills by slug with their names, the others as stored. */
async function labelled(db: Queryable, rows: CountRow[], lang: string): Promise<FacetsBody> {
  const communityIds = rows.filter((row) => row.facet === 'community').map((row) => row.value);
  const skillIds = rows.filter((row) => row.facet === 'skill').map((row) => row.value);
  const names = new Map<string, { value: string; label: string }>();
  if (communityIds.length + skillIds.length > 0) {
    const { rows: found } = await db.query<{ key: string; value: string; label: string }>(
      `select 'community:' || id as key, slug as value, name as label from communities where id = any($1::bigint[])
       union all
       select 'skill:' || s.id, s.slug, ${labelSql('s', '$3')} from skills s where s.id = any($2::bigint[])`,
      [communityIds, skillIds, lang],
    );
    for (const row of found) names.set(row.key, { value: row.value, label: row.label });
  }
  const body: FacetsBody = { community: [], skill: [], country: [], organisation: [], language: [], role: [] };
  for (const row of rows) {
    const named =
      row.facet === 'community' || row.facet === 'skill' ? names.get(`${row.facet}:${row.value}`) : { value: row.value, label: row.value };
    if (named) body[row.facet].push({ ...named, count: row.count });
  }
  for (const values of Object.values(body))
    values.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return body;
}
