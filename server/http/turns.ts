/**
 * Requests take turns on the event loop. A burst arrives as many sockets readable at once, and Node runs
 * every one of their handlers, each up to its first real wait (validation, caches, admission, the 503 of
 * a refusal), before it reads the next socket: 150 searches at once held a health check ~100 ms. Here
 * the first request of a loop turn runs at once, as before, and the others of that turn wait for one turn
 * each (setImmediate), so the loop reads its sockets between two of them and a cheap request never waits
 * behind a whole burst. Requests that must never wait (`jumpsQueue`) always run at once.
 * Docs: docs/decisions/0120-serving-scale.md, section 1.
 */
type Fetch = (request: Request, env?: unknown) => Response | Promise<Response>;

export function takingTurns(fetch: Fetch, jumpsQueue: (request: Request) => boolean): Fetch {
  const waiting: (() => void)[] = [];
  let turnTaken = false;
  const nextTurn = (): void => {
    const start = waiting.shift();
    if (!start) {
      turnTaken = false;
      return;
    }
    start();
    setImmediate(nextTurn);
  };
  return (request, env) => {
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
