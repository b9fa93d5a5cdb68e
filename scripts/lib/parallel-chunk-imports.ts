/**
 * CDN build plugin: removes the chunk waterfall from the autoloader's first-render path.
 *
 * Without it, `import('./member-directory-x.js')` in grove.js fetches the widget chunk, and only when it
 * has arrived does the browser read its `import ... from './runtime-y.js'` and fetch the runtime: two
 * sequential round trips (about 4 s on Slow 3G). Vite's own preload helper would fix that, but it is a
 * shared module, so it ends up in a chunk that grove.js imports statically: another hop before any
 * widget code starts (docs/decisions/0010-build-outputs.md).
 *
 * After chunking, each dynamic import in the autoloader chunk is rewritten to import the target chunk
 * together with every chunk it statically needs, in parallel:
 *
 *   "grove-member-directory": () => import("./member-directory-a.js").then(...)
 *   "grove-member-directory": () => __groveImportAll(["./member-directory-a.js","./runtime-b.js","./format-c.js"]).then(...)
 *
 * so the tag -> [widget chunk, runtime chunk, ...] map is generated into grove.js at the call site of
 * each tag, and grove.js keeps no static import at all. Parallel `import()`s (rather than
 * `<link rel=modulepreload>`) need no DOM access and nothing a strict CSP or Trusted Types would refuse;
 * ES module semantics still evaluate every module after its own imports, so order cannot break.
 * Lazily imported sub-chunks inside widgets (catalogues, the profile view, the composer) are untouched:
 * they are off the first-render path.
 */
import type { Plugin, Rolldown } from 'vite';

type OutputBundle = Rolldown.OutputBundle;
type OutputChunk = Rolldown.OutputChunk;

const HELPER = '__groveImportAll';
/** Written already minified: generateBundle runs after the minifier. First element is the target. */
const HELPER_SOURCE = `const ${HELPER}=f=>Promise.all(f.map(u=>import(u))).then(m=>m[0]);`;
/** `import("./x.js")` with any quote style, as rolldown prints dynamic imports of sibling chunks. */
const DYNAMIC_IMPORT = /\bimport\((["'`])\.\/([^"'`]+\.js)\1\)/g;

/** The chunk plus, transitively, every chunk it imports statically: what must load before it runs. */
function staticClosure(bundle: OutputBundle, fileName: string): string[] {
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    const chunk = bundle[name];
    if (chunk?.type === 'chunk') chunk.imports.forEach(visit);
  };
  visit(fileName);
  return [...seen];
}

function rewrite(chunk: OutputChunk, bundle: OutputBundle): void {
  const rewritten = new Set<string>();
  chunk.code =
    HELPER_SOURCE +
    chunk.code.replace(DYNAMIC_IMPORT, (whole, _quote: string, file: string) => {
      if (!chunk.dynamicImports.includes(file)) return whole;
      rewritten.add(file);
      const urls = staticClosure(bundle, file).map((name) => `./${name}`);
      return `${HELPER}(${JSON.stringify(urls)})`;
    });
  // Fail the build rather than ship a silent waterfall if rolldown ever prints imports differently.
  const missed = chunk.dynamicImports.filter((file) => !rewritten.has(file));
  if (missed.length > 0)
    throw new Error(`grove:parallel-chunk-imports could not rewrite import() of ${missed.join(', ')} in ${chunk.fileName}`);
  if (chunk.imports.length > 0) throw new Error(`${chunk.fileName} must not import statically, but imports ${chunk.imports.join(', ')}`);
}

/** @param entryName the rollup input name of the autoloader (its chunk is rewritten). */
export function parallelChunkImports(entryName: string): Plugin {
  return {
    name: 'grove:parallel-chunk-imports',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find(
        (item): item is OutputChunk => item.type === 'chunk' && item.isEntry && item.name === entryName,
      );
      if (!entry) throw new Error(`grove:parallel-chunk-imports found no entry chunk named ${entryName}`);
      rewrite(entry, bundle);
    },
  };
}
