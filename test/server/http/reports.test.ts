import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { page } from '../../../server/contract/common.ts';
import { QueuedReport } from '../../../server/contract/reports.ts';
import { assertProblem, assertSchema, call, setup, testDatabase, type Fixture } from './harness.ts';

let ctx: Awaited<ReturnType<typeof setup>>;
let f: Fixture;
before(async () => {
  ctx = await setup();
  f = ctx.fixture;
});
after(async () => (await testDatabase()).close());

async function reportedPost(threadId: string, reporters: string[]): Promise<{ post: string; reports: string[] }> {
  const created = await call(ctx.grove, '/api/v1/posts', { method: 'POST', as: f.member, body: { thread: threadId, body: 'Buy now!' } });
  assert.equal(created.status, 201, created.text);
  const post = String(created.json?.id);
  const reports: string[] = [];
  for (const reporter of reporters) {
    const report = await call(ctx.grove, `/api/v1/posts/${post}/reports`, { method: 'POST', as: reporter, body: { reason: 'Spam' } });
    assert.equal(report.status, 201, report.text);
    reports.push(String(report.json?.id));
  }
  return { post, reports };
}

const queue = (slug: string, as: string | null, query = '') => call(ctx.grove, `/api/v1/communities/${slug}/reports${query}`, { as });
const resolve = (id: string, as: string | null, action = 'dismiss') =>
  call(ctx.grove, `/api/v1/reports/${id}/resolution`, { method: 'POST', as, body: { action } });

describe('facilitator reports queue', () => {
  test('only facilitators of the community read its queue', async () => {
    const { post } = await reportedPost(f.thread, [f.facilitator]);
    assertProblem(await queue(f.grove.slug, null), 401);
    assertProblem(await queue(f.grove.slug, f.member), 403);
    assertProblem(await queue(f.private.slug, f.outsider), 404, undefined);
    assertProblem(await queue(f.other.slug, f.facilitator), 403);
    const result = await queue(f.grove.slug, f.facilitator);
    assert.equal(result.status, 200, result.text);
    const items = assertSchema(page(QueuedReport, 'ReportQueue'), result.json).items;
    const item = items.find((r) => r.post.id === post);
    assert.ok(item, 'the report is queued');
    assert.equal(item.reason, 'Spam');
    assert.equal(item.post.bodyMd, 'Buy now!');
    assertProblem(await queue(f.grove.slug, f.facilitator, '?status=sideways'), 400, 'query.status');
  });

  test('queue pages with a keyset cursor', async () => {
    await reportedPost(f.thread, [f.facilitator]);
    await reportedPost(f.thread, [f.facilitator]);
    const first = await queue(f.grove.slug, f.facilitator, '?limit=1');
    const next = String(first.json?.next);
    assert.notEqual(first.json?.next, null);
    const second = await queue(f.grove.slug, f.facilitator, `?limit=1&cursor=${next}`);
    const ids = [first, second].map((r) => (r.json?.items as { id: string }[])[0]!.id);
    assert.ok(Number(ids[1]) > Number(ids[0]), 'open reports come oldest first without repeats');
    assertProblem(await queue(f.grove.slug, f.facilitator, '?cursor=garbage'), 400, 'query.cursor');
  });

  test('resolving: members are refused; hide-post hides the post and resolves all its open reports', async () => {
    const { post, reports } = await reportedPost(f.thread, [f.facilitator, f.optedOut]);
    assertProblem(await resolve(reports[0]!, null), 401);
    assertProblem(await resolve(reports[0]!, f.member), 403);
    assertProblem(await resolve(reports[0]!, f.outsider), 403);
    assertProblem(await resolve(reports[0]!, f.facilitator, 'delete-everything'), 400, 'body.action');
    assertProblem(await resolve('999999999', f.facilitator), 404);
    const resolved = await resolve(reports[0]!, f.facilitator, 'hide-post');
    assert.equal(resolved.status, 200, resolved.text);
    const body = assertSchema(QueuedReport, resolved.json);
    assert.equal(body.resolvedBy?.id, f.facilitator);
    assert.equal(body.post.hidden, true);
    assert.equal(body.post.openReports, 0, 'the other report on the same post is resolved too');
    assertProblem(await resolve(reports[1]!, f.facilitator), 409);
    assertProblem(await call(ctx.grove, `/api/v1/posts/${post}`, { as: f.member }), 404);
    const done = await queue(f.grove.slug, f.facilitator, '?status=resolved');
    assert.ok((done.json?.items as { id: string }[]).some((r) => r.id === reports[1]));
  });

  test('reports in a members-only community stay invisible to outsiders', async () => {
    const { reports } = await reportedPost(f.privateThread, [f.facilitator]);
    assertProblem(await resolve(reports[0]!, f.outsider), 404);
    assert.equal((await resolve(reports[0]!, f.facilitator)).status, 200);
  });
});
