/**
 * HTTP measurement for bench/directory: one user typing (requests one after another) and a closed loop of
 * N concurrent clients cycling through a list of paths (what "at capacity" means for a single server).
 * Written here rather than with autocannon because each request may have a different path.
 */

export interface Latencies {
  count: number;
  errors: number;
  p50: number;
  p99: number;
}

export interface Throughput extends Latencies {
  requestsPerSecond: number;
}

/** The value at quantile `q` of sorted `values` (nearest rank). */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

function summarise(durations: number[], errors: number): Latencies {
  const sorted = [...durations].sort((a, b) => a - b);
  return { count: durations.length, errors, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
}

/** Times one GET, reading the whole body (as the widget does); a non-2xx answer counts as an error. */
async function timedGet(url: string): Promise<{ ms: number; ok: boolean }> {
  const started = performance.now();
  const response = await fetch(url).catch(() => undefined);
  await response?.arrayBuffer();
  return { ms: performance.now() - started, ok: response?.ok ?? false };
}

/** Requests `urls` one after another, as one person typing does. */
export async function sequential(urls: readonly string[]): Promise<Latencies> {
  const durations: number[] = [];
  let errors = 0;
  for (const url of urls) {
    const { ms, ok } = await timedGet(url);
    durations.push(ms);
    if (!ok) errors++;
  }
  return summarise(durations, errors);
}

/** `connections` clients, each sending its next request as soon as the previous answer arrived. */
export async function closedLoop(urls: readonly string[], connections: number, seconds: number): Promise<Throughput> {
  const durations: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const client = async () => {
    while (performance.now() < deadline) {
      const url = urls[next++ % urls.length] ?? '';
      const { ms, ok } = await timedGet(url);
      durations.push(ms);
      if (!ok) errors++;
    }
  };
  await Promise.all(Array.from({ length: connections }, client));
  const elapsed = (performance.now() - started) / 1000;
  return { ...summarise(durations, errors), requestsPerSecond: durations.length / elapsed };
}
