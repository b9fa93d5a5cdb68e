import { after, before, describe, test } from 'node:test';
import { assertProblem, call, setup, testDatabase, type Fixture } from './harness.ts';

// PostgreSQL refuses U+0000 in text ("invalid byte sequence"): every text input must be a 400 naming
// the field instead, on both databases.
let ctx: Awaited<ReturnType<typeof setup>>;
let f: Fixture;
before(async () => {
  ctx = await setup();
  f = ctx.fixture;
});
after(async () => (await testDatabase()).close());

const NUL = '\u0000';

describe('U+0000 in text input', () => {
  test('a post body, a new thread title and its key are refused, naming the field', async () => {
    const post = (body: unknown) => call(ctx.grove, '/api/v1/posts', { method: 'POST', as: f.member, body });
    assertProblem(await post({ thread: f.thread, body: `hello${NUL}world` }), 400, 'body.body');
    const key = `https://example.org/nul-${Date.now()}`;
    assertProblem(await post({ key, community: f.grove.slug, title: `T${NUL}`, body: 'ok' }), 400, 'body.title');
    assertProblem(await post({ key: `${key}${NUL}`, community: f.grove.slug, title: 'T', body: 'ok' }), 400, 'body.key');
  });

  test('an edit, a report and an endorsement are refused, naming the field', async () => {
    const created = await call(ctx.grove, '/api/v1/posts', { method: 'POST', as: f.member, body: { thread: f.thread, body: 'clean' } });
    const id = String(created.json?.id);
    const edit = await call(ctx.grove, `/api/v1/posts/${id}`, {
      method: 'PATCH',
      as: f.member,
      body: { body: `a${NUL}b` },
      headers: { 'if-match': `"${String(created.json?.version)}"` },
    });
    assertProblem(edit, 400, 'body.body');
    const report = await call(ctx.grove, `/api/v1/posts/${id}/reports`, {
      method: 'POST',
      as: f.facilitator,
      body: { reason: `spam${NUL}` },
    });
    assertProblem(report, 400, 'body.reason');
    const endorse = await call(ctx.grove, `/api/v1/members/${f.member}/endorsements`, {
      method: 'POST',
      as: f.facilitator,
      body: { skill: `x${NUL}` },
    });
    assertProblem(endorse, 400, 'body.skill');
  });

  test('query strings are refused too', async () => {
    assertProblem(await call(ctx.grove, `/api/v1/members?q=${encodeURIComponent(`ami${NUL}`)}`), 400, 'query.q');
    assertProblem(await call(ctx.grove, `/api/v1/skills?q=${encodeURIComponent(`wa${NUL}`)}`), 400, 'query.q');
    assertProblem(await call(ctx.grove, `/api/v1/threads?key=${encodeURIComponent(`k${NUL}`)}`), 400, 'query.key');
  });
});
