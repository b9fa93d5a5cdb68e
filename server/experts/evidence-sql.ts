/**
 * The ranking statement (document-centred expert finding, Balog et al.'s model 2): find the posts,
 * events, endorsements, declared skills and profiles relevant to the question, credit them to their
 * members with a relevance and an age decay, and add the masses up per kind of evidence. Only evidence
 * in communities the viewer can read counts (a members-only group's answers never surface to outsiders)
 * and only members the directory would show are candidates: opted-out and unavailable members never are.
 *
 * Parameters, in the order `rankExperts` (ranker.ts) passes them:
 *   $1 skill ids, $2 their match strengths, $3 one tsquery per skill (its labels and synonyms in every
 *   language), $4 one tsquery per content word, $5 the union of all of them, $6 viewer, $7 community,
 *   $8 now, $9/$10 evidence kinds and weights, $11 half-life, $12 endorsement half-life,
 *   $13 candidate pool, $14 limited-availability factor, $15 free load, $16 load penalty, $17 load window (days),
 *   $18 limit, $19 the candidates (CANDIDATES_SQL): only their evidence is gathered, $20 the shortlist
 *   (the best of the tempered pool) whose posts matched by the question's words are read, $21 what a post
 *   of a topic named in part must match to weigh more than the topic's strength (or null).
 */

/** Relevance of a text vector `v` to the question: the strongest skill it names, or the share of the question's words it has. */
const textRelevance = (v: string): string => `greatest(
    coalesce((select max(s.strength) from unnest($3::tsquery[], $2::float8[]) as s(q, strength) where ${v} @@ s.q), 0),
    coalesce((select count(*)::float8 from unnest($4::tsquery[]) as w(q) where ${v} @@ w.q) / nullif(cardinality($4::tsquery[]), 0), 0))`;

/** The share of the question's words the text vector `v` has. */
const wordShare = (v: string): string =>
  `coalesce((select count(*)::float8 from unnest($4::tsquery[]) as w(q) where ${v} @@ w.q) / nullif(cardinality($4::tsquery[]), 0), 0)`;

/**
 * The topics of the question the text vector `v` names, in one pass over them: the strongest one's
 * strength (null when none) and id. For a row where that strength is 1 the relevance is 1 whatever its
 * words (their share is at most 1), so the words are matched only for the others. `textRelevance` and
 * `matchedSkill` together match every topic twice and every word once per row: on the hundreds of events
 * a prolific organiser leads (700 each for the six planted monitoring-and-evaluation experts at x100),
 * those matches were most of the ranking's time.
 */
const skillsMatched = (v: string): string => `(
    select max(s.strength) as strength, (array_agg(s.skill_id order by s.strength desc, s.skill_id))[1] as skill_id
    from unnest($1::bigint[], $3::tsquery[], $2::float8[]) as s(skill_id, q, strength) where ${v} @@ s.q)`;

/** The strongest topic of the question that the text vector `v` names, to say what a post or event was about. */
const matchedSkill = (
  v: string,
): string => `(select s.skill_id from unnest($1::bigint[], $3::tsquery[], $2::float8[]) as s(skill_id, q, strength)
    where ${v} @@ s.q order by s.strength desc, s.skill_id limit 1)`;

/**
 * Each member's raw score from evidence rows (\`member_id, kind, …, mass\`): per kind of evidence, its
 * weight times the log of one plus the kind's summed mass, added up.
 */
const rawScores = (rows: string): string => `
      select ms.member_id, sum(w.weight * ln(1 + ms.mass)) as raw
      from (select member_id, kind, sum(mass) as mass from ${rows} group by member_id, kind) ms
      join unnest($9::text[], $10::float8[]) as w(kind, weight) on w.kind = ms.kind
      group by ms.member_id`;

const decay = (at: string, halfLife: string): string =>
  `exp(-ln(2) * greatest(0, extract(epoch from ($8::timestamptz - ${at})) / 86400) / ${halfLife})`;

