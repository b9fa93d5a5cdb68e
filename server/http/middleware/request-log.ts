/** One structured JSON line per request: what operators grep and log shippers parse. */
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.ts';

export type LogSink = (entry: Record<string, unknown>) => void;

export const stdoutSink: LogSink = (entry) => process.stdout.write(`${JSON.stringify(entry)}\n`);

export function requestLog(sink: LogSink | null): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header('x-request-id')?.slice(0, 100);
    const requestId = incoming === undefined || incoming === '' ? randomUUID() : incoming; // an empty header gets an id too
    c.set('requestId', requestId);
    await next();
    c.res.headers.set('x-request-id', requestId);
    sink?.({
      time: new Date().toISOString(),
      level: c.res.status >= 500 ? 'error' : 'info',
      msg: 'request',
      requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      member: c.var.viewer?.memberId,
      client: c.var.clientAddress,
      // The stack of a failure, only the message of a refusal: a 503 in a burst is expected, and
      // formatting a stack (through source maps) for each would slow the burst's other answers.
      ...(c.error && c.res.status >= 500 ? { error: c.res.status === 500 ? String(c.error.stack ?? c.error) : c.error.message } : {}),
    });
  };
}
