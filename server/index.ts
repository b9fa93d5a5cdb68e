/**
 * The reference server: `startServer()` for tests and tools, and the CLI
 * `tsx server/index.ts [--port 8787] [--data-dir .data/pglite] [--help]` configured by environment variables.
 */
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { takingTurns } from './http/turns.ts';
import { startHealthListener, type HealthListener } from './http/health-listener.ts';
import { ENV_HELP, loadConfig, parseArgs, type ServerConfig } from './config.ts';
import { createApp } from './http/app.ts';
import { purgeIdempotencyKeys } from './operations/idempotency-keys.ts';
import { purgeRateLimitBuckets } from './operations/rate-limits.ts';
import { stdoutSink, type LogSink } from './http/middleware/request-log.ts';
import { migrate, openDatabase, type Database } from './db/index.ts';
import { startMailService } from './mail-service.ts';
import { seed } from './seed/index.ts';
import { forgetOccurrencesOfOtherRules, materialisePending } from './calendar/occurrence-store.ts';

export interface StartOptions extends Partial<Omit<ServerConfig, 'staticRoots'>> {
  staticRoots?: Partial<ServerConfig['staticRoots']>;
  /** Use this database instead of opening one (tests); it is not closed by `close()`. */
  database?: Database;
  /** Where request logs go; null silences them (default: JSON lines on stdout). */
  log?: LogSink | null;
}

export interface RunningServer {
  url: string;
  /** The health listener's URL of /api/health (GROVE_HEALTH_PORT), when there is one. */
  healthUrl?: string;
  db: Database;
  close(): Promise<void>;
}

const HOUSEKEEPING_MS = 10 * 60_000;
/** Connections still open this long after shutdown starts are cut. */
const SHUTDOWN_GRACE_MS = 5_000;

async function prepareDatabase(config: ServerConfig, log: LogSink | null): Promise<Database> {
  if (config.dataDir && !config.databaseUrl) await mkdir(config.dataDir, { recursive: true });
  const db = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
    queueTimeoutMs: config.queueWaitMs,
    ...(config.statementTimeoutMs > 0 ? { statementTimeoutMs: config.statementTimeoutMs } : {}),
  });
  const applied = await migrate(db);
  if (applied.length > 0) log?.({ level: 'info', msg: 'migrated', migrations: applied });
  if (config.seed === 'demo') {
    const { rows } = await db.query<{ n: number }>('select count(*)::int as n from members');
    if ((rows[0]?.n ?? 0) === 0) {
      const result = await seed(db, { preset: 'demo' });
      log?.({ level: 'info', msg: 'seeded', preset: 'demo', counts: result.counts, ms: Math.round(result.milliseconds) });
    }
  }
  return db;
}

/**
 * A few requests through the app before it listens: the first request of each kind otherwise pays for
 * loading and compiling modules and for cold statements (seconds on a fresh PGlite), and a burst at
 * start would wait behind it, health checks included.
 */
