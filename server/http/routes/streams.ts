import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import { readableCommunity } from '../../communities/access.ts';
import { communityScope, latestPostId, postInScope, postsAfter, threadScope, type LiveScope } from '../../discussion/live.ts';
import type { LiveHub } from '../../discussion/live-hub.ts';
import { requireThread } from '../../discussion/threads.ts';
import { announcedTo, announcement, MEMBER_CHANGES_CHANNEL, parseMemberChange } from '../../communities/member-changes.ts';
import type { AppEnv } from '../env.ts';
import { errorResponses, Id, Slug } from '../../contract/common.ts';
import { anyone } from '../route-policy.ts';

const KEEP_ALIVE_MS = 25_000;

const streamResponse = {
  200: {
    description:
      'Server-Sent Events: `post` (id = post id, data = Post) for new posts, `post-updated` (data = Post) for edits, ' +
      'reactions and moderation, `post-removed` (data = {id}) when a post is hidden from this viewer; an approved held post comes as `post` without an id. ' +
      'Reconnect with Last-Event-ID to receive the posts made meanwhile.',
    content: { 'text/event-stream': { schema: z.string() } },
  },
  ...errorResponses(404),
};

const threadStreamRoute = createRoute({
  method: 'get',
  path: '/api/v1/threads/{id}/stream',
  operationId: 'streamThread',
  ...anyone(),
  tags: ['threads'],
  summary: 'Live updates of a thread',
  request: { params: z.object({ id: Id }), headers: z.object({ 'last-event-id': Id.optional() }) },
  responses: streamResponse,
});

const communityStreamRoute = createRoute({
  method: 'get',
  path: '/api/v1/communities/{slug}/stream',
  operationId: 'streamCommunity',
  ...anyone(),
  tags: ['communities'],
  summary: 'Live updates of every thread of a community',
  request: { params: z.object({ slug: Slug }), headers: z.object({ 'last-event-id': Id.optional() }) },
  responses: streamResponse,
});

function serve(c: Context<AppEnv>, hub: LiveHub, scope: LiveScope, lastEventId: string | undefined) {
  const viewer = c.var.viewer;
  const db = c.var.db;
  const isFacilitator = scope.access.role === 'facilitator';
  c.header('cache-control', 'no-cache');
  c.header('x-accel-buffering', 'no'); // nginx would otherwise buffer the stream
  return streamSSE(c, async (stream: SSEStreamingApi) => {
    // Without Last-Event-ID a client wants only what happens from now on.
    const start = lastEventId ?? (await latestPostId(db, scope));
    let lastSent = BigInt(start);
    // Every write goes through one chain so replayed and live events never interleave or repeat.
    let chain = Promise.resolve();
    const enqueue = (task: () => Promise<void>) => {
      chain = chain.then(task).catch(() => stream.abort());
    };
    const sendNewPosts = async () => {
      const posts = await postsAfter(db, scope, lastSent.toString(), viewer);
      for (const post of posts) {
        await stream.writeSSE({ event: 'post', id: post.id, data: JSON.stringify(post) });
        lastSent = BigInt(post.id);
      }
    };
    const unsubscribe = await hub.subscribe(scope.channel, (payload) => {
      const change = JSON.parse(payload) as { type: 'post' | 'post-updated' | 'post-published'; post: string };
      if (change.type === 'post') {
        enqueue(sendNewPosts);
        return;
      }
      enqueue(async () => {
        const post = await postInScope(db, scope, change.post, viewer);
        if (!post) return;
        const mine = post.author.id === viewer?.memberId;
        if ((post.hidden || (post.held && !mine)) && !isFacilitator)
          await stream.writeSSE({ event: 'post-removed', data: JSON.stringify({ id: post.id }) });
        // An approved post is new to readers: sent as a post, without an id, so the resume point stays the newest post.
        else if (change.type === 'post-published') await stream.writeSSE({ event: 'post', data: JSON.stringify(post) });
        else await stream.writeSSE({ event: 'post-updated', data: JSON.stringify(post) });
      });
    });
    await stream.write('retry: 3000\n\n');
    if (lastEventId) enqueue(sendNewPosts);
    await until(stream, hub, () => enqueue(() => stream.write(': keep-alive\n\n').then(() => undefined)));
    unsubscribe();
    await chain;
  });
}

const memberChangesRoute = createRoute({
  method: 'get',
  path: '/api/v1/members/changes',
  operationId: 'streamMemberChanges',
  ...anyone(),
  tags: ['members'],
  summary: 'Live announcements that members changed',
  description:
    'Server-Sent Events: `member-changed` with data `{"id": "42", "version": 7}` when a member this viewer may see edits ' +
    'their profile or privacy, opts out (told to those who could see them until then) or is deactivated. ' +
    'Nothing else is sent: refetch the member through the ordinary routes, which decide what the viewer may see. ' +
    'Changes made while disconnected are not replayed: after a reconnection, refetch what is shown.',
  responses: {
    200: { description: 'Server-Sent Events', content: { 'text/event-stream': { schema: z.string() } } },
    ...errorResponses(429),
  },
});

/** Registered before the member routes: `/members/{id}` would otherwise take `changes` for an id. */
export function registerMemberChanges(app: OpenAPIHono<AppEnv>, hub: LiveHub): void {
  app.openapi(memberChangesRoute, (c) => {
    const viewer = c.var.viewer;
    const db = c.var.db;
    c.header('cache-control', 'no-cache');
    c.header('x-accel-buffering', 'no');
    return streamSSE(c, async (stream) => {
      let chain = Promise.resolve();
      const unsubscribe = await hub.subscribe(MEMBER_CHANGES_CHANNEL, (payload) => {
        const change = parseMemberChange(payload);
        if (!change) return;
        chain = chain
          .then(async () => {
            if (await announcedTo(db, change, viewer))
              await stream.writeSSE({ event: 'member-changed', data: JSON.stringify(announcement(change)) });
          })
          .catch(() => stream.abort());
      });
      await stream.write('retry: 3000\n\n');
      await until(stream, hub, () => {
        chain = chain.then(() => stream.write(': keep-alive\n\n')).then(() => undefined);
      });
      unsubscribe();
      await chain;
    });
  });
}

/** Resolves when the client leaves or the server shuts down, keeping the connection alive meanwhile. */
async function until(stream: SSEStreamingApi, hub: LiveHub, keepAlive: () => void): Promise<void> {
  // The hub's signal outlives every stream: its listener is removed when this stream ends, or each
  // closed connection would leave one behind (Node's MaxListenersExceeded warning after ten).
  let onHubClosed = (): void => undefined;
  const ended = new Promise<void>((resolve) => {
    onHubClosed = resolve;
    stream.onAbort(resolve);
    hub.signal.addEventListener('abort', onHubClosed, { once: true });
  });
  const timer = setInterval(keepAlive, KEEP_ALIVE_MS);
  await ended;
  hub.signal.removeEventListener('abort', onHubClosed);
  clearInterval(timer);
}

export function registerStreams(app: OpenAPIHono<AppEnv>, hub: LiveHub): void {
  app.openapi(threadStreamRoute, async (c) => {
    const { id } = c.req.valid('param');
    const thread = await requireThread(c.var.db, { id }, c.var.viewer);
    return serve(c, hub, threadScope(id, thread.access), c.req.valid('header')['last-event-id']);
  });

  app.openapi(communityStreamRoute, async (c) => {
    const access = await readableCommunity(c.var.db, { slug: c.req.valid('param').slug }, c.var.viewer);
    return serve(c, hub, communityScope(access), c.req.valid('header')['last-event-id']);
  });
}
