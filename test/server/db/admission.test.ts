import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AdmissionQueue, OverloadedError, QueryAbortedError } from '../../../server/db/admission.ts';
import { openDatabase } from '../../../server/db/index.ts';
import { runInScope, ticketFor } from '../../../server/db/request-scope.ts';

/** A slot holder released by hand. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

describe('admission queue', () => {
  test('refuses at once a call whose expected wait exceeds the budget', async () => {
    const queue = new AdmissionQueue(1, { limit: 100, maxWaitMs: 100 });
    // Teach it that a statement takes about 60 ms.
    for (let i = 0; i < 30; i++)
      await queue.run(() => new Promise((resolve) => setTimeout(resolve, 60)).then(() => undefined)).catch(() => undefined);
    const held = gate();
    const running = queue.run(() => held.opened);
    const first = queue.run(() => Promise.resolve('first'));
    const started = performance.now();
    const refused = await queue
      .run(() => Promise.resolve('second'))
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    assert.ok(refused instanceof OverloadedError, 'two waiters x 60 ms is past a 100 ms budget');
    assert.ok(performance.now() - started < 50, 'refused without waiting');
    held.open();
    assert.equal(await first, 'first');
    await running;
  });

  test('a waiter whose caller went away leaves the queue without running', async () => {
    const queue = new AdmissionQueue(1, { limit: 10, maxWaitMs: 10_000 });
    const held = gate();
    const running = queue.run(() => held.opened);
    const controller = new AbortController();
    let ran = false;
    const abandoned = queue.run(
      () => {
        ran = true;
        return Promise.resolve();
      },
      { signal: controller.signal },
    );
    assert.equal(queue.waiting, 1);
    controller.abort();
    await assert.rejects(abandoned, QueryAbortedError);
    assert.equal(queue.waiting, 0);
    held.open();
    await running;
    assert.equal(ran, false);
    assert.equal(queue.stats().abandoned, 1);
  });

  test('the next query of a request already under way goes before newer requests', async () => {
    const queue = new AdmissionQueue(1, { limit: 10, maxWaitMs: 10_000 });
    const held = gate();
    const running = queue.run(() => held.opened);
    const order: string[] = [];
    const newer = queue.run(
      () => {
        order.push('newer request');
        return Promise.resolve();
      },
      { order: 200 },
    );
    const older = queue.run(
      () => {
        order.push('older request');
        return Promise.resolve();
      },
      { order: 100 },
    );
    held.open();
    await Promise.all([running, newer, older]);
    assert.deepEqual(order, ['older request', 'newer request']);
  });
});

describe("a request's first statement waits within the budget of its arrival", () => {
  test('the time a request waited for its turn is part of its budget; a later statement gets the whole budget', async () => {
    const queue = new AdmissionQueue(1, { limit: 100, maxWaitMs: 200 });
    const held = gate();
    const running = queue.run(() => held.opened);
    const outcome = (promise: Promise<unknown>) =>
      promise.then(
        () => 'ran',
        (error: unknown) => (error instanceof OverloadedError ? 'refused' : String(error)),
      );
    // Arrived 250 ms ago: its budget is spent before it reaches the queue.
    const late = performance.now();
    const spent = await outcome(queue.run(() => Promise.resolve(), { order: late - 250, fromArrival: true }));
    assert.equal(spent, 'refused');
    assert.ok(performance.now() - late < 50, 'refused at once');
    // Arrived 150 ms ago: refused once the 50 ms left have passed, not after 200 more.
    const waiting = performance.now();
    const partly = await outcome(queue.run(() => Promise.resolve(), { order: waiting - 150, fromArrival: true }));
    const waited = performance.now() - waiting;
    assert.equal(partly, 'refused');
    assert.ok(waited >= 40 && waited < 150, `refused after ${Math.round(waited)} ms`);
    // The next statement of a request already served, arrived as long ago: it waits, and runs.
    const next = outcome(queue.run(() => Promise.resolve(), { order: performance.now() - 250 }));
    held.open();
    assert.equal(await next, 'ran');
    await running;
  });

  test("only a request's first statement counts from its arrival", async () => {
    const tickets = await runInScope({ order: 1 }, () => Promise.resolve([ticketFor(undefined), ticketFor(undefined)]));
    assert.deepEqual(
      tickets.map((ticket) => ticket.fromArrival),
      [true, false],
    );
    assert.equal(ticketFor(undefined).fromArrival, false, 'outside any request');
    // A computation detached from the request that started it keeps its arrival.
    const detached = await runInScope({ order: 7 }, () => runInScope({ readOnly: true }, () => Promise.resolve(ticketFor(undefined))));
    assert.deepEqual([detached.order, detached.fromArrival], [7, true]);
  });
});

describe('PGlite off the main thread', () => {
  test('the event loop keeps turning while a long statement runs', async () => {
    const db = await openDatabase();
    try {
      let ticks = 0;
      const timer = setInterval(() => ticks++, 10);
      const started = performance.now();
      await db.query('select count(*) from generate_series(1, 3000000)');
      const elapsed = performance.now() - started;
      clearInterval(timer);
      // On the main thread the interval could not fire at all while the statement ran.
      assert.ok(ticks >= Math.floor(elapsed / 10) / 4, `${ticks} ticks in ${Math.round(elapsed)} ms`);
      assert.ok(await db.ping(), 'ping answers without a query');
    } finally {
      await db.close();
    }
  });
});