/** Columns of one evidence row, in the order every branch of `evidence` selects them. */
const threadColumns = `t.topic_skill_id as skill_id, 'thread' as ref_kind, t.id as ref_id, t.title, t.page_key as url, p.created_at as at`;
const postKind = `case when t.accepted_post_id = p.id then 'accepted-answer'
    when t.kind = 'question' and p.author_id is distinct from t.created_by then 'answer' else 'post' end`;

/**
 * The decay of a topic group at the clock: its stored mass (migration 092, at the epoch and the default
 * half-life of 365 days) times the clock's factor.
 */
const groupDecay = `power(2::float8, -extract(epoch from ($8::timestamptz - grove_expert_epoch())) / 86400 / 365)`;

/**
 * Communities whose evidence the viewer ($6) may not read: the non-public ones they are not a member of
 * (3,300 of 32,500 at x100, from a partial index). Evidence is kept when its community is not among them,
 * a hashed lookup per row; the set of every readable community (29,000) made the planner read every event
 * of each to find the candidates' few, and a probe of communities per row cost 3 page reads each.
 */
const hidden = `hidden(id) as (
    select c.id from communities c
    where c.visibility <> 'public' and not exists (select 1 from memberships vm where vm.community_id = c.id and vm.member_id = $6::bigint)
  )`;
const readable = (communityId: string): string => `${communityId} not in (select id from hidden)`;

