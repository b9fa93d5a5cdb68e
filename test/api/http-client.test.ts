import { expect } from '@open-wc/testing';
import { createHttpClient, type HttpClientOptions } from '../../src/api/http-client.js';
import { GroveApiError } from '../../src/api/problem.js';
import { ResponseCache } from '../../src/api/response-cache.js';
import { fakeFetch, json, never, problem, until } from '../helpers/fake-fetch.js';

const BASE = 'https://grove.test/api';
/** Headers a script may set without a CORS preflight (Fetch standard, "CORS-safelisted request-header"). */
const SAFELISTED = new Set(['accept', 'accept-language', 'content-language']);

function client(fetch: typeof globalThis.fetch, options: Partial<HttpClientOptions> = {}) {
  return createHttpClient({
    baseUrl: BASE,
    fetch,
    cache: new ResponseCache(),
    retry: { baseDelayMs: 1, maxDelayMs: 50 },
    ...options,
  });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

describe('HTTP client: reads', () => {
  it('keeps anonymous GETs CORS-simple and lets the browser cache revalidate', async () => {
    const net = fakeFetch(() => json({ items: [] }, { headers: { etag: 'W/"1"' } }));
    const api = client(net.fetch);
    await api.get('/v1/members', { query: { q: 'water', skill: ['irrigation', 'gis'], page: undefined } });
    await api.get('/v1/members', { query: { q: 'water', skill: ['irrigation', 'gis'] } });

    expect(net.requests).to.have.length(2);
    for (const request of net.requests) {
      expect(request.url).to.equal(`${BASE}/v1/members?q=water&skill=irrigation&skill=gis`);
      const names = [...request.headers.keys()];
      expect(
        names.filter((name) => !SAFELISTED.has(name)),
        'non-safelisted headers',
      ).to.deep.equal([]);
      expect(request.cache).to.equal('no-cache');
    }
  });

  it('revalidates authenticated GETs with If-None-Match and reuses the cached object on 304', async () => {
    const net = fakeFetch((request) =>
      request.headers.get('if-none-match') === 'W/"7"'
        ? new Response(null, { status: 304, headers: { etag: 'W/"7"' } })
        : json({ id: '7', name: 'Amina' }, { headers: { etag: 'W/"7"' } }),
    );
    const api = client(net.fetch, { token: 'secret' });
    const first = await api.getWithEtag<{ name: string }>('/v1/members/7');
    const second = await api.getWithEtag<{ name: string }>('/v1/members/7');

    expect(net.requests[0]?.headers.get('authorization')).to.equal('Bearer secret');
    expect(net.requests[0]?.headers.get('if-none-match')).to.equal(null);
    expect(net.requests[1]?.headers.get('if-none-match')).to.equal('W/"7"');
    expect(net.requests[1]?.cache, 'private data stays out of the disk cache').to.equal('no-store');
    expect(second.data, 'same object after 304').to.equal(first.data);
    expect(second.etag).to.equal('W/"7"');
  });

  it('serves from memory without a request while max-age holds', async () => {
    const net = fakeFetch(() => json({ slug: 'water' }, { headers: { 'cache-control': 'public, max-age=30' } }));
    const api = client(net.fetch);
    await api.get('/v1/communities/water');
    await api.get('/v1/communities/water');
    expect(net.requests).to.have.length(1);
  });

  it('keeps cache entries apart per viewer', async () => {
    const cache = new ResponseCache();
    const net = fakeFetch((request) =>
      json({ viewer: request.headers.get('authorization') }, { headers: { 'cache-control': 'max-age=60' } }),
    );
    const anonymous = await client(net.fetch, { cache }).get<{ viewer: string | null }>('/v1/me');
    const signedIn = await client(net.fetch, { cache, token: 't1' }).get<{ viewer: string | null }>('/v1/me');
    expect(anonymous.viewer).to.equal(null);
    expect(signedIn.viewer).to.equal('Bearer t1');
  });

  it('shares one in-flight request between identical GETs', async () => {
    let answer!: (response: Response) => void;
    const net = fakeFetch(() => new Promise<Response>((resolve) => (answer = resolve)));
    const api = client(net.fetch);
    const both = Promise.all([api.get('/v1/skills'), api.get('/v1/skills')]);
    await until(() => net.requests.length > 0);
    answer(json(['gis']));
    const [a, b] = await both;
    expect(net.requests).to.have.length(1);
    expect(a).to.deep.equal(['gis']);
    expect(b).to.equal(a);
  });

  it('lets one waiter abort without aborting the request others wait on', async () => {
    let answer!: (response: Response) => void;
    const net = fakeFetch(() => new Promise<Response>((resolve) => (answer = resolve)));
    const api = client(net.fetch);
    const leaving = new AbortController();
    const first = api.get('/v1/skills', { signal: leaving.signal });
    const second = api.get('/v1/skills');
    await until(() => net.requests.length > 0);
    leaving.abort();
    const error = await rejection(first);
    expect((error as DOMException).name).to.equal('AbortError');
    expect(net.requests[0]?.signal.aborted, 'shared request still running').to.equal(false);
    answer(json(['gis']));
    expect(await second).to.deep.equal(['gis']);
  });

  it('aborts the shared request when its last waiter leaves', async () => {
    const net = fakeFetch(() => never());
    const api = client(net.fetch);
    const a = new AbortController();
    const b = new AbortController();
    const first = api.get('/v1/skills', { signal: a.signal });
    const second = api.get('/v1/skills', { signal: b.signal });
    await until(() => net.requests.length > 0);
    a.abort();
    b.abort();
    await Promise.allSettled([first, second]);
    expect(net.requests[0]?.signal.aborted).to.equal(true);
  });

  it('retries 503 after Retry-After and then succeeds', async () => {
    const net = fakeFetch((_, attempt) => (attempt === 1 ? problem(503, { title: 'Busy' }, { 'retry-after': '0' }) : json({ ok: true })));
    expect(await client(net.fetch).get('/v1/events')).to.deep.equal({ ok: true });
    expect(net.requests).to.have.length(2);
  });

  it('gives up at once when Retry-After asks for longer than it would wait', async () => {
    const net = fakeFetch(() => problem(503, { title: 'Busy' }, { 'retry-after': '120' }));
    const error = await rejection(client(net.fetch, { retry: { limit: 2, baseDelayMs: 1, maxDelayMs: 5_000 } }).get('/v1/events'));
    expect((error as GroveApiError).kind).to.equal('unavailable');
    expect(net.requests, 'no retry the server has said is pointless').to.have.length(1);
  });

  it('stops waiting to retry as soon as the caller aborts', async () => {
    const net = fakeFetch(() => problem(503, { title: 'Busy' }, { 'retry-after': '10' }));
    const controller = new AbortController();
    const pending = rejection(
      client(net.fetch, { retry: { limit: 2, baseDelayMs: 1, maxDelayMs: 60_000 } }).get('/v1/events', { signal: controller.signal }),
    );
    await until(() => net.requests.length === 1);
    controller.abort();
    expect(await pending).to.have.property('name', 'AbortError');
    expect(net.requests).to.have.length(1);
  });

  it('ends a response still being read when the caller aborts (an event stream keeps no connection open)', async () => {
    // As a real fetch does: the body of an aborted request errors; until then it never ends.
    const endless = (request: Request) =>
      new ReadableStream<Uint8Array>({
        start: (body) => request.signal.addEventListener('abort', () => body.error(request.signal.reason)),
      });
    const net = fakeFetch((request) => new Response(endless(request), { headers: { 'content-type': 'text/event-stream' } }));
    const controller = new AbortController();
    const opened = client(net.fetch).stream('/v1/threads/7/stream', { signal: controller.signal, onMessage: () => undefined });
    await until(() => net.requests.length === 1);
    // Give the client time to hand the open response to the stream reader: past the headers.
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    expect(net.requests[0]?.signal.aborted, 'the request behind the stream is aborted').to.equal(true);
    await opened;
  });

  it('gives up after the retry limit with kind "unavailable"', async () => {
    const net = fakeFetch(() => problem(502, { title: 'Bad gateway' }));
    const error = await rejection(client(net.fetch, { retry: { limit: 2, baseDelayMs: 1 } }).get('/v1/events'));
    expect(net.requests).to.have.length(3);
    expect((error as GroveApiError).kind).to.equal('unavailable');
  });

  it('maps problem+json to a typed error with field errors, without retrying a 400', async () => {
    const net = fakeFetch(() =>
      problem(400, { title: 'Invalid query', detail: 'limit too large', errors: [{ field: 'limit', message: 'at most 100' }] }),
    );
    const error = (await rejection(client(net.fetch).get('/v1/members', { query: { limit: 1000 } }))) as GroveApiError;
    expect(error).to.be.instanceOf(GroveApiError);
    expect(error.kind).to.equal('invalid');
    expect(error.status).to.equal(400);
    expect(error.detail).to.equal('limit too large');
    expect(error.fieldError('limit')).to.equal('at most 100');
    expect(net.requests).to.have.length(1);
  });

  it('reports a timeout as kind "timeout"', async () => {
    const net = fakeFetch(() => never());
    const error = await rejection(client(net.fetch, { timeoutMs: 30, retry: { limit: 0 } }).get('/v1/events'));
    expect((error as GroveApiError).kind).to.equal('timeout');
  });

  it('reports a failed fetch as kind "offline"', async () => {
    const net = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = await rejection(client(net.fetch, { retry: { limit: 1, baseDelayMs: 1 } }).get('/v1/events'));
    expect((error as GroveApiError).kind).to.equal('offline');
    expect(net.requests, 'network errors are retried').to.have.length(2);
  });

  it('says "not-grove" when the api address answers with a web page instead of JSON', async () => {
    const page = (status: number) => () =>
      new Response('<!doctype html><title>Intranet</title>', { status, headers: { 'content-type': 'text/html' } });
    expect(((await rejection(client(fakeFetch(page(200)).fetch).get('/v1/members'))) as GroveApiError).kind).to.equal('not-grove');
    expect(((await rejection(client(fakeFetch(page(404)).fetch).get('/v1/members'))) as GroveApiError).kind).to.equal('not-grove');
    // A proxy's error page in front of a Grove server keeps its status's meaning.
    expect(
      ((await rejection(client(fakeFetch(page(502)).fetch, { retry: { limit: 0 } }).get('/v1/members'))) as GroveApiError).kind,
    ).to.equal('unavailable');
  });

  it('reads text representations with the asked media type', async () => {
    const net = fakeFetch(() => new Response('BEGIN:VCARD\r\nEND:VCARD\r\n', { headers: { 'content-type': 'text/vcard' } }));
    const text = await client(net.fetch).text('/v1/members/7/vcard', { accept: 'text/vcard' });
    expect(text).to.contain('BEGIN:VCARD');
    expect(net.requests[0]?.headers.get('accept')).to.equal('text/vcard');
  });
});

describe('HTTP client: sign-on', () => {
  it('asks the token provider for a fresh token once after a 401', async () => {
    const asked: boolean[] = [];
    const net = fakeFetch((request) =>
      request.headers.get('authorization') === 'Bearer fresh' ? json({ id: 'me' }) : problem(401, { title: 'Expired' }),
    );
    const api = client(net.fetch, {
      tokenProvider: ({ refresh }) => {
        asked.push(refresh);
        return refresh ? 'fresh' : 'stale';
      },
    });
    expect(await api.get('/v1/me')).to.deep.equal({ id: 'me' });
    expect(asked).to.deep.equal([false, true]);
    expect(net.requests).to.have.length(2);
  });

  it('fails with kind "unauthorized" when the refreshed token is refused too', async () => {
    const net = fakeFetch(() => problem(401, { title: 'Expired' }));
    let calls = 0;
    const api = client(net.fetch, { tokenProvider: () => Promise.resolve(`token-${++calls}`) });
    const error = await rejection(api.get('/v1/me'));
    expect((error as GroveApiError).kind).to.equal('unauthorized');
    expect(net.requests, 'one refresh, no loop').to.have.length(2);
  });
});

describe('HTTP client: writes', () => {
  it('sends JSON with Idempotency-Key and If-Match, and returns the new ETag', async () => {
    const net = fakeFetch(() => json({ id: '9', body: 'edited' }, { headers: { etag: 'W/"9-2"' } }));
    const result = await client(net.fetch, { token: 't' }).sendWithEtag('PATCH', '/v1/posts/9', {
      body: { body: 'edited' },
      ifMatch: 'W/"9-1"',
    });
    const request = net.requests[0]!;
    expect(request.method).to.equal('PATCH');
    expect(request.headers.get('if-match')).to.equal('W/"9-1"');
    expect(request.headers.get('idempotency-key')).to.match(/^[0-9a-f-]{36}$/);
    expect(request.headers.get('content-type')).to.contain('application/json');
    expect(await net.bodies[0]).to.equal('{"body":"edited"}');
    expect(result).to.deep.equal({ data: { id: '9', body: 'edited' }, etag: 'W/"9-2"' });
  });

  it('reuses one Idempotency-Key across retries of a write', async () => {
    const net = fakeFetch((_, attempt) => (attempt === 1 ? problem(503, {}, { 'retry-after': '0' }) : json({ id: '1' }, { status: 201 })));
    await client(net.fetch, { token: 't' }).send('POST', '/v1/posts', { body: { body: 'hi' }, idempotencyKey: 'key-1' });
    expect(net.requests.map((request) => request.headers.get('idempotency-key'))).to.deep.equal(['key-1', 'key-1']);
  });

  it('resolves to undefined for 204 and forgets the cached resource', async () => {
    const cache = new ResponseCache();
    const net = fakeFetch((request) =>
      request.method === 'DELETE' ? new Response(null, { status: 204 }) : json({ id: '3' }, { headers: { 'cache-control': 'max-age=60' } }),
    );
    const api = client(net.fetch, { cache, token: 't' });
    await api.get('/v1/posts/3');
    expect(await api.send('DELETE', '/v1/posts/3')).to.equal(undefined);
    await api.get('/v1/posts/3');
    expect(net.requests.map((request) => request.method)).to.deep.equal(['GET', 'DELETE', 'GET']);
  });

  it('maps a stale If-Match to kind "conflict"', async () => {
    const net = fakeFetch(() => problem(412, { title: 'Precondition failed' }));
    const error = await rejection(client(net.fetch, { token: 't' }).send('PATCH', '/v1/posts/9', { ifMatch: 'W/"old"' }));
    expect((error as GroveApiError).kind).to.equal('conflict');
  });
});

describe('HTTP client: streams', () => {
  it('delivers server-sent events and resumes with the last id in the query when anonymous', async () => {
    const encoder = new TextEncoder();
    const net = fakeFetch((_, attempt) => {
      const body = attempt === 1 ? 'retry: 1\nid: 41\ndata: {"a":1}\n\n: keep-alive\nid: 42\nevent: post\ndata: x\ndata: y\n\n' : '';
      return new Response(
        new ReadableStream({
          start: (controller) => {
            controller.enqueue(encoder.encode(body));
            controller.close();
          },
        }),
        {
          headers: { 'content-type': 'text/event-stream' },
        },
      );
    });
    const api = client(net.fetch);
    const controller = new AbortController();
    const messages: unknown[] = [];
    const done = api.stream('/v1/threads/1/stream', {
      signal: controller.signal,
      onMessage: (message) => {
        messages.push(message);
      },
    });
    await until(() => net.requests.length >= 2);
    controller.abort();
    await done;
    expect(messages).to.deep.equal([
      { id: '41', event: 'message', data: '{"a":1}' },
      { id: '42', event: 'post', data: 'x\ny' },
    ]);
    expect(net.requests[1]?.url).to.equal(`${BASE}/v1/threads/1/stream?lastEventId=42`);
    expect(net.requests[1]?.headers.has('last-event-id'), 'no preflight for anonymous streams').to.equal(false);
  });

  it('reports stream failures as GroveApiError and refreshes a refused token once', async () => {
    const encoder = new TextEncoder();
    const net = fakeFetch((request) => {
      if (request.headers.get('authorization') === 'Bearer stale') return problem(401, { title: 'Expired' });
      return new Response(encoder.encode('id: 7\ndata: hello\n\n'), { headers: { 'content-type': 'text/event-stream' } });
    });
    const asked: boolean[] = [];
    const api = client(net.fetch, {
      tokenProvider: ({ refresh }) => {
        asked.push(refresh);
        return refresh ? 'fresh' : 'stale';
      },
    });
    const controller = new AbortController();
    const messages: unknown[] = [];
    const errors: unknown[] = [];
    const done = api.stream('/v1/threads/1/stream', {
      signal: controller.signal,
      onMessage: (message) => {
        messages.push(message);
        controller.abort();
      },
      onError: (error) => errors.push(error),
    });
    await done;
    expect(asked.slice(0, 2), 'asked again with refresh after the 401').to.deep.equal([false, true]);
    expect(errors, 'a refresh that works is not a failure').to.deep.equal([]);
    expect(messages).to.deep.equal([{ id: '7', event: 'message', data: 'hello' }]);
  });

  it('hands non-retryable stream failures to onError as GroveApiError', async () => {
    const net = fakeFetch(() => problem(403, { title: 'Members only' }));
    const api = client(net.fetch);
    const controller = new AbortController();
    const errors: unknown[] = [];
    await api.stream('/v1/threads/1/stream', {
      signal: controller.signal,
      onMessage: () => undefined,
      onError: (error) => {
        errors.push(error);
        controller.abort();
      },
    });
    expect(errors).to.have.length(1);
    expect(errors[0]).to.be.instanceOf(GroveApiError);
    expect((errors[0] as GroveApiError).kind).to.equal('forbidden');
  });
});
