/**
 * Static files next to the API: the demo pages at `/`, the CDN build at `/cdn/` and Storybook at
 * `/storybook/`. Content-hashed CDN files never change, so they are cached for a year; everything
 * else revalidates.
 */
import { existsSync } from 'node:fs';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { ServerConfig } from '../config.ts';
import type { AppEnv } from './env.ts';

/** Vite/rollup hashed names: `name-Ab12Cd34.js`. */
const HASHED = /[.-][A-Za-z0-9_-]{8,}\.(?:js|css|mjs|woff2?|svg|png|map)$/;

export function mountStatic(app: Hono<AppEnv>, roots: ServerConfig['staticRoots']): void {
  const revalidate = (_path: string, c: { header: (name: string, value: string) => void }) => c.header('cache-control', 'no-cache');
  if (existsSync(roots.cdn)) {
    app.use(
      '/cdn/*',
      serveStatic({
        root: roots.cdn,
        rewriteRequestPath: (path) => path.replace(/^\/cdn/, ''),
        onFound: (path, c) => c.header('cache-control', HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'public, no-cache'),
      }),
    );
  }
  if (existsSync(roots.storybook)) {
    app.use(
      '/storybook/*',
      serveStatic({ root: roots.storybook, rewriteRequestPath: (path) => path.replace(/^\/storybook/, ''), onFound: revalidate }),
    );
  }
  if (existsSync(roots.demo)) {
    const demo = serveStatic<AppEnv>({ root: roots.demo, onFound: revalidate });
    // The API's unknown paths must reach its problem+json 404, not the demo files.
    app.use('/*', async (c, next) => {
      if (c.req.path.startsWith('/api/')) {
        await next();
        return;
      }
      return demo(c as Parameters<typeof demo>[0], next);
    });
  }
}
