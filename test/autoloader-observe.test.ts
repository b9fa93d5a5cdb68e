import { expect } from '@open-wc/testing';
import { observe } from '../src/autoloader.js';

/** Module URLs this page has downloaded so far whose path contains `fragment`. */
function downloaded(fragment: string): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.includes(fragment));
}

describe('autoloader: what it loads and where it looks', () => {
  it('does not download widgets whose tags are absent from the page', async () => {
    const provider = document.body.appendChild(document.createElement('grove-provider'));
    try {
      await customElements.whenDefined('grove-provider');
      expect(downloaded('/src/context/grove-provider'), 'the present tag loaded').to.have.length(1);
      expect(downloaded('/src/components/'), 'no widget code without a widget tag').to.deep.equal([]);
      expect(customElements.get('grove-member-directory')).to.equal(undefined);
    } finally {
      provider.remove();
    }
  });

  it('finds tags inside a shadow root handed to observe(), including ones added later', async () => {
    const host = document.body.appendChild(document.createElement('div'));
    const root = host.attachShadow({ mode: 'open' });
    try {
      observe(root);
      root.append(document.createElement('grove-comment-count'));
      await customElements.whenDefined('grove-comment-count');
      expect(root.querySelector('grove-comment-count')?.matches(':defined')).to.equal(true);
    } finally {
      host.remove();
    }
  });

  it('observes a root once, however often observe() is called', () => {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    const created: MutationObserver[] = [];
    const Original = window.MutationObserver;
    window.MutationObserver = class extends Original {
      constructor(callback: MutationCallback) {
        super(callback);
        created.push(this);
      }
    };
    try {
      observe(root);
      observe(root);
    } finally {
      window.MutationObserver = Original;
    }
    expect(created, 'one observer per root').to.have.length(1);
  });
});
