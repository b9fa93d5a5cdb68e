/**
 * The database interface shared by the embedded (PGlite) and the server (PostgreSQL) back ends.
 *
 * Values come back with the same JS types from both:
 * - bigint (int8) and numeric columns: `string` (ids are strings in the API, and JS numbers cannot hold
 *   every int8); cast in SQL (`count(*)::int`) when a number is wanted;
 * - smallint, integer, real, double precision: `number`; boolean: `boolean`;
 * - timestamptz / timestamp / date: `Date`; json / jsonb: parsed values; arrays: JS arrays of the above.
 */
export interface QueryResult<T> {
  rows: T[];
}

export interface QueryOptions {
  /**
   * Cancels the query: a waiting one leaves the queue at once; a running one is cancelled on PostgreSQL
   * (pg_cancel_backend) and its result discarded on PGlite, which cannot interrupt a statement.
   * Defaults to the signal of the request being served (see `Database.withRequest`).
   */
  signal?: AbortSignal;
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions): Promise<QueryResult<T>>;
}

/** What `withRequest` binds to every query made while serving one request. */
export interface RequestScope {
  /** Fires when the client went away: queries still waiting or running are cancelled. */
  signal?: AbortSignal;
  /** When the request arrived (performance.now()): the queue serves earlier requests first. */
  order?: number;
  /**
   * A safe request (GET, HEAD): its statements are not counted as this process's writes, which is what
   * lets caches trust their notifications while only readers run (`Database.lastWriteAt`).
   */
  readOnly?: boolean;
  /**
   * Work no client waits for, though a request started it (a cached answer refreshed while the last one
   * is served): it waits its turn instead of being refused, as start-up work does.
   */
  background?: boolean;
}

/** The state of the admission queue, for health checks and benchmarks. */
export interface DatabaseStats {
  kind: 'pglite' | 'postgres';
  slots: number;
  busy: number;
  waiting: number;
  /** Moving average of how long a query holds its slot, in ms. */
  serviceMs: number;
  /** Calls refused (503) and abandoned (client gone) since the start. */
  refused: number;
  abandoned: number;
}

/** What a transaction callback receives: queries plus multi-statement scripts, on one connection. */
export interface TransactionQueryable extends Queryable {
  exec(sql: string): Promise<void>;
  /**
   * `COPY <table> (<columns>) FROM STDIN` with `data` in COPY's text format (PostgreSQL only: bulk loads
   * check for it and fall back to INSERT on PGlite).
   */
  copyFrom?(sql: string, data: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `fn` in BEGIN/COMMIT on one connection; rolls back and rethrows when `fn` throws.
   * The transaction holds a connection slot: inside `fn` use `tx`, never `db` (on PGlite that would wait
   * for the slot the transaction itself holds, until the queue timeout refuses it).
   */
  transaction<T>(fn: (tx: TransactionQueryable) => Promise<T>): Promise<T>;
  /** Subscribes to a NOTIFY channel; resolves to a function that unsubscribes this callback. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
  /** Runs a script of several statements without parameters (migrations, DDL). */
  exec(sql: string): Promise<void>;
  /**
   * Runs `fn` with every query it makes (however deep) bound to one request: cancelled with its signal,
   * and queued in the order requests arrived.
   */
  withRequest<T>(scope: RequestScope, fn: () => Promise<T>): Promise<T>;
  /** The admission queue's state; never waits. */
  stats(): DatabaseStats;
  /**
   * When (performance.now()) this process last finished a statement that may have written: any statement
   * outside a read-only request, transactions and scripts included. Infinity while one runs.
   */
  lastWriteAt(): number;
  /**
   * Whether the database answers, without queueing behind requests: PostgreSQL is pinged on the
   * connection reserved for LISTEN; PGlite runs in this process, so it answers while its worker lives.
   */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL connection string; when set, PostgreSQL is used instead of PGlite. */
  url?: string;
  /** PGlite data directory; in memory when absent. Ignored with `url`. */
  dataDir?: string;
  /** Queries allowed to wait for a connection before new ones are refused (default 64). */
  queueLimit?: number;
  /**
   * Longest a query may wait for a connection before it is refused, in ms (default 10 000; the server
   * uses GROVE_QUEUE_WAIT_MS, 500), counted for a request's first statement from the request's arrival
   * (`RequestScope.order`). A query expected to wait longer (measured service time × waiters ahead) is
   * refused at once.
   */
  queueTimeoutMs?: number;
  /** PostgreSQL only: statement_timeout of every pooled connection, in ms (default none). */
  statementTimeoutMs?: number;
  /** PGlite only: a dumped data directory (tar.gz) to start from, as written by `dumpDataDir`. */
  loadDataDir?: Blob;
  /** PostgreSQL only: pool size (default 10). */
  poolSize?: number;
  /** PostgreSQL only: schema to use (created when missing); set as the search_path of every connection. */
  schema?: string;
  /** PostgreSQL only: drop `schema` when the database is closed (per-process test schemas). */
  dropSchemaOnClose?: boolean;
}

/** Channel names are plain identifiers so they can be used unquoted in LISTEN on both back ends. */
export const CHANNEL_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertChannel(channel: string): void {
  if (!CHANNEL_PATTERN.test(channel)) {
    throw new TypeError(`Invalid notification channel "${channel}": use ${CHANNEL_PATTERN.source}`);
  }
}

/**
 * A `Database` whose every query runs inside the open transaction `tx`: request-scoped work (an
 * idempotent write and its stored response) commits or rolls back as one. A nested `transaction()` becomes
 * a savepoint, so a step that fails undoes only itself; `notify` is sent at commit, so listeners never
 * hear of a write that was rolled back; `listen` stays on the parent, which outlives the transaction.
 */
export function bindTransaction(tx: TransactionQueryable, parent: Database): Database {
  let savepoints = 0;
  // One connection runs one statement at a time: statements a handler starts together (Promise.all)
  // are queued here rather than handed to the driver at once (which node-postgres deprecates).
  let last: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(run: () => Promise<T>): Promise<T> => {
    const next = last.then(run, run);
    last = next.catch(() => undefined);
    return next;
  };
  const serial: TransactionQueryable = {
    query: (sql, params) => inTurn(() => tx.query(sql, params)),
    exec: (sql) => inTurn(() => tx.exec(sql)),
  };
  return {
    kind: parent.kind,
    ...serial,
    async transaction(fn) {
      const name = `grove_nested_${++savepoints}`;
      await serial.exec(`savepoint ${name}`);
      try {
        const result = await fn(serial);
        await serial.exec(`release savepoint ${name}`);
        return result;
      } catch (error) {
        await serial.exec(`rollback to savepoint ${name}`);
        throw error;
      }
    },
    listen: (channel, onPayload) => parent.listen(channel, onPayload),
    withRequest: (scope, fn) => parent.withRequest(scope, fn),
    stats: () => parent.stats(),
    lastWriteAt: () => parent.lastWriteAt(),
    ping: (timeoutMs) => parent.ping(timeoutMs),
    async notify(channel, payload) {
      assertChannel(channel);
      await tx.query('select pg_notify($1, $2)', [channel, payload]);
    },
    close: () => Promise.reject(new Error('A transaction-bound database is closed by its transaction, not by close()')),
  };
}

/** True for a unique-constraint violation (SQLSTATE 23505), the same on both back ends. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