export const RANK_SQL = `
with scope(id) as (select community_id from community_tree where ancestor_id = $7::bigint),
  ${hidden},
  topic as (select * from unnest($1::bigint[], $2::float8[]) as t(skill_id, strength)),
  -- Posts in threads on a matched topic: the thread's topic says what they are about. Read as a few rows
  -- per candidate (migration 092, from the index of migration 105). A group is exact from its stored mass
  -- (\`base\`) when the half-life is the stored one and no post is later than the clock; other groups are
  -- read post by post.
  topic_groups as (
    select x.member_id, x.kind, x.skill_id, x.community_id, x.n, x.mass, tp.strength,
      ($11::float8 = 365 and x.latest_at <= $8::timestamptz) as base
    from expert_post_mass x join topic tp on tp.skill_id = x.skill_id
    where x.member_id = any($19::bigint[]) and ${readable('x.community_id')}
  ),
  -- The groups read post by post: each candidate's posts once, by author (a few hundred for the most
  -- prolific), with their threads (\`offset 0\` keeps that order), kept when they fall in one of the
  -- candidate's groups (a short list per candidate). Driven from the groups, the planner read every thread
  -- of each group's community on the topic and every post of those threads (1.7 million probes, 55 s at
  -- x100 for "irrigation"); joined to the groups, it scanned them once per post (52 million comparisons).
  unstored_groups as (
    select member_id, array_agg(concat_ws('/', skill_id, community_id, kind)) as keys
    from topic_groups where not base group by member_id
  ),
  topic_posts as (
    select pt.member_id, pt.kind,
      case when tp.strength >= 1 then 1 else greatest(tp.strength, ${textRelevance('pt.search_vector')}) end as relevance,
      ${decay('pt.at', '$11::float8')} as decay, pt.skill_id, pt.ref_kind, pt.ref_id, pt.title, pt.url, pt.at
    from unstored_groups c
    cross join lateral (
      select p.author_id as member_id, ${postKind} as kind, p.search_vector, ${threadColumns}
      from posts p join threads t on t.id = p.thread_id
      where p.author_id = c.member_id and not p.hidden and not p.deleted and t.topic_skill_id = any($1::bigint[])
        and concat_ws('/', t.topic_skill_id, t.community_id, ${postKind}) = any(c.keys)
      offset 0
    ) pt
    join topic tp on tp.skill_id = pt.skill_id
  ),
  -- A topic the question names only in part ("irrigation" is half of "drip irrigation", strength 1/4):
  -- a post of its group weighs the strength, or more when its own text names a stronger topic of the
  -- question or holds a share of its words above the strength. A post that does neither (most replies
  -- never repeat the topic's name) weighs the strength exactly, so the group counts as its stored mass
  -- times the strength (\`known\`), plus what each post that can weigh more adds above that. Only those
  -- are matched: $21 is the question's words and its topics stronger than the weakest, which is cheaper
  -- to match than every topic's names in four languages (a post is read in any case, to match it). Each
  -- post's thread is probed once (\`offset 0\`), and its relevance computed once, before any join.
  partial_groups as (
    select member_id, array_agg(concat_ws('/', skill_id, community_id, kind)) as keys
    from topic_groups where base and strength < 1 group by member_id
  ),
  partial_matched as materialized (
    select p.id, p.author_id, p.created_at, t.topic_skill_id, t.community_id,
      ${postKind} as kind,
      ${textRelevance('p.search_vector')} as relevance
    from posts p
    cross join lateral (select * from threads t where t.id = p.thread_id offset 0) t
    where p.author_id = any((select array_agg(member_id) from partial_groups)::bigint[])
      and p.search_vector @@ $21::tsquery and not p.hidden and not p.deleted and t.topic_skill_id = any($1::bigint[])
  ),
  topic_corrections as (
    select p.author_id as member_id, p.kind, p.topic_skill_id as skill_id,
      (p.relevance - tp.strength) * ${decay('p.created_at', '$11::float8')} as extra
    from partial_matched p
    join topic tp on tp.skill_id = p.topic_skill_id
    join partial_groups g on g.member_id = p.author_id
    where p.relevance > tp.strength and concat_ws('/', p.topic_skill_id, p.community_id, p.kind) = any(g.keys)
  ),
  -- Every candidate's other evidence: events they led on the question's words (a dozen per candidate,
  -- from their organiser index), endorsements, declared skills, and the profile (read with the member).
  member_items as (
    select e.organiser_id as member_id, 'event-led' as kind,
      case when sk.strength >= 1 then 1 else greatest(coalesce(sk.strength, 0), ${wordShare('e.search_vector')}) end as relevance,
      ${decay('e.starts_at', '$11::float8')} as decay, sk.skill_id,
      'event' as ref_kind, e.id as ref_id, e.title, null as url, e.starts_at as at
    from events e
    cross join lateral ${skillsMatched('e.search_vector')} sk
    where e.organiser_id = any($19::bigint[]) and not e.cancelled and ${readable('e.community_id')}
      and (sk.strength is not null or e.search_vector @@ $5::tsquery)
    union all
    select en.member_id, 'endorsement', tp.strength, ${decay('en.created_at', '$12::float8')},
      en.skill_id, null, null, null, null, en.created_at
    from endorsements en join topic tp on tp.skill_id = en.skill_id where en.member_id = any($19::bigint[])
    union all
    select ms.member_id, 'declared-skill', tp.strength * ms.level / 4.0, 1, ms.skill_id, null, null, null, null, null
    from member_skills ms join topic tp on tp.skill_id = ms.skill_id where ms.member_id = any($19::bigint[])
    union all
    select m.id, 'profile', case when sk.strength >= 1 then 1 else greatest(coalesce(sk.strength, 0), ${wordShare('m.profile_vector')}) end,
      1, sk.skill_id, null, null, null, null, null
    from members m cross join lateral ${skillsMatched('m.profile_vector')} sk
    where m.id = any($19::bigint[]) and (sk.strength is not null or m.profile_vector @@ $5::tsquery)
  ),
  -- Per member, kind and skill: how many items and their mass at the clock.
  known as (
    select member_id, kind, skill_id, n, least(strength, 1) * mass * ${groupDecay} as mass from topic_groups where base
    union all
    select member_id, kind, skill_id, 0, extra from topic_corrections
    union all
    select member_id, kind, skill_id, 1, relevance * decay from topic_posts where relevance > 0
    union all
    select member_id, kind, skill_id, 1, relevance * decay from member_items where relevance > 0
  ),
  eligible as (
    select m.id, m.availability from members m
    where m.id = any($19::bigint[]) and not m.directory_opt_out and m.availability <> 'unavailable'
      and m.id is distinct from $6::bigint -- the asker is never their own expert
      and exists (select 1 from memberships f where f.member_id = m.id and ${readable('f.community_id')}
                  and ($7::bigint is null or f.community_id in (select id from scope)))
  ),
  -- The pool tempering draws from, best first on that evidence (a candidate found only by the words of
  -- their posts or events has none yet, and is in the pool when fewer members have some).
  pool as (
    select g.id as member_id, coalesce(k.raw, 0) as raw
    from eligible g left join (${rawScores('known')}) k on k.member_id = g.id
    order by raw desc, g.id
    limit $13
  ),
  tempering as (
    select p.member_id, p.raw, recent,
      case when g.availability = 'limited' then $14::float8 else 1 end as availability_factor,
      1 / (1 + $16::float8 * greatest(0, recent - $15::float8)) as load_factor
    from pool p join eligible g on g.id = p.member_id
    cross join lateral (
      select count(*)::int as recent from participation_facts pf where pf.member_id = p.member_id and pf.kind in ('post', 'answer')
        and pf.occurred_at > $8::timestamptz - make_interval(days => $17::int) and pf.occurred_at <= $8::timestamptz
    ) r
  ),
  -- Posts outside the topic's threads that hold a word of the question are read for the shortlist only:
  -- the best $20 of the pool as tempered so far. For every candidate they were most of the statement's
  -- reads (the candidates' posts intersected with every post holding a word as common as "evaluation",
  -- 30,000 pages at x100, then each post's thread); they add to a member's score, so they can reorder
  -- the members near the top but not bring in one from far below.
  shortlist as (
    select member_id from tempering order by raw * availability_factor * load_factor desc, member_id limit $20
  ),
  word_matched as materialized (
    select p.id, p.author_id, p.thread_id, p.created_at, p.search_vector
    from shortlist s join posts p on p.author_id = s.member_id
    where p.search_vector @@ $5::tsquery and not p.hidden and not p.deleted
  ),
  word_posts as (
    select p.author_id as member_id, ${postKind} as kind, ${textRelevance('p.search_vector')} as relevance,
      ${decay('p.created_at', '$11::float8')} as decay,
      ${matchedSkill('p.search_vector')} as skill_id, 'thread' as ref_kind, t.id as ref_id, t.title, t.page_key as url, p.created_at as at
    from word_matched p
    -- A probe per post (offset 0 keeps it one): as a join the planner hashed every thread of the network.
    cross join lateral (select * from threads t where t.id = p.thread_id offset 0) t
    where ${readable('t.community_id')} and (t.topic_skill_id is null or t.topic_skill_id not in (select skill_id from topic))
  ),
  -- The items that explain a member besides their topic posts: events led and posts found by words.
  items_evidence as (select * from member_items where ref_id is not null union all select * from word_posts),
  evidence as (
    select e.* from known e join shortlist using (member_id)
    union all
    select member_id, kind, skill_id, 1, relevance * decay from word_posts where relevance > 0
  ),
  top as (
    select t.member_id, r.raw, t.recent, t.availability_factor, t.load_factor,
      r.raw * t.availability_factor * t.load_factor as score
    from tempering t
    join (${rawScores('evidence')}) r using (member_id)
    -- A member whose every kind of evidence weighs nothing (a weight set to 0) is not an expert.
    where r.raw > 0
    order by score desc, t.member_id limit $18
  ),
  per_kind as (
    select e.member_id, e.kind, sum(e.n)::int as n, sum(e.mass) as mass,
      coalesce(array_agg(distinct e.skill_id) filter (where e.skill_id is not null), '{}') as skills
    from evidence e join top using (member_id) group by e.member_id, e.kind
  ),
  -- The threads and events that explain the few members shown, post by post.
  top_items as materialized (
    select p.author_id as member_id, ${postKind} as kind, 'thread' as ref_kind, t.id as ref_id, t.title, t.page_key as url, p.created_at as at,
      case when tp.strength >= 1 then 1 else greatest(tp.strength, ${textRelevance('p.search_vector')}) end
        * ${decay('p.created_at', '$11::float8')} as weight
    from top
    join posts p on p.author_id = top.member_id
    join threads t on t.id = p.thread_id
    join topic tp on tp.skill_id = t.topic_skill_id
    where not p.hidden and not p.deleted and ${readable('t.community_id')}
    union all
    select e.member_id, e.kind, e.ref_kind, e.ref_id, e.title, e.url, e.at, e.relevance * e.decay
    from items_evidence e join top using (member_id) where e.relevance > 0 and e.ref_id is not null
  ),
  -- Up to three threads or events per kind, each once however many of the member's posts it holds (and
  -- a title once: generated and real networks alike repeat titles such as "Reflections after the event").
  items as materialized (
    select member_id, kind, json_agg(json_build_object('ref_kind', ref_kind, 'ref_id', ref_id, 'title', title, 'url', url, 'at', at)
             order by weight desc, at desc, ref_id) as items
    from (
      select *, row_number() over (partition by member_id, kind order by weight desc, at desc, ref_id) as place
      from (
        select distinct on (member_id, kind, title) member_id, kind, ref_kind, ref_id, title, url, at, weight
        from top_items where weight > 0
        order by member_id, kind, title, weight desc, at desc, ref_id
      ) distinct_refs
    ) placed
    where place <= 3
    group by member_id, kind
  )
select t.member_id as id, t.raw, t.availability_factor, t.load_factor, t.recent, t.score,
  (select json_agg(json_build_object('kind', k.kind, 'count', k.n, 'mass', k.mass, 'skills', k.skills, 'items', coalesce(i.items, '[]')))
   from per_kind k left join items i on i.member_id = k.member_id and i.kind = k.kind
   where k.member_id = t.member_id) as evidence
from top t
order by t.score desc, t.member_id`;

