import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { SlotQueue } from './slot-queue.ts';
import { assertChannel, type Database, type OpenDatabaseOptions, type QueryResult, type TransactionQueryable } from './types.ts';

const keepText = (value: string): string => value;

/** PGlite parses int8 to a JS number or bigint and numeric to a number; pg gives strings: match pg. */
const parsers = { [types.INT8]: keepText, [types.NUMERIC]: keepText };

export const pgliteExtensions = { pg_trgm, unaccent };

export async function openPglite(options: OpenDatabaseOptions): Promise<Database> {
  const pg = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: pgliteExtensions,
    parsers,
  });
  // PGlite executes one statement at a time; one slot models that, and a transaction holds it throughout.
  const queue = new SlotQueue(1, options.queueLimit ?? 64, options.queueTimeoutMs ?? 10_000);
  return new PgliteDatabase(pg, queue);
}

function wrap(target: PGlite | Transaction): TransactionQueryable {
  return {
    async query<T>(sql: string, params?: unknown[]): Promise<QueryResult<T>> {
      const result = await target.query<T>(sql, params);
      return { rows: result.rows };
    },
    async exec(sql: string): Promise<void> {
      await target.exec(sql);
    },
  };
}

class PgliteDatabase implements Database {
  readonly kind = 'pglite' as const;
  readonly #pg: PGlite;
  readonly #queue: SlotQueue;
  readonly #direct: TransactionQueryable;

  constructor(pg: PGlite, queue: SlotQueue) {
    this.#pg = pg;
    this.#queue = queue;
    this.#direct = wrap(pg);
  }

  /** The underlying instance, for dumping a template data directory. */
  get pglite(): PGlite {
    return this.#pg;
  }

  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<T>> {
    return this.#queue.run(() => this.#direct.query<T>(sql, params));
  }

  transaction<T>(fn: (tx: TransactionQueryable) => Promise<T>): Promise<T> {
    return this.#queue.run(() => this.#pg.transaction((tx) => fn(wrap(tx))));
  }

  exec(sql: string): Promise<void> {
    return this.#queue.run(async () => {
      await this.#pg.exec(sql);
    });
  }

  async listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>> {
    assertChannel(channel);
    const unlisten = await this.#queue.run(() => this.#pg.listen(channel, onPayload));
    let active = true;
    return async () => {
      if (!active) return;
      active = false;
      await this.#queue.run(() => unlisten());
    };
  }

  async notify(channel: string, payload: string): Promise<void> {
    assertChannel(channel);
    await this.query('select pg_notify($1, $2)', [channel, payload]);
  }

  async close(): Promise<void> {
    this.#queue.close();
    if (!this.#pg.closed) await this.#pg.close();
  }
}

export type { PgliteDatabase };
