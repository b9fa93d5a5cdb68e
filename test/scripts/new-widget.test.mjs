// The widget generator writes a new widget in the shared shape (node:test; the browser suite runs on
// widgets it generated when they are committed). Here: the files, the names and the shared pieces.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

const root = join(import.meta.dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'grove-new-widget-'));
after(() => rmSync(out, { recursive: true, force: true }));
execFileSync(process.execPath, [join(root, 'scripts/new-widget.mjs'), 'sample-widget', '--out', out]);
const read = (path) => readFileSync(join(out, path), 'utf8');

describe('npm run new-widget', () => {
  it('writes the element, its registering entry, styles, attributes, API module, four catalogues, story and test', () => {
    const files = readdirSync(out, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .sort();
    assert.deepEqual(files, [
      'src/components/sample-widget/api.ts',
      'src/components/sample-widget/attributes.ts',
      'src/components/sample-widget/messages/ar.ts',
      'src/components/sample-widget/messages/en.ts',
      'src/components/sample-widget/messages/es.ts',
      'src/components/sample-widget/messages/fr.ts',
      'src/components/sample-widget/sample-widget.styles.ts',
      'src/components/sample-widget/sample-widget.ts',
      'src/elements/sample-widget.ts',
      'stories/sample-widget.stories.ts',
      'test/components/sample-widget/sample-widget.test.ts',
    ]);
  });

  it('names the tag, the class and the documented token after the widget', () => {
    const element = read('src/components/sample-widget/sample-widget.ts');
    assert.match(element, /export class GroveSampleWidget extends LitElement/);
    assert.match(element, /@tag grove-sample-widget/);
    assert.match(element, /@cssprop \[--grove-sample-widget-accent=/);
    assert.match(read('src/components/sample-widget/sample-widget.styles.ts'), /var\(--grove-sample-widget-accent,/);
  });

  it('builds on the shared layer: load lifecycle, attribute table, typed calls, shared states and suite', () => {
    const element = read('src/components/sample-widget/sample-widget.ts');
    for (const shared of ['new LoadController(this)', 'invalidAttribute(this, ATTRIBUTES', 'renderUnusable(', 'converter: keyword'])
      assert.ok(element.includes(shared), shared);
    assert.match(read('src/components/sample-widget/api.ts'), /get\(client, '\/v1\/communities\/\{slug\}'/);
    assert.match(read('test/components/sample-widget/sample-widget.test.ts'), /widgetSuite\(\{/);
  });

  it('refuses a name that is not kebab-case with two words', () => {
    assert.throws(() => execFileSync(process.execPath, [join(root, 'scripts/new-widget.mjs'), 'Widget', '--out', out], { stdio: 'pipe' }));
  });
});