/** How many of the newest profiles or posts are searched in order before their full-text index is used. */
const RECENT_WINDOW = 20_000;

/**
 * Up to $5 members (`member`, a column of `table`) whose `vector` matches the question's words, newest
 * first: within the newest RECENT_WINDOW rows, then, only when those held fewer, from the rest through
 * the index (\`offset 0\` keeps the planner from walking the whole table newest first instead). `when` gates
 * the whole read.
 */
const newestMatches = (table: string, member: string, vector: string, when = 'true'): string => `
    with recent as (
      select r.${member} as member_id, r.id from ${table} r
      where $2::tsquery is not null and ${when} and r.id > (select max(id) from ${table}) - ${RECENT_WINDOW}
        and r.${vector} @@ $2::tsquery
      order by r.id desc limit $5
    )
    select member_id from recent
    union all
    (select member_id from (
       select o.${member} as member_id, o.id from ${table} o
       where $2::tsquery is not null and ${when} and (select count(*) from recent) < $5
         and o.id <= (select max(id) from ${table}) - ${RECENT_WINDOW} and o.${vector} @@ $2::tsquery
       offset 0) older
     order by id desc limit $5 - (select count(*) from recent))`;

/**
 * The members worth ranking (migration 012): for each matched skill the best standings among members
 * who could be listed (in the community's scope when one is given), and those whose profile, events or
 * posts match the question's words, a bounded number of each. Parameters: $1 skill ids, $2 the union
 * tsquery, $3 community (or null), $4 per-skill count, $5 per-source count of word matches, $6 the pool.
 *
 * Word matches are read in a fixed order (the newest first), so that the same question always considers
 * the same members: without one, which hundred of the matches came first depended on the plan. Events
 * and posts are searched only when the skills and profiles found fewer members than the pool holds: the
 * ranking reads text evidence for the pool's best only (RANK_SQL), so with a full pool a member found
 * only through a post would never be ranked, and the ordered read of a common word's posts is the
 * costliest read there is (at x100, 210,000 posts scanned newest first to find 100 with "policy").
 *
 * Profiles are read newest first within the newest 20,000 (RECENT_WINDOW), and through their full-text
 * index only when that window holds too few: newest first alone walks every row for a word nobody wrote
 * (1.2 million profiles at x100, 1.4 s for "rice"); the index alone reads every match before sorting
 * (0.8 s for the 25,000 profiles with "water"). A word common enough to matter fills from the window; one
 * too rare to has few matches, which the index reads at once. The result is the same: the newest matches.
 * Posts, a last resort, are searched among the newest 20,000 only (2.3 million walked for "rice", 3.4 s;
 * a fallback to their index as for profiles made PostgreSQL plan parallel workers, whose start cost
 * 150 ms even when the fallback was not needed).
 */
