/**
 * bench/thread: time to first post rendered for a thread of 1,000 posts, and a fault-injection run that
 * posts through the real widget while requests are dropped, answered 503, delivered without their
 * response, the browser goes offline, the page reloads and the server restarts. Prints attempted,
 * delivered, lost and duplicated posts (the last two must be 0).
 *
 * Uses the BUILT CDN bundle: `npm run build:cdn` first (or GROVE_CDN_DIR=<dir>: a copy of the build is
 * safer on a machine where others rebuild dist/cdn while the benchmark runs).
 * Usage: npx tsx bench/thread/run.ts [--posts 30]
 */
import { chromium, type Page, type Route } from 'playwright-core';
import { migrate, openDatabase } from '../../server/db/index.ts';
import { startServer, type RunningServer } from '../../server/index.ts';
import { seed } from '../../server/seed/index.ts';

const CDN = process.env.GROVE_CDN_DIR ?? 'dist/cdn';
const postsFlag = process.argv.indexOf('--posts');
const POSTS = postsFlag === -1 ? 30 : Number(process.argv[postsFlag + 1]);
const SECRET = 'bench-thread-secret-that-is-long-enough-0123456789';
const FAST_3G = { offline: false, latency: 563, downloadThroughput: (1.6 * 1e6) / 8, uploadThroughput: (750 * 1e3) / 8 };

const db = await openDatabase({});
await migrate(db);
await seed(db, { preset: 'demo' });

let port = 0;
async function start(): Promise<RunningServer> {
  const server = await startServer({
    port,
    host: '127.0.0.1',
    demoMode: true,
    database: db,
    log: null,
    auth: { jwtSecret: SECRET },
    staticRoots: { demo: 'bench/thread/page', cdn: CDN },
  });
  port = Number(new URL(server.url).port);
  return server;
}
let server = await start();

// A member of a community, and a thread of 1,000 posts by several members in it.
const {
  rows: [who],
} = await db.query<{ member: string; community: string }>(
  `select m.member_id as member, m.community_id as community from memberships m join communities c on c.id = m.community_id
   where c.visibility = 'public' order by m.community_id, m.member_id limit 1`,
);
if (!who) throw new Error('no membership in the seed');
const {
  rows: [bigRow],
} = await db.query<{ id: string }>(
  `insert into threads (community_id, title, created_by) values ($1, 'A thousand posts', $2) returning id`,
  [who.community, who.member],
);
const {
  rows: [smallRow],
} = await db.query<{ id: string }>(
  `insert into threads (community_id, title, created_by) values ($1, 'Fault injection', $2) returning id`,
  [who.community, who.member],
);
if (!bigRow || !smallRow) throw new Error('could not create the bench threads');
const big = bigRow;
const small = smallRow;
await db.query(
  `insert into posts (thread_id, author_id, body_md, body_html, created_at)
   select $1, (select member_id from memberships where community_id = $2 order by member_id offset (i % 5) limit 1),
          'Post ' || i, '<p>Post ' || i || ' with <strong>some</strong> text about drip irrigation.</p>', now() - (1000 - i) * interval '1 minute'
   from generate_series(1, 1000) as i`,
  [big.id, who.community],
);
await db.query(`update threads set post_count = 1000, last_post_at = now() where id = $1`, [big.id]);

const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });

async function firstPost(throttled: boolean): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (throttled) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', FAST_3G);
  }
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(`${server.url}/?thread=${big.id}`);
  // A string, not a function: tsx would wrap a function in helpers that do not exist in the page.
  // Bounded, so a page whose chunks vanished (dist/cdn rebuilt meanwhile) fails instead of hanging.
  const ms = await page
    .evaluate<number>(
      `new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('no post rendered within 60 s')), 60000);
    const check = () => {
      const thread = document.querySelector('grove-discussion-thread');
      if (thread?.shadowRoot?.querySelector('[part~="post"]')) resolve(performance.now());
      else requestAnimationFrame(check);
    };
    check();
  })`,
    )
    .catch(async (error: unknown) => {
      const shown = await page.evaluate<string>(
        `document.querySelector('grove-discussion-thread')?.shadowRoot?.textContent?.replace(/\\s+/g, ' ').slice(0, 300) ?? 'no element'`,
      );
      throw new Error(
        `${String(error)}${throttled ? ' (Fast 3G)' : ''}; the widget shows: ${shown}; page errors: ${errors.join(' | ') || 'none'}`,
      );
    });
  await context.close();
  return ms;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const local: number[] = [];
