/** The expert finder's answer: ranked members as cards, each with the evidence that ranks them. */
import type { z } from '@hono/zod-openapi';
import { readableCommunity } from '../communities/access.ts';
import type { ExpertQuery } from '../contract/experts.ts';
import type { ContactChannel } from '../contract/members.ts';
import type { Database, Queryable } from '../db/index.ts';
import { cachedAt, readCache } from '../db/read-cache.ts';
import { summaryColumns, toSummary } from '../members/directory.ts';
import { servedContact } from '../members/contacts.ts';
import { channelShownSql } from '../communities/visibility.ts';
import type { Viewer } from '../shared/viewer.ts';
import { loadTaxonomy, rankExperts, type RankedExpert } from './ranker.ts';
import type { TaxonomySkill } from './skill-match.ts';
import type { ExpertWeights } from './weights.ts';

type Contact = z.infer<typeof ContactChannel>;
type SummaryRow = Parameters<typeof toSummary>[0] & { contact: Contact | null };

/** The label of a skill in `lang`, then its primary subtag, then English, then the slug (as labelSql does). */
function label(skill: TaxonomySkill, lang: string): string {
  return skill.labels[lang] ?? skill.labels[lang.split('-')[0] ?? ''] ?? skill.labels.en ?? skill.slug;
}

/**
 * Cards for the ranked members, with the first contact channel the viewer may use to ask (the
 * profile's rule, communities/visibility.ts).
 */
async function loadCards(db: Queryable, experts: RankedExpert[], viewerId: string | null, lang: string) {
  const { rows } = await db.query<SummaryRow>(
    `select ${summaryColumns('$1')},
       (select json_build_object('kind', cc.kind, 'value', cc.value, 'visibility', cc.visibility) from contact_channels cc
        where cc.member_id = m.id and ${channelShownSql('cc', '$3')}
        order by cc.position, cc.id limit 1) as contact
     from members m where m.id = any($2::bigint[])`,
    [lang, experts.map((expert) => expert.id), viewerId],
  );
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * Decay and load read the clock to the minute: the same question within a minute gives the same bytes, so
 * revalidation (If-None-Match) answers 304 instead of resending a page of evidence, and an answer can be
 * kept.
 */
const minuteOf = (ms: number): Date => new Date(Math.floor(ms / 60_000) * 60_000);

type Answer = Awaited<ReturnType<typeof findExperts>>;

/**
 * The last finished anonymous answer per question and weights, with the minute and the generation it was
 * ranked under, per cache (one per database handle). Bounded like the cache itself.
 */
interface LastAnswer {
  minute: number;
  generation: number;
  answer: Answer;
}
const lastAnswers = new WeakMap<object, Map<string, LastAnswer>>();

/** Runs at most `slots` tasks at once; the others start in the order they came as those finish. */
function concurrencyLimit(slots: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (running >= slots) await new Promise<void>((resolve) => waiting.push(resolve));
      running++;
      try {
        return await task();
      } finally {
        running--;
        waiting.shift()?.();
      }
    },
  };
}

/**
 * Refreshes of answers still being served from the last minute: two at a time leave the rest of the
 * pool (10 connections) to the requests that wait for theirs.
 */
const refreshes = concurrencyLimit(2);
const MAX_LAST_ANSWERS = 5_000;

/**
 * The answer `findExperts` gives, from memory when it can be: an anonymous answer is the same for every
 * reader within a minute until evidence, a member or a community changes (migration 106), so a burst of
 * the same question is ranked once. Signed-in answers (members-only evidence, never oneself) are ranked
 * each time. A cold answer does not wait on this: it is ranked as fast as without it.
 *
 * When only the clock has moved (the next minute, the same generation), the last minute's answer is
 * served while this minute's is ranked in the background, once: the clock changes a score by a factor of
 * 2^(-1 min / 365 days), while ranking every question asked that minute again at once, at the turn of
 * each minute, queued behind each other, was the slowest tail of a steady load (bench/server cycles 50
 * questions: at x100 the 50 rankings held ten clients for most of a second). A change of data still
 * invalidates at once: the generation is part of both checks.
 */
