/** The skill taxonomy members describe themselves with, labelled in every language it has. */
import type { z } from '@hono/zod-openapi';
import type { Skill } from '../contract/skills.ts';
import type { Queryable } from '../db/index.ts';
import { decodeCursor, encodeCursor } from '../shared/cursor.ts';
import { labelSql } from '../shared/labels.ts';

interface SkillRow {
  slug: string;
  label: string;
  labels: Record<string, string>;
  parent: string | null;
  synonyms: string[];
  member_count: number;
}

/** Skills by slug; `q` matches labels in any language and synonyms, accent-insensitively. */
export async function listSkills(
  db: Queryable,
  query: { q?: string | undefined; lang?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<{ items: z.infer<typeof Skill>[]; next: string | null }> {
  const { q, lang, cursor, limit } = query;
  const after = decodeCursor(cursor, ['string']);
  const params: unknown[] = [lang ?? 'en', limit + 1];
  const where: string[] = [];
  if (q) {
    const p = `$${params.push(`%${q.toLowerCase()}%`)}`;
    where.push(`(s.label_search like grove_unaccent(${p})
                or exists (select 1 from unnest(s.synonyms) syn where grove_unaccent(syn) like grove_unaccent(${p})))`);
  }
  if (after) where.push(`s.slug > $${params.push(after[0])}`);
  const { rows } = await db.query<SkillRow>(
    `select s.slug, ${labelSql('s', '$1')} as label, s.labels, p.slug as parent, s.synonyms,
            -- The directory's own count for this skill (migration 010, kept current on writes): what
            -- filtering the directory by it finds. Counted here, it joined every holder of the skill
            -- to members: over 10 s a page at 1.2 million members.
            coalesce((select c.count from directory_facet_counts c where c.facet = 'skill' and c.value = s.id::text), 0) as member_count
     from skills s left join skills p on p.id = s.parent_id
     ${where.length ? `where ${where.join(' and ')}` : ''}
     order by s.slug limit $2`,
    params,
  );
  const items = rows.slice(0, limit).map((row) => ({
    slug: row.slug,
    label: row.label,
    labels: row.labels,
    parent: row.parent,
    synonyms: row.synonyms,
    memberCount: row.member_count,
  }));
  const last = items[items.length - 1];
  return { items, next: rows.length > limit && last ? encodeCursor([last.slug]) : null };
}
