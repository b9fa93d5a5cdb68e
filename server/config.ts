/**
 * Server configuration: every setting comes from an environment variable, a few also from CLI flags.
 * `--help` prints ENV_HELP, so the table below is the documentation operators read.
 */
export interface RateLimitConfig {
  /** Requests per minute for an anonymous client address; 0 turns the limit off. */
  anonymousPerMinute: number;
  /** Requests per minute for a signed-in member; 0 turns the limit off. */
  memberPerMinute: number;
  /** Posts per 10 minutes for a new account (younger than a day, or fewer than 3 published posts); 0 or absent: off. */
  newAccountPostsPer10Minutes?: number;
}

export interface AuthConfig {
  /** Shared HS256 secret; demo tokens are signed with it too. */
  jwtSecret?: string;
  /** JWKS endpoint of the host organisation's identity provider. */
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
  /** Algorithms accepted from the JWKS (default RS256, PS256, ES256, EdDSA); HS256 only with the secret. */
  algorithms?: string[];
  /** Longest token lifetime accepted, in seconds (default 12 h). */
  maxLifetimeSeconds?: number;
}

export interface MailConfig {
  /** Relay the outbox sends through (smtp://user:pass@host:port); unset: no mail leaves, unless in demo mode. */
  smtpUrl?: string;
  /** Port of the inbound SMTP server (replies and topics by mail); unset: none, unless in demo mode. */
  inboundPort?: number;
  /** Domain of the From, reply and list addresses. */
  domain: string;
  from?: string;
  /** Origin members reach this server at, for links in mail (default: the address it listens on). */
  publicUrl?: string;
}

export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir?: string;
  seed: 'demo' | false;
  demoMode: boolean;
  /** Exact origins allowed to call the API from a browser; `*` is deliberately not supported. */
  corsOrigins: string[];
  /**
   * Origins of the sites whose pages may open a discussion by page key (besides the CORS origins and the
   * server's own); a URL page key on any other origin cannot start a thread.
   */
  pageOrigins: string[];
  /** Proxy addresses or CIDR ranges whose X-Forwarded-For entries are believed. */
  trustedProxies: string[];
  /** Hosts avatars may be fetched from (then only those, internal ones included); empty: any public host. */
  avatarHosts: string[];
  auth: AuthConfig;
  /** The bearer token of the host's identity provider on /scim/v2 (at least 32 characters); SCIM is off without it. */
  scimToken?: string | undefined;
  rateLimit: RateLimitConfig;
  mail: MailConfig;
  /** Admission control: the longest a query may wait for the database before the request is answered 503. */
  queueWaitMs: number;
  /** PostgreSQL: statement_timeout of request queries (0 = none). */
  statementTimeoutMs: number;
  /** A port of its own for /api/health, answered off the main thread (0 picks a free one; absent: none). */
  healthPort?: number | undefined;
  /** Directories served as static files; absent entries are skipped. */
  staticRoots: { demo: string; cdn: string; storybook: string };
}

export const ENV_HELP = `Usage: tsx server/index.ts [--port 8787] [--host 127.0.0.1] [--data-dir .data/pglite] [--help]

Environment variables:
  PORT                    port to listen on (default 8787; 0 picks a free one)
  HOST                    address to bind (default 127.0.0.1)
  DATABASE_URL            PostgreSQL connection string; embedded PGlite when unset
  GROVE_DATA_DIR          PGlite data directory (default .data/pglite); seeded with the demo network when empty
  GROVE_DEMO=1            demo mode: enables POST /api/v1/auth/demo (short-lived tokens for seeded members)
  GROVE_SEED=demo|none    seed an empty database (default demo for PGlite, none for PostgreSQL)
  GROVE_CORS_ORIGINS      comma-separated exact origins allowed to call the API (e.g. https://intranet.example.org)
  GROVE_PAGE_ORIGINS      more origins whose pages may start a discussion by page key (default: the CORS origins)
  GROVE_TRUSTED_PROXIES   comma-separated proxy addresses or CIDRs whose X-Forwarded-For is believed
  GROVE_AVATAR_HOSTS      comma-separated hosts avatars may be fetched from (default: any public host)
  GROVE_JWT_SECRET        HS256 secret for bearer tokens (at least 32 characters)
  GROVE_SCIM_TOKEN        bearer token of the identity provider's SCIM 2.0 client on /scim/v2 (at least 32 characters; SCIM is off without it)
  GROVE_JWKS_URL          JWKS URL of your identity provider (RS256/ES256 tokens); sub = member id
  GROVE_JWT_ISSUER        expected iss claim (optional)
  GROVE_JWT_AUDIENCE      expected aud claim (optional)
  GROVE_JWT_ALGORITHMS    algorithms accepted from the JWKS (default RS256,PS256,ES256,EdDSA)
  GROVE_JWT_MAX_LIFETIME  longest token lifetime accepted, in seconds (default 43200); tokens need exp
  SMTP_URL                relay for outgoing mail (smtp://user:pass@host:587); demo mode without it: a built-in catcher
  SMTP_IN_PORT            port for mail in (replies, topics, bounces) on HOST; demo mode without it: a free port
  GROVE_MAIL_DOMAIN       domain of From, reply and list addresses (default grove.localhost)
  GROVE_MAIL_FROM         From of every message (default "Grove <notifications@GROVE_MAIL_DOMAIN>"); DKIM is the relay's job
  GROVE_PUBLIC_URL        origin members reach the server at, for links in mail (default: where it listens)
  GROVE_RATE_LIMIT        requests per minute per anonymous client address (default 600; 0 = off)
  GROVE_RATE_LIMIT_MEMBER requests per minute per signed-in member (default 1200; 0 = off)
  GROVE_NEW_ACCOUNT_POSTS posts per 10 minutes for new accounts (default 5; 0 = off)
  GROVE_REQUEST_LOG=off   no JSON line per request (benchmarks)
  GROVE_QUEUE_WAIT_MS     longest a request waits for the database, from its arrival, before a 503 + Retry-After (default 500)
  GROVE_STATEMENT_TIMEOUT_MS  PostgreSQL statement_timeout for requests (default 10000; 0 = none)
  GROVE_HEALTH_PORT       also answer /api/health on this port, from a thread of its own that never waits
                          for the main event loop and answers 503 when it has stopped (for probes; default none)
`;

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return parsed;
}

