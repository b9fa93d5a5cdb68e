/**
 * HTTP responses for iCalendar bodies. The JSON conditional-GET middleware skips them (it handles JSON
 * only), so they carry their own weak ETag: calendar clients poll subscriptions, and an unchanged feed
 * (DTSTAMP is the last update, not the request time) then costs a 304 and no body.
 */
import { createHash } from 'node:crypto';

export interface IcsResponseOptions {
  /** Offered as a download (`Content-Disposition: attachment`) under this name; inline when absent. */
  filename?: string;
  /** Public communities may be cached by shared caches; members-only ones only by the viewer. */
  isPublic: boolean;
  ifNoneMatch: string | undefined;
}

const etagOf = (body: string): string => `W/"${createHash('sha1').update(body).digest('base64url')}"`;
const opaque = (tag: string): string => tag.trim().replace(/^W\//, '');

export function icsResponse(body: string, options: IcsResponseOptions): Response {
  const etag = etagOf(body);
  const headers = new Headers({
    etag,
    'cache-control': options.isPublic ? 'public, max-age=300' : 'private, no-cache',
    vary: 'Authorization',
  });
  const match = options.ifNoneMatch?.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
  if (match) return new Response(null, { status: 304, headers });
  headers.set('content-type', 'text/calendar; charset=utf-8');
  if (options.filename) headers.set('content-disposition', `attachment; filename="${options.filename}"`);
  return new Response(body, { status: 200, headers });
}
