/**
 * The HTTP application: middleware in the order a request meets it, then every route. Kept free of
 * sockets and process concerns so tests drive it with `app.request()` and `startServer` adds the rest.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { QueryAbortedError, type Database } from '../db/index.ts';
import { overloadRetryAfter } from '../shared/overload.ts';
import type { ServerConfig } from '../config.ts';
import type { MailContext } from '../mail/compose.ts';
import type { MailCatcher } from '../mail/mailbox.ts';
import type { AppEnv } from './env.ts';
import { LiveHub } from '../discussion/live-hub.ts';
import { authenticate, createTokenVerifier } from './middleware/auth.ts';
import { clientAddress } from './middleware/client-address.ts';
import { cors } from './middleware/cors.ts';
import { compressResponses } from './middleware/compress.ts';
import { conditionalGet } from './middleware/conditional.ts';
import { rateLimit } from './middleware/rate-limit.ts';
import { requestLog, type LogSink } from './middleware/request-log.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { HttpProblem, problemResponse, validationProblem } from '../shared/problem.ts';
import { registerAuth } from './routes/auth.ts';
import { registerCommunities } from './routes/communities.ts';
import { registerCommunityMembership } from './routes/community-membership.ts';
import { registerCredentials } from './routes/credentials.ts';
import { registerDemoMembers } from './routes/demo-members.ts';
import { registerEndorsementWithdrawal } from './routes/endorsement-withdrawal.ts';
import { registerEvents } from './routes/events.ts';
import { registerExperts } from './routes/experts.ts';
import { registerHealth } from './routes/health.ts';
import { registerMe } from './routes/me.ts';
import { registerMail } from './routes/mail.ts';
import { registerMembers } from './routes/members.ts';
import { registerModeration } from './routes/moderation.ts';
import { registerParticipation } from './routes/participation.ts';
import { registerPosts } from './routes/posts.ts';
import { registerReactions } from './routes/reactions.ts';
import { registerReports } from './routes/reports.ts';
import { registerSkills } from './routes/skills.ts';
import { registerMemberChanges, registerStreams } from './routes/streams.ts';
import { registerThreads } from './routes/threads.ts';
import { scimRoutes } from './scim/routes.ts';
import { mountStatic } from './static.ts';
import { arrivalOf } from './turns.ts';

export const OPENAPI_INFO: Parameters<OpenAPIHono['getOpenAPI31Document']>[0] = {
  openapi: '3.1.0',
  info: {
    title: 'Grove API',
    version: '1.0.0',
    description:
      'The REST contract behind the Grove elements. Errors are RFC 9457 problem+json; reads carry weak ETags; ' +
      'every POST needs an Idempotency-Key; PATCH and DELETE need If-Match.',
    license: { name: 'MIT', url: 'https://opensource.org/licenses/MIT' },
  },
  servers: [{ url: '/' }],
  tags: [
    { name: 'operations', description: 'Health of the server' },
    { name: 'auth', description: 'Demo sign-in (demo mode only)' },
    { name: 'members', description: 'The member directory, profiles and endorsements' },
    { name: 'communities', description: 'Communities and their sub-communities' },
    { name: 'skills', description: 'The skill taxonomy' },
    { name: 'threads', description: 'Discussion threads, their posts and live updates' },
    { name: 'posts', description: 'Writing, editing and reacting to posts' },
    { name: 'moderation', description: 'Facilitators: reports, hiding, pinning, locking, accepting answers' },
    { name: 'events', description: 'Event calendars, RSVPs and iCalendar feeds' },
    { name: 'participation', description: 'Participation levels, badges and Open Badges credentials' },
    { name: 'experts', description: 'Finding the members best placed to answer a question' },
    { name: 'mail', description: 'Mail settings, following, mailing-list mode, unsubscribing; the demo mail catcher' },
  ],
};

/** PostgreSQL's query_canceled: statement_timeout ran out (or an operator cancelled it). */

export interface AppOptions {
  db: Database;
  config: ServerConfig;
  log?: LogSink | null;
  /** Mail in and out (server/mail-service.ts); without it, writes mail nobody. */
  mail?: AppMail | null;
}

export interface AppMail {
  context: MailContext;
  /** The demo's catcher and where mail comes in, for the demo mail page. */
  catcher?: MailCatcher | null;
  inbound?: { host: string; port: number } | null;
}

export interface GroveApp {
  app: OpenAPIHono<AppEnv>;
  hub: LiveHub;
  /** Periodic housekeeping (rate-limit buckets). */
  sweep: () => void;
}

