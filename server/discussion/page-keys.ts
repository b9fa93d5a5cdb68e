/**
 * Who may open a discussion for a page key. A page key is usually the page's canonical URL; a thread
 * opened for it shows on that page. Two rules keep anyone from squatting a page (issue 18):
 * - a thread belongs to its key AND its community: the page declares its community, and a thread opened
 *   for the same key in another community never shows on it nor takes its posts;
 * - a URL key opens a thread only when its origin is one of the deployment's sites (the CORS origins,
 *   GROVE_PAGE_ORIGINS and the server's own), so nobody opens threads for pages that are not there.
 * Keys that are not http(s) URLs (a CMS's own ids) are the site's to choose and are not restricted.
 * Facilitators retitle or move a thread that was opened under the wrong title or community.
 */
import { HttpProblem } from '../shared/problem.ts';

export function assertMayOpenThread(key: string, allowedOrigins: ReadonlySet<string>): void {
  let origin: string | undefined;
  try {
    const url = new URL(key);
    if (url.protocol === 'http:' || url.protocol === 'https:') origin = url.origin;
  } catch {
    return; // not a URL: an opaque key of the site's own
  }
  if (origin !== undefined && !allowedOrigins.has(origin)) {
    throw new HttpProblem(403, `Discussions open only for pages of this network's sites, not ${origin}`, {
      type: 'page-origin-not-allowed',
      errors: [{ field: 'body.key', message: `${origin} is not one of this deployment's sites (GROVE_PAGE_ORIGINS)` }],
    });
  }
}
