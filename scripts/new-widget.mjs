// Writes a new widget in the shape every Grove widget has (STYLE.md "A component's shape"):
//
//   npm run new-widget -- community-card
//
// creates src/components/community-card/ (element, styles, attribute table, api.ts, messages in en, fr,
// es and ar), its registering entry src/elements/community-card.ts, its story and its test running the shared widget suite, registers the tag in
// src/define.ts, and refreshes package.json exports and custom-elements.json. The widget it writes
// works: it loads a community (GET /v1/communities/{slug}) and shows its name, so the test suite passes
// before the first edit. Replace the request, the template and the messages with the real ones.
//
// `--out <dir>` writes the files under another root and touches nothing else (for the generator's test).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = outIndex === -1 ? root : args.splice(outIndex, 2)[1];
const [name] = args;

if (!name || !/^[a-z]+(-[a-z]+)+$/.test(name)) {
  console.error('Usage: npm run new-widget -- <name>   (kebab-case with at least two words, e.g. community-card)');
  process.exit(1);
}
if (existsSync(join(root, 'src/components', name))) {
  console.error(`src/components/${name} already exists.`);
  process.exit(1);
}

const tag = `grove-${name}`;
const className = `Grove${name.replace(/(^|-)([a-z])/g, (_, _dash, letter) => letter.toUpperCase())}`;
const title = name.replace(/-/g, ' ').replace(/^./, (letter) => letter.toUpperCase());
const prefix = name.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());

