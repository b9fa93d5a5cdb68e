// Framework hosts, as a web team meets Grove: React 19, Vue 3 and Angular 21 apps (test/hosts/<app>)
// install the PACKED @grove/elements (npm pack of this repository, after `npm run build:npm`) next to
// the registry's react, vue, vite and compilers, type-check their templates against the package's
// types (tsc for TSX, vue-tsc for the SFC, ngc with strict templates compiling Angular ahead of time),
// build with Vite, and run in Chromium from their own origin
// against the real reference server on another one. Each must render every widget with data and deliver
// numeric and boolean properties as such, `page-key` and `thread-title`, and `grove-load` to the app's
// listeners, with no console error. Prints "N passed, N failed".
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { register } from 'tsx/esm/api';
import { chromiumPath } from '../../scripts/lib/chromium.mjs';
import { WIDGET_STATE_PROBE, widgetProblems } from '../smoke/widget-state.mjs';

const root = join(import.meta.dirname, '../..');
const hosts = import.meta.dirname;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (command, args, cwd = hosts) => execFileSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
if (!existsSync(join(root, 'dist/npm/index.js'))) throw new Error('dist/npm is missing: run `npm run build:npm` first.');

// 1. The package as npm would publish it, installed as a dependency (not linked to the source tree).
const packDir = join(root, '.tmp/hosts');
rmSync(packDir, { recursive: true, force: true });
mkdirSync(packDir, { recursive: true });
run(npm, ['pack', '--pack-destination', packDir, '--ignore-scripts', '--silent'], root);
const tarball = readdirSync(packDir).find((file) => file.endsWith('.tgz'));
if (!tarball) throw new Error('npm pack wrote no tarball');
// Same version, new content: npm would keep the installed copy, so remove it first.
rmSync(join(hosts, 'node_modules/@grove'), { recursive: true, force: true });
run(npm, [
  'install',
  '--no-save',
  '--no-package-lock',
  '--no-audit',
  '--no-fund',
  '--prefer-offline',
  '--loglevel',
  'error',
  join(packDir, tarball),
]);

// 2. Type-check the templates, then build.
const bin = (name) => join(hosts, 'node_modules/.bin', name);
run(bin('tsc'), ['-p', 'react/tsconfig.json']);
run(bin('vue-tsc'), ['-p', 'vue/tsconfig.json']);
run(bin('ngc'), ['-p', 'angular/tsconfig.json']);
const APPS = ['react', 'vue', 'angular'];
for (const app of APPS) run(bin('vite'), ['build', app, '--config', `${app}/vite.config.mjs`, '--logLevel', 'warn']);

// 3. The apps on one origin, the reference server on another.
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };
const pages = createServer((request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  if (path === '/favicon.ico') {
    response.writeHead(204).end();
    return;
  }
  const [, app, ...rest] = path.split('/');
  const file = join(hosts, app ?? '', 'dist', rest.join('/') || 'index.html');
  if (!APPS.includes(app ?? '') || !existsSync(file) || !statSync(file).isFile()) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(response);
});
await new Promise((resolve) => pages.listen(0, '127.0.0.1', resolve));
const pagesOrigin = `http://127.0.0.1:${pages.address().port}`;

register();
const { startServer } = await import('../../server/index.ts');
const { openTestDatabase } = await import('../../server/seed/testing.ts');
const database = await openTestDatabase({ url: null });
const server = await startServer({ database, port: 0, host: '127.0.0.1', demoMode: true, corsOrigins: [pagesOrigin], log: null });
const api = `${server.url}/api`;
const { items } = await (await fetch(`${api}/v1/auth/demo-members`)).json();
const member = String(items[0]?.id ?? '');

const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
const TAGS = [
  'grove-member-directory',
  'grove-expert-finder',
  'grove-event-calendar',
  'grove-discussion-thread',
  'grove-comment-count',
  'grove-participation-badge',
];
let passed = 0;
let failed = 0;

/** What the host's properties became on the elements. */
function PROPERTIES() {
  const $ = (tag) => document.querySelector(tag);
  return {
    pageSize: $('grove-member-directory').pageSize,
    noFacets: $('grove-member-directory').noFacets,
    limit: $('grove-expert-finder').limit,
    noEvidence: $('grove-expert-finder').noEvidence,
    threadPageKey: $('grove-discussion-thread').pageKey,
    threadTitle: $('grove-discussion-thread').threadTitle,
    threadPageSize: $('grove-discussion-thread').pageSize,
    readonly: $('grove-discussion-thread').readonly,
    countPageKey: $('grove-comment-count').pageKey,
    member: $('grove-participation-badge').member,
    loads: [...new Set(window.hostLoads)].sort(),
  };
}

try {
  for (const app of APPS) {
    const page = await browser.newPage();
    const problems = [];
    page.on('console', (message) => {
      if (['error', 'warning'].includes(message.type())) problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
    });
    await page.addInitScript(WIDGET_STATE_PROBE);
    await page.goto(`${pagesOrigin}/${app}/?api=${encodeURIComponent(api)}&member=${member}`);
    try {
      await page.waitForFunction(() => window.__groveSmoke.settled(), undefined, { timeout: 30_000, polling: 250 });
    } catch {
      problems.push('the widgets did not settle within 30 s');
    }
    problems.push(...widgetProblems(await page.evaluate(() => window.__groveSmoke.report()), TAGS));
    const properties = await page.evaluate(PROPERTIES).catch((error) => {
      problems.push(`the app did not render its widgets: ${error.message.split('\n')[0]}`);
      return {};
    });
    const expected = {
      pageSize: 2,
      noFacets: true,
      limit: 3,
      noEvidence: true,
      threadPageKey: 'intranet:water-help-desk',
      threadTitle: 'Water help desk',
      threadPageSize: 5,
      readonly: true,
      countPageKey: 'intranet:water-help-desk',
      member,
      loads: TAGS.filter((tag) => tag !== 'grove-comment-count').sort(),
    };
    for (const [name, value] of Object.entries(expected)) {
      if (JSON.stringify(properties[name]) !== JSON.stringify(value))
        problems.push(`${name}: expected ${JSON.stringify(value)}, got ${JSON.stringify(properties[name])}`);
    }
    const cards = await page.evaluate(
      () => document.querySelector('grove-member-directory')?.shadowRoot?.querySelectorAll('[part~="card"]').length ?? 0,
    );
    if (cards > 2) problems.push(`pageSize={2} but the directory shows ${cards} members`);
    await page.close();
    if (problems.length === 0) {
      passed += 1;
      console.log(`ok   ${app}: every widget rendered with data; properties, page-key, thread-title and listeners arrived`);
    } else {
      failed += 1;
      console.log(`FAIL ${app}:\n  ${problems.join('\n  ')}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
  await database.close();
  pages.close();
}
console.log(`${passed} passed, ${failed} failed`);
if (failed > 0) process.exitCode = 1;
