// Reads the CDN build (dist/cdn/.vite/manifest.json) and sorts its files into the roles that have
// budgets: the autoloader, the shared runtime, one chunk per widget, and lazily loaded extras.
// Shared by scripts/check-size.mjs (budgets) and bench/size/run.mjs (figures).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const root = join(import.meta.dirname, '../..');
export const cdnDir = join(root, 'dist/cdn');

/**
 * @typedef {{ file: string, name?: string, src?: string, isEntry?: boolean, isDynamicEntry?: boolean,
 *   imports?: string[], dynamicImports?: string[] }} ManifestChunk
 * @typedef {{ role: 'autoloader' | 'runtime' | 'widget' | 'lazy', name: string, file: string,
 *   staticImports: string[] }} CdnFile
 */

/** @returns {Record<string, ManifestChunk>} */
function readManifest() {
  try {
    return JSON.parse(readFileSync(join(cdnDir, '.vite/manifest.json'), 'utf8'));
  } catch {
    throw new Error('dist/cdn/.vite/manifest.json is missing: run `npm run build:cdn` first.');
  }
}

const WIDGET_SOURCE = /^src\/components\/([^/]+)\/\1\.ts$/;

/** @returns {CdnFile[]} every JavaScript file of the CDN build with its role. */
export function cdnFiles() {
  const manifest = readManifest();
  const fileOf = (/** @type {string} */ key) => manifest[key]?.file ?? key;
  return Object.values(manifest)
    .filter((chunk) => chunk.file.endsWith('.js'))
    .map((chunk) => {
      const staticImports = (chunk.imports ?? []).map(fileOf);
      const widget = chunk.src ? WIDGET_SOURCE.exec(chunk.src) : null;
      if (chunk.src === 'src/autoloader.ts') return { role: 'autoloader', name: 'grove.js (autoloader)', file: chunk.file, staticImports };
      if (widget?.[1]) return { role: 'widget', name: widget[1], file: chunk.file, staticImports };
      if (chunk.name === 'runtime') return { role: 'runtime', name: 'runtime', file: chunk.file, staticImports };
      // Named by source path: three widgets each have a lazy `ar` catalogue.
      const name = chunk.src?.replace(/^src\/(components\/)?/, '').replace(/\.ts$/, '') ?? chunk.name ?? chunk.file;
      return { role: 'lazy', name, file: chunk.file, staticImports };
    })
    .sort((a, b) => roleOrder(a.role) - roleOrder(b.role) || a.name.localeCompare(b.name));
}

/** @param {CdnFile['role']} role */
function roleOrder(role) {
  return ['autoloader', 'runtime', 'widget', 'lazy'].indexOf(role);
}

/** Sizes of one built file: raw, gzip -9 (what a CDN precompresses) and brotli q11. */
export function sizes(/** @type {string} */ file) {
  const bytes = readFileSync(join(cdnDir, file));
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** Kilobytes as budgets are written: 1 KB = 1000 bytes (the stricter reading). */
export const kb = (/** @type {number} */ bytes) => (bytes / 1000).toFixed(2);
