import { expect } from '@open-wc/testing';
import { GroveApiError } from '../../src/api/problem.js';
import type { Post } from '../../src/components/discussion-thread/types.js';
import { GroveErrorEvent } from '../../src/events/grove-error-event.js';
import { GroveLoadEvent } from '../../src/events/grove-load-event.js';
import { GroveModerateEvent } from '../../src/events/grove-moderate-event.js';
import { GroveNavigateEvent } from '../../src/events/grove-navigate-event.js';
import { GrovePostEvent } from '../../src/events/grove-post-event.js';
import { GroveRsvpEvent } from '../../src/events/grove-rsvp-event.js';
import { GroveSearchEvent } from '../../src/events/grove-search-event.js';
import { GroveSelectEvent } from '../../src/events/grove-select-event.js';

/**
 * Every public event crosses shadow roots and bubbles to the page (STYLE.md "Events"): a listener on
 * `document` outside the widget's shadow root must receive it, with its detail intact.
 */
function dispatchFromShadow(event: Event): Event | undefined {
  const host = document.body.appendChild(document.createElement('div'));
  const inner = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('span'));
  let received: Event | undefined;
  const listen = (heard: Event) => {
    received = heard;
  };
  document.addEventListener(event.type, listen);
  try {
    inner.dispatchEvent(event);
  } finally {
    document.removeEventListener(event.type, listen);
    host.remove();
  }
  return received;
}

// The event carries the post as given; only its identity matters here.
const post = { id: 'p1' } as Partial<Post> as Post;
const error = new GroveApiError('not-found', 404);
const navigate = { view: 'month', date: '2026-11-22', first: '2026-10-26', last: '2026-12-06' };
const rsvp = { eventId: 'e1', occurrence: '2026-11-22T10:00:00Z', status: 'going', waitlisted: false, position: null } as const;

const cases: { name: string; event: Event; detail: unknown }[] = [
  { name: 'grove-error', event: new GroveErrorEvent(error), detail: { error } },
  { name: 'grove-load', event: new GroveLoadEvent({ items: [] }), detail: { data: { items: [] } } },
  { name: 'grove-search', event: new GroveSearchEvent('ada'), detail: { query: 'ada' } },
  { name: 'grove-select', event: new GroveSelectEvent({ id: 'm1' }), detail: { item: { id: 'm1' } } },
  { name: 'grove-post', event: new GrovePostEvent(post, 'created'), detail: { post, change: 'created' } },
  { name: 'grove-moderate', event: new GroveModerateEvent('pin', 't1'), detail: { action: 'pin', threadId: 't1' } },
  { name: 'grove-navigate', event: new GroveNavigateEvent(navigate), detail: navigate },
  { name: 'grove-rsvp', event: new GroveRsvpEvent(rsvp), detail: rsvp },
];

describe('event classes', () => {
  for (const { name, event, detail } of cases) {
    it(`${name} bubbles out of shadow roots with its detail`, () => {
      expect(event.type).to.equal(name);
      expect((event.constructor as unknown as { eventName: string }).eventName).to.equal(name);
      const received = dispatchFromShadow(event);
      expect(received, `${name} reaches a document listener`).to.equal(event);
      expect(event.bubbles && event.composed, 'bubbles and composed').to.equal(true);
      expect((event as Event & { detail: unknown }).detail).to.deep.equal(detail);
    });
  }

  it('only grove-select can be cancelled, so a page may keep the profile closed', () => {
    expect(cases.filter(({ event }) => event.cancelable).map(({ name }) => name)).to.deep.equal(['grove-select']);
  });

  it('moderation names the post only when the action concerns one', () => {
    expect(new GroveModerateEvent('hide', 't1', 'p9').detail).to.deep.equal({ action: 'hide', threadId: 't1', postId: 'p9' });
    expect(new GroveModerateEvent('lock', 't1').detail).not.to.have.property('postId');
  });
});