export async function expertAnswer(
  db: Database,
  query: z.infer<typeof ExpertQuery>,
  viewer: Viewer | null,
  weights: ExpertWeights,
  clock: () => number = Date.now,
): Promise<Answer> {
  const now = minuteOf(clock());
  if (viewer) return findExperts(db, query, viewer, weights, now);
  const cache = readCache(db, { channel: 'grove_experts', table: 'expert_generation' });
  const last = lastAnswers.get(cache) ?? new Map<string, LastAnswer>();
  lastAnswers.set(cache, last);
  const question = JSON.stringify([query, weights]);
  const generation = await cache.generation(db);
  const missed = cache.misses;
  const previous = last.get(question);
  const servesLast = previous?.generation === generation && previous.minute === now.getTime() - 60_000;
  const rank = () => findExperts(db, query, null, weights, now);
  const answer = cachedAt(
    cache,
    generation,
    JSON.stringify([query, weights, now]),
    // A refresh nobody waits for: a few at a time, as background work. At the turn of a minute every
    // question asked is refreshed (50 at once in bench/server); as requests they filled the pool and the
    // queue, and a question asked for the first time just then was refused, with all who shared it.
    servesLast ? () => refreshes.run(rank) : rank,
    { background: servesLast },
  ).then((value) => {
    const known = last.get(question);
    if (!known || known.minute <= now.getTime()) {
      last.delete(question);
      last.set(question, { minute: now.getTime(), generation, answer: value });
      if (last.size > MAX_LAST_ANSWERS) last.delete(last.keys().next().value ?? '');
    }
    return value;
  });
  if (servesLast) {
    // This minute's answer goes on being ranked (once, whoever asks meanwhile); its failure is the next asker's.
    answer.catch(() => undefined);
    // Answered from memory: a hit, besides the miss that started this minute's ranking.
    if (cache.misses > missed) cache.hits++;
    return previous.answer;
  }
  return answer;
}

export async function findExperts(
  db: Queryable,
  query: z.infer<typeof ExpertQuery>,
  viewer: Viewer | null,
  weights: ExpertWeights,
  now: Date = minuteOf(Date.now()),
) {
  const { q, community, lang = 'en', limit } = query;
  const viewerId = viewer?.memberId ?? null;
  const scope = community ? await readableCommunity(db, { slug: community }, viewer) : null;
  const taxonomy = await loadTaxonomy(db);
  const bySkillId = new Map(taxonomy.map((skill) => [skill.id, skill]));
  const skillRef = (id: string) => {
    const skill = bySkillId.get(id);
    return skill ? [{ slug: skill.slug, label: label(skill, lang) }] : [];
  };
  const ranked = await rankExperts(db, { q, viewerId, communityId: scope?.id ?? null, limit, weights, now }, taxonomy);
  const cards = ranked.experts.length ? await loadCards(db, ranked.experts, viewerId, lang) : new Map<string, SummaryRow>();
  const topicIds = new Set(ranked.topics.map((topic) => topic.id));
  const items = ranked.experts.flatMap((expert) => {
    const card = cards.get(expert.id);
    if (!card) return [];
    return [
      {
        member: toSummary(card),
        score: expert.score,
        evidence: expert.evidence.map((evidence) => ({
          kind: evidence.kind,
          count: evidence.count,
          share: evidence.share,
          // A post found by its words may sit in a thread on another topic: only the question's topics explain it.
          skills: evidence.skillIds.filter((id) => topicIds.has(id)).flatMap(skillRef),
          items: evidence.items.map((item) => ({ kind: item.refKind, id: item.refId, title: item.title, url: item.url, at: item.at })),
        })),
        recentContributions: expert.recentContributions,
        tempering: { availability: expert.availabilityFactor, load: expert.loadFactor },
        contact: card.contact && servedContact(card.contact),
      },
    ];
  });
  const topics = ranked.topics.flatMap((topic) => skillRef(topic.id).map((ref) => ({ ...ref, strength: topic.strength })));
  return { items, topics };
}
