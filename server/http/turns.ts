/**
 * Requests take turns on the event loop. A burst arrives as many sockets readable at once, and Node runs
 * every one of their handlers, each up to its first real wait (validation, caches, admission, the 503 of
 * a refusal), before it reads the next socket: 150 searches at once held a health check ~100 ms. Here
 * the first request of a loop turn runs at once, as before, and the others of that turn start `perTurn` at
 * a time (default 1), one group per later turn (setImmediate), so the loop reads its sockets between two
 * groups and a cheap request never waits behind a whole burst. Requests that must never wait
 * (`jumpsQueue`) always run at once. The price: a burst reaches the admission queue more slowly, so its
 * first 503 comes a little later. Alternating runs on a quiet machine (PGlite at 12,000 members, 150
 * facet searches against a server just started, three each, health checks pooled): health p99 38 ms
 * instead of 108 (worst 45 instead of 155), first 503 after 180-222 ms instead of 179-232, every answer
 * within 1.03 s instead of 0.73-1.13; groups of 8 gave a worse health p99 (an earlier run).
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

export function takingTurns(fetch: Fetch, jumpsQueue: (request: Request) => boolean, perTurn = 1): Fetch {
  const waiting: (() => void)[] = [];
  let turnTaken = false;
  const nextTurn = (): void => {
    if (waiting.length === 0) {
      turnTaken = false;
      return;
    }
    for (const start of waiting.splice(0, perTurn)) start();
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
