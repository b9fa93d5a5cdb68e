/**
 * Request bodies are bounded per route, counted while they stream in (or refused at once from
 * Content-Length), before anything parses, hashes or stores them: a 50 MB body is a 413 after at most
 * the route's limit in memory, not after buffering it whole.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HttpProblem } from '../../shared/problem.ts';
import type { AppEnv } from '../env.ts';

/** Replies, reactions, RSVPs, moderation: a few fields. */
export const SMALL_BODY_BYTES = 16 * 1024;
/** A post of 20,000 characters, JSON-escaped, fits with room to spare. */
export const POST_BODY_BYTES = 128 * 1024;

export function limitBody(maxBytes: number): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new HttpProblem(413, `The request body is larger than this route accepts (${maxBytes} bytes)`, {
        type: 'payload-too-large',
        errors: [{ field: 'body', message: `At most ${maxBytes} bytes` }],
      });
    },
  });
}