const slow: number[] = [];
for (let run = 0; run < 5; run++) local.push(await firstPost(false));
for (let run = 0; run < 3; run++) slow.push(await firstPost(true));
console.log(
  `time to first post, thread of 1,000 posts: median ${median(local).toFixed(0)} ms on loopback, ${median(slow).toFixed(0)} ms on Fast 3G (563 ms RTT)`,
);

// Fault injection.
const context = await browser.newContext();
const page: Page = await context.newPage();
let random = 42;
const next = () => (random = (random * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const faults = { dropped: 0, responseLost: 0, unavailable: 0, offline: 0, reloads: 0, restarts: 0 };
await page.route('**/api/v1/posts', async (route: Route) => {
  if (route.request().method() !== 'POST') return route.continue();
  const roll = next();
  if (roll < 0.15) {
    faults.dropped++;
    return route.abort('failed');
  }
  if (roll < 0.3) {
    // The server does the work; the answer never arrives (a timeout on a flaky line).
    faults.responseLost++;
    await route.fetch().catch(() => undefined);
    return route.abort('timedout');
  }
  if (roll < 0.4) {
    faults.unavailable++;
    return route.fulfill({
      status: 503,
      contentType: 'application/problem+json',
      body: '{"type":"about:blank","title":"Service unavailable","status":503,"detail":"bench"}',
    });
  }
  return route.continue();
});

// Errors the page itself reports, to tell a widget failure from an injected fault when something stalls.
page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
/** The composer loads lazily after sign-in: on a loaded 2-core machine that can take a while. */
const composerReady = () =>
  page
    .locator('grove-discussion-thread')
    .locator('#composer-input')
    .waitFor({ timeout: 60_000 })
    .catch(async (error: unknown) => {
      const shown = await page.evaluate<string>(
        `document.querySelector('grove-discussion-thread')?.shadowRoot?.textContent?.replace(/\\s+/g, ' ').slice(0, 300) ?? 'no element'`,
      );
      throw new Error(`${String(error)}; the widget shows: ${shown}`);
    });
const open = async () => {
  await page.goto(`${server.url}/?thread=${small.id}&member=${who.member}`);
  await composerReady();
};
const composer = () => page.locator('grove-discussion-thread').locator('#composer-input');
await open();
const attempted: string[] = [];
for (let index = 0; index < POSTS; index++) {
  const text = `bench post ${index} ${Date.now()}`;
  await composer().fill(text);
  await composer().press('Control+Enter');
  attempted.push(text);
  if (index % 7 === 3) {
    faults.offline++;
    await context.setOffline(true);
    await composer().fill(`${text} (offline)`);
    await composer().press('Control+Enter');
    attempted.push(`${text} (offline)`);
    await context.setOffline(false);
  }
  if (index % 10 === 5) {
    faults.reloads++;
    await page.reload();
    await composerReady();
  }
  if (index === Math.floor(POSTS / 2)) {
    faults.restarts++;
    await server.close();
    server = await start();
  }
}
// Everything queued is delivered eventually: wait until the outbox is empty (backoff is capped at 60 s).
const deadline = Date.now() + 180_000;
const outbox = page.locator('grove-discussion-thread').locator('.outbox-item');
while ((await outbox.count()) > 0) {
  if (Date.now() > deadline) throw new Error('the outbox did not drain in 3 minutes');
  await page.waitForTimeout(500);
}
const { rows } = await db.query<{ body_md: string; n: number }>(
  'select body_md, count(*)::int as n from posts where thread_id = $1 group by body_md',
  [small.id],
);
const stored = new Map(rows.map((row) => [row.body_md, row.n]));
const delivered = attempted.filter((text) => stored.has(text)).length;
const duplicated = rows.reduce((sum, row) => sum + row.n - 1, 0);
const lost = attempted.length - delivered;
console.log(`faults injected: ${JSON.stringify(faults)}`);
console.log(`attempted ${attempted.length}, delivered ${delivered}, lost ${lost}, duplicated ${duplicated}`);
await browser.close();
await server.close();
await db.close();
process.exit(lost === 0 && duplicated === 0 ? 0 : 1);
