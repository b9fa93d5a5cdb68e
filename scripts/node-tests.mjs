// Runs node:test files under the given folders through tsx. Node 20's `--test` does not expand
// `**` globs and /bin/sh does not either, so the files are found here.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const folders = process.argv.slice(2);
if (folders.length === 0) throw new Error('usage: node scripts/node-tests.mjs <folder|file>...');

/** @returns {string[]} */
function testFiles(/** @type {string} */ path) {
  if (/\.test\.(ts|mjs)$/.test(path)) return [path];
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.test\.(ts|mjs)$/.test(file))
    .map((file) => join(path, file));
}

const files = folders
  .flatMap((folder) => testFiles(join(root, folder)))
  .map((file) => relative(root, file))
  .sort();
if (files.length === 0) throw new Error(`no *.test.ts files under ${folders.join(', ')}`);
const { status } = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  cwd: root,
  stdio: 'inherit',
});
process.exitCode = status ?? 1;
