import pg from 'pg';
import { AdmissionQueue, QueryAbortedError } from './admission.ts';
import { runInScope, ticketFor, WriteClock } from './request-scope.ts';
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

/**
 * PostgreSQL through a `pg` Pool. node-postgres already returns int8/numeric as strings, timestamps as
 * Date and json as parsed values, which is the contract PGlite is adjusted to.
 * LISTEN needs a connection that stays open, so one dedicated client carries every subscription.
 */
export async function openPostgres(options: OpenDatabaseOptions & { url: string }): Promise<Database> {
  const poolSize = options.poolSize ?? 10;
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new TypeError(`Invalid schema name "${schema}"`);
  }
  const settings = [
    ...(schema ? [`-c search_path=${schema},public`] : []),
    // A statement running past this is cancelled by the server itself, whoever waits for it.
    ...(options.statementTimeoutMs ? [`-c statement_timeout=${Math.round(options.statementTimeoutMs)}`] : []),
    // No JIT compilation: PostgreSQL compiles a statement whose estimate passes jit_above_cost, and the
    // expert ranking's estimate always does (its CTEs and arrays are guessed high), so every question paid
    // 150-260 ms of LLVM compilation for 40-200 ms of work (decision 0195, fourth round). Grove's
    // statements are short reads; none runs long enough to earn the compilation back.
    '-c jit=off',
  ];
  const pool = new pg.Pool({
    connectionString: options.url,
    max: poolSize,
    options: settings.join(' '),
  });
  // An idle client that loses its connection emits 'error' on the pool; without a handler Node exits.
  pool.on('error', (error) => {
    console.error('[db] idle PostgreSQL client failed:', error.message);
  });
  if (schema) await pool.query(`create schema if not exists ${schema}`);
  else await pool.query('select 1');
  const queue = new AdmissionQueue(poolSize, { limit: options.queueLimit ?? 64, maxWaitMs: options.queueTimeoutMs ?? 10_000 });
  return new PostgresDatabase(pool, queue, options.url, schema, Boolean(options.dropSchemaOnClose));
}

function wrap(client: pg.PoolClient | pg.Pool): TransactionQueryable {
  return {
    async query<T>(sql: string, params?: unknown[]): Promise<QueryResult<T>> {
      const result = await client.query(sql, params);
      return { rows: result.rows as T[] };
    },
    async exec(sql: string): Promise<void> {
      // Without parameters node-postgres uses the simple protocol, which accepts several statements.
      await client.query(sql);
    },
    copyFrom: (sql, data) => copyFrom(client, sql, data),
  };
}

/** The part of node-postgres's connection a submittable query drives (pg/lib/connection.js). */
interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

const ignore = (): void => undefined;

/** COPY's data messages are split so that no single message holds more than this. */
const COPY_CHUNK_BYTES = 1 << 20;

/**
 * COPY FROM STDIN through node-postgres's "submittable" interface, the one pg-copy-streams uses: the
 * client hands the connection to this object for the statement's whole exchange (query, CopyInResponse,
 * data, CommandComplete or ErrorResponse, ReadyForQuery). The data is sent in one go: a seed batch is
 * a few megabytes and already in memory.
 */
function copyFrom(client: pg.PoolClient | pg.Pool, sql: string, data: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const submittable = {
      text: sql,
      submit(connection: CopyConnection) {
        connection.query(sql);
      },
      handleCopyInResponse(connection: CopyConnection) {
        const bytes = Buffer.from(data, 'utf8');
        for (let start = 0; start < bytes.length; start += COPY_CHUNK_BYTES) {
          connection.sendCopyFromChunk(bytes.subarray(start, start + COPY_CHUNK_BYTES));
        }
        connection.endCopyFrom();
      },
      // An error ends the statement (a lost connection sends no ReadyForQuery); the client holds later
      // queries, such as the rollback, until the server is ready again.
      handleError(error: Error) {
        reject(error);
      },
      handleReadyForQuery() {
        resolve();
      },
      // Other messages a statement can produce; COPY FROM answers none of them with data.
      handleCommandComplete: ignore,
      handleRowDescription: ignore,
      handleDataRow: ignore,
      handleEmptyQuery: ignore,
      handlePortalSuspended: ignore,
      handleCopyData: ignore,
    };
    // node-postgres's types do not describe submittables; the shape above is what its client calls.
    (client as unknown as { query(submittable: unknown): unknown }).query(submittable);
  });
}

class PostgresDatabase implements Database {
  readonly kind = 'postgres' as const;
  readonly #pool: pg.Pool;
  readonly #queue: AdmissionQueue;
  readonly #url: string;
  readonly #schema: string | undefined;
  readonly #direct: TransactionQueryable;
  readonly #handlers = new Map<string, Set<(payload: string) => void>>();
  readonly #dropSchemaOnClose: boolean;
  readonly #writes = new WriteClock();
  #listener: Promise<pg.Client> | undefined;
  #listenerTurn: Promise<void> = Promise.resolve();

