/**
 * Mail for a running server: the context every write that mails needs (keys, domain, links), the worker
 * that empties the outbox, the inbound SMTP server, and in demo mode a built-in catcher standing in for
 * the relay, so the two commands of the README need no mail server.
 */
import type { MailConfig } from './config.ts';
import type { Database } from './db/index.ts';
import type { MailContext } from './mail/compose.ts';
import { runDigests } from './mail/digest.ts';
import { loadMailKeys } from './mail/keys.ts';
import { startMailWorker, type MailWorker } from './mail/worker.ts';
import { startMailCatcher, type MailCatcher } from './smtp/catcher.ts';
import { startInboundServer, type InboundServer } from './smtp/inbound.ts';

const DIGEST_ROUND_MS = 10 * 60_000;

export interface MailService {
  context: MailContext;
  worker: MailWorker | null;
  inbound: InboundServer | null;
  catcher: MailCatcher | null;
  close(): Promise<void>;
}

export interface MailServiceOptions {
  config: MailConfig;
  demoMode: boolean;
  /** Where the server listens, for links when GROVE_PUBLIC_URL is not set. */
  listeningUrl: string;
  /** Address the inbound SMTP server binds (the HTTP server's). */
  host: string;
  pageOrigins: ReadonlySet<string>;
  log?: (entry: Record<string, unknown>) => void;
}

export async function startMailService(db: Database, options: MailServiceOptions): Promise<MailService> {
  const { config } = options;
  const keys = await loadMailKeys(db);
  const context: MailContext = {
    domain: config.domain,
    from: config.from ?? `Grove <notifications@${config.domain}>`,
    publicUrl: (config.publicUrl ?? options.listeningUrl).replace(/\/$/, ''),
    keys,
  };
  const catcher = !config.smtpUrl && options.demoMode ? await startMailCatcher() : null;
  const smtpUrl = config.smtpUrl ?? (catcher ? `smtp://127.0.0.1:${catcher.port}` : undefined);
  const worker = smtpUrl
    ? await startMailWorker(db, {
        smtpUrl,
        from: context.from,
        domain: context.domain,
        bounceKey: keys.bounce,
        ...(options.log ? { log: options.log } : {}),
      })
    : null;
  const inboundPort = config.inboundPort ?? (options.demoMode ? 0 : undefined);
  const inbound =
    inboundPort === undefined
      ? null
      : await startInboundServer(db, {
          port: inboundPort,
          host: options.host,
          domain: context.domain,
          keys,
          context: { pageOrigins: options.pageOrigins, mail: context },
          ...(options.log ? { log: options.log } : {}),
        });
  // Digests go out in each member's morning: a round every ten minutes finds those whose time came.
  const digests = worker
    ? setInterval(() => {
        runDigests(db, context).catch((error: unknown) =>
          options.log?.({ level: 'error', msg: 'digest round failed', error: String(error) }),
        );
      }, DIGEST_ROUND_MS)
    : null;
  digests?.unref();
  return {
    context,
    worker,
    inbound,
    catcher,
    async close() {
      if (digests) clearInterval(digests);
      await worker?.stop();
      await inbound?.close();
      await catcher?.close();
    },
  };
}
