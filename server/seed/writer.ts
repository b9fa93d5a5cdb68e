/**
 * Buffers generated rows per table and writes them with one `insert ... select from unnest($1, $2, ...)`
 * per table and batch: a fixed number of parameters whatever the batch size, which PGlite and
 * PostgreSQL both parse quickly. Tables flush together in registration order, so foreign keys always
 * point at rows already written. Ids are chosen by the generator (OVERRIDING SYSTEM VALUE) and the
 * identity sequences are moved past them at the end.
 */
import type { Database, TransactionQueryable } from '../db/index.ts';

export type ColumnType = 'bigint' | 'integer' | 'smallint' | 'text' | 'boolean' | 'timestamptz' | 'jsonb' | 'text[]' | 'timestamptz[]';
export type Cell = string | number | boolean | Date | null | readonly string[];

/** Separates list items inside one text parameter (never part of generated text). */
const ITEM_SEPARATOR = '\u001f';

interface TableSpec {
  table: string;
  columns: [string, ColumnType][];
  /** Columns computed in SQL from the inserted ones (`u.<column>`), which triggers would fill outside a bulk load. */
  computed: [string, string][];
  hasIdentity: boolean;
  rows: Cell[][];
  written: number;
}

function parameterCast(type: ColumnType): string {
  switch (type) {
    case 'text[]':
    case 'timestamptz[]':
    case 'jsonb':
      return 'text[]';
    default:
      return `${type}[]`;
  }
}

function selectExpression(name: string, type: ColumnType): string {
  switch (type) {
    case 'text[]':
      return `string_to_array(u.${name}, chr(31))`;
    case 'timestamptz[]':
      return `string_to_array(u.${name}, chr(31))::timestamptz[]`;
    case 'jsonb':
      return `u.${name}::jsonb`;
    default:
      return `u.${name}`;
  }
}

function encode(cell: Cell, type: ColumnType): unknown {
  if (cell === null) return null;
  if (type === 'text[]' || type === 'timestamptz[]') return (cell as readonly string[]).join(ITEM_SEPARATOR);
  if (cell instanceof Date) return cell.toISOString();
  return cell;
}

export class RowWriter {
  readonly #db: Database;
  readonly #batchSize: number;
  readonly #tables = new Map<string, TableSpec>();
  #pending = 0;
  /** The batch being written while the next one is generated (JavaScript and the database work in parallel). */
  #inflight: Promise<void> = Promise.resolve();
  /** Foreign-key checks and triggers off while loading (session_replication_role = replica); see bulk.ts. */
  #replica = false;
  /** Milliseconds spent writing each table (the database's side of the load). */
  readonly timings = new Map<string, number>();

  constructor(db: Database, batchSize = 5_000) {
    this.#db = db;
    this.#batchSize = batchSize;
  }

  /** Declares a table; call in foreign-key order. */
  table(table: string, columns: [string, ColumnType][], computed: [string, string][] = [], hasIdentity = columns[0]?.[0] === 'id'): void {
    this.#tables.set(table, { table, columns, computed, hasIdentity, rows: [], written: 0 });
  }

  /** Writes with foreign-key checks and triggers off: the caller rebuilds what triggers maintain afterwards. */
  set replica(value: boolean) {
    this.#replica = value;
  }

  async add(table: string, row: Cell[]): Promise<void> {
    const spec = this.#tables.get(table);
    if (!spec) throw new Error(`Unknown table ${table}`);
    spec.rows.push(row);
    if (++this.#pending >= this.#batchSize) await this.flush();
  }

  /**
   * Hands every buffered row to one transaction and returns once the previous batch is written: the
   * database writes this batch while the generator builds the next.
   */
  async flush(): Promise<void> {
    await this.#inflight;
    if (this.#pending === 0) return;
    this.#pending = 0;
    const batch = [...this.#tables.values()]
      .filter((spec) => spec.rows.length > 0)
      .map((spec) => {
        const rows = spec.rows;
        spec.rows = [];
        spec.written += rows.length;
        return { spec, rows };
      });
    const replica = this.#replica;
    this.#inflight = this.#db.transaction(async (tx) => {
      if (replica) await tx.exec('set local session_replication_role = replica');
      for (const { spec, rows } of batch) await this.#write(tx, spec, rows);
    });
  }

  /** Waits for every batch to be written. */
  async drain(): Promise<void> {
    await this.flush();
    await this.#inflight;
  }

  counts(): Record<string, number> {
    return Object.fromEntries([...this.#tables.values()].map((spec) => [spec.table, spec.written + spec.rows.length]));
  }

  /** Moves each identity sequence past the ids the generator chose. */
  async finish(): Promise<void> {
    await this.drain();
    for (const spec of this.#tables.values()) {
      if (!spec.hasIdentity) continue;
      await this.#db.query(
        `select setval(pg_get_serial_sequence('${spec.table}', 'id'), coalesce((select max(id) from ${spec.table}), 0) + 1, false)`,
      );
    }
  }

  /** Runs a statement after everything buffered is written (updates of rows written earlier). */
  async execute(sql: string, params: unknown[]): Promise<void> {
    await this.drain();
    const replica = this.#replica;
    await this.#db.transaction(async (tx) => {
      // Like the load itself: what triggers would maintain is rebuilt after it, set-based.
      if (replica) await tx.exec('set local session_replication_role = replica');
      await tx.query(sql, params);
    });
  }

  async #write(tx: TransactionQueryable, spec: TableSpec, rows: Cell[][]): Promise<void> {
    const names = spec.columns.map(([name]) => name);
    const params = spec.columns.map(([, type], index) => rows.map((row) => encode(row[index] ?? null, type)));
    const unnest = spec.columns.map(([, type], index) => `$${index + 1}::${parameterCast(type)}`).join(', ');
    const select = [...spec.columns.map(([name, type]) => selectExpression(name, type)), ...spec.computed.map(([, sql]) => sql)].join(', ');
    const targets = [...names, ...spec.computed.map(([name]) => name)];
    const started = performance.now();
    await tx.query(
      `insert into ${spec.table} (${targets.join(', ')}) ${spec.hasIdentity ? 'overriding system value' : ''}
       select ${select} from unnest(${unnest}) as u(${names.join(', ')})`,
      params,
    );
    this.timings.set(spec.table, (this.timings.get(spec.table) ?? 0) + performance.now() - started);
  }
}
