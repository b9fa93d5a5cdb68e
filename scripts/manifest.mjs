// `node scripts/manifest.mjs` regenerates custom-elements.json; `--check` regenerates into a
// temporary folder and fails when the committed file differs (the source's JSDoc changed without
// `npm run manifest`). The analyzer runs as its CLI so the config file is the single source of options.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const check = process.argv.includes('--check');
// The analyzer resolves --outdir against the working directory, so the scratch folder lives in .tmp/.
function scratchFolder() {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  return relative(root, mkdtempSync(join(root, '.tmp/cem-')));
}
const outdir = check ? scratchFolder() : '.';
const cli = join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js');

try {
  execFileSync(process.execPath, [cli, 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', outdir, '--quiet'], {
    cwd: root,
    stdio: 'inherit',
  });
  // The React and Vue declarations follow the manifest (from the committed one when checking).
  if (!check) execFileSync(process.execPath, [join(root, 'scripts/framework-types.mjs')], { cwd: root, stdio: 'inherit' });
  if (check) {
    execFileSync(process.execPath, [join(root, 'scripts/framework-types.mjs'), '--check'], { cwd: root, stdio: 'inherit' });
    const fresh = readFileSync(join(outdir, 'custom-elements.json'), 'utf8');
    let committed = '';
    try {
      committed = readFileSync(join(root, 'custom-elements.json'), 'utf8');
    } catch {
      // A missing manifest is drift too.
    }
    if (fresh !== committed) {
      console.error('custom-elements.json is out of date with the source: run `npm run manifest` and commit the result.');
      process.exitCode = 1;
    } else {
      console.log('custom-elements.json matches the source.');
    }
  }
} finally {
  if (check) rmSync(join(root, outdir), { recursive: true, force: true });
}
