/**
 * PGlite on a worker thread (`pglite-worker.js`). PGlite runs each statement synchronously inside
 * WebAssembly; on the main thread a slow query froze HTTP handling, health checks and live streams for
 * as long as it ran, so the admission queue could never answer a 503 in time. Off the main thread, the
 * event loop stays free: requests are parsed, queued, refused or answered from caches while a query runs.
 *
 * PGlite executes one statement at a time: one admission slot models that, and a transaction holds it
 * throughout. A running statement cannot be interrupted (WebAssembly has no cancellation point), so an
 * abandoned request's statement finishes and its result is dropped; waiting ones leave the queue.
 */
import { Worker } from 'node:worker_threads';
import { AdmissionQueue, QueryAbortedError } from './admission.ts';
import { runInScope, ticketFor, WriteClock } from './request-scope.ts';

/** Subscriptions and dumps serve the process, not one request: never refused (a refused LISTEN would be remembered). */
const BACKGROUND = { background: true };
import {
  assertChannel,
  type Database,
  type DatabaseStats,
  type OpenDatabaseOptions,
  type QueryOptions,
  type QueryResult,
  type RequestScope,
  type TransactionQueryable,
} from './types.ts';

interface Reply {
  id?: number;
  op?: 'ready' | 'failed' | 'notification';
  ok?: boolean;
  result?: unknown;
  error?: Record<string, unknown> & { message: string };
  channel?: string;
  payload?: string;
}

/** An error from the worker, with PostgreSQL's fields (`code`, `detail`, `constraint`…) kept. */
function revive(fields: Record<string, unknown> & { message: string }): Error {
  const error = new Error(fields.message) as Error & Record<string, unknown>;
  Object.assign(error, fields);
  return error;
}

/** The worker and its request/reply bookkeeping. */
class WorkerChannel {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  readonly #listeners = new Map<string, Set<(payload: string) => void>>();
  #next = 1;
  #exited: Error | undefined;

  constructor(worker: Worker) {
    this.#worker = worker;
    worker.on('message', (reply: Reply) => {
      if (reply.op === 'notification') {
        for (const listener of this.#listeners.get(reply.channel ?? '') ?? []) listener(reply.payload ?? '');
        return;
      }
      if (reply.id === undefined) return;
      const pending = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      if (!pending) return;
      if (reply.ok) pending.resolve(reply.result);
      else pending.reject(revive(reply.error ?? { message: 'PGlite worker failed' }));
    });
    const fail = (error: Error) => {
      this.#exited = error;
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`The PGlite worker exited (code ${code})`)));
  }

  call<T>(message: Record<string, unknown>): Promise<T> {
    if (this.#exited) return Promise.reject(this.#exited);
    const id = this.#next++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.#worker.postMessage({ ...message, id });
    });
  }

  get alive(): boolean {
    return this.#exited === undefined;
  }

  listeners(channel: string): Set<(payload: string) => void> {
    let set = this.#listeners.get(channel);
    if (!set) {
      set = new Set();
      this.#listeners.set(channel, set);
    }
    return set;
  }

  async terminate(): Promise<void> {
    await this.#worker.terminate();
  }
}

export async function openPglite(options: OpenDatabaseOptions): Promise<Database> {
  const loadDataDir = options.loadDataDir ? await options.loadDataDir.arrayBuffer() : undefined;
  const worker = new Worker(new URL('./pglite-worker.js', import.meta.url), {
    workerData: { dataDir: options.dataDir, loadDataDir },
    transferList: loadDataDir ? [loadDataDir] : [],
  });
  const channel = new WorkerChannel(worker);
  await new Promise<void>((resolve, reject) => {
    const onMessage = (reply: Reply) => {
      if (reply.op === 'ready') resolve();
      else if (reply.op === 'failed') reject(revive(reply.error ?? { message: 'PGlite failed to start' }));
      else return;
      worker.off('message', onMessage);
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
  });
  const queue = new AdmissionQueue(1, { limit: options.queueLimit ?? 64, maxWaitMs: options.queueTimeoutMs ?? 10_000 });
  return new PgliteDatabase(channel, queue);
}

class PgliteDatabase implements Database {
  readonly kind = 'pglite' as const;
  readonly #channel: WorkerChannel;
  readonly #queue: AdmissionQueue;
  readonly #writes = new WriteClock();
  readonly #direct: TransactionQueryable;
  #closed = false;

  constructor(channel: WorkerChannel, queue: AdmissionQueue) {
    this.#channel = channel;
    this.#queue = queue;
    this.#direct = {
      query: async <T>(sql: string, params?: unknown[]): Promise<QueryResult<T>> => ({
        rows: await channel.call<T[]>({ op: 'query', sql, params: params ?? [] }),
      }),
      exec: async (sql: string): Promise<void> => {
        await channel.call({ op: 'exec', sql });
      },
    };
  }

  /** Writes the data directory as a gzipped tarball (test templates). */
  async dumpDataDir(): Promise<Blob> {
    const buffer = await this.#queue.run(() => this.#channel.call<ArrayBuffer>({ op: 'dump' }), BACKGROUND);
    return new Blob([buffer]);
  }

  query<T = Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions): Promise<QueryResult<T>> {
    const ticket = ticketFor(options);
    return this.#writes.track(() =>
      this.#queue.run(async () => {
        const result = await this.#direct.query<T>(sql, params);
        // The statement could not be interrupted; its result is of no use to a caller that left.
        if (ticket.signal?.aborted) throw new QueryAbortedError();
        return result;
      }, ticket),
    );
  }

  transaction<T>(fn: (tx: TransactionQueryable) => Promise<T>): Promise<T> {
    return this.#writes.track(
      () =>
        this.#queue.run(async () => {
          await this.#direct.exec('begin');
          try {
            const result = await fn(this.#direct);
            await this.#direct.exec('commit');
            return result;
          } catch (error) {
            await this.#direct.exec('rollback').catch(() => undefined);
            throw error;
          }
        }, ticketFor(undefined)),
      true,
    );
  }

  exec(sql: string): Promise<void> {
    return this.#writes.track(() => this.#queue.run(() => this.#direct.exec(sql), ticketFor(undefined)), true);
  }

  withRequest<T>(scope: RequestScope, fn: () => Promise<T>): Promise<T> {
    return runInScope(scope, fn);
  }

  stats(): DatabaseStats {
    return { kind: this.kind, ...this.#queue.stats() };
  }

  lastWriteAt(): number {
    return this.#writes.lastWriteAt;
  }

  ping(): Promise<boolean> {
    return Promise.resolve(!this.#closed && this.#channel.alive);
  }

  async listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>> {
    assertChannel(channel);
    const listeners = this.#channel.listeners(channel);
    // Each subscription gets its own wrapper so the same callback can be registered twice.
    const listener = (payload: string): void => {
      onPayload(payload);
    };
    if (listeners.size === 0) await this.#queue.run(() => this.#channel.call({ op: 'listen', channel }), BACKGROUND);
    listeners.add(listener);
    let active = true;
    return async () => {
      if (!active) return;
      active = false;
      listeners.delete(listener);
      if (listeners.size === 0 && !this.#closed) await this.#queue.run(() => this.#channel.call({ op: 'unlisten', channel }), BACKGROUND);
    };
  }

  async notify(channel: string, payload: string): Promise<void> {
    assertChannel(channel);
    await this.query('select pg_notify($1, $2)', [channel, payload]);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#queue.close();
    await this.#channel.call({ op: 'close' }).catch(() => undefined);
    await this.#channel.terminate();
  }
}

export type { PgliteDatabase };
