/**
 * Conditional reads: every successful GET carries a weak ETag (the handler's own, or a hash of the
 * body) and a Cache-Control (the handler's, or `private, no-cache`); a matching If-None-Match gets 304
 * with no body, which is what keeps revalidation cheap on slow connections.
 */
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { HttpProblem } from '../../shared/problem.ts';
import type { AppEnv } from '../env.ts';

function matches(ifNoneMatch: string, etag: string): boolean {
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch === '*' || ifNoneMatch.split(',').some((tag) => opaque(tag) === opaque(etag));
}

export function conditionalGet(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.req.method !== 'GET' || c.res.status !== 200) return;
    const type = c.res.headers.get('content-type') ?? '';
    if (!type.includes('json')) return;
    let etag = c.res.headers.get('etag');
    if (!etag) {
      const body = await c.res.clone().arrayBuffer();
      etag = `W/"${createHash('sha1').update(new Uint8Array(body)).digest('base64url')}"`;
      c.res.headers.set('etag', etag);
    }
    if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'private, no-cache');
    // Responses differ by viewer: a shared cache must key on the token too.
    c.res.headers.append('vary', 'Authorization');
    const ifNoneMatch = c.req.header('if-none-match');
    if (ifNoneMatch && matches(ifNoneMatch, etag)) {
      const headers = new Headers();
      for (const name of ['etag', 'cache-control', 'vary']) {
        const value = c.res.headers.get(name);
        if (value) headers.set(name, value);
      }
      c.res = new Response(null, { status: 304, headers });
    }
  };
}

/** Parses If-Match for a resource whose ETag is its version number (`"3"` or `W/"3"`). */
export function versionFromIfMatch(header: string | undefined): number | null | undefined {
  if (header === undefined) return undefined;
  const match = /^\s*(?:W\/)?"(\d+)"\s*$/.exec(header);
  return match ? Number(match[1]) : null;
}

export const versionETag = (version: number): string => `W/"${version}"`;

/** 428 without If-Match, 412 when it names another version. */
export function checkIfMatch(header: string | undefined, current: number): void {
  const expected = versionFromIfMatch(header);
  if (expected === undefined) {
    throw new HttpProblem(428, 'Send If-Match with the version you edited', {
      errors: [{ field: 'header.if-match', message: 'Required' }],
    });
  }
  if (expected !== current) {
    throw new HttpProblem(412, `This was changed meanwhile (now version ${current}); reload and retry`, {
      headers: { etag: versionETag(current) },
    });
  }
}
