/**
 * A `fetch` for the HTTP client's boundary: records each Request and answers through `respond`
 * (`attempt` counts from 1). Honours the request's AbortSignal like the real fetch.
 */
export function fakeFetch(respond: (request: Request, attempt: number) => Response | Promise<Response>) {
  const requests: Request[] = [];
  /** Request bodies as text, read on arrival (the Request's own stream is consumed by then). */
  const bodies: Promise<string>[] = [];
  const fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    requests.push(request);
    bodies.push(request.bodyUsed ? Promise.resolve('(consumed)') : request.clone().text());
    return new Promise<Response>((resolve, reject) => {
      const onAbort = () => reject(request.signal.reason as Error);
      if (request.signal.aborted) {
        onAbort();
        return;
      }
      request.signal.addEventListener('abort', onAbort, { once: true });
      Promise.resolve(respond(request, requests.length)).then(resolve, reject);
    });
  };
  return { fetch: fetch, requests, bodies };
}

export function json(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string> | undefined) },
  });
}

export function problem(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ status, ...body }), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}

/** A promise that never settles unless the request is aborted (for timeouts and aborts). */
export function never(): Promise<Response> {
  return new Promise(() => undefined);
}

/** Resolves once `condition` holds, checking after each macrotask (for work behind async token lookups). */
export async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve));
}
