// Starts the real reference server inside this Node process on an ephemeral port, over the
// demo-seeded in-memory database of server/seed/testing.ts (PGlite loaded from a cached template:
// under a second after the first run, no files left behind). For the smoke test and the benches.
import { register } from 'tsx/esm/api';

// The server is TypeScript; tsx compiles it on import, as `npm start` does.
register();
const { startServer } = await import('../../server/index.ts');
const { openTestDatabase } = await import('../../server/seed/testing.ts');

/** @returns {Promise<{ url: string, close: () => Promise<void> }>} */
export async function startInProcessServer() {
  // url: null forces PGlite even when DATABASE_URL is set for the PostgreSQL server tests.
  const database = await openTestDatabase({ url: null });
  // The demo CMS page's canonical URL is on intranet.example.org, the site the demo stands for.
  const server = await startServer({
    database,
    port: 0,
    host: '127.0.0.1',
    demoMode: true,
    pageOrigins: ['https://intranet.example.org'],
    log: null,
  });
  return {
    url: server.url,
    close: async () => {
      await server.close();
      await database.close();
    },
  };
}