async function warmUp(app: ReturnType<typeof createApp>['app']): Promise<void> {
  const paths = [
    '/api/health',
    '/api/v1/members?limit=1&facets=true',
    '/api/v1/members?q=ma&limit=1&facets=true',
    // A narrow search: the exact counts of a broad one cost seconds at a million members (0120).
    '/api/v1/members/facets?q=zq',
    '/api/v1/communities?limit=1',
  ];
  for (const path of paths) {
    try {
      await (await app.request(path, { headers: { 'accept-encoding': 'gzip' } })).arrayBuffer();
    } catch {
      // A warm-up that fails (an empty database) only leaves the first real request colder.
    }
  }
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const defaults = loadConfig({});
  const config: ServerConfig = {
    ...defaults,
    ...options,
    auth: { ...defaults.auth, ...options.auth },
    rateLimit: { ...defaults.rateLimit, ...options.rateLimit },
    staticRoots: { ...defaults.staticRoots, ...options.staticRoots },
    mail: { ...defaults.mail, ...options.mail },
  };
  const log = options.log === undefined ? stdoutSink : options.log;
  if (config.demoMode && !config.auth.jwtSecret) {
    // Demo tokens need a signing key; a per-process one means tokens die with the process, as they should.
    config.auth = { ...config.auth, jwtSecret: randomBytes(32).toString('base64url') };
  }
  const db = options.database ?? (await prepareDatabase(config, log));
  const pageOrigins = new Set([...config.corsOrigins, ...config.pageOrigins]);
  const mail = await startMailService(db, {
    config: config.mail,
    demoMode: config.demoMode,
    host: config.host,
    // Replaced by the listening address below when GROVE_PUBLIC_URL is not set.
    listeningUrl: config.mail.publicUrl ?? 'http://localhost',
    pageOrigins,
    ...(log ? { log } : {}),
  });
  const { app, hub, sweep } = createApp({
    db,
    config,
    log,
    mail: { context: mail.context, catcher: mail.catcher, inbound: mail.inbound && { host: config.host, port: mail.inbound.port } },
  });
  // Before the first page is cached: rows computed with other time-zone rules must not be listed.
  const restated = await forgetOccurrencesOfOtherRules(db);
  if (restated > 0)
    log?.({ level: 'info', msg: 'time-zone rules changed: occurrences to write again', events: restated, tzdata: process.versions.tz });
  await warmUp(app);

  const server: ServerType = await new Promise((resolve) => {
    // Health checks never take a turn behind other requests.
    const fetch = takingTurns(app.fetch, (request) => new URL(request.url).pathname === '/api/health');
    const s = serve({ fetch, port: config.port, hostname: config.host }, () => resolve(s));
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  if (!config.mail.publicUrl) mail.context.publicUrl = url;
  let health: HealthListener | undefined;
  if (config.healthPort !== undefined) health = await startHealthListener(db, { port: config.healthPort, host: config.host });

  // Event occurrences not written yet (after a migration or a load) or near the end of their horizon
  // (docs/decisions/0200-materialised-occurrences.md): in the background, one pass at a time.
  let closingDown = false;
  let occurrencePass: Promise<unknown> = Promise.resolve();
  const catchUpOccurrences = () => {
    occurrencePass = occurrencePass
      .then(() => (closingDown ? 0 : materialisePending(db, { stopped: () => closingDown })))
      .catch((error: unknown) => log?.({ level: 'warn', msg: 'materialising occurrences failed', error: String(error) }));
  };
  catchUpOccurrences();
  const housekeeping = setInterval(() => {
    sweep();
    catchUpOccurrences();
    purgeIdempotencyKeys(db).catch((error: unknown) => log?.({ level: 'warn', msg: 'purge failed', error: String(error) }));
    purgeRateLimitBuckets(db).catch((error: unknown) => log?.({ level: 'warn', msg: 'purge failed', error: String(error) }));
  }, HOUSEKEEPING_MS);
  housekeeping.unref();

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      clearInterval(housekeeping);
      closingDown = true;
      await occurrencePass;
      await health?.close();
      hub.close(); // ends live streams so server.close() is not held open by them
      await mail.close();
      await new Promise<void>((resolve) => {
        const http = server as import('node:http').Server;
        const force = setTimeout(() => http.closeAllConnections(), SHUTDOWN_GRACE_MS);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        http.closeIdleConnections();
      });
      if (!options.database) await db.close();
    })());
  return { url, ...(health ? { healthUrl: `http://${host}:${health.port}/api/health` } : {}), db, close };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(ENV_HELP);
    return;
  }
  const config = loadConfig(process.env, args);
  // Benchmarks turn request logs off: a JSON line per request is work of its own at thousands a second.
  const server = await startServer({ ...config, ...(process.env.GROVE_REQUEST_LOG === 'off' ? { log: null } : {}) });
  stdoutSink({
    level: 'info',
    msg: 'listening',
    url: server.url,
    ...(server.healthUrl ? { health: server.healthUrl } : {}),
    database: server.db.kind,
    demoMode: config.demoMode,
  });
  process.stderr.write(
    `\nGrove is running: ${server.url}/ (demo intranet page), ${server.url}/community.html (community hub), ` +
      `${server.url}/cms.html (CMS page), ${server.url}/mail.html (mail the network sent), ${server.url}/storybook/, ` +
      `${server.url}/api/openapi.json (contract)\n\n`,
  );
  const stop = (signal: string) => {
    stdoutSink({ level: 'info', msg: 'shutting down', signal });
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        stdoutSink({ level: 'error', msg: 'shutdown failed', error: String(error) });
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
