import { expect } from '@open-wc/testing';
import { elementLoaders, loadElement } from '../src/define.js';

interface ManifestDeclaration {
  name: string;
  tagName?: string;
  customElement?: boolean;
}
interface Manifest {
  modules: { path: string; declarations?: ManifestDeclaration[] }[];
}

// The manifest is what site builders and Storybook read; define.ts is what really registers tags.
// They must agree both ways: no documented tag that cannot load, no loadable tag left undocumented.
describe('custom-elements.json and define.ts', () => {
  let documented: ManifestDeclaration[] = [];

  before(async () => {
    const response = await fetch(new URL('../custom-elements.json', import.meta.url));
    const manifest = (await response.json()) as Manifest;
    documented = manifest.modules.flatMap((mod) => (mod.declarations ?? []).filter((d) => d.customElement === true));
  });

  it('registers every documented tag with the documented class', async () => {
    expect(documented.length, 'the manifest lists no element').to.be.greaterThan(0);
    for (const { tagName, name } of documented) {
      expect(tagName, `${name} has no @tag`).to.be.a('string');
      const tag = tagName ?? '';
      expect(Object.keys(elementLoaders), `${tag} is documented but define.ts cannot load it`).to.include(tag);
      await loadElement(tag);
      expect(customElements.get(tag)?.name, `${tag} is registered with another class`).to.equal(name);
    }
  });

  it('documents every tag define.ts can load', () => {
    const documentedTags = documented.map((d) => d.tagName);
    for (const tag of Object.keys(elementLoaders)) {
      expect(documentedTags, `${tag} loads but is missing from custom-elements.json (run npm run manifest)`).to.include(tag);
    }
  });
});
