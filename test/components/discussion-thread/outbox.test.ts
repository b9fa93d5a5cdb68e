import { expect } from '@open-wc/testing';
import { GroveApiError, type GroveErrorKind } from '../../../src/api/problem.js';
import { Outbox, type OutboxItem, type OutboxOptions } from '../../../src/components/discussion-thread/outbox.js';
import { MemoryStorage } from './memory-storage.js';

type Outcome = 'ok' | 'hang' | GroveErrorKind;

/**
 * Plays the server: answers each attempt with the next scripted outcome and, like the real server's
 * idempotency table, creates one post per key however often the key arrives.
 */
class ScriptedServer {
  readonly attempts: { key: string; body: string }[] = [];
  readonly created = new Map<string, string>();
  readonly #script: Outcome[];

  constructor(...script: Outcome[]) {
    this.#script = script;
  }

  send = (payload: { body: string }, key: string, signal: AbortSignal): Promise<string> => {
    this.attempts.push({ key, body: payload.body });
    const outcome = this.#script.shift() ?? 'ok';
    if (outcome === 'hang') {
      return new Promise((_, reject) => signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    }
    if (outcome !== 'ok') return Promise.reject(new GroveApiError(outcome, outcome === 'invalid' ? 400 : 503));
    if (!this.created.has(key)) this.created.set(key, payload.body);
    return Promise.resolve(`post-for-${key}`);
  };
}

interface Harness {
  outbox: Outbox<{ body: string }, string>;
  sent: string[];
  states: string[];
  /** Resolves at the first change after which `predicate` holds. */
  until: (predicate: (items: readonly OutboxItem<{ body: string }>[]) => boolean) => Promise<void>;
}

function harness(server: ScriptedServer, options: Partial<OutboxOptions<{ body: string }, string>> = {}): Harness {
  const sent: string[] = [];
  const states: string[] = [];
  const waiters: { predicate: (items: readonly OutboxItem<{ body: string }>[]) => boolean; resolve: () => void }[] = [];
  let counter = 0;
  const outbox = new Outbox<{ body: string }, string>({
    queueId: 'thread-1',
    storage: new MemoryStorage(),
    isOnline: () => true,
    backoff: () => 0,
    newKey: () => `key-${++counter}`,
    send: server.send,
    onSent: (item) => sent.push(item.payload.body),
    onChange: (items) => {
      states.push(items.map((item) => `${item.payload.body}:${item.state}`).join(','));
      for (const waiter of [...waiters]) {
        if (waiter.predicate(items)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve();
        }
      }
    },
    ...options,
  });
  const until = (predicate: Harness['until'] extends (p: infer F) => unknown ? F : never) =>
    new Promise<void>((resolve) => waiters.push({ predicate, resolve }));
  return { outbox, sent, states, until };
}

const empty = (items: readonly unknown[]) => items.length === 0;

describe('Outbox', () => {
  it('sends posts one at a time, in the order they were written', async () => {
    const server = new ScriptedServer();
    const { outbox, sent, until } = harness(server);
    outbox.start();
    outbox.enqueue({ body: 'first' });
    outbox.enqueue({ body: 'second' });
    outbox.enqueue({ body: 'third' });
    expect(outbox.items.map((item) => item.state)).to.deep.equal(['sending', 'queued', 'queued']);
    await until(empty);
    expect(sent).to.deep.equal(['first', 'second', 'third']);
    expect(server.attempts.map((attempt) => attempt.key)).to.deep.equal(['key-1', 'key-2', 'key-3']);
  });

  it('retries a transient failure with the same Idempotency-Key and creates the post once', async () => {
    const server = new ScriptedServer('unavailable', 'timeout', 'ok');
    const { outbox, sent, states, until } = harness(server);
    outbox.start();
    outbox.enqueue({ body: 'hello' });
    await until(empty);
    expect(server.attempts.map((attempt) => attempt.key)).to.deep.equal(['key-1', 'key-1', 'key-1']);
    expect(states, 'the user saw the retry state').to.include('hello:failed-will-retry');
    expect(sent).to.deep.equal(['hello']);
    expect(server.created.size).to.equal(1);
  });

  it('keeps later posts behind one that is retrying', async () => {
    const server = new ScriptedServer('server', 'ok', 'ok');
    const { outbox, until } = harness(server);
    outbox.start();
    outbox.enqueue({ body: 'a' });
    outbox.enqueue({ body: 'b' });
    await until(empty);
    expect(server.attempts.map((attempt) => attempt.body)).to.deep.equal(['a', 'a', 'b']);
  });

  it('queues while offline and sends in order when the browser comes back online', async () => {
    let online = false;
    const server = new ScriptedServer();
    const { outbox, sent, until } = harness(server, { isOnline: () => online });
    outbox.start();
    outbox.enqueue({ body: 'one' });
    outbox.enqueue({ body: 'two' });
    expect(outbox.items.map((item) => item.state)).to.deep.equal(['queued-offline', 'queued-offline']);
    expect(server.attempts).to.have.length(0);
    online = true;
    window.dispatchEvent(new Event('online'));
    await until(empty);
    expect(sent).to.deep.equal(['one', 'two']);
  });

  it('holds a refused post for the user without blocking the next, and resends it on request', async () => {
    const server = new ScriptedServer('invalid', 'ok', 'ok');
    const { outbox, sent, until } = harness(server);
    outbox.start();
    outbox.enqueue({ body: 'too long' });
    outbox.enqueue({ body: 'fine' });
    await until((items) => items.length === 1 && items[0]?.state === 'rejected');
    expect(sent).to.deep.equal(['fine']);
    expect(outbox.items[0]?.error).to.equal('invalid');
    outbox.retry('key-1');
    await until(empty);
    expect(server.attempts.filter((attempt) => attempt.body === 'too long').map((a) => a.key)).to.deep.equal(['key-1', 'key-1']);
  });

  it('survives a reload mid-send: the next page resends the same key and the post exists once', async () => {
    const storage = new MemoryStorage();
    const server = new ScriptedServer('hang');
    const first = harness(server, { storage });
    first.outbox.start();
    first.outbox.enqueue({ body: 'written before the crash' });
    first.outbox.stop(); // the page goes away while the request is in flight
    const second = harness(server, { storage });
    second.outbox.start();
    expect(second.outbox.items.map((item) => item.key)).to.deep.equal(['key-1']);
    await second.until(empty);
    expect(second.sent).to.deep.equal(['written before the crash']);
    expect(server.created.size).to.equal(1);
    expect(storage.length, 'nothing is left behind once delivered').to.equal(0);
  });

  it('keeps a refused post, text and reason, across a reload without sending it again by itself', async () => {
    const storage = new MemoryStorage();
    const server = new ScriptedServer('invalid');
    const first = harness(server, { storage });
    first.outbox.start();
    first.outbox.enqueue({ body: 'pasted\u0000text' });
    await first.until((items) => items[0]?.state === 'rejected');
    first.outbox.stop();
    const second = harness(server, { storage });
    second.outbox.start();
    expect(second.outbox.items.map((item) => [item.payload.body, item.state, item.error])).to.deep.equal([
      ['pasted\u0000text', 'rejected', 'invalid'],
    ]);
    expect(server.attempts, 'a refusal waits for the user').to.have.length(1);
  });

  it('lets two tabs on one storage keep each other’s posts', () => {
    const storage = new MemoryStorage();
    const offline = { isOnline: () => false, storage };
    const tabA = harness(new ScriptedServer(), { ...offline, newKey: () => 'a' });
    const tabB = harness(new ScriptedServer(), { ...offline, newKey: () => 'b' });
    tabA.outbox.start();
    tabB.outbox.start();
    tabA.outbox.enqueue({ body: 'from A' });
    tabB.outbox.enqueue({ body: 'from B' });
    const reopened = harness(new ScriptedServer(), { ...offline });
    reopened.outbox.start();
    expect(reopened.outbox.items.map((item) => item.payload.body)).to.have.members(['from A', 'from B']);
  });

  it('gives a discarded post back without sending it', () => {
    const server = new ScriptedServer();
    const { outbox } = harness(server, { isOnline: () => false });
    outbox.start();
    const item = outbox.enqueue({ body: 'never mind' });
    expect(outbox.discard(item.key)).to.equal(true);
    expect(outbox.items).to.have.length(0);
    window.dispatchEvent(new Event('online'));
    expect(server.attempts).to.have.length(0);
  });
});