export interface CliArgs {
  help: boolean;
  port?: string;
  host?: string;
  dataDir?: string;
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { help: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    if (flag === '--help' || flag === '-h') args.help = true;
    else if (flag === '--port') args.port = value();
    else if (flag === '--host') args.host = value();
    else if (flag === '--data-dir') args.dataDir = value();
    else throw new Error(`Unknown option ${flag}\n\n${ENV_HELP}`);
  }
  return args;
}

/** An environment variable set to the empty string counts as unset (as shells and compose files often leave them). */
function setting(value: string | undefined): string | undefined {
  return value === '' ? undefined : value;
}

/** Builds the configuration from the environment, CLI flags winning over environment variables. */
export function loadConfig(env: NodeJS.ProcessEnv, args: CliArgs = { help: false }): ServerConfig {
  const databaseUrl = setting(env.DATABASE_URL);
  const seedSetting = env.GROVE_SEED ?? (databaseUrl ? 'none' : 'demo');
  if (seedSetting !== 'demo' && seedSetting !== 'none') throw new Error(`GROVE_SEED must be demo or none`);
  const jwtSecret = setting(env.GROVE_JWT_SECRET);
  if (jwtSecret !== undefined && jwtSecret.length < 32) throw new Error('GROVE_JWT_SECRET must be at least 32 characters');
  const scimToken = setting(env.GROVE_SCIM_TOKEN);
  if (scimToken !== undefined && scimToken.length < 32) throw new Error('GROVE_SCIM_TOKEN must be at least 32 characters');
  return {
    port: integer('PORT', args.port ?? env.PORT, 8787),
    host: args.host ?? env.HOST ?? '127.0.0.1',
    databaseUrl,
    dataDir: databaseUrl ? undefined : (args.dataDir ?? env.GROVE_DATA_DIR ?? '.data/pglite'),
    seed: seedSetting === 'demo' ? 'demo' : false,
    demoMode: env.GROVE_DEMO === '1' || env.GROVE_DEMO === 'true',
    corsOrigins: list(env.GROVE_CORS_ORIGINS),
    pageOrigins: list(env.GROVE_PAGE_ORIGINS),
    trustedProxies: list(env.GROVE_TRUSTED_PROXIES),
    avatarHosts: list(env.GROVE_AVATAR_HOSTS),
    auth: {
      jwtSecret,
      jwksUrl: setting(env.GROVE_JWKS_URL),
      issuer: setting(env.GROVE_JWT_ISSUER),
      audience: setting(env.GROVE_JWT_AUDIENCE),
      algorithms: list(env.GROVE_JWT_ALGORITHMS),
      maxLifetimeSeconds: integer('GROVE_JWT_MAX_LIFETIME', env.GROVE_JWT_MAX_LIFETIME, 12 * 3600),
    },
    scimToken,
    rateLimit: {
      anonymousPerMinute: integer('GROVE_RATE_LIMIT', env.GROVE_RATE_LIMIT, 600),
      memberPerMinute: integer('GROVE_RATE_LIMIT_MEMBER', env.GROVE_RATE_LIMIT_MEMBER, 1200),
      newAccountPostsPer10Minutes: integer('GROVE_NEW_ACCOUNT_POSTS', env.GROVE_NEW_ACCOUNT_POSTS, 5),
    },
    mail: {
      smtpUrl: setting(env.SMTP_URL),
      inboundPort: env.SMTP_IN_PORT ? integer('SMTP_IN_PORT', env.SMTP_IN_PORT, 0) : undefined,
      domain: setting(env.GROVE_MAIL_DOMAIN) ?? 'grove.localhost',
      from: setting(env.GROVE_MAIL_FROM),
      publicUrl: setting(env.GROVE_PUBLIC_URL),
    },
    queueWaitMs: integer('GROVE_QUEUE_WAIT_MS', env.GROVE_QUEUE_WAIT_MS, 500),
    statementTimeoutMs: integer('GROVE_STATEMENT_TIMEOUT_MS', env.GROVE_STATEMENT_TIMEOUT_MS, 10_000),
    healthPort: env.GROVE_HEALTH_PORT ? integer('GROVE_HEALTH_PORT', env.GROVE_HEALTH_PORT, 0) : undefined,
    staticRoots: { demo: 'demo', cdn: 'dist/cdn', storybook: 'storybook-static' },
  };
}
