/**
 * Buffers generated rows per table and writes them per table and batch. On PostgreSQL with `COPY ... FROM
 * STDIN` in text format (no parameters to parse: the unnest arrays' text parsing was most of the load's
 * database time); a table with columns computed in SQL is copied into a temporary table and inserted from
 * it with the same expressions. On PGlite with one `insert ... select from unnest($1, $2, ...)`: a fixed
 * number of parameters whatever the batch size. Both give the same rows (test/server/seed/bulk-load.test.ts).
 * Tables flush together in registration order, so foreign keys always point at rows already written.
 * Ids are chosen by the generator (OVERRIDING SYSTEM VALUE) and the identity sequences are moved past
 * them at the end.
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

/** A value in COPY's text format: backslash escapes for the characters that delimit fields and rows. */
function copyText(value: string): string {
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c] ?? c) : value;
}
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** An array literal whose every item is quoted (what `string_to_array` over the joined items gives). */
function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((item) => `"${item.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

function copyCell(cell: Cell, type: ColumnType): string {
  if (cell === null) return '\\N';
  if (type === 'text[]' || type === 'timestamptz[]') {
    const items = cell as readonly string[];
    // string_to_array('', …) is an empty array, not one empty item: the INSERT path's reading.
    return copyText(items.length === 0 || (items.length === 1 && items[0] === '') ? '{}' : arrayLiteral(items));
  }
  if (cell instanceof Date) return cell.toISOString();
  if (typeof cell === 'boolean') return cell ? 't' : 'f';
  return copyText(String(cell));
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
  /** Batches being written while the next one is generated (JavaScript and the database work in parallel). */
  readonly #inflight = new Set<Promise<void>>();
  /** How many batches may be written at once when they do not depend on each other. */
  readonly #lanes: number;
  /** Foreign-key checks and triggers off while loading (session_replication_role = replica); see bulk.ts. */
  #replica = false;
  /** COPY where the database offers it (PostgreSQL); false forces the INSERT path (tests compare the two). */
  useCopy = true;
  /** Milliseconds spent writing each table (the database's side of the load; batches written at once overlap). */
  readonly timings = new Map<string, number>();

  constructor(db: Database, batchSize = 5_000, lanes = 3) {
    this.#db = db;
    this.#lanes = lanes;
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
   * Hands every buffered row to one transaction and returns once a connection is free for the next: the
   * database writes this batch while the generator builds the next. With foreign-key checks off
   * (replica), batches do not depend on each other and several are written at once (on separate
   * connections); with them on, one at a time so that a referenced row is always committed first.
   */
  async flush(): Promise<void> {
    const lanes = this.#replica && this.#db.kind === 'postgres' ? this.#lanes : 1;
    while (this.#inflight.size >= lanes) await Promise.race(this.#inflight);
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
    const written: Promise<void> = this.#db
      .transaction(async (tx) => {
        // A crash loses the seed anyway: no need to wait for each batch to reach the disk.
        await tx.exec(`set local synchronous_commit = off${replica ? '; set local session_replication_role = replica' : ''}`);
        for (const { spec, rows } of batch) await this.#write(tx, spec, rows);
      })
      .finally(() => this.#inflight.delete(written));
    // Its failure is reported by the flush or drain that waits for it, not as an unhandled rejection.
    written.catch(() => undefined);
    this.#inflight.add(written);
  }

  /** Waits for every batch to be written. */
  async drain(): Promise<void> {
    await this.flush();
    while (this.#inflight.size > 0) await Promise.all(this.#inflight);
  }

  tableNames(): string[] {
    return [...this.#tables.keys()];
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
    const started = performance.now();
    if (tx.copyFrom && this.useCopy) await this.#copy(tx, tx.copyFrom.bind(tx), spec, rows);
    else await this.#insert(tx, spec, rows);
    this.timings.set(spec.table, (this.timings.get(spec.table) ?? 0) + performance.now() - started);
  }

  async #copy(tx: TransactionQueryable, copyFrom: (sql: string, data: string) => Promise<void>, spec: TableSpec, rows: Cell[][]) {
    const names = spec.columns.map(([name]) => name);
    const types = spec.columns.map(([, type]) => type);
    let data = '';
    for (const row of rows) {
      for (let index = 0; index < types.length; index++) {
        data += (index === 0 ? '' : '\t') + copyCell(row[index] ?? null, types[index] as ColumnType);
      }
      data += '\n';
    }
    if (spec.computed.length === 0) {
      await copyFrom(`copy ${spec.table} (${names.join(', ')}) from stdin`, data);
      return;
    }
    // COPY cannot compute columns: the rows go through a temporary table of the copied columns, and the
    // insert from it computes the rest with the expressions the INSERT path uses (`u.<column>`).
    const stage = `seed_stage_${spec.table}`;
    await tx.exec(
      `create temporary table if not exists ${stage} on commit delete rows as select ${names.join(', ')} from ${spec.table} with no data`,
    );
    await copyFrom(`copy ${stage} (${names.join(', ')}) from stdin`, data);
    const targets = [...names, ...spec.computed.map(([name]) => name)];
    const select = [...names.map((name) => `u.${name}`), ...spec.computed.map(([, sql]) => sql)];
    await tx.exec(
      `insert into ${spec.table} (${targets.join(', ')}) ${spec.hasIdentity ? 'overriding system value' : ''} select ${select.join(', ')} from ${stage} u`,
    );
  }

  async #insert(tx: TransactionQueryable, spec: TableSpec, rows: Cell[][]): Promise<void> {
    const names = spec.columns.map(([name]) => name);
    const params = spec.columns.map(([, type], index) => rows.map((row) => encode(row[index] ?? null, type)));
    const unnest = spec.columns.map(([, type], index) => `$${index + 1}::${parameterCast(type)}`).join(', ');
    const select = [...spec.columns.map(([name, type]) => selectExpression(name, type)), ...spec.computed.map(([, sql]) => sql)].join(', ');
    const targets = [...names, ...spec.computed.map(([name]) => name)];
    await tx.query(
      `insert into ${spec.table} (${targets.join(', ')}) ${spec.hasIdentity ? 'overriding system value' : ''}
       select ${select} from unnest(${unnest}) as u(${names.join(', ')})`,
      params,
    );
  }
}
