// Reads the CDN build (dist/cdn/.vite/manifest.json) and sorts its files into the roles that have
// budgets: the autoloader, the shared runtime, one chunk per widget, and lazily loaded extras.
// Shared by scripts/check-size.mjs (budgets) and bench/size/run.mjs (figures).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const root = join(import.meta.dirname, '../..');
export const cdnDir = process.env.CDN_DIR ?? join(root, 'dist/cdn');

/**
 * @typedef {{ file: string, name?: string, src?: string, isEntry?: boolean, isDynamicEntry?: boolean,
 *   imports?: string[], dynamicImports?: string[] }} ManifestChunk
 * @typedef {{ role: 'autoloader' | 'runtime' | 'widget' | 'shared' | 'lazy', name: string, file: string,
 *   staticImports: string[], dynamicImports: string[] }} CdnFile
 */

/** @returns {Record<string, ManifestChunk>} */
function readManifest() {
  try {
    return JSON.parse(readFileSync(join(cdnDir, '.vite/manifest.json'), 'utf8'));
  } catch {
    throw new Error('dist/cdn/.vite/manifest.json is missing: run `npm run build:cdn` first.');
  }
}

/** A widget's registering entry (src/elements/<name>.ts); the provider's is not a build entry. */
const WIDGET_SOURCE = /^src\/elements\/([^/]+)\.ts$/;

/** @returns {CdnFile[]} every JavaScript file of the CDN build with its role. */
export function cdnFiles() {
  const manifest = readManifest();
  const fileOf = (/** @type {string} */ key) => manifest[key]?.file ?? key;
  return Object.values(manifest)
    .filter((chunk) => chunk.file.endsWith('.js'))
    .map((chunk) => {
      const staticImports = (chunk.imports ?? []).map(fileOf);
      const dynamicImports = (chunk.dynamicImports ?? []).map(fileOf);
      const widget = chunk.src && chunk.isEntry ? WIDGET_SOURCE.exec(chunk.src) : null;
      const file = { file: chunk.file, staticImports, dynamicImports };
      if (chunk.src === 'src/autoloader.ts') return { role: 'autoloader', name: 'grove.js (autoloader)', ...file };
      if (widget?.[1]) return { role: 'widget', name: widget[1], ...file };
      if (chunk.name === 'runtime') return { role: 'runtime', name: 'runtime', ...file };
      // Named by source path: three widgets each have a lazy `ar` catalogue.
      const name = chunk.src?.replace(/^src\/(components\/)?/, '').replace(/\.ts$/, '') ?? chunk.name ?? chunk.file;
      return { role: chunk.isDynamicEntry ? 'lazy' : 'shared', name, ...file };
    })
    .sort((a, b) => roleOrder(a.role) - roleOrder(b.role) || a.name.localeCompare(b.name));
}

/** @param {CdnFile['role']} role */
function roleOrder(role) {
  return ['autoloader', 'runtime', 'widget', 'shared', 'lazy'].indexOf(role);
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
