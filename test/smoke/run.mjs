// Smoke test of what a site really gets: the real reference server (in-process, on the demo-seeded
// in-memory database of server/seed/testing.ts) serving the demo pages, which load the BUILT CDN bundle
// (dist/cdn: run `npm run build:cdn` first) under their strict CSP with Trusted Types.
// Each page is loaded in English/light and in Arabic/dark (the demo switcher's saved choice). A run
// fails on any console error or warning, uncaught page error, CSP or Trusted Types violation, failed
// request or HTTP error, and on any widget that does not show data. Screenshots go to .tmp/smoke/.
// Prints "N passed, N failed".
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../../scripts/lib/chromium.mjs';
import { startInProcessServer } from '../../scripts/lib/in-process-server.mjs';
import { WIDGET_STATE_PROBE, widgetProblems } from './widget-state.mjs';

const root = join(import.meta.dirname, '../..');
const screenshots = join(root, '.tmp/smoke');
if (!existsSync(join(root, 'dist/cdn/grove.js'))) throw new Error('dist/cdn/grove.js is missing: run `npm run build:cdn` first.');
mkdirSync(screenshots, { recursive: true });

/** Demo pages and the widgets each must show with data. */
const PAGES = [
  {
    name: 'intranet',
    path: '/',
    tags: ['grove-member-directory', 'grove-discussion-thread', 'grove-comment-count'],
    variants: ['en-light', 'ar-dark', 'signed-in'],
  },
  {
    name: 'community',
    path: '/community.html',
    tags: ['grove-expert-finder', 'grove-event-calendar', 'grove-participation-badge', 'grove-community-list'],
    variants: ['en-light', 'ar-dark', 'signed-in'],
  },
  // No switcher on the CMS page: signing in is not something it offers.
  // The CMS page shows on purpose what a mistyped attribute looks like: that one alert is expected.
  {
    name: 'cms',
    path: '/cms.html',
    tags: ['grove-member-directory', 'grove-discussion-thread', 'grove-comment-count'],
    variants: ['en-light', 'ar-dark'],
    expectedAlerts: [{ tag: 'grove-member-directory', attribute: 'sort', value: 'popularity' }],
  },
];
// The intranet page applies the saved switcher choice; the CMS page has no switcher, so the browser's
// own language and colour scheme (the widgets' last fallbacks) carry the variant there.
const VARIANTS = [
  { name: 'en-light', saved: { lang: 'en', theme: 'light' }, browser: { locale: 'en-GB', colorScheme: 'light' } },
  { name: 'ar-dark', saved: { lang: 'ar', theme: 'dark' }, browser: { locale: 'ar', colorScheme: 'dark' } },
  // Signed in through the demo switcher: the thread's composer (a lazy chunk) renders too.
  { name: 'signed-in', saved: { lang: 'fr', theme: 'auto', member: 'first demo member' }, browser: { locale: 'fr', colorScheme: 'light' } },
];
const DATA_TIMEOUT_MS = 20_000;

const server = await startInProcessServer();
/** The demo switcher's first member, as the signed-in variant's saved choice. */
async function firstDemoMember() {
  const response = await fetch(`${server.url}/api/v1/auth/demo-members`);
  if (!response.ok) throw new Error(`GET /api/v1/auth/demo-members answered ${response.status}`);
  const { items } = await response.json();
  if (!items[0]) throw new Error('the demo seed has no demo members');
  return String(items[0].id);
}
for (const variant of VARIANTS) if (variant.saved.member) variant.saved.member = await firstDemoMember();

const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
let passed = 0;
let failed = 0;

/** Loads one page variant; returns the problems found (empty when it passed). */
/**
 * Signed in, the thread loads its composer (a lazy chunk). Writing and previewing a draft with markup
 * in it must show the text and run nothing (posts' server-sanitised HTML, the Trusted Types path, is
 * already rendered by every page load).
 */
async function exerciseComposer(page, problems) {
  const thread = page.locator('grove-discussion-thread').first();
  const input = thread.locator('[part~="composer-input"]');
  try {
    await input.waitFor({ timeout: DATA_TIMEOUT_MS });
  } catch {
    problems.push('signed in, but <grove-discussion-thread> shows no composer');
    return;
  }
  await input.fill('**Smoke** test with a [link](https://example.org) and <img src=x onerror=alert(1)>');
  await thread.locator('[part~="tab"]').nth(1).click();
  const preview = thread.locator('[part~="preview"]');
  if (!(await preview.textContent())?.includes('Smoke')) problems.push('the composer preview does not show the draft');
  // The draft is the member's own unsanitised text: the preview must show it as text, never as markup.
  if ((await preview.locator('img').count()) > 0) problems.push('the composer preview rendered raw HTML from the draft');
}

async function check(page, { path, tags, expectedAlerts = [] }, saved) {
  const problems = [];
  const notes = [];
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    const where = message.location().url;
    problems.push(`console ${message.type()}: ${message.text()}${where ? ` (${where})` : ''}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    const line = `${request.method()} ${request.url()} (${request.failure()?.errorText})`;
    // ERR_ABORTED is the page cancelling a request it no longer needs (an AbortSignal: a superseded
    // query): not a failure, but worth seeing, since it is a wasted round trip.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') notes.push(`aborted by the page: ${line}`);
    else problems.push(`request failed: ${line}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
  });
  await page.addInitScript((value) => localStorage.setItem('grove-demo', JSON.stringify(value)), saved);
  await page.addInitScript(WIDGET_STATE_PROBE);

  await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
  const widgets = await page
    .waitForFunction(() => window.__groveSmoke.settled(), undefined, { timeout: DATA_TIMEOUT_MS, polling: 100 })
    .then(() => page.evaluate(() => window.__groveSmoke.report()))
    .catch(async () => page.evaluate(() => window.__groveSmoke.report()));
  problems.push(...widgetProblems(widgets, tags, expectedAlerts));
  if (saved.member && tags.includes('grove-discussion-thread')) await exerciseComposer(page, problems);
  for (const violation of await page.evaluate(() => window.__groveSmoke.violations))
    problems.push(`CSP violation: ${violation.directive} blocked ${violation.blocked} at ${violation.source}`);
  const loadedBuiltBundle = await page.evaluate(() =>
    performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('/cdn/grove.js')),
  );
  if (!loadedBuiltBundle) problems.push('the page did not load /cdn/grove.js');
  return { problems, notes, widgets };
}

try {
  for (const target of PAGES) {
    for (const variant of VARIANTS.filter((v) => target.variants.includes(v.name))) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...variant.browser });
      const page = await context.newPage();
      const label = `${target.path} ${variant.name}`;
      const { problems, notes, widgets } = await check(page, target, variant.saved);
      // The first screen is what a member sees on arrival (back at the top: waiting scrolled each widget
      // into view); the full page shows every widget.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(screenshots, `${target.name}-${variant.name}.png`) });
      await page.screenshot({ path: join(screenshots, `${target.name}-${variant.name}-full.png`), fullPage: true });
      await context.close();
      for (const note of notes) console.log(`note ${label}: ${note}`);
      if (problems.length === 0) {
        passed++;
        console.log(`ok ${label} (${widgets.map((w) => w.tag).join(', ')})`);
      } else {
        failed++;
        console.log(`FAIL ${label}\n  ${problems.join('\n  ')}`);
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}

console.log(`${passed} passed, ${failed} failed`);
if (failed > 0) process.exitCode = 1;
