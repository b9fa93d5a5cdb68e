/**
 * CDN build plugin: leaves ky's upload/download progress streaming out of the shared runtime.
 *
 * ky 1.14 imports `utils/body.js` (progress streams and body-size estimation) unconditionally, though
 * it only runs when a request passes `onUploadProgress` / `onDownloadProgress`. Grove never does: the
 * `GroveClient` interface has no such option and widgets never import ky. The module costs about
 * 0.38 KB gzip on every page's first view (docs/decisions/0013-build-time-size-transforms.md), so it is replaced by one that
 * fails loudly should a future caller pass a progress callback. Everything else in ky is untouched.
 */
import type { Plugin } from 'vite';

const STUB_ID = '\0grove:ky-without-progress';
const KY_FILE = /[\\/]node_modules[\\/]ky[\\/]distribution[\\/]/;

export function kyWithoutProgress(): Plugin {
  return {
    name: 'grove:ky-without-progress',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      return source === '../utils/body.js' && importer && KY_FILE.test(importer) ? STUB_ID : null;
    },
    load(id) {
      if (id !== STUB_ID) return null;
      return `const unsupported = () => { throw new Error('Grove builds ky without progress callbacks'); };
export const streamRequest = unsupported;
export const streamResponse = unsupported;`;
    },
  };
}
