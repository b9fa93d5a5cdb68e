/**
 * A slower post rate for new accounts (docs/decisions/0181-premoderation.md): accounts younger than a day,
 * or with fewer than 3 published posts anywhere, may write only so many posts per 10 minutes. Counted
 * from the posts themselves, so every server instance agrees without a shared bucket, and the answer's
 * Retry-After is exact: when the oldest post of the window leaves it.
 */
import type { Queryable } from '../db/index.ts';
import { HttpProblem } from '../shared/problem.ts';

export const NEW_ACCOUNT_HOURS = 24;
export const NEW_ACCOUNT_PUBLISHED_POSTS = 3;
const WINDOW_MINUTES = 10;

/** 429 with Retry-After when a new account has used its posts of the last 10 minutes; `perWindow` 0 turns it off. */
export async function assertPostRate(db: Queryable, memberId: string, perWindow: number): Promise<void> {
  if (perWindow <= 0) return;
  const { rows } = await db.query<{ is_new: boolean; recent: number; retry_after: number | null }>(
    `with recent as (
       select created_at from posts where author_id = $1 and created_at > now() - make_interval(mins => $2) order by created_at desc limit $3
     )
     select (m.created_at > now() - make_interval(hours => $4)
             or (select count(*) from posts p where p.author_id = m.id and not p.held and not p.hidden) < $5) as is_new,
            (select count(*)::int from recent) as recent,
            (select ceil(extract(epoch from min(created_at) + make_interval(mins => $2) - now()))::int from recent) as retry_after
     from members m where m.id = $1`,
    [memberId, WINDOW_MINUTES, perWindow, NEW_ACCOUNT_HOURS, NEW_ACCOUNT_PUBLISHED_POSTS],
  );
  const row = rows[0];
  if (!row?.is_new || row.recent < perWindow) return;
  const wait = Math.max(1, row.retry_after ?? 1);
  throw new HttpProblem(429, `New accounts may write ${perWindow} posts per ${WINDOW_MINUTES} minutes; try again in ${wait} s`, {
    type: 'new-account-rate-limited',
    headers: { 'retry-after': String(wait) },
  });
}
