import { expect } from '@open-wc/testing';
import { GroveApiError } from '../../../src/api/problem.js';
import { countFor } from '../../../src/components/comment-count/api.js';
import { badgeFor } from '../../../src/components/participation-badge/api.js';
import { FakeClient } from '../../helpers/fake-client.js';
import { amina, badgeClient } from '../participation-badge/fixtures.js';

/** The one batcher, through its two users: the badges (grouped by community) and the comment counts. */
describe('batcher', () => {
  it('merges the badges asked for in one task into one request per community, in chunks of 100', async () => {
    const client = badgeClient();
    const ids = Array.from({ length: 150 }, (_, index) => String(index + 1));
    const [first] = await Promise.all([...ids.map((id) => badgeFor(client, 'water', id)), badgeFor(client, '', '1')]);
    expect(first).to.deep.equal(amina);
    const queries = client.calls.map((call) => call.query);
    expect(queries.map((query) => (query.member as string[]).length)).to.deep.equal([100, 50, 1]);
    expect(queries.map((query) => query.community)).to.deep.equal(['water', 'water', undefined]);
  });

  it('answers null for a member the server leaves out (hidden badge)', async () => {
    expect(
      await badgeFor(
        badgeClient(() => undefined),
        '',
        '9',
      ),
    ).to.equal(null);
  });

  it('does not ask for a badge whose element was removed before the request left', async () => {
    const client = badgeClient();
    const removed = new AbortController();
    const kept = badgeFor(client, '', '1');
    const dropped = badgeFor(client, '', '2', removed.signal);
    removed.abort();
    await kept;
    await dropped.then(
      () => expect.fail('an aborted badge must not resolve'),
      (error: unknown) => expect((error as Error).name).to.equal('AbortError'),
    );
    expect(client.calls[0]?.query.member).to.deep.equal(['1']);
  });

  it('fails every badge of a failed request, and the next task asks again', async () => {
    let fail = true;
    const client = new FakeClient({
      'GET /v1/participation/badges': () => {
        if (fail) throw new GroveApiError('unavailable', 503);
        return { items: [amina] };
      },
    });
    const results = await Promise.allSettled([badgeFor(client, '', '1'), badgeFor(client, '', '2')]);
    expect(results.map((result) => result.status)).to.deep.equal(['rejected', 'rejected']);
    fail = false;
    expect(await badgeFor(client, '', '1')).to.deep.equal(amina);
    expect(client.calls).to.have.length(2);
  });

  it('counts comments for many page keys with one request, 0 for a page without a thread', async () => {
    const client = new FakeClient({ 'GET /v1/threads/counts': { counts: { '/a': 3 } } });
    expect(await Promise.all([countFor(client, '', '/a'), countFor(client, '', '/b'), countFor(client, '', '/a')])).to.deep.equal([
      3, 0, 3,
    ]);
    expect(client.calls.map((call) => call.query.key)).to.deep.equal([['/a', '/b']]);
  });

  it('aborts the request when every waiter has gone', async () => {
    const client = new FakeClient({ 'GET /v1/threads/counts': { counts: {} } });
    const release = client.hold();
    const removed = new AbortController();
    const count = countFor(client, '', '/a', removed.signal).catch((error: unknown) => error);
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve));
    removed.abort();
    expect(((await count) as Error).name).to.equal('AbortError');
    expect(client.calls[0]?.signal?.aborted, 'the shared request stops too').to.equal(true);
    release();
  });
});
