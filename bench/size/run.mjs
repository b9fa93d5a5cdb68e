// Prints raw, gzip -9 and brotli q11 sizes of every file in the CDN build (run `npm run build:cdn`
// first). Budgets are enforced separately by scripts/check-size.mjs; this is the figure sheet.
import { cdnFiles, kb, sizes } from '../../scripts/lib/cdn-build.mjs';

const rows = cdnFiles().map((f) => {
  const s = sizes(f.file);
  return { role: f.role, entry: f.name, file: f.file, 'raw KB': kb(s.raw), 'gzip KB': kb(s.gzip), 'brotli KB': kb(s.brotli) };
});
console.table(rows);
const sum = (/** @type {'raw' | 'gzip' | 'brotli'} */ key) => kb(cdnFiles().reduce((total, f) => total + sizes(f.file)[key], 0));
console.log(`All files: raw ${sum('raw')} KB, gzip ${sum('gzip')} KB, brotli ${sum('brotli')} KB (1 KB = 1000 bytes)`);
