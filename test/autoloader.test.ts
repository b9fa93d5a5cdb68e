import { expect } from '@open-wc/testing';
import { loadElement } from '../src/define.js';
import { defineElement } from '../src/registry/define-element.js';
import '../src/autoloader.js';

describe('autoloader and registration', () => {
  it('registers a grove tag present on the page, and only known ones', async () => {
    const provider = document.createElement('grove-provider');
    const unknown = document.createElement('grove-not-a-widget');
    document.body.append(provider, unknown);
    try {
      await customElements.whenDefined('grove-provider');
      expect(customElements.get('grove-provider')).to.not.equal(undefined);
      expect(customElements.get('grove-not-a-widget')).to.equal(undefined);
    } finally {
      provider.remove();
      unknown.remove();
    }
  });

  it('tolerates the library being loaded twice: the first definition wins', async () => {
    await loadElement('grove-provider');
    const first = customElements.get('grove-provider');
    class SecondCopy extends HTMLElement {}
    expect(() => defineElement('grove-provider', SecondCopy)).not.to.throw();
    expect(customElements.get('grove-provider')).to.equal(first);
  });
});
