/**
 * The baseline the ranker is measured against: declared skills only, as a skills directory would answer.
 * It gets the same question understanding (the taxonomy match) and the same eligibility rules, and
 * ranks by declared level times match strength. Ties (there are many: every "expert"-level member of a
 * skill scores the same) are broken in a fixed arbitrary order, md5 of the id, so that neither the
 * seed's id order nor names favour anyone.
 */
import type { Queryable } from '../db/index.ts';
import { matchSkills, type TaxonomySkill } from './skill-match.ts';

export async function rankByDeclaredSkills(
  db: Queryable,
  request: { q: string; viewerId: string | null; limit: number },
  taxonomy: readonly TaxonomySkill[],
): Promise<string[]> {
  const topics = matchSkills(request.q, taxonomy);
  if (topics.length === 0) return [];
  const { rows } = await db.query<{ id: string }>(
    `select m.id from members m
     join member_skills ms on ms.member_id = m.id
     join unnest($1::bigint[], $2::float8[]) as t(skill_id, strength) on t.skill_id = ms.skill_id
     where not m.directory_opt_out and m.availability <> 'unavailable'
       and exists (select 1 from memberships f join communities c on c.id = f.community_id where f.member_id = m.id
                   and (c.visibility = 'public' or exists (select 1 from memberships v where v.community_id = c.id and v.member_id = $3::bigint)))
     group by m.id
     order by sum(t.strength * ms.level) desc, md5(m.id::text)
     limit $4`,
    [topics.map((t) => t.id), topics.map((t) => t.strength), request.viewerId, request.limit],
  );
  return rows.map((row) => row.id);
}
