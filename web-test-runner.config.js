// Browser tests: Chromium through chrome-launcher, TypeScript through esbuild, and the real reference
// server started once on another origin so integration tests are cross-origin, as an embedded widget is.
import { existsSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { tsImport } from 'tsx/esm/api';

/** Chrome path: CHROME_PATH, else Debian's Chromium, else chrome-launcher's own detection. */
function chromePath() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * Starts the reference server on an ephemeral port (CORS allowing the test page's origin) over ONE
 * in-memory, demo-seeded test database from server/seed/testing.ts (PGlite template, or a private schema
 * when DATABASE_URL is set), never the `.data/` directory the start command uses. Its API base reaches
 * tests as `window.GROVE_API`. If the server cannot start, the run fails: integration tests must not
 * silently skip.
 */
let apiUrl;

function groveServerPlugin() {
  let server;
  let db;
  return {
    name: 'grove-reference-server',
    async serverStart({ config }) {
      const origin = `http://${config.hostname ?? 'localhost'}:${config.port}`;
      try {
        const { startServer } = await tsImport('./server/index.ts', import.meta.url);
        const { openTestDatabase } = await tsImport('./server/seed/testing.ts', import.meta.url);
        db = await openTestDatabase();
        server = await startServer({
          port: 0,
          host: '127.0.0.1',
          corsOrigins: [origin],
          // Integration tests key their threads on intranet.example.org pages (test/components/discussion-thread/live-server.ts).
          pageOrigins: ['https://intranet.example.org'],
          demoMode: true,
          // Browser tests post many times as a few seeded members, some with under 3 posts: the new-account
          // post rate (decisions/0181-premoderation.md) is tested in test/server/http/moderation.test.ts.
          rateLimit: { newAccountPostsPer10Minutes: 0 },
          seed: false,
          database: db,
          log: process.env.GROVE_TEST_LOG ? undefined : null,
        });
      } catch (error) {
        await db?.close().catch(() => {});
        // Thrown from serverStart, this aborts the whole run with the cause printed.
        throw new Error(`[grove] reference server for integration tests failed to start: ${error?.stack ?? error}`);
      }
      apiUrl = `${server.url.replace(/\/$/, '')}/api`;
      console.log(`[grove] reference server for integration tests at ${apiUrl}`);
    },
    async serverStop() {
      await server?.close();
      await db?.close();
    },
  };
}

export default {
  files: ['test/**/*.test.ts', '!test/server/**'],
  nodeResolve: true,
  concurrency: 2,
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromePath(),
        args: isRoot ? ['--no-sandbox', '--disable-dev-shm-usage'] : ['--disable-dev-shm-usage'],
      },
    }),
  ],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), groveServerPlugin()],
  // Publishes the API base before any test module runs.
  testRunnerHtml: (testFramework) => `<!doctype html>
<html>
  <head><script>window.GROVE_API = ${JSON.stringify(apiUrl ?? null)};</script></head>
  <body><script type="module" src="${testFramework}"></script></body>
</html>`,
  // Five seconds is short for a first import through esbuild on a loaded 2-core machine; tests wait on events.
  testFramework: { config: { timeout: 15000 } },
  // The XSS corpus file renders 984 payloads, and the whole suite (about 460 tests) takes 5 minutes on a quiet
  // 2-core machine: the limit is for a hung run, not a slow one.
  testsFinishTimeout: 900_000,
};
