// The PGlite instance of `pglite.ts`, run on a worker thread. PGlite executes each statement
// synchronously inside WebAssembly: on the main thread a 300 ms facet query would stall every HTTP
// request, health check and live stream for 300 ms. Here it stalls only this thread.
//
// Plain JavaScript because a worker thread does not inherit tsx's TypeScript loader. One message in
// (`{ id, op, ... }`), one message out (`{ id, ok, result | error }`); notifications arrive as
// `{ op: 'notification', channel, payload }`. The main thread sends one request at a time (its slot queue
// holds the single slot), so statements of a transaction never interleave with others.
import { Blob } from 'node:buffer';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, types } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';

/** @param {string} value */
const keepText = (value) => value;

if (!parentPort) throw new Error('pglite-worker.js runs as a worker thread');
const port = parentPort;

/** @type {{ dataDir?: string, loadDataDir?: ArrayBuffer }} */
const options = workerData ?? {};

/** @param {unknown} error */
function serialise(error) {
  if (!(error instanceof Error)) return { message: String(error) };
  /** @type {Record<string, unknown>} */
  const fields = { name: error.name, message: error.message };
  for (const key of ['code', 'detail', 'hint', 'constraint', 'table', 'column', 'severity', 'position']) {
    const value = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (error))[key];
    if (value !== undefined) fields[key] = value;
  }
  return fields;
}

try {
  const pg = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: new Blob([options.loadDataDir]) } : {}),
    extensions: { pg_trgm, unaccent },
    // PGlite parses int8 to a number or bigint and numeric to a number; node-postgres gives strings: match it.
    parsers: { [types.INT8]: keepText, [types.NUMERIC]: keepText },
  });
  /** @type {Map<string, () => Promise<void>>} */
  const unlisteners = new Map();

  /** @param {{ op: string, sql?: string, params?: unknown[], channel?: string }} message */
  const run = async (message) => {
    switch (message.op) {
      case 'query': {
        const result = await pg.query(message.sql ?? '', message.params ?? []);
        return result.rows;
      }
      case 'exec':
        await pg.exec(message.sql ?? '');
        return null;
      case 'listen': {
        const channel = message.channel ?? '';
        if (!unlisteners.has(channel)) {
          unlisteners.set(channel, await pg.listen(channel, (payload) => port.postMessage({ op: 'notification', channel, payload })));
        }
        return null;
      }
      case 'unlisten': {
        const channel = message.channel ?? '';
        const stop = unlisteners.get(channel);
        unlisteners.delete(channel);
        if (stop) await stop();
        return null;
      }
      case 'dump': {
        const blob = await pg.dumpDataDir('gzip');
        return await blob.arrayBuffer();
      }
      case 'close':
        if (!pg.closed) await pg.close();
        return null;
      default:
        throw new Error(`Unknown operation ${message.op}`);
    }
  };

  port.on('message', (/** @type {{ id: number, op: string }} */ message) => {
    run(message).then(
      (result) => port.postMessage({ id: message.id, ok: true, result }, result instanceof ArrayBuffer ? [result] : []),
      (/** @type {unknown} */ error) => port.postMessage({ id: message.id, ok: false, error: serialise(error) }),
    );
  });
  port.postMessage({ op: 'ready' });
} catch (error) {
  port.postMessage({ op: 'failed', error: serialise(error) });
}
