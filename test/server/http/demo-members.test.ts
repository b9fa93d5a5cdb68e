import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../../../server/http/app.ts';
import { assertProblem, call, setup, testConfig, testDatabase } from './harness.ts';

let ctx: Awaited<ReturnType<typeof setup>>;
before(async () => {
  ctx = await setup();
});
after(async () => (await testDatabase()).close());

interface DemoMember {
  id: string;
  name: string;
  role: string;
  community: string;
}

describe('GET /api/v1/auth/demo-members', () => {
  test('lists stable seeded facilitators and members, never an opted-out one', async () => {
    const result = await call(ctx.grove, '/api/v1/auth/demo-members');
    assert.equal(result.status, 200, result.text);
    const items = (result.json?.items ?? []) as DemoMember[];
    assert.equal(items.filter((m) => m.role === 'facilitator').length, 4);
    assert.equal(items.filter((m) => m.role === 'member').length, 4);
    assert.deepEqual(items[0], { id: '1', name: 'Amina Diallo', role: 'facilitator', community: 'water' });
    assert.ok(!items.some((m) => m.id === '8'), 'Omar Haddad opted out of the directory');
    const again = await call(ctx.grove, '/api/v1/auth/demo-members');
    assert.deepEqual(again.json?.items, items, 'the same identities on every call');
  });

  test('each listed identity can sign in', async () => {
    const items = ((await call(ctx.grove, '/api/v1/auth/demo-members')).json?.items ?? []) as DemoMember[];
    const signIn = await call(ctx.grove, '/api/v1/auth/demo', { method: 'POST', body: { member: items.at(-1)!.id } });
    assert.equal(signIn.status, 200, signIn.text);
  });

  test('is a 404 problem outside demo mode', async () => {
    const off = createApp({ db: ctx.db, config: testConfig({ demoMode: false }) });
    assertProblem(await call(off, '/api/v1/auth/demo-members'), 404);
  });
});