export const CANDIDATES_SQL = `
with scope(id) as (select community_id from community_tree where ancestor_id = $3::bigint),
  by_skill as (
    select s.member_id from unnest($1::bigint[]) as t(skill_id)
    cross join lateral (
      select x.member_id from expert_standing x join members m on m.id = x.member_id
      where x.skill_id = t.skill_id and not m.directory_opt_out and m.availability <> 'unavailable'
        and ($3::bigint is null or exists (select 1 from memberships f where f.member_id = x.member_id and f.community_id in (select id from scope)))
      order by x.score desc, x.member_id limit $4
    ) s
  ),
  by_profile as (
    ${newestMatches('members', 'id', 'profile_vector')}
  ),
  enough as (select count(distinct member_id) >= $6::int as filled from (select member_id from by_skill union all select member_id from by_profile) c),
  by_text as (
    (select e.organiser_id as member_id from events e
     where $2::tsquery is not null and not (select filled from enough) and e.search_vector @@ $2::tsquery order by e.id desc limit $5)
    union all
    (select p.author_id from posts p
     where $2::tsquery is not null and not (select filled from enough) and p.id > (select max(id) from posts) - ${RECENT_WINDOW}
       and p.search_vector @@ $2::tsquery order by p.id desc limit $5)
  )
select coalesce(array_agg(distinct member_id), '{}') as ids
from (select member_id from by_skill union all select member_id from by_profile union all select member_id from by_text) c`;

