/**
 * The XSS corpus (test/security/xss-payloads.json, provenance in test/security/README.md; 984 payloads from DOMPurify, OWASP, bleach,
 * markdown-it and others, each rewritten to call `window.__xss(<its id>)` when it runs) goes through the
 * real API into the fields it fits, and the discussion thread renders the result in Chromium:
 * - html, mxss and markdown payloads as post bodies (Markdown with raw HTML attempts);
 * - attribute payloads as a new thread's title (a text field shown in the widget) and as a body;
 * - url payloads as the target of a Markdown link in a body.
 * A hit is any `__xss` call, any element or attribute in a rendered body outside the server's
 * allowlist, and any request to a host other than the test page and the API.
 */
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import type { GroveClient } from '../../src/api/client.js';
import { GroveApiError } from '../../src/api/problem.js';
import { GroveDiscussionThread } from '../../src/components/discussion-thread/discussion-thread.js';
import type { Post, Thread } from '../../src/components/discussion-thread/types.js';
import { GroveProvider } from '../../src/context/grove-provider.js';
import { defineElement } from '../../src/registry/define-element.js';
import { api, signInAsMember, uniqueKey } from '../components/discussion-thread/live-server.js';

defineElement('grove-provider', GroveProvider);
defineElement('grove-discussion-thread', GroveDiscussionThread);

interface Payload {
  id: string;
  kind: 'html' | 'mxss' | 'markdown' | 'url' | 'attribute';
  payload: string;
}

const hits = new Set<string>();
(window as unknown as { __xss: (id: unknown) => void }).__xss = (id) => hits.add(String(id));

const ALLOWED_TAGS = new Set([
  'P',
  'BR',
  'HR',
  'STRONG',
  'EM',
  'S',
  'DEL',
  'CODE',
  'PRE',
  'BLOCKQUOTE',
  'UL',
  'OL',
  'LI',
  'A',
  'H3',
  'H4',
  'H5',
  'H6',
  'TABLE',
  'THEAD',
  'TBODY',
  'TR',
  'TH',
  'TD',
]);
const ALLOWED_ATTRIBUTES = new Set(['href', 'rel', 'start', 'align']);
const POSTS_PER_THREAD = 99; // plus the opening post: one page of 100
const PARALLEL = 6;
const RENDER_BATCH = 4;

/** The corpus sits beside the repository; the dev server serves it through its outside-root prefix. */
async function loadCorpus(): Promise<Payload[]> {
  const response = await fetch('/test/security/xss-payloads.json');
  if (!response.ok) throw new Error(`corpus not found: ${response.status}`);
  return (await response.json()) as Payload[];
}

/** Runs `work` over `items`, `PARALLEL` at a time (PGlite serialises queries anyway). */
async function inParallel<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index] as T);
      }
    }),
  );
  return results;
}

function bodyFor(payload: Payload): string {
  // A URL payload is only dangerous where a URL goes: as a Markdown link and image target.
  if (payload.kind === 'url') return `[link](${payload.payload}) ![image](${payload.payload}) <${payload.payload}>`;
  return payload.payload;
}

/** Payloads the server must refuse rather than store: PostgreSQL text cannot hold U+0000. */
const hasNul = (payload: Payload) => payload.payload.includes('\u0000');

/**
 * Posts one payload. A 400 naming the field (a NUL character the database cannot store) is a safe
 * outcome: the payload never exists. Anything else failing (a 5xx) fails the test.
 */
async function post(
  client: GroveClient,
  payload: Payload,
  body: Record<string, unknown>,
  refused: Map<string, string[]>,
): Promise<Post | undefined> {
  try {
    return await client.send<Post>('POST', '/v1/posts', { body: { language: 'en', ...body } });
  } catch (error) {
    if (error instanceof GroveApiError && error.kind === 'invalid' && error.fieldErrors.length > 0) {
      refused.set(
        payload.id,
        error.fieldErrors.map((fieldError) => fieldError.field),
      );
      return undefined;
    }
    throw new Error(`posting ${payload.id} failed: ${String(error)}`);
  }
}

