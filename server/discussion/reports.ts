/**
 * The facilitators' moderation queue: reports on posts in their community, and resolving them.
 * Only facilitators of the post's community see or resolve reports; a members-only community stays a
 * 404 to outsiders, as everywhere else.
 */
import type { z } from '@hono/zod-openapi';
import { assertFacilitator, readableCommunity } from '../communities/access.ts';
import type { QueuedReport } from '../contract/reports.ts';
import type { Database, Queryable } from '../db/index.ts';
import type { MailContext } from '../mail/compose.ts';
import { mailHiddenPost } from '../mail/notify.ts';
import { decodeCursor, encodeCursor } from '../shared/cursor.ts';
import { HttpProblem, notFound } from '../shared/problem.ts';
import type { Viewer } from '../shared/viewer.ts';
import { memberRef, presenceSql, type Presence } from '../communities/visibility.ts';
import { recordModeration } from '../communities/moderation-log.ts';
import { notifyPostChange, requireThread } from './threads.ts';
import { retractPostFacts } from '../participation/facts.ts';

interface QueueRow {
  id: string;
  reason: string;
  created_at: Date;
  resolved_at: Date | null;
  reporter_id: string;
  reporter_name: string;
  reporter_avatar: string | null;
  resolver_id: string | null;
  resolver_name: string | null;
  resolver_avatar: string | null;
  resolver_presence: Presence | null;
  reporter_presence: Presence;
  post_id: string;
  thread_id: string;
  thread_title: string;
  author_id: string;
  author_name: string;
  author_avatar: string | null;
  author_presence: Presence;
  body_md: string;
  hidden: boolean;
  deleted: boolean;
  open_reports: number;
}

const QUEUE_SELECT = `
  select r.id, r.reason, r.created_at, r.resolved_at,
         rep.id as reporter_id, rep.name as reporter_name, grove_avatar_path(rep.id, rep.avatar_url) as reporter_avatar, ${presenceSql('rep')} as reporter_presence,
         res.id as resolver_id, res.name as resolver_name, grove_avatar_path(res.id, res.avatar_url) as resolver_avatar, ${presenceSql('res')} as resolver_presence,
         p.id as post_id, t.id as thread_id, t.title as thread_title,
         a.id as author_id, a.name as author_name, grove_avatar_path(a.id, a.avatar_url) as author_avatar, ${presenceSql('a')} as author_presence, p.body_md, p.hidden, p.deleted,
         (select count(*)::int from reports o where o.post_id = p.id and o.resolved_at is null) as open_reports
  from reports r
  join posts p on p.id = r.post_id
  join threads t on t.id = p.thread_id
  join members rep on rep.id = r.reporter_id
  join members a on a.id = p.author_id
  left join members res on res.id = r.resolved_by`;

function toQueued(row: QueueRow): z.infer<typeof QueuedReport> {
  return {
    id: row.id,
    reason: row.reason,
    reporter: memberRef(row.reporter_id, row.reporter_name, row.reporter_avatar, row.reporter_presence),
    createdAt: row.created_at.toISOString(),
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    resolvedBy: row.resolver_id
      ? memberRef(row.resolver_id, row.resolver_name ?? '', row.resolver_avatar, row.resolver_presence ?? 'listed')
      : null,
    post: {
      id: row.post_id,
      thread: row.thread_id,
      threadTitle: row.thread_title,
      author: memberRef(row.author_id, row.author_name, row.author_avatar, row.author_presence),
      bodyMd: row.deleted ? '' : row.body_md,
      hidden: row.hidden,
      deleted: row.deleted,
      openReports: row.open_reports,
    },
  };
}

async function loadReport(db: Queryable, id: string): Promise<QueueRow | undefined> {
  const { rows } = await db.query<QueueRow>(`${QUEUE_SELECT} where r.id = $1`, [id]);
  return rows[0];
}

/** A page of a community's reports, for its facilitators. */
export async function listReports(
  db: Queryable,
  slug: string,
  viewer: Viewer,
  query: { status: 'open' | 'resolved'; cursor?: string | undefined; limit: number },
): Promise<{ items: z.infer<typeof QueuedReport>[]; next: string | null }> {
  const access = await readableCommunity(db, { slug }, viewer);
  assertFacilitator(access);
  const after = decodeCursor(query.cursor, ['id'])?.[0] ?? null;
  const open = query.status === 'open';
  const { rows } = await db.query<QueueRow>(
    `${QUEUE_SELECT}
     where t.community_id = $1 and r.resolved_at is ${open ? 'null' : 'not null'}
       and ($2::bigint is null or r.id ${open ? '>' : '<'} $2::bigint)
     order by r.id ${open ? 'asc' : 'desc'} limit $3`,
    [access.id, after, query.limit + 1],
  );
  const items = rows.slice(0, query.limit).map(toQueued);
  const last = items.at(-1);
  return { items, next: rows.length > query.limit && last ? encodeCursor([last.id]) : null };
}

/** Resolves a report and every other open report on its post, hiding the post when asked. */
export async function resolveReport(
  db: Database,
  id: string,
  viewer: Viewer,
  action: 'hide-post' | 'dismiss',
  mail: MailContext | null = null,
): Promise<z.infer<typeof QueuedReport>> {
  const report = await loadReport(db, id);
  if (!report) throw notFound('The report');
  const thread = await requireThread(db, { id: report.thread_id }, viewer).catch(() => {
    throw notFound('The report');
  });
  assertFacilitator(thread.access);
  if (report.resolved_at) throw new HttpProblem(409, 'This report was already resolved', { type: 'already-resolved' });
  await db.transaction(async (tx) => {
    if (action === 'hide-post') {
      const hidden = await tx.query('update posts set hidden = true, version = version + 1 where id = $1 and not hidden returning id', [
        report.post_id,
      ]);
      if (hidden.rows.length > 0) await retractPostFacts(tx, report.post_id);
      if (mail && hidden.rows.length > 0) await mailHiddenPost(tx, mail, report.post_id, viewer.memberId);
    }
    await tx.query('update reports set resolved_at = now(), resolved_by = $2 where post_id = $1 and resolved_at is null', [
      report.post_id,
      viewer.memberId,
    ]);
    await recordModeration(tx, {
      communityId: thread.row.community_id,
      actorId: viewer.memberId,
      action: 'resolve-report',
      postId: report.post_id,
      detail: action,
    });
  });
  if (action === 'hide-post') await notifyPostChange(db, thread.row, 'post-updated', report.post_id);
  const resolved = await loadReport(db, id);
  if (!resolved) throw notFound('The report'); // deleted with its post in the meantime
  return toQueued(resolved);
}
