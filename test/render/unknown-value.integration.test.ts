import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import '../../src/elements/event-calendar.js';
import '../../src/elements/expert-finder.js';
import '../../src/elements/discussion-thread.js';
import '../../src/elements/member-directory.js';
import { withoutIntersectionObserver } from '../helpers/intersection-observer.js';

/** Set by web-test-runner.config.js: the reference server, on another origin than the test page. */
const api = (window as { GROVE_API?: string | null }).GROVE_API ?? '';

// A site editor's typo in a value the server must look up: the message names the attribute and quotes
// the value, instead of "This could not be found" and a Try again that cannot help.
describe('an unknown community, against the reference server', function () {
  this.timeout(20000);
  let restore: (() => void) | undefined;
  before(function () {
    if (!api) this.skip();
    restore = withoutIntersectionObserver();
  });
  after(() => restore?.());

  const cases: [string, string, (api: string) => TemplateResult][] = [
    ['grove-member-directory', 'community', (base) => html`<grove-member-directory api=${base} community="watr"></grove-member-directory>`],
    ['grove-event-calendar', 'community', (base) => html`<grove-event-calendar api=${base} community="watr"></grove-event-calendar>`],
    [
      'grove-expert-finder',
      'community',
      (base) => html`<grove-expert-finder api=${base} community="watr" query="irrigation"></grove-expert-finder>`,
    ],
    [
      'grove-discussion-thread',
      'community',
      (base) => html`<grove-discussion-thread api=${base} community="watr" page-key="https://example.org/x"></grove-discussion-thread>`,
    ],
  ];
  for (const [tag, attribute, template] of cases) {
    it(`${tag} names the ${attribute} attribute and the value`, async () => {
      const failed = oneEvent(document, 'grove-error');
      const element = await fixture<HTMLElement>(template(api));
      await failed;
      await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      const alert = element.shadowRoot?.querySelector('[role="alert"]');
      expect(alert?.textContent).to.include('“watr”').and.include(`${attribute} attribute`);
      expect(element.shadowRoot?.querySelector('[part~="retry-button"]'), 'no retry that cannot help').to.equal(null);
    });
  }

  it('says it in the page’s language', async () => {
    const failed = oneEvent(document, 'grove-error');
    const element = await fixture<HTMLElement>(
      html`<grove-member-directory api=${api} lang="fr" community="watr"></grove-member-directory>`,
    );
    await failed;
    const alert = () => element.shadowRoot?.querySelector('[role="alert"]')?.textContent ?? '';
    await waitUntil(() => alert().includes('« watr »'), 'the French message', { timeout: 4000 });
    expect(alert()).to.include('l’attribut community');
  });
});

describe('a 404 that is not a Grove answer', () => {
  it('blames the api attribute, not the community attribute, and offers no useless retry', async () => {
    let restore: (() => void) | undefined;
    try {
      restore = withoutIntersectionObserver();
      const failed = oneEvent(document, 'grove-error');
      // The test page's own server: a plain 404, no problem+json.
      const element = await fixture<HTMLElement>(
        html`<grove-member-directory api="/not-a-grove-api" community="water"></grove-member-directory>`,
      );
      await failed;
      await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      const alert = element.shadowRoot?.querySelector('[role="alert"]')?.textContent ?? '';
      expect(alert).to.not.include('community attribute');
      expect(alert).to.include('does not answer like a Grove server. Check the api attribute.');
      expect(element.shadowRoot?.querySelector('[part="retry-button"]')).to.equal(null);
    } finally {
      restore?.();
    }
  });
});
