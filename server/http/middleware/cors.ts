/**
 * CORS for the API, answered the way Hono's `cors()` answers (same headers, same preflight), but without
 * touching the response before the handler has made it. Hono's sets its headers on `c.res` first, which
 * makes Hono copy every later response into a new one; with @hono/node-server each copy turns its
 * lightweight Response into a full undici Response read back through a web stream. That cost about a
 * millisecond of main-thread time per request, 503s included, which in an overload burst is time a
 * health check waits for (docs/decisions/0120-serving-scale.md, section 1). Here the headers are set once,
 * on the final response's own Headers.
 */
import type { MiddlewareHandler } from 'hono';

export interface CorsOptions {
  /** The origin to allow for this request's Origin header, or null to allow none. */
  origin: (origin: string) => string | null;
  allowMethods: string[];
  allowHeaders: string[];
  exposeHeaders: string[];
  /** How long a browser may keep a preflight's answer, in seconds. */
  maxAge: number;
}

export function cors(options: CorsOptions): MiddlewareHandler {
  const exposeHeaders = options.exposeHeaders.join(',');
  const allowMethods = options.allowMethods.join(',');
  const allowHeaders = options.allowHeaders.join(',');
  const crossOrigin = (origin: string | null): [string, string][] => [
    ...(origin ? [['access-control-allow-origin', origin] as [string, string]] : []),
    ...(exposeHeaders ? [['access-control-expose-headers', exposeHeaders] as [string, string]] : []),
  ];
  return async (c, next) => {
    const origin = options.origin(c.req.header('origin') ?? '');
    if (c.req.method === 'OPTIONS') {
      const headers = new Headers(crossOrigin(origin));
      headers.append('vary', 'Origin');
      headers.set('access-control-max-age', String(options.maxAge));
      headers.set('access-control-allow-methods', allowMethods);
      if (allowHeaders) {
        headers.set('access-control-allow-headers', allowHeaders);
        headers.append('vary', 'Access-Control-Request-Headers');
      }
      return new Response(null, { status: 204, statusText: 'No Content', headers });
    }
    await next();
    const headers = c.res.headers;
    for (const [name, value] of crossOrigin(origin)) headers.set(name, value);
    headers.append('vary', 'Origin');
  };
}
