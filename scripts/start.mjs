// `npm start`: builds the CDN bundle and Storybook only when their sources changed since the last build,
// then starts the reference server with the demo. Each output folder keeps a fingerprint of its inputs
// (paths, sizes and modification times, plus the lockfile's content), so a second start takes seconds.
// `--rebuild` forces both builds.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const force = process.argv.includes('--rebuild');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Every file under the given paths (folders recursively), sorted. */
function filesUnder(paths) {
  const files = [];
  for (const path of paths) {
    const full = join(root, path);
    if (!existsSync(full)) continue;
    if (statSync(full).isDirectory()) {
      for (const file of readdirSync(full, { recursive: true, encoding: 'utf8' })) {
        if (statSync(join(full, file)).isFile()) files.push(join(path, file));
      }
    } else files.push(path);
  }
  return files.sort();
}

function fingerprint(paths) {
  const hash = createHash('sha256');
  for (const file of filesUnder(paths)) {
    const { size, mtimeMs } = statSync(join(root, file));
    hash.update(`${file}\0${size}\0${mtimeMs}\n`);
  }
  hash.update(readFileSync(join(root, 'package-lock.json')));
  return hash.digest('hex');
}

const CDN_INPUTS = ['src', 'vite.config.ts', 'scripts/lib', 'package.json', 'tsconfig.json'];
const builds = [
  { name: 'CDN bundle', script: 'build:cdn', out: 'dist/cdn', inputs: CDN_INPUTS },
  {
    name: 'Storybook',
    script: 'storybook:build',
    out: 'storybook-static',
    inputs: [...CDN_INPUTS, 'stories', '.storybook', 'test/components', 'test/helpers', 'custom-elements.json', 'docs'],
  },
];

for (const build of builds) {
  const stamp = join(root, build.out, '.grove-sources');
  const current = fingerprint(build.inputs);
  if (!force && existsSync(stamp) && readFileSync(stamp, 'utf8') === current) {
    console.log(`${build.name}: up to date (${build.out}), not rebuilt.`);
    continue;
  }
  console.log(`${build.name}: building (npm run ${build.script})…`);
  execFileSync(npm, ['run', build.script], { cwd: root, stdio: 'inherit' });
  writeFileSync(stamp, current);
}

const server = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'server/index.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    GROVE_DEMO: '1',
    GROVE_PAGE_ORIGINS: 'https://intranet.example.org',
    GROVE_SCIM_TOKEN: 'grove-demo-scim-token-not-for-production',
    ...process.env,
  },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
