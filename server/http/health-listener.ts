/**
 * Health on a port of its own (GROVE_HEALTH_PORT), answered by a worker thread (`health-worker.js`) from
 * figures the main thread publishes in shared memory: the time of its event loop's last turn, the
 * database's last answer to a ping, and the admission queue. `/api/health` on the main port is answered
 * by the main thread, between requests: during a burst it waits for the loop's turn (p99 31-47 ms for 150
 * searches at once on two cores, docs/decisions/0120-serving-scale.md; this port 16-18 ms). This one does
 * not wait, and it also says when the loop has stopped turning (503 after `stalledAfterMs`), which a probe
 * on the main port can only learn by timing out. Point liveness and readiness probes at it.
 */
import { Worker } from 'node:worker_threads';
import type { Database } from '../db/index.ts';

export interface HealthListener {
  port: number;
  close(): Promise<void>;
}

/** How often the main thread publishes its figures; the loop's lag is measured to this precision. */
const PUBLISH_MS = 50;
const PING_MS = 1_000;

export async function startHealthListener(
  db: Database,
  { port, host, stalledAfterMs = 10_000 }: { port: number; host: string; stalledAfterMs?: number },
): Promise<HealthListener> {
  const state = new Float64Array(new SharedArrayBuffer(7 * Float64Array.BYTES_PER_ELEMENT));
  const publish = () => {
    const { busy, waiting, serviceMs, refused } = db.stats();
    state.set([Date.now()], 0);
    state.set([busy, waiting, serviceMs, refused], 3);
  };
  let pinging = false;
  const ping = () => {
    if (pinging) return;
    pinging = true;
    db.ping(PING_MS)
      .then((ok) => state.set([Date.now(), ok ? 1 : 0], 1))
      .catch(() => state.set([Date.now(), 0], 1))
      .finally(() => (pinging = false));
  };
  publish();
  await db.ping(PING_MS).then((ok) => state.set([Date.now(), ok ? 1 : 0], 1));
  const publishing = setInterval(publish, PUBLISH_MS);
  const pings = setInterval(ping, PING_MS);
  publishing.unref();
  pings.unref();

  const worker = new Worker(new URL('./health-worker.js', import.meta.url), {
    workerData: { state: state.buffer, port, host, stalledAfterMs, database: db.kind },
  });
  worker.unref();
  const listening = await new Promise<number>((resolve, reject) => {
    worker.once('message', (message: { op: string; port?: number; message?: string }) =>
      message.op === 'listening' ? resolve(message.port ?? port) : reject(new Error(`health listener: ${message.message ?? 'failed'}`)),
    );
    worker.once('error', reject);
  });
  return {
    port: listening,
    close: async () => {
      clearInterval(publishing);
      clearInterval(pings);
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage('close');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
      await worker.terminate();
    },
  };
}
