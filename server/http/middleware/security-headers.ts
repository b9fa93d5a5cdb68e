/**
 * Security headers on every response (issue 18), by what the response is:
 * - API: `nosniff`, no referrer, and a CSP and frame policy that let a JSON body do nothing if opened as
 *   a page. No Cross-Origin-Resource-Policy: the API is read from other origins by design, under CORS,
 *   and `same-origin` there broke the thread's live stream on embedding pages (a browser test showed it);
 *   the avatar route sets `cross-origin` itself, since pages show avatars in `<img>`.
 * - CDN bundle (`/cdn/`): loaded by other sites' pages as module scripts, so `Access-Control-Allow-Origin: *`
 *   (public files, no credentials) and CORP `cross-origin`.
 * - Pages (demo, Storybook): framed only by this origin (`frame-ancestors 'self'`, which a `<meta>` CSP
 *   cannot set; the demo pages carry their full policy in one), `strict-origin-when-cross-origin`, and
 *   CORP `same-origin` so no other site can pull them in as a subresource.
 * A header the handler already set is left as it is.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.ts';

type Headers = Record<string, string>;

const EVERYWHERE: Headers = { 'x-content-type-options': 'nosniff' };
const API: Headers = {
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
};
const CDN: Headers = {
  'access-control-allow-origin': '*',
  'cross-origin-resource-policy': 'cross-origin',
  'referrer-policy': 'strict-origin-when-cross-origin',
};
const PAGES: Headers = {
  'content-security-policy': "frame-ancestors 'self'",
  'x-frame-options': 'SAMEORIGIN',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-resource-policy': 'same-origin',
};

export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const path = c.req.path;
    const headers = { ...EVERYWHERE, ...(path.startsWith('/api/') ? API : path.startsWith('/cdn/') ? CDN : PAGES) };
    // Some responses (static files read through fetch-like APIs) have immutable headers: copy them once.
    try {
      c.res.headers.set('x-content-type-options', 'nosniff');
    } catch {
      c.res = new Response(c.res.body, c.res);
    }
    for (const [name, value] of Object.entries(headers)) {
      if (!c.res.headers.has(name)) c.res.headers.set(name, value);
    }
  };
}
