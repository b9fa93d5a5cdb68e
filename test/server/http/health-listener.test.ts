/**
 * Health on a port of its own (GROVE_HEALTH_PORT): answered while the main thread is busy, and 503 once
 * its event loop has stopped turning. The probe runs in a child process, as a real one does: a fetch from
 * this process would wait for the same blocked loop it is meant to measure.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, test } from 'node:test';
import { startHealthListener } from '../../../server/http/health-listener.ts';
import { startServer } from '../../../server/index.ts';
import { testDatabase } from './harness.ts';

after(async () => (await testDatabase()).close());

interface ProbeResult {
  status: number;
  body: { status?: string; detail?: string; eventLoopLagMs?: number; queue?: { busy: number } };
  answeredAt: number;
}

/**
 * A probe in another process that fetches `url` `delayMs` after the returned `go()`; `go()` resolves with
 * its answer. The child is started and ready before `go()`, so its start-up is not measured.
 */
async function probe(url: string, delayMs: number): Promise<{ go: () => Promise<ProbeResult> }> {
  const script = `
    process.once('message', async () => {
      await new Promise((resolve) => setTimeout(resolve, ${delayMs}));
      const response = await fetch(${JSON.stringify(url)});
      const body = await response.json();
      process.send({ status: response.status, body, answeredAt: Date.now() }, () => process.exit(0));
    });
    process.send('ready');`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`the probe exited (${String(code)})`)));
  });
  return {
    go: () => {
      const answer = new Promise<ProbeResult>((resolve) => child.once('message', (message) => resolve(message as ProbeResult)));
      child.send('go');
      return answer;
    },
  };
}

/** Keeps this thread's event loop from turning for `ms`. */
function blockFor(ms: number): number {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // busy: nothing else on this thread runs
  }
  return Date.now();
}

test('the health port answers while the main thread is blocked, with how long its loop has not turned', async () => {
  const db = await testDatabase();
  const health = await startHealthListener(db, { port: 0, host: '127.0.0.1' });
  try {
    const url = `http://127.0.0.1:${health.port}/api/health`;
    const idle = await (await probe(url, 0)).go();
    assert.equal(idle.status, 200);
    assert.equal(idle.body.status, 'ok');
    assert.equal(typeof idle.body.queue?.busy, 'number');

    const busy = await probe(url, 300);
    const answer = busy.go();
    const unblockedAt = blockFor(1_500);
    const result = await answer;
    assert.equal(result.status, 200, JSON.stringify(result.body));
    assert.ok(result.answeredAt < unblockedAt, 'answered before the main thread was free again');
    assert.ok((result.body.eventLoopLagMs ?? 0) >= 200, `the lag it saw: ${String(result.body.eventLoopLagMs)} ms`);
  } finally {
    await health.close();
  }
});

test('a main thread stalled past the limit makes the health port answer 503', async () => {
  const db = await testDatabase();
  const health = await startHealthListener(db, { port: 0, host: '127.0.0.1', stalledAfterMs: 300 });
  try {
    const stalled = await probe(`http://127.0.0.1:${health.port}/api/health`, 700);
    const answer = stalled.go();
    blockFor(1_500);
    const result = await answer;
    assert.equal(result.status, 503);
    assert.match(result.body.detail ?? '', /event loop has not turned/);
  } finally {
    await health.close();
  }
});

test('startServer opens the health port when asked, names it, and closes it', async () => {
  const server = await startServer({ port: 0, healthPort: 0, database: await testDatabase(), log: null });
  const healthUrl = server.healthUrl;
  assert.ok(healthUrl, 'the running server names its health URL');
  try {
    const response = await fetch(healthUrl);
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { status: string }).status, 'ok');
    assert.equal((await fetch(healthUrl.replace('/api/health', '/api/v1/members'))).status, 404, 'it answers health only');
  } finally {
    await server.close();
  }
  await assert.rejects(fetch(healthUrl), 'closed with the server');
});