/**
 * Turns skill terms and question words into tsqueries with the database's own parser ('simple' with
 * unaccent, as the post and event vectors are built), so that hyphens and apostrophes split the same way.
 * One row per skill (`i` indexes $2's skills; its terms OR-ed) and one per word (`i` is null).
 *
 * A word also matches through its stems in the network's languages (PostgreSQL's english, french,
 * spanish and arabic configurations), each as a prefix when four letters or longer (single letters, as in "m&e", are dropped): "harvesting" finds
 * "harvest", "irrigations" finds "irrigation", "بالتنقيط" finds "تنقيط". The stored vectors stay
 * language-neutral ('simple'), so a question in one language still finds words shared with another.
 */
export const TSQUERY_SQL = `
select i, string_agg('(' || phraseto_tsquery('simple', grove_unaccent(lower(term)))::text || ')', ' | ') as q
from unnest($1::text[], $2::int[]) as s(term, i)
where phraseto_tsquery('simple', grove_unaccent(lower(term)))::text <> ''
group by i
union all
select null, to_tsquery('simple', string_agg(distinct
    quote_literal(lexeme) || case when char_length(lexeme) >= 4 then ':*' else '' end, ' | '))::text
from unnest($3::text[]) with ordinality as w(word, n)
cross join unnest(array['simple', 'english', 'french', 'spanish', 'arabic']::regconfig[]) as c(config)
cross join unnest(tsvector_to_array(to_tsvector(c.config, grove_unaccent(lower(w.word))))) as l(lexeme)
where char_length(l.lexeme) >= 2
group by w.n`;
