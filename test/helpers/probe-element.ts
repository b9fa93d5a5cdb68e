import { LitElement, html } from 'lit';
import { ConfigController } from '../../src/controllers/config-controller.js';
import { LocalizeController } from '../../src/controllers/localize-controller.js';
import { defineElement } from '../../src/registry/define-element.js';
import { hostStyles } from '../../src/styles/host.js';

const en = { 'probe.members': '{count, plural, =0 {No members} one {# member} other {# members}}' } as const;

/** A minimal widget built the way real ones are, to test the core controllers end to end. */
export class GroveProbe extends LitElement {
  static override styles = hostStyles;
  readonly config = new ConfigController(this);
  readonly localize = new LocalizeController(this, this.config, {
    en,
    load: {
      fr: () => Promise.resolve({ default: { 'probe.members': '{count, plural, one {# membre} other {# membres}}' } }),
      ar: () =>
        Promise.resolve({
          default: {
            'probe.members': '{count, plural, zero {لا أعضاء} one {عضو واحد} two {عضوان} few {# أعضاء} many {# عضوًا} other {# عضو}}',
          },
        }),
    },
  });

  protected override render() {
    return html`<p dir=${this.localize.dir}>${this.localize.t('probe.members', { count: 3 })}</p>`;
  }
}
defineElement('grove-probe', GroveProbe);

declare global {
  interface HTMLElementTagNameMap {
    'grove-probe': GroveProbe;
  }
}