/** Every element and attribute in rendered bodies must be on the server's allowlist. */
function offListMarkup(root: ShadowRoot): string[] {
  const findings: string[] = [];
  for (const body of root.querySelectorAll('[part~="body"]')) {
    for (const element of body.querySelectorAll('*')) {
      if (!ALLOWED_TAGS.has(element.tagName)) findings.push(`<${element.tagName.toLowerCase()}>`);
      for (const attribute of element.attributes) {
        if (!ALLOWED_ATTRIBUTES.has(attribute.name)) findings.push(`${element.tagName.toLowerCase()}[${attribute.name}]`);
      }
      // What the browser would follow: a percent-encoded "javascript:" is a harmless relative path.
      const href = element.getAttribute('href');
      if (href !== null && !['http:', 'https:', 'mailto:'].includes(new URL(href, location.href).protocol)) findings.push(`href=${href}`);
    }
  }
  return findings;
}

describe('XSS corpus through the discussion thread', function () {
  // 984 payloads written through the API and rendered: minutes on a loaded 2-core machine.
  this.timeout(300_000);
  const foreignRequests: string[] = [];
  let observer: PerformanceObserver | undefined;

  before(function () {
    if (!api) this.skip();
    const allowed = new Set([location.origin, new URL(api).origin]);
    observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!allowed.has(new URL(entry.name).origin)) foreignRequests.push(entry.name);
    });
    observer.observe({ type: 'resource', buffered: true });
  });

  after(() => observer?.disconnect());

  it('runs no payload from any field and lets no markup outside the allowlist through', async () => {
    const corpus = await loadCorpus();
    expect(corpus).to.have.length(984);
    const { client, community } = await signInAsMember(api!, 2);

    // Bodies: threads of 100 posts, each created by its first post on a fresh page key.
    const bodies = corpus.filter((payload) => payload.kind !== 'attribute');
    const refused = new Map<string, string[]>();
    const threadIds: string[] = [];
    for (let start = 0; start < bodies.length; start += POSTS_PER_THREAD) {
      const chunk = bodies.slice(start, start + POSTS_PER_THREAD);
      const opening = { id: `opening-${start}`, kind: 'html', payload: '' } as const;
      const first = await post(
        client,
        opening,
        { key: uniqueKey('xss'), community, title: `XSS bodies ${start}`, body: `Payloads from ${start}` },
        refused,
      );
      threadIds.push(first!.thread);
      await inParallel(chunk, (payload) => post(client, payload, { thread: first!.thread, body: bodyFor(payload) }, refused));
    }
    // Titles: one thread per attribute payload (titles are limited to 200 characters by the contract).
    const attributes = corpus.filter((payload) => payload.kind === 'attribute');
    const titled = (
      await inParallel(attributes, (payload) =>
        post(
          client,
          payload,
          { key: uniqueKey('xss-title'), community, title: payload.payload.trim().slice(0, 200), body: payload.payload },
          refused,
        ),
      )
    ).filter((created): created is Post => created !== undefined);
    threadIds.push(...titled.map((created) => created.thread));

    // Rendered a few threads at a time: each keeps a live-update stream open, and a browser gives one
    // origin only six connections.
    let rendered = 0;
    const findings: string[] = [];
    for (let start = 0; start < threadIds.length; start += RENDER_BATCH) {
      const batch = threadIds.slice(start, start + RENDER_BATCH);
      const provider = await fixture<GroveProvider>(
        html`<grove-provider .client=${client}>${batch.map((id) => html`<grove-discussion-thread thread=${id} page-size="100"></grove-discussion-thread>`)}</grove-provider>`,
      );
      const threads = [...provider.querySelectorAll<GroveDiscussionThread>('grove-discussion-thread')];
      await waitUntil(() => threads.every((element) => element.shadowRoot?.querySelector('[part~="post"]')), 'the threads render', {
        timeout: 20_000,
      });
      // Failed image loads and similar handlers fire after rendering: let a few frames pass.
      for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setTimeout(resolve, 20));
      rendered += threads.reduce((sum, element) => sum + (element.shadowRoot?.querySelectorAll('[part~="post"]').length ?? 0), 0);
      findings.push(...threads.flatMap((element) => (element.shadowRoot ? offListMarkup(element.shadowRoot) : [])));
      provider.remove();
    }
    const openings = Math.ceil(bodies.length / POSTS_PER_THREAD);
    expect(rendered, `every stored payload was rendered (refused with 400: ${[...refused.keys()].join(' ') || 'none'})`).to.equal(
      corpus.length - refused.size + openings,
    );
    // Exactly the NUL payloads are refused (5 in the corpus), each with a 400 naming the text fields.
    const withNul = corpus.filter(hasNul).map((payload) => payload.id);
    expect(withNul.length, 'the corpus still carries NUL payloads').to.be.greaterThan(0);
    expect([...refused.keys()].sort(), 'the server refuses the NUL payloads and nothing else').to.deep.equal([...withNul].sort());
    for (const [id, fields] of refused)
      expect(fields, `the 400 for ${id} names the field`).to.satisfy((names: string[]) =>
        names.every((name) => /^body\.(body|title)$/.test(name)),
      );
    const titles = await Promise.all(titled.map((created) => client.get<Thread>(`/v1/threads/${created.thread}`)));
    const stored = attributes.filter((payload) => !refused.has(payload.id));
    expect(titles.map((thread) => thread.title)).to.deep.equal(stored.map((payload) => payload.payload.trim().slice(0, 200)));

    await new Promise((resolve) => setTimeout(resolve, 300)); // late error events from the last batch
    expect([...hits], 'payloads that ran script').to.deep.equal([]);
    expect(findings, 'markup outside the allowlist').to.deep.equal([]);
    expect(foreignRequests, 'requests to foreign hosts').to.deep.equal([]);
  });

  it('shows a refused NUL payload as a translated reason in the outbox and keeps its exact text', async () => {
    const nul = (await loadCorpus()).filter(hasNul);
    const { client, community } = await signInAsMember(api!, 4);
    const provider = await fixture<GroveProvider>(
      html`<grove-provider .client=${client} lang="ar"><grove-discussion-thread page-key=${uniqueKey('xss-nul')} community=${community} thread-title="NUL"></grove-discussion-thread></grove-provider>`,
    );
    const thread = provider.querySelector<GroveDiscussionThread>('grove-discussion-thread')!;
    const root = thread.shadowRoot!;
    await waitUntil(() => root.querySelector('#composer-input'), 'the composer', { timeout: 10_000 });
    for (const payload of nul) {
      const input = root.querySelector<HTMLTextAreaElement>('#composer-input')!;
      input.value = payload.payload;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
      await thread.updateComplete;
      root.querySelector<HTMLFormElement>('[part~="composer"]')!.requestSubmit();
      await thread.updateComplete;
    }
    const items = () => [...root.querySelectorAll<HTMLElement>('.outbox-item')];
    await waitUntil(() => items().length === nul.length && items().every((item) => item.dataset.state === 'rejected'), 'every refusal', {
      timeout: 20_000,
    });
    // A textarea normalises line breaks to \n, as it does for anything a user pastes.
    const pasted = nul.map((payload) => payload.payload.replace(/\r\n?/g, '\n'));
    expect(
      items().map((item) => item.querySelector('.body')?.textContent),
      'the text, exactly as pasted',
    ).to.deep.equal(pasted);
    for (const item of items()) expect(item.textContent).to.include('لم يقبل الخادم هذا النص');
    expect([...hits], 'payloads that ran script').to.deep.equal([]);
    provider.remove();
  });
});
