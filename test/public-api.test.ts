import { expect } from '@open-wc/testing';
import * as api from '../src/index.js';

interface Declaration {
  name: string;
  attributes?: { name: string }[];
  tagName?: string;
  customElement?: boolean;
  events?: { name: string; type?: { text: string } }[];
  members?: { name: string }[];
}

// What a host app imports must match what custom-elements.json documents: every element class and every
// event class a widget fires is exported from the side-effect-free entry, and no private member is listed.
describe('the public API of @grove/elements', () => {
  let declarations: Declaration[] = [];
  before(async () => {
    const manifest = (await (await fetch(new URL('../custom-elements.json', import.meta.url))).json()) as {
      modules: { declarations?: Declaration[] }[];
    };
    declarations = manifest.modules
      .flatMap((module) => module.declarations ?? [])
      .filter((declaration) => declaration.customElement === true);
  });

  it('exports every documented element class and every event class they fire', () => {
    const exported = api as unknown as Record<string, unknown>;
    for (const { name, events = [] } of declarations) {
      expect(exported[name], `${name} exported from src/index.ts`).to.be.a('function');
      for (const event of events) {
        const type = event.type?.text ?? '';
        expect(exported[type], `${type} (fired as ${event.name}) exported from src/index.ts`).to.be.a('function');
      }
    }
  });

  it('documents public members only, and the shared api, lang and theme attributes on every widget', () => {
    for (const declaration of declarations) {
      expect(
        (declaration.members ?? []).filter((member) => member.name.startsWith('#')),
        `${declaration.name} private members`,
      ).to.deep.equal([]);
      const attributes = (declaration.attributes ?? []).map((attribute) => attribute.name);
      expect(attributes, `${declaration.name} shared attributes`).to.include.members(['api', 'lang', 'theme']);
    }
  });
});
