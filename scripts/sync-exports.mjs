// Writes package.json "exports" from the source tree so adding a widget needs no edit here:
// every src/components/<name>/<name>.ts becomes `@grove/elements/<name>`, served by its registering entry
// src/elements/<name>.ts (importing it defines the tag). `--check` fails on drift, in "exports" and in
// "sideEffects" (bundlers must keep those entries although nothing is imported from them).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const pkgPath = join(root, 'package.json');
const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));

/** @param {string} source path under src/ without extension */
const entry = (source) => ({ types: `./dist/npm/${source}.d.ts`, default: `./dist/npm/${source}.js` });

/** @type {Record<string, unknown>} */
const exports = {};
const fixed = { '.': 'index', './define': 'define', './autoloader': 'autoloader', './provider': 'elements/provider' };
for (const [subpath, source] of Object.entries(fixed)) {
  if (existsSync(join(root, 'src', `${source}.ts`))) exports[subpath] = entry(source);
}
const components = join(root, 'src/components');
const widgets = existsSync(components)
  ? readdirSync(components, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(components, d.name, `${d.name}.ts`)))
      .map((d) => d.name)
      .sort()
  : [];
for (const name of widgets) exports[`./${name}`] = entry(`elements/${name}`);
// Host-framework declarations, generated from the manifest (scripts/framework-types.mjs): types only.
exports['./react'] = { types: './types/react.d.ts' };
exports['./vue'] = { types: './types/vue.d.ts' };
exports['./custom-elements.json'] = './custom-elements.json';
exports['./package.json'] = './package.json';

// The source entries too: the CDN build bundles src/ and Rollup applies this field to the package's own
// files, so without them the provider's entry (not a build entry of its own) lost its define call.
const sideEffects = [
  './dist/npm/define.js',
  './dist/npm/autoloader.js',
  './dist/npm/elements/*.js',
  './dist/cdn/**',
  './src/elements/*.ts',
];

if (process.argv.includes('--check')) {
  if (JSON.stringify(pkg.exports) !== JSON.stringify(exports) || JSON.stringify(pkg.sideEffects) !== JSON.stringify(sideEffects)) {
    console.error('package.json "exports" or "sideEffects" does not match src/: run `npm run exports` and commit the result.');
    process.exitCode = 1;
  } else {
    console.log(`package.json exports match src/ (${widgets.length} widget entries).`);
  }
} else {
  pkg.exports = exports;
  pkg.sideEffects = sideEffects;
  writeFileSync(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`);
  console.log(`package.json exports: ${Object.keys(exports).join(', ')}`);
}
