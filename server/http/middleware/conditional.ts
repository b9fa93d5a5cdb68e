/**
 * ETags, one scheme for every resource (docs/decisions/0104-etags.md):
 * - a resource without a version (lists, profiles, badges) gets `W/"<digest>"`, a hash of its JSON;
 * - a versioned resource (threads, posts) gets `W/"<version>.<digest>"`: the digest changes with anything
 *   in the representation (counts, reactions, the viewer's rights), so revalidation is exact; the
 *   version changes with every edit of the resource's own fields. If-Match compares the version only, so
 *   the ETag a GET sent is what a PATCH or DELETE accepts, and a reaction arriving meanwhile does not fail
 *   a moderator's edit. (`"<version>"` alone, as the widgets send it from a list item, is accepted too.)
 * Every successful JSON GET also carries a Cache-Control (the handler's, or `private, no-cache`), and a
 * matching If-None-Match gets 304 with no body, which keeps revalidation cheap on slow connections.
 */
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { HttpProblem } from '../../shared/problem.ts';
import type { AppEnv } from '../env.ts';

const VERSION_ONLY = /^W\/"(\d+)"$/;
/** One entity tag of an If-Match list: optional W/, then "version" or "version.digest". */
const VERSIONED_TAG = /^(?:W\/)?"(\d+)(?:\.[A-Za-z0-9_-]+)?"$/;

const opaque = (tag: string) => tag.trim().replace(/^W\//, '');

function matches(ifNoneMatch: string, etag: string): boolean {
  return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/** The digest part of an ETag for these bytes. */
export const digestOf = (bytes: Uint8Array): string => createHash('sha1').update(bytes).digest('base64url').slice(0, 16);

const digest = async (res: Response) => digestOf(new Uint8Array(await res.clone().arrayBuffer()));

export function conditionalGet(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.res.status < 200 || c.res.status >= 300 || !(c.res.headers.get('content-type') ?? '').includes('json')) return;
    // A handler names a versioned resource's version; the digest of what was sent completes the tag.
    const version = VERSION_ONLY.exec(c.res.headers.get('etag') ?? '')?.[1];
    if (version !== undefined) c.res.headers.set('etag', `W/"${version}.${await digest(c.res)}"`);
    if (c.req.method !== 'GET' || c.res.status !== 200) return;
    let etag = c.res.headers.get('etag');
    if (!etag) {
      etag = `W/"${await digest(c.res)}"`;
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

/** What a handler sets as the ETag of a versioned resource; the middleware above appends the digest. */
export const versionETag = (version: number): string => `W/"${version}"`;

/**
 * 428 without If-Match; 412 unless one of its tags names version `current` (or it is `*`). A header
 * that is not a list of this resource's tags names the field.
 */
export function checkIfMatch(header: string | undefined, current: number): void {
  if (header === undefined || header.trim() === '') {
    throw new HttpProblem(428, 'Send If-Match with the ETag (or version) you edited', {
      errors: [{ field: 'header.if-match', message: 'Required' }],
    });
  }
  if (header.trim() === '*') return;
  const versions = header.split(',').map((tag) => VERSIONED_TAG.exec(tag.trim())?.[1]);
  if (versions.some((version) => version === undefined)) {
    throw new HttpProblem(400, 'If-Match must hold the ETag this resource sent', {
      type: 'validation',
      errors: [{ field: 'header.if-match', message: 'Not an ETag of this resource, e.g. W/"3.abc" or "3"' }],
    });
  }
  if (!versions.includes(String(current))) {
    throw new HttpProblem(412, `This was changed meanwhile (now version ${current}); reload and retry`, {
      headers: { etag: versionETag(current) },
    });
  }
}