const files = {
  [`src/components/${name}/${name}.ts`]: `import { initialState } from '@lit/task';
import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import { ConfigController } from '../../controllers/config-controller.js';
import { LoadController } from '../../controllers/load-controller.js';
import { LocalizeController } from '../../controllers/localize-controller.js';
import { GroveLoadEvent } from '../../events/grove-load-event.js';
import { renderError, renderLoading, renderUnusable } from '../../render/states.js';
import { hostStyles } from '../../styles/host.js';
import { invalidAttribute, keyword } from '../../validation/attributes.js';
import { loadCommunity } from './api.js';
import { ATTRIBUTES } from './attributes.js';
import en from './messages/en.js';
import { styles } from './${name}.styles.js';

const messages = {
  en,
  load: { fr: () => import('./messages/fr.js'), es: () => import('./messages/es.js'), ar: () => import('./messages/ar.js') },
};

/**
 * TODO: one sentence saying what a reader gets from this widget.
 * Example: \`<${tag} community="water"></${tag}>\`.
 *
 * @tag ${tag}
 * @csspart name - The community's name.
 * @csspart status - Loading and empty states.
 * @csspart error - Error messages.
 * @csspart retry-button - Retries a failed load.
 * @cssprop [--${tag}-accent=var(--grove-color-accent)] - The name's colour.
 * @fires {GroveLoadEvent} grove-load - The data arrived; \`detail.data\` is the Community.
 * @fires {GroveErrorEvent} grove-error - Loading failed; the widget shows a translated message.
 */
export class ${className} extends LitElement {
  static override styles = [hostStyles, styles];

  /** Community slug. */
  @property({ converter: keyword }) community = '';

  #config = new ConfigController(this);
  #t = new LocalizeController(this, this.#config, messages);
  #load = new LoadController(this);
  #community = this.#load.task({
    task: async ([client, slug], { signal }) => {
      if (!client || !slug || invalidAttribute(this, ATTRIBUTES)) return initialState;
      // The translation loads alongside, so the widget never flashes English first.
      const [community] = await Promise.all([loadCommunity(client, slug, signal), this.#t.ready]);
      return community;
    },
    args: () => [this.#config.client, this.community.trim()] as const,
    onComplete: (community) => this.dispatchEvent(new GroveLoadEvent(community)),
  });

  override render() {
    const t = this.#t;
    const body =
      renderUnusable(t, invalidAttribute(this, ATTRIBUTES, ['community']), this.#config.client) ??
      this.#community.render({
        pending: () => renderLoading(t),
        complete: (community) => html\`<p part="name" class="name">\${t.t('${prefix}.name', { name: community.name })}</p>\`,
        error: (error) => renderError(t, error, () => void this.#community.run()),
      });
    return html\`<section class="root" dir=\${t.dir} lang=\${t.language} aria-label=\${t.t('${prefix}.label')}>\${body}</section>\`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    '${tag}': ${className};
  }
}
`,
  [`src/elements/${name}.ts`]: `// \`import '@grove/elements/${name}'\` registers <${tag}> (side effect, guarded: a second copy on the page keeps the first).
import { defineElement } from '../registry/define-element.js';
import { ${className} } from '../components/${name}/${name}.js';

defineElement('${tag}', ${className});

export { ${className} };
`,
  [`src/components/${name}/${name}.styles.ts`]: `import { css } from 'lit';

/** Logical properties only, so Arabic mirrors without a separate stylesheet; colours from the shared tokens. */
export const styles = css\`
  :host {
    --_name-color: var(--${tag}-accent, var(--_accent));
  }
  .name {
    margin: 0;
    color: var(--_name-color);
  }
\`;
`,
  [`src/components/${name}/attributes.ts`]: `import { slug } from '../../validation/attributes.js';

/** What a site editor can paste, checked in this order (src/validation/attributes.ts). */
export const ATTRIBUTES = {
  community: slug('water'),
};
`,
  [`src/components/${name}/api.ts`]: `/** The widget's requests, typed by the contract (src/api/typed.ts). */
import type { GroveClient } from '../../api/client.js';
import { get } from '../../api/typed.js';
import type { components } from '../../api/schema.js';

export type Community = components['schemas']['Community'];

export function loadCommunity(client: GroveClient, slug: string, signal: AbortSignal): Promise<Community> {
  return get(client, '/v1/communities/{slug}', { path: { slug }, signal });
}
`,
  [`src/components/${name}/messages/en.ts`]: `/** ${title} messages. Source of truth: fr, es and ar are typed against it. */
const en = {
  '${prefix}.label': '${title}',
  '${prefix}.name': 'Community: {name}',
} as const;

export default en;
export type Messages = typeof en;
`,
  ...Object.fromEntries(
    [
      ['fr', 'Communauté : {name}'],
      ['es', 'Comunidad: {name}'],
      ['ar', 'المجتمع: {name}'],
    ].map(([lang, sentence]) => [
      `src/components/${name}/messages/${lang}.ts`,
      `import type { CatalogueOf } from '../../../i18n/types.js';
import type { Messages } from './en.js';

// TODO: translate the label.
const ${lang}: CatalogueOf<Messages> = {
  '${prefix}.label': '${title}',
  '${prefix}.name': '${sentence}',
};

export default ${lang};
`,
    ]),
  ),
  [`stories/${name}.stories.ts`]: `import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { GroveApiError } from '../src/api/problem.js';
import type { GroveStoryParameters } from './decorators/fake-client.js';

const grove = (parameters: GroveStoryParameters): { grove: GroveStoryParameters } => ({ grove: parameters });
const routes = { 'GET /v1/communities/water': { id: '1', slug: 'water', name: 'Water and sanitation' } };

const meta: Meta = {
  title: 'Widgets/${title}',
  component: '${tag}',
  render: () => html\`<${tag} community="water"></${tag}>\`,
  parameters: grove({ routes, delayMs: 150 }),
};
export default meta;

type Story = StoryObj;

export const Default: Story = {};
export const Loading: Story = { parameters: grove({ routes, loading: true }) };
export const Failed: Story = {
  parameters: grove({
    routes: {
      'GET /v1/communities/water': () => {
        throw new GroveApiError('unavailable', 503);
      },
    },
  }),
};
export const RightToLeft: Story = { globals: { lang: 'ar', dir: 'rtl' } };
export const Dark: Story = { globals: { theme: 'dark' } };
export const Themed: Story = {
  render: () => html\`<${tag} community="water" style="--${tag}-accent: #6b2fa3"></${tag}>\`,
};
`,
  [`test/components/${name}/${name}.test.ts`]: `import { html } from 'lit';
import { ${className} } from '../../../src/components/${name}/${name}.js';
import { defineElement } from '../../../src/registry/define-element.js';
import { FakeClient } from '../../helpers/fake-client.js';
import { widgetSuite } from '../../helpers/widget-suite.js';

defineElement('${tag}', ${className});

const community = { id: '1', slug: 'water', name: 'Water and sanitation' };

widgetSuite({
  tag: '${tag}',
  template: html\`<${tag} community="water"></${tag}>\`,
  client: () => new FakeClient({ 'GET /v1/communities/water': community }),
  loadPath: '/v1/communities/water',
  invalid: { template: html\`<${tag} community="water and sanitation"></${tag}>\`, name: 'community', says: 'For example: water.' },
});

// TODO: the behaviour particular to this widget, one test per interaction (STYLE.md "A test's shape").
`,
};

for (const [path, content] of Object.entries(files)) {
  const file = join(out, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  console.log(`wrote ${path}`);
}

if (out === root) {
  // The one loader line per widget (src/define.ts), then the generated package files.
  const definePath = join(root, 'src/define.ts');
  const define = readFileSync(definePath, 'utf8');
  const line = `  '${tag}': () => import('./elements/${name}.js'),\n`;
  writeFileSync(definePath, define.replace(/(export const elementLoaders[^{]*\{\n(?:.*\n)*?)(\};)/, `$1${line}$2`));
  console.log('registered the tag in src/define.ts');
  execFileSync(process.execPath, [join(root, 'scripts/sync-exports.mjs')], { stdio: 'inherit' });
  execFileSync(process.execPath, [join(root, 'scripts/manifest.mjs')], { stdio: 'inherit' });
  console.log(`\nNext: npx wtr --files test/components/${name}/*.test.ts, then make it yours (the TODOs).`);
}
