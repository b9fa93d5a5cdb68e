import { expect } from '@open-wc/testing';
import type { GroveClient } from '../../src/api/client.js';
import { fillPath, get, href, send, text } from '../../src/api/typed.js';
import { FakeClient, type FakeCall } from '../helpers/fake-client.js';

/**
 * The contract-typed layer over the client. Its real test is the type checker: the `@ts-expect-error`
 * lines below fail `npm run typecheck` the day a path, parameter or body stops matching the contract.
 */
async function typeChecks(client: GroveClient): Promise<unknown[]> {
  const page = await get(client, '/v1/members', { query: { q: 'water', limit: 3 } });
  const total: number = page.total;
  const profile = await get(client, '/v1/members/{id}', { path: { id: '1' }, query: { lang: 'fr' } });
  const name: string = profile.name;
  // @ts-expect-error path parameters are required
  await get(client, '/v1/members/{id}');
  // @ts-expect-error the contract has no such path
  await get(client, '/v1/nowhere');
  // @ts-expect-error a query parameter the operation does not take
  await get(client, '/v1/members', { query: { colour: 'red' } });
  // @ts-expect-error the counts need their keys
  await get(client, '/v1/threads/counts');
  const post = await send(client, 'POST', '/v1/posts', { body: { thread: '1', body: 'Hello', language: 'en' } });
  const postId: string = post.id;
  // @ts-expect-error the body must be a PostInput
  await send(client, 'POST', '/v1/posts', { body: { text: 'Hello' } });
  // @ts-expect-error no POST on a thread's posts
  await send(client, 'POST', '/v1/threads/{id}/posts', { path: { id: '1' } });
  const ics: string = await text(client, '/v1/events/{id}.ics', { path: { id: '1' }, accept: 'text/calendar' });
  // @ts-expect-error the contract serves text/calendar there
  await text(client, '/v1/events/{id}.ics', { path: { id: '1' }, accept: 'text/plain' });
  return [total, name, postId, ics];
}

describe('typed calls', () => {
  it('fill path parameters, URL-encoded, and pass query, body and options to the client', async () => {
    const client = new FakeClient({
      'GET /v1/members/:id': ({ params, query }: FakeCall) => ({ id: params.id, lang: query.lang }),
      'POST /v1/events/:id/rsvp': ({ body, idempotencyKey }: FakeCall) => ({ body, idempotencyKey }),
    });
    expect(await get(client, '/v1/members/{id}', { path: { id: 'a/b' }, query: { lang: 'fr' } })).to.deep.equal({ id: 'a/b', lang: 'fr' });
    expect(client.calls[0]?.path).to.equal('/v1/members/a%2Fb');
    const answer = await send(client, 'POST', '/v1/events/{id}/rsvp', {
      path: { id: '7' },
      body: { status: 'going', occurrence: 'x' },
      idempotencyKey: 'k1',
    });
    expect(answer).to.deep.equal({ body: { status: 'going', occurrence: 'x' }, idempotencyKey: 'k1' });
    expect(href(client, '/v1/communities/{slug}/events.ics', { path: { slug: 'water' } })).to.equal(
      'https://grove.test/api/v1/communities/water/events.ics',
    );
    expect(fillPath('/v1/posts/{id}/reactions/{kind}', { id: 3, kind: 'thanks' })).to.equal('/v1/posts/3/reactions/thanks');
    expect(typeChecks, 'compiled with the checks above').to.be.a('function');
  });
});
