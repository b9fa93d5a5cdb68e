/** Requests of one loop turn take turns (server/http/turns.ts): the loop reads its sockets between them. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { arrivalOf, takingTurns } from '../../../server/http/turns.ts';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const request = (path: string) => new Request(`http://grove.test${path}`);

test('the first request of a turn runs at once, the others one turn each, and health never waits', async () => {
  const ran: string[] = [];
  const fetch = takingTurns(
    (r) => {
      const { pathname } = new URL(r.url);
      if (pathname === '/broken') throw new Error('broken handler');
      ran.push(pathname);
      return new Response(pathname);
    },
    (r) => new URL(r.url).pathname === '/api/health',
    { sliceMs: 0 },
  );
  const answers = Promise.allSettled(['/a', '/b', '/broken', '/c', '/api/health'].map(async (path) => fetch(request(path))));
  assert.deepEqual(ran, ['/a', '/api/health']);
  await nextTurn();
  assert.deepEqual(ran, ['/a', '/api/health', '/b']);
  await nextTurn();
  await nextTurn();
  assert.deepEqual(ran, ['/a', '/api/health', '/b', '/c']);
  const settled = await answers;
  assert.deepEqual(
    settled.map((s) => s.status),
    ['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled'],
  );
  // The queue drained: the next request runs at once again.
  await nextTurn();
  void fetch(request('/d'));
  assert.deepEqual(ran.at(-1), '/d');
});

test('a later turn starts waiting requests until its time slice is spent', async () => {
  const ran: string[] = [];
  let clock = 0;
  const fetch = takingTurns(
    (r) => {
      ran.push(new URL(r.url).pathname);
      clock += 1; // each handler takes 1 ms
      return new Response('');
    },
    () => false,
    { sliceMs: 2, now: () => clock },
  );
  for (const path of ['/a', '/b', '/c', '/d', '/e']) void fetch(request(path));
  assert.deepEqual(ran, ['/a']);
  await nextTurn();
  assert.deepEqual(ran, ['/a', '/b', '/c']);
  await nextTurn();
  assert.deepEqual(ran, ['/a', '/b', '/c', '/d', '/e']);
});

test('a request is stamped with its arrival, before it waits for its turn', async () => {
  const started = new Map<string, number>();
  const fetch = takingTurns(
    (r) => {
      started.set(new URL(r.url).pathname, performance.now());
      return new Response('');
    },
    () => false,
  );
  const requests = ['/a', '/b', '/c'].map(request);
  const arrived = performance.now();
  for (const r of requests) void fetch(r);
  await nextTurn();
  await nextTurn();
  await nextTurn();
  for (const r of requests) {
    const at = arrivalOf(r);
    assert.ok(at !== undefined && at >= arrived && at <= (started.get(new URL(r.url).pathname) ?? -1));
  }
  assert.ok((arrivalOf(requests[2]!) ?? Infinity) < (started.get('/b') ?? -Infinity), 'the last arrived before the second started');
  assert.equal(arrivalOf(request('/unseen')), undefined);
});
