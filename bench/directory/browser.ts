/**
 * Keystroke to rendered results in Chromium, through the BUILT CDN bundle and the real server: a person
 * types a term into the directory at a typing speed of one key every 120 ms; the clock starts at the last
 * key press (its `keydown`) and stops at the first frame after the directory rendered the results of the
 * whole term. That span includes the widget's 300 ms pause-in-typing debounce, the request and rendering;
 * the request's own share comes from Resource Timing.
 */
import { chromium, type Page } from 'playwright-core';
import { percentile } from './load.ts';

export interface KeystrokeResult {
  samples: number;
  p50: number;
  p99: number;
  requestP50: number;
}

const KEY_DELAY_MS = 120;

/**
 * Called in the page with the term: resolves with the time from the last keydown to the first frame after
 * the directory rendered results for it. A string, not a function: tsx would wrap a function in helpers
 * that do not exist in the page.
 */
const WAIT_FOR_RESULTS = `(term) => new Promise((resolve) => {
  const directory = document.querySelector('grove-member-directory');
  let lastKey = 0;
  const onKey = (event) => { lastKey = event.timeStamp; };
  document.addEventListener('keydown', onKey, { capture: true });
  const onLoad = async () => {
    const field = directory.shadowRoot.querySelector('input');
    if (field.value.trim() !== term) return;
    directory.removeEventListener('grove-load', onLoad);
    document.removeEventListener('keydown', onKey, { capture: true });
    await directory.updateComplete;
    // The frame that shows the results: rAF runs before paint, the task after it runs after paint.
    requestAnimationFrame(() => setTimeout(() => {
      const requests = performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/api/v1/members?'));
      resolve({ ms: performance.now() - lastKey, requestMs: requests.at(-1)?.duration ?? NaN });
    }));
  };
  directory.addEventListener('grove-load', onLoad);
})`;

async function typeAndMeasure(page: Page, term: string): Promise<{ ms: number; requestMs: number }> {
  const field = page.locator('grove-member-directory').locator('input[type="search"]');
  await field.fill('');
  // Clearing the field searches for "" (the unfiltered list) after the debounce: let that settle first.
  await page.waitForTimeout(400);
  await page.locator('grove-member-directory [aria-busy="true"]').waitFor({ state: 'detached' });
  const measured = page.evaluate<{ ms: number; requestMs: number }>(`(${WAIT_FOR_RESULTS})(${JSON.stringify(term)})`);
  await field.pressSequentially(term, { delay: KEY_DELAY_MS });
  return measured;
}

/** Opens the bench page at `pageUrl` and types each term once; the first term only warms up. */
export async function keystrokeToResults(pageUrl: string, terms: readonly string[], executablePath: string): Promise<KeystrokeResult> {
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(pageUrl);
    // Locators, not waitForFunction: the page's CSP forbids the eval that a string predicate needs.
    await page.locator('grove-member-directory [part~="card"]').first().waitFor({ timeout: 60_000 });
    const times: number[] = [];
    const requests: number[] = [];
    for (const [index, term] of terms.entries()) {
      const { ms, requestMs } = await typeAndMeasure(page, term);
      if (index === 0) continue;
      times.push(ms);
      requests.push(requestMs);
    }
    const sorted = [...times].sort((a, b) => a - b);
    return {
      samples: times.length,
      p50: percentile(sorted, 0.5),
      p99: percentile(sorted, 0.99),
      requestP50: percentile(
        [...requests].sort((a, b) => a - b),
        0.5,
      ),
    };
  } finally {
    await browser.close();
  }
}
