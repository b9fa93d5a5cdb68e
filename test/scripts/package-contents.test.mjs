// What `npm install @grove/elements` brings into a front-end app: the client libraries only, never the
// reference server's (PGlite, hono, zod, mail...), which are devDependencies of this repository.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const CLIENT = ['@lit/context', '@lit/task', 'lit'];

/** The package a bare import specifier names: `lit/decorators.js` -> lit, `@lit/task` -> @lit/task. */
const packageOf = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

describe('the published package', () => {
  it('depends on the client libraries only', () => {
    assert.deepEqual(Object.keys(pkg.dependencies).sort(), CLIENT);
  });

  it('imports nothing in src/ but its dependencies', () => {
    const files = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    const imported = new Set();
    for (const file of files) {
      const source = readFileSync(join(root, 'src', file), 'utf8');
      for (const [, specifier] of source.matchAll(/(?:from|import\()\s*'([^'.][^']*)'/g)) imported.add(packageOf(specifier));
    }
    for (const name of imported) assert.ok(CLIENT.includes(name), `src/ imports ${name}, which is not a dependency`);
  });

  it('packs no server, test or tooling file', () => {
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }));
    const paths = packed.files.map((file) => file.path);
    const outside = paths.filter(
      (path) => !/^(dist\/(npm|cdn)\/|types\/(react|vue)\.d\.ts$|custom-elements\.json$|README\.md$|package\.json$|LICENSE)/.test(path),
    );
    assert.deepEqual(outside, []);
  });
});
