import { expect } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { VisibilityController } from '../../src/controllers/visibility-controller.js';
import { defineElement } from '../../src/registry/define-element.js';
import { fakeIntersectionObserver, withoutIntersectionObserver, type FakeIntersectionObserver } from '../helpers/intersection-observer.js';

/** Renders whether its controller has let it load yet, and counts renders. */
class GroveVisibilityProbe extends LitElement {
  readonly visibility = new VisibilityController(this);
  renders = 0;

  protected override render() {
    this.renders += 1;
    return html`${this.visibility.visible ? 'loaded' : 'waiting'}`;
  }
}
defineElement('grove-visibility-probe', GroveVisibilityProbe);

declare global {
  interface HTMLElementTagNameMap {
    'grove-visibility-probe': GroveVisibilityProbe;
  }
}

/** Built by hand: open-wc's fixture waits on frames, which background test tabs throttle. */
async function attach(): Promise<GroveVisibilityProbe> {
  const probe = document.body.appendChild(document.createElement('grove-visibility-probe'));
  await probe.updateComplete;
  return probe;
}

describe('VisibilityController', () => {
  let io: FakeIntersectionObserver;
  const attached: Element[] = [];

  beforeEach(() => {
    io = fakeIntersectionObserver();
  });

  afterEach(() => {
    io.restore();
    for (const element of attached.splice(0)) element.remove();
  });

  it('waits until the host nears the viewport, then updates it once', async () => {
    const probe = await attach();
    attached.push(probe);
    expect(probe.visibility.visible).to.equal(false);
    expect(probe.shadowRoot?.textContent).to.include('waiting');
    expect(io.observed.map((o) => o.target)).to.deep.equal([probe]);

    expect(io.intersect(probe), 'one observer watches the host').to.equal(1);
    await probe.updateComplete;
    expect(probe.visibility.visible).to.equal(true);
    expect(probe.shadowRoot?.textContent).to.include('loaded');
    expect(io.observed, 'stops observing once visible').to.have.length(0);
  });

  it('ignores entries that are not intersecting', async () => {
    const probe = await attach();
    attached.push(probe);
    const renders = probe.renders;
    io.intersect(probe, false);
    await probe.updateComplete;
    expect(probe.visibility.visible).to.equal(false);
    expect(probe.renders, 'no update for an entry outside the margin').to.equal(renders);
  });

  it('starts a screen early by default', async () => {
    const probe = await attach();
    attached.push(probe);
    expect(io.observed[0]?.options?.rootMargin).to.equal('100% 0px');
  });

  it('stops observing when the host is removed, and stays loaded when re-attached', async () => {
    const probe = await attach();
    probe.remove();
    expect(io.observed, 'no observer left behind by a removed widget').to.have.length(0);

    document.body.append(probe);
    attached.push(probe);
    io.intersect(probe);
    await probe.updateComplete;
    probe.remove();
    document.body.append(probe);
    expect(probe.visibility.visible, 'scrolling away or moving never unloads').to.equal(true);
    expect(io.observed, 'a visible host is not observed again').to.have.length(0);
  });

  it('starts at once where IntersectionObserver is missing', async () => {
    io.restore();
    const restore = withoutIntersectionObserver();
    try {
      const probe = await attach();
      attached.push(probe);
      await probe.updateComplete;
      expect(probe.visibility.visible).to.equal(true);
      expect(probe.shadowRoot?.textContent).to.include('loaded');
    } finally {
      restore();
      io = fakeIntersectionObserver();
    }
  });
});