  constructor(pool: pg.Pool, queue: AdmissionQueue, url: string, schema: string | undefined, dropSchemaOnClose: boolean) {
    this.#dropSchemaOnClose = dropSchemaOnClose;
    this.#pool = pool;
    this.#queue = queue;
    this.#url = url;
    this.#schema = schema;
    this.#direct = wrap(pool);
  }

  query<T = Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions): Promise<QueryResult<T>> {
    const ticket = ticketFor(options);
    const signal = ticket.signal;
    if (!signal) return this.#writes.track(() => this.#queue.run(() => this.#direct.query<T>(sql, params), ticket));
    return this.#writes.track(() =>
      this.#queue.run(async () => {
        const client = await this.#pool.connect();
        // An abandoned request's statement is cancelled on the server, not left running for nobody.
        let cancelled: Promise<unknown> | undefined;
        const onAbort = () => {
          cancelled = this.#cancel(client);
        };
        signal.addEventListener('abort', onAbort, { once: true });
        try {
          if (signal.aborted) throw new QueryAbortedError();
          const result = await client.query(sql, params);
          return { rows: result.rows as T[] };
        } catch (error) {
          if (signal.aborted) throw new QueryAbortedError();
          throw error;
        } finally {
          signal.removeEventListener('abort', onAbort);
          // The cancel must land before the connection serves anyone else, or it could cancel their statement.
          if (cancelled) await cancelled.catch(() => undefined);
          client.release();
        }
      }, ticket),
    );
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

  async ping(timeoutMs = 1_000): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    // The LISTEN connection is not in the pool, so a ping never waits behind queued requests.
    const answer = this.#onListener((client) => client.query('select 1')).then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([answer, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async #cancel(client: pg.PoolClient): Promise<void> {
    const pid = (client as pg.PoolClient & { processID?: number }).processID;
    if (!pid) return;
    await this.#onListener((control) => control.query('select pg_cancel_backend($1)', [pid]));
  }

  transaction<T>(fn: (tx: TransactionQueryable) => Promise<T>): Promise<T> {
    return this.#writes.track(
      () =>
        this.#queue.run(async () => {
          const client = await this.#pool.connect();
          try {
            await client.query('begin');
            const result = await fn(wrap(client));
            await client.query('commit');
            return result;
          } catch (error) {
            await client.query('rollback').catch(() => {
              // The connection may already be broken; the original error is the one worth reporting.
            });
            throw error;
          } finally {
            client.release();
          }
        }, ticketFor(undefined)),
      true,
    );
  }

  exec(sql: string): Promise<void> {
    return this.#writes.track(() => this.#queue.run(() => this.#direct.exec(sql), ticketFor(undefined)), true);
  }

  async listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>> {
    assertChannel(channel);
    let handlers = this.#handlers.get(channel);
    if (!handlers) {
      handlers = new Set();
      this.#handlers.set(channel, handlers);
      await this.#onListener((client) => client.query(`listen ${channel}`));
    }
    // Each subscription gets its own wrapper so the same callback can be registered twice.
    const handler = (payload: string): void => {
      onPayload(payload);
    };
    handlers.add(handler);
    return async () => {
      const current = this.#handlers.get(channel);
      if (!current?.delete(handler) || current.size > 0) return;
      this.#handlers.delete(channel);
      await this.#onListener((client) => client.query(`unlisten ${channel}`));
    };
  }

  async notify(channel: string, payload: string): Promise<void> {
    assertChannel(channel);
    await this.query('select pg_notify($1, $2)', [channel, payload]);
  }

  async close(): Promise<void> {
    this.#queue.close();
    const listener = this.#listener;
    this.#listener = undefined;
    this.#handlers.clear();
    if (listener) await (await listener).end();
    if (this.#schema && this.#dropSchemaOnClose) {
      await this.#pool.query(`drop schema if exists ${this.#schema} cascade`).catch((error: unknown) => {
        console.error('[db] could not drop test schema:', error);
      });
    }
    await this.#pool.end();
  }

  /**
   * Runs `fn` on the LISTEN connection once the statements before it there finished: pings, cancels and
   * subscriptions share it, and node-postgres deprecates a second query on a client still running one.
   */
  #onListener<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
    const run = this.#listenerTurn.then(async () => fn(await this.#listenerClient()));
    this.#listenerTurn = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  #listenerClient(): Promise<pg.Client> {
    this.#listener ??= (async () => {
      const client = new pg.Client({
        connectionString: this.#url,
        ...(this.#schema ? { options: `-c search_path=${this.#schema},public` } : {}),
      });
      client.on('notification', (message) => {
        for (const handler of this.#handlers.get(message.channel) ?? []) handler(message.payload ?? '');
      });
      client.on('error', (error) => {
        console.error('[db] LISTEN connection failed:', error.message);
      });
      await client.connect();
      return client;
    })();
    return this.#listener;
  }
}
