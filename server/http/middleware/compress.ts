/**
 * gzip for responses of 1 KB or more when the client accepts it, deflated on libuv's thread pool
 * (`zlib.gzip`). Hono's `compress()` streams through CompressionStream, whose per-chunk JavaScript runs
 * on the main thread: 150 facet answers cost 0.6 s of main-thread time in the overload burst, time in
 * which health checks and 503s waited (docs/decisions/0120-serving-scale.md). Streams (SSE) pass untouched.
 */
import { promisify } from 'node:util';
import { gzip, constants } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

const gzipAsync = promisify(gzip);
const COMPRESSIBLE = /^(application\/(json|problem\+json|javascript|xml|manifest\+json)|text\/(?!event-stream)|image\/svg\+xml)/;

/** Smaller answers are sent as they are: gzip would save less than its own cost. */
export const COMPRESS_THRESHOLD = 1024;

export function compressResponses(threshold = COMPRESS_THRESHOLD): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.req.method === 'HEAD' || !/\bgzip\b/i.test(c.req.header('accept-encoding') ?? '')) return;
    const res = c.res;
    // Status and headers first: reading `body` turns @hono/node-server's lightweight Response into a full
    // one, a cost every small answer would pay for nothing. Problems and redirects are small: the 503s
    // of an overload burst go out as they are.
    if (res.status >= 300 || res.headers.has('content-encoding') || !COMPRESSIBLE.test(res.headers.get('content-type') ?? '')) return;
    const length = Number(res.headers.get('content-length') ?? Number.NaN);
    if (length < threshold || !res.body) return;
    const body = Buffer.from(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    headers.append('vary', 'accept-encoding');
    if (body.byteLength < threshold) {
      c.res = new Response(body, { status: res.status, statusText: res.statusText, headers });
      return;
    }
    const zipped = await gzipAsync(body, { level: 5, memLevel: constants.Z_DEFAULT_MEMLEVEL });
    headers.set('content-encoding', 'gzip');
    headers.set('content-length', String(zipped.byteLength));
    // Hono copies the replaced response's headers onto the new one, which would put the uncompressed
    // Content-Length (static files set one) back: clients then wait for bytes that never come, until
    // keep-alive closes the socket (6 s per CDN chunk). Clearing it first keeps ours.
    c.res = undefined;
    c.res = new Response(zipped, { status: res.status, statusText: res.statusText, headers });
  };
}
