/**
 * Requests take turns on the event loop. A burst arrives as many sockets readable at once, and Node runs
 * every one of their handlers, each up to its first real wait (validation, caches, admission, the 503 of
 * a refusal), before it reads the next socket: 150 searches at once held a health check ~100 ms. Here
 * the first request of a loop turn runs at once, as before, and the others of that turn start in later
 * turns (setImmediate), each later turn starting waiting requests for up to `sliceMs`, so the loop reads
 * its sockets between two groups and a cheap request never waits behind a whole burst. Requests that must
 * never wait (`jumpsQueue`) always run at once. The price: a burst reaches the admission queue more
 * slowly, so its first 503 comes a little later. Alternating runs on a quiet machine (PGlite at 12,000
 * members, 150 facet searches against a server just started, three each, health checks pooled): health
 * p99 38 ms instead of 108 (worst 45 instead of 155). A turn first started one request: traced per
 * request (2026-12-08), each turn took ~3.5 ms of a loaded loop, so a burst's last requests waited ~500 ms
 * for their turn and were refused as they started, at the end of their budget. A 2 ms slice per turn,
 * alternated with one request per turn (six bursts each): slowest 503 from its fetch call 592-636 ms
 * instead of 623-1,050, health p99 on the main port 47-49 ms instead of 36-47.
 * Docs: docs/decisions/0120-serving-scale.md, section 1.
 */
type Fetch = (request: Request, env?: unknown) => Response | Promise<Response>;

const arrivals = new WeakMap<Request, number>();

/**
 * When a request reached the server (performance.now()), before it waited for its turn; undefined for a
 * request that did not come through `takingTurns`. The admission queue counts a request's wait budget
 * from here, so the turn it waited is part of the budget and a refusal comes within it.
 */
export function arrivalOf(request: Request): number | undefined {
  return arrivals.get(request);
}

export interface TurnOptions {
  /**
   * How long one later turn may spend starting waiting requests, in ms; each turn starts at least one.
   * Default 2: a refusal or a cached answer takes 0.3-0.6 ms of handler, so a turn starts several and the
   * loop still reads its sockets (a health check) every few milliseconds. One request per turn made a
   * burst's last requests wait half a second for their turn (see below).
   */
  sliceMs?: number;
  /** The clock (tests). */
  now?: () => number;
}

export function takingTurns(fetch: Fetch, jumpsQueue: (request: Request) => boolean, options: TurnOptions = {}): Fetch {
  const { sliceMs = 2, now = () => performance.now() } = options;
  const waiting: (() => void)[] = [];
  let turnTaken = false;
  const nextTurn = (): void => {
    if (waiting.length === 0) {
      turnTaken = false;
      return;
    }
    const began = now();
    do waiting.shift()?.();
    while (waiting.length > 0 && now() - began < sliceMs);
    setImmediate(nextTurn);
  };
  return (request, env) => {
    arrivals.set(request, performance.now());
    if (jumpsQueue(request)) return fetch(request, env);
    if (!turnTaken) {
      turnTaken = true;
      setImmediate(nextTurn);
      return fetch(request, env);
    }
    return new Promise<Response>((resolve, reject) => {
      waiting.push(() => {
        try {
          resolve(fetch(request, env));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
  };
}
