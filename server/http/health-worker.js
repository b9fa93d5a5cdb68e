// The health listener of `health-listener.ts`, on a worker thread with an HTTP server of its own
// (docs/decisions/0120-serving-scale.md, section 1). It answers from what the main thread publishes in
// shared memory, so a probe is answered in a millisecond however busy the main thread's event loop is;
// and it says when that loop has stopped turning, which a probe on the main port cannot (it would wait).
//
// Plain JavaScript because a worker thread does not inherit tsx's TypeScript loader.
import { createServer } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

if (!parentPort) throw new Error('health-worker.js runs as a worker thread');
const port = parentPort;

/** @type {{ state: SharedArrayBuffer, port: number, host: string, stalledAfterMs: number, database: string }} */
const options = workerData;
const state = new Float64Array(options.state);
// Slots, as written by health-listener.ts: the loop's last turn (epoch ms), the database's last answer
// (epoch ms, 0 = never), whether that answer was yes, then the admission queue's figures.
const [TURN, DB_AT, DB_OK, BUSY, WAITING, SERVICE_MS, REFUSED] = [0, 1, 2, 3, 4, 5, 6];

const server = createServer((request, response) => {
  const path = (request.url ?? '').split('?')[0];
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'application/problem+json' });
    response.end(JSON.stringify({ type: 'about:blank', title: 'Method Not Allowed', status: 405 }));
    return;
  }
  if (path !== '/api/health') {
    response.writeHead(404, { 'content-type': 'application/problem+json' });
    response.end(JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'This port answers /api/health only' }));
    return;
  }
  const now = Date.now();
  const loopLagMs = Math.max(0, Math.round(now - (state[TURN] ?? 0)));
  const databaseAgeMs = now - (state[DB_AT] ?? 0);
  const stalled = loopLagMs > options.stalledAfterMs;
  const databaseDown = (state[DB_OK] ?? 0) !== 1 || databaseAgeMs > options.stalledAfterMs + 2_000;
  const queue = {
    busy: state[BUSY] ?? 0,
    waiting: state[WAITING] ?? 0,
    serviceMs: state[SERVICE_MS] ?? 0,
    refused: state[REFUSED] ?? 0,
  };
  const ok = !stalled && !databaseDown;
  const body = ok
    ? { status: 'ok', database: options.database, time: new Date(now).toISOString(), queue, eventLoopLagMs: loopLagMs }
    : {
        type: 'about:blank',
        title: 'Service Unavailable',
        status: 503,
        detail: stalled ? `The server's event loop has not turned for ${loopLagMs} ms` : 'The database does not answer',
        eventLoopLagMs: loopLagMs,
      };
  response.writeHead(ok ? 200 : 503, {
    'content-type': ok ? 'application/json' : 'application/problem+json',
    'cache-control': 'no-store',
    ...(ok ? {} : { 'retry-after': '5' }),
  });
  response.end(request.method === 'HEAD' ? undefined : JSON.stringify(body));
});
server.keepAliveTimeout = 5_000;
server.on('error', (error) => port.postMessage({ op: 'failed', message: error.message }));
server.listen(options.port, options.host, () => {
  const address = server.address();
  port.postMessage({ op: 'listening', port: typeof address === 'object' && address ? address.port : options.port });
});
port.on('message', (message) => {
  if (message === 'close') server.close(() => port.close());
});
