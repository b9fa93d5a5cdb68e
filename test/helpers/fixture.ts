import { fixture } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { GroveClient } from '../../src/api/client.js';
import type { Theme } from '../../src/context/config-context.js';
import { GroveProvider } from '../../src/context/grove-provider.js';
import { defineElement } from '../../src/registry/define-element.js';

export interface ProviderOptions {
  lang?: string;
  theme?: Theme;
}

/**
 * Renders `template` inside a `<grove-provider>` that hands it `client` (usually a `FakeClient`), and
 * resolves to the first element of the template once it has rendered.
 */
export async function fixtureWithClient<T extends Element>(
  template: TemplateResult,
  client: GroveClient | undefined,
  options: ProviderOptions = {},
): Promise<T> {
  defineElement('grove-provider', GroveProvider);
  const provider = await fixture<GroveProvider>(
    html`<grove-provider .client=${client} lang=${options.lang ?? ''} theme=${ifDefined(options.theme)}
      >${template}</grove-provider
    >`,
  );
  const element = provider.firstElementChild as T | null;
  if (!element) throw new Error('fixtureWithClient: the template rendered no element');
  await (element as Partial<{ updateComplete: Promise<unknown> }>).updateComplete;
  return element;
}
