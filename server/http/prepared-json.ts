/**
 * A JSON answer prepared once per result object: its bytes, its ETag and its gzip. The directory's cache
 * hands every request for the same page the same object, so the first view of a directory (the same 16 KB
 * page for every anonymous reader) was serialised, hashed for its ETag and gzipped again on every request:
 * most of what a cached answer cost the main thread (docs/decisions/0120-serving-scale.md). Keyed weakly by
 * the object, so an answer leaves with the cache entry that held it.
 *
 * The ETag is the one `conditionalGet` would compute from the same bytes, so revalidation and 304s behave
 * as for any other answer; the gzip is what `compressResponses` would send.
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import { digestOf } from './middleware/conditional.ts';
import { COMPRESS_THRESHOLD } from './middleware/compress.ts';

const gzipAsync = promisify(gzip);

interface Prepared {
  body: Buffer;
  etag: string;
  gzipped?: Promise<Buffer>;
}

const prepared = new WeakMap<object, Prepared>();

/** What `c.json(value, 200)` answers, typed the same way for the route's contract. */
type JsonAnswer<T> = Response & TypedResponse<JSONParsed<T>, 200, 'json'>;

export async function preparedJson<T extends object>(c: Context, value: T): Promise<JsonAnswer<T>> {
  return (await respond(c, value)) as JsonAnswer<T>;
}

async function respond(c: Context, value: object): Promise<Response> {
  let entry = prepared.get(value);
  if (!entry) {
    const body = Buffer.from(JSON.stringify(value));
    entry = { body, etag: `W/"${digestOf(body)}"` };
    prepared.set(value, entry);
  }
  const headers: Record<string, string> = { 'content-type': 'application/json', etag: entry.etag };
  const acceptsGzip = /\bgzip\b/i.test(c.req.header('accept-encoding') ?? '');
  if (!acceptsGzip || entry.body.byteLength < COMPRESS_THRESHOLD || c.req.method === 'HEAD') {
    return c.body(new Uint8Array(entry.body), 200, headers);
  }
  entry.gzipped ??= gzipAsync(entry.body, { level: 5 });
  const zipped = await entry.gzipped;
  return c.body(new Uint8Array(zipped), 200, { ...headers, 'content-encoding': 'gzip', vary: 'accept-encoding' });
}
