// First render of a demo page on Slow 3G (DevTools protocol: 2 s round trip, 400 kbit/s both ways,
// 4x CPU slowdown), cold cache then warm, through the BUILT CDN bundle and the real server.
// Prints time to the first widget shell (a grove-* element rendered into its shadow root) and to the
// first data (its first `grove-load` event), and the chain of sequential requests on the critical path,
// flagging CORS preflights. Usage: node bench/first-render/run.mjs [/path-of-demo-page]
// The server runs in this process on the in-memory demo database (scripts/lib/in-process-server.mjs).
import { chromium } from 'playwright-core';
import { chromiumPath } from '../../scripts/lib/chromium.mjs';
import { startInProcessServer } from '../../scripts/lib/in-process-server.mjs';

const pagePath = process.argv[2] ?? '/';
const SLOW_3G = { offline: false, latency: 2000, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 };

/** Records shell and data times in the page, relative to navigation start. */
const PROBE = () => {
  const marks = { shell: null, data: null };
  window.__groveMarks = marks;
  document.addEventListener('grove-load', () => (marks.data ??= performance.now()), { capture: true });
  const check = () => {
    const widget = [...document.querySelectorAll('*')].find(
      (el) => el.localName.startsWith('grove-') && el.localName !== 'grove-provider' && (el.shadowRoot?.childElementCount ?? 0) > 0,
    );
    if (widget) marks.shell ??= performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
};

/** The URL of the document or script that issued a request, from DevTools' initiator record. */
function initiatorUrl(initiator) {
  if (initiator?.url) return initiator.url;
  // Script-initiated: the innermost frame that has a URL (async stacks nest through `parent`).
  for (let stack = initiator?.stack; stack; stack = stack.parent) {
    const frame = stack.callFrames.find((f) => f.url);
    if (frame) return frame.url;
  }
  return undefined;
}

async function measure(context, label) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  /** @type {Map<string, { url: string, method: string, type: string, start: number, end?: number, initiator?: string }>} */
  const requests = new Map();
  cdp.on('Network.requestWillBeSent', (e) =>
    requests.set(e.requestId, {
      url: e.request.url,
      method: e.request.method,
      type: e.type ?? '',
      start: e.timestamp,
      initiator: initiatorUrl(e.initiator),
    }),
  );
  cdp.on('Network.loadingFinished', (e) => {
    const request = requests.get(e.requestId);
    if (request) request.end = e.timestamp;
  });
  await page.addInitScript(PROBE);
  await page.goto(`${server.url}${pagePath}`, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForFunction(() => window.__groveMarks.data !== null, undefined, { timeout: 120_000, polling: 100 });
  const marks = await page.evaluate(() => window.__groveMarks);
  await page.close();

  // Navigation start in the DevTools clock: the page's marks are relative to it.
  const all = [...requests.values()].sort((a, b) => a.start - b.start);
  const t0 = all[0]?.start ?? 0;
  const done = all.filter((r) => r.end !== undefined);
  // The critical path ends at the API response that brought the first data. Each request's parent is
  // the document or script that issued it (DevTools' initiator): following parents back to the HTML
  // gives the hops that had to happen one after another.
  const dataAt = t0 + marks.data / 1000;
  const byUrl = new Map(all.map((r) => [r.url, r]));
  const chain = [];
  let current = done
    .filter((r) => new URL(r.url).pathname.startsWith('/api/') && (r.end ?? 0) <= dataAt + 0.05)
    .sort((a, b) => (b.end ?? 0) - (a.end ?? 0))[0];
  while (current && !chain.includes(current)) {
    chain.unshift(current);
    current = current.initiator ? byUrl.get(current.initiator) : undefined;
  }
  /** Requests issued by the same parent within 100 ms: fetched in parallel with this step. */
  const siblings = (/** @type {typeof all[number]} */ step) =>
    all.filter((r) => r !== step && r.initiator === step.initiator && Math.abs(r.start - step.start) < 0.1);
  const preflights = all.filter((r) => r.method === 'OPTIONS' || r.type === 'Preflight');
  const seconds = (/** @type {number} */ ms) => (ms / 1000).toFixed(2);
  console.log(`\n${label}: first widget shell ${seconds(marks.shell)} s, first data ${seconds(marks.data)} s`);
  console.log(`  ${all.length} requests, ${chain.length} sequential on the critical path, ${preflights.length} preflight(s)`);
  const line = (/** @type {typeof all[number]} */ r, /** @type {string} */ mark) => {
    const url = new URL(r.url);
    const at = (/** @type {number | undefined} */ t) => (((t ?? 0) - t0) * 1000).toFixed(0).padStart(6);
    return `  ${mark} ${at(r.start)} ms -> ${at(r.end)} ms  ${r.method} ${url.pathname}${url.search}`;
  };
  for (const r of chain) {
    const alongside = siblings(r).map((x) => new URL(x.url).pathname.replace(/^.*\//, ''));
    console.log(line(r, '  ') + (alongside.length > 0 ? `   (in parallel: ${alongside.join(', ')})` : ''));
  }
  for (const r of preflights) console.log(line(r, ' PREFLIGHT'));
}

const server = await startInProcessServer();
const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
try {
  const context = await browser.newContext();
  await measure(context, `Cold ${pagePath}`);
  // Same context: HTTP cache and modulepreload cache as a returning member has them.
  await measure(context, `Warm ${pagePath}`);
} finally {
  await browser.close();
  await server.close();
}
