import { expect, fixture } from '@open-wc/testing';
import { css, html, LitElement } from 'lit';
import { defineElement } from '../../src/registry/define-element.js';
import { tokens } from '../../src/styles/tokens.js';

/** The smallest widget-like element: the shared tokens, and a control coloured by the accent. */
class TokenProbe extends LitElement {
  static override styles = [tokens, css`button { background: var(--_accent); color: var(--_on-accent); }`];
  override render() {
    return html`<button>Show more</button>`;
  }
}
defineElement('grove-token-probe', TokenProbe);

async function colours(style: string) {
  const host = await fixture<HTMLElement>(html`<div style=${style}><grove-token-probe></grove-token-probe></div>`);
  const probe = host.querySelector('grove-token-probe') as TokenProbe;
  await probe.updateComplete;
  const button = getComputedStyle(probe.shadowRoot!.querySelector('button')!);
  return { background: button.backgroundColor, color: button.color };
}

describe('colour tokens', () => {
  it('use the page’s valid value', async () => {
    expect((await colours('--grove-color-accent: rebeccapurple')).background).to.equal('rgb(102, 51, 153)');
  });

  it('fall back to the default when the page’s value is not a colour, so controls stay visible', async () => {
    const { background, color } = await colours('--grove-color-accent: #1f6f5; --grove-color-on-accent: whiteish');
    expect(background).to.equal('rgb(31, 111, 80)');
    expect(color).to.equal('rgb(255, 255, 255)');
  });

  it('keep the dark default when unset, and fall back to the light default (visible) when invalid in a dark scheme', async () => {
    expect((await colours('color-scheme: dark')).background).to.equal('rgb(127, 209, 174)');
    // A registered initial value resolves light-dark() without an element's colour scheme: the light side.
    expect((await colours('color-scheme: dark; --grove-color-accent: nope')).background).to.equal('rgb(31, 111, 80)');
  });
});
