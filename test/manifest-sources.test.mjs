// custom-elements.json promises parts and events to site builders: each must really exist in the
// source, so a renamed part or event cannot linger in the documentation (node:test, no browser).
// The companion browser test (test/manifest.test.ts) checks every documented tag is registered.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
const elements = manifest.modules.flatMap((mod) =>
  (mod.declarations ?? []).filter((d) => d.customElement).map((d) => ({ ...d, path: mod.path })),
);

const sources = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
  .map((file) => readFileSync(join(root, 'src', file), 'utf8'));

/** Every name used in a `part="..."` / `exportparts="..."` attribute, including `${cond ? 'a' : 'b'}` branches. */
const partNames = new Set(
  sources.flatMap((text) =>
    [...text.matchAll(/\b(?:export)?parts?=(["'`])([\s\S]*?)\1/g)].flatMap((match) => match[2]?.match(/[a-z][a-z0-9-]*/g) ?? []),
  ),
);
/** Every quoted `grove-*` string: event names are declared as string literals in src/events. */
const eventNames = new Set(sources.flatMap((text) => [...text.matchAll(/['"`](grove-[a-z-]+)['"`]/g)].map((match) => match[1])));

describe('custom-elements.json against the source', () => {
  it('documents <grove-provider>', () => {
    assert.ok(
      elements.some((element) => element.tagName === 'grove-provider'),
      'run `npm run manifest`',
    );
  });

  for (const element of elements) {
    describe(`<${element.tagName}> (${element.path})`, () => {
      it('has a tag name and a class name', () => {
        assert.match(element.tagName ?? '', /^grove-[a-z-]+$/, 'every element needs an @tag grove-… in its class comment');
      });
      for (const part of element.cssParts ?? []) {
        it(`renders part "${part.name}"`, () => {
          assert.ok(partNames.has(part.name), `@csspart ${part.name} is documented but no part="…${part.name}…" exists in src/`);
        });
      }
      for (const event of element.events ?? []) {
        it(`declares event "${event.name}"`, () => {
          assert.ok(
            eventNames.has(event.name),
            `@fires ${event.name} is documented but the string '${event.name}' appears nowhere in src/`,
          );
        });
      }
    });
  }
});

describe('public parts are for theming only', () => {
  it('no script or stylesheet of ours selects by part: renaming a theming hook must not break focus or layout', () => {
    const offenders = sources.filter((text) => /\[part[~|^$*]?=/.test(text));
    assert.deepEqual(
      offenders.map((text) => text.slice(0, 80)),
      [],
      'select internal ids or classes, not [part~=…]',
    );
  });
});