/** Requests that do not write (RFC 9110 safe methods): caches trust their notifications while only these run. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function createApp({ db, config, log = null, mail = null }: AppOptions): GroveApp {
  const app = new OpenAPIHono<AppEnv>({
    // Validation failures become problem+json naming each field, not zod-openapi's default JSON.
    defaultHook: (result, c) => {
      if (!result.success) return problemResponse(validationProblem(result.error, result.target), c.req.path);
    },
  });
  const hub = new LiveHub(db);
  // On PostgreSQL the budget is shared by every instance (buckets in the database).
  const limiter = rateLimit(config.rateLimit, db);
  const allowed = new Set(config.corsOrigins);

  app.use('*', requestLog(log));
  app.use('*', securityHeaders());
  app.use(
    '/api/*',
    cors({
      origin: (origin) => (allowed.has(origin) ? origin : null),
      // PUT: the follow and mailing-list switches (PUT / DELETE), called by widgets on other origins.
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match', 'If-None-Match', 'Last-Event-ID'],
      exposeHeaders: ['ETag', 'Retry-After', 'Location', 'Idempotent-Replayed'],
      maxAge: 600,
    }),
  );
  // Deflated off the main thread (middleware/compress.ts).
  app.use('*', compressResponses());
  app.use('*', clientAddress(config.trustedProxies));
  app.use('*', async (c, next) => {
    c.set('db', db);
    c.set('config', config);
    c.set('viewer', null);
    c.set('mail', mail?.context ?? null);
    // Every query made for this request is cancelled when its client goes away, and queued in arrival order
    // (its arrival before it waited for its turn on the event loop, server/http/turns.ts).
    const order = arrivalOf(c.req.raw) ?? performance.now();
    await db.withRequest({ signal: c.req.raw.signal, order, readOnly: SAFE_METHODS.has(c.req.method) }, next);
  });
  app.use('/api/*', authenticate(createTokenVerifier(config.auth)));
  app.use('/api/*', limiter);
  app.use('/api/*', conditionalGet());

  app.onError((error, c) => {
    if (error instanceof HttpProblem) return problemResponse(error, c.req.path);
    const retryAfter = overloadRetryAfter(error);
    if (retryAfter !== undefined) {
      return problemResponse(
        new HttpProblem(503, 'The server is busy; retry shortly', { headers: { 'retry-after': String(retryAfter) } }),
        c.req.path,
      );
    }
    // The client went away: nobody reads this answer.
    if (error instanceof QueryAbortedError) return problemResponse(new HttpProblem(503, 'The request was abandoned'), c.req.path);
    if (error instanceof HTTPException && error.status < 500) {
      // Hono's body validators: malformed JSON (400) or another media type (415); name what was wrong.
      const field = error.status === 415 ? 'header.content-type' : error.status === 400 ? 'body' : undefined;
      const message = error.status === 415 ? 'Send the body as application/json' : error.message || 'Bad request';
      return problemResponse(
        new HttpProblem(error.status, message, {
          ...(error.status === 400 ? { type: 'validation' } : {}),
          ...(field ? { errors: [{ field, message }] } : {}),
        }),
        c.req.path,
      );
    }
    return problemResponse(new HttpProblem(500, 'Something went wrong on the server'), c.req.path);
  });

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'A JWT whose `sub` is the member id (from your identity provider, or /api/v1/auth/demo in demo mode)',
  });
  registerHealth(app);
  registerAuth(app, config.auth.jwtSecret);
  registerDemoMembers(app);
  registerMe(app);
  registerCommunities(app);
  registerSkills(app);
  registerMemberChanges(app, hub);
  registerMembers(app);
  registerEndorsementWithdrawal(app);
  registerCommunityMembership(app);
  registerThreads(app);
  registerPosts(app);
  registerReactions(app);
  registerReports(app);
  registerModeration(app);
  registerEvents(app);
  registerParticipation(app);
  registerCredentials(app);
  registerExperts(app);
  registerStreams(app, hub);
  registerMail(app, { catcher: mail?.catcher ?? null, inbound: mail?.inbound ?? null });
  app.doc31('/api/openapi.json', OPENAPI_INFO);
  app.route('/scim/v2', scimRoutes());

  app.notFound((c) =>
    c.req.path.startsWith('/api/')
      ? problemResponse(new HttpProblem(404, `No route for ${c.req.method} ${c.req.path}`), c.req.path)
      : c.text('Not found', 404),
  );
  mountStatic(app, config.staticRoots);
  return { app, hub, sweep: () => limiter.sweep() };
}
