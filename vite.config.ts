/**
 * Two builds from one config, chosen by mode (see docs/decisions/0010-build-outputs.md):
 *
 *   vite build --mode npm   ES modules in dist/npm/, one file per source module, dependencies external.
 *                           Types come from `tsc -p tsconfig.build.json` into the same folder.
 *   vite build --mode cdn   dist/cdn/: grove.js (the autoloader, stable name) + grove-<version>.js,
 *                           one minified chunk per widget and ONE shared runtime chunk, hashed names.
 *
 * Any other mode (Storybook's dev server and build, vitest-like tools) gets the plain base config,
 * so tools that load vite.config.ts do not inherit library build settings.
 *
 * Widgets are discovered, not listed: every `src/components/<name>/<name>.ts` with its registering
 * `src/elements/<name>.ts` is a widget entry.
 */
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { minifyCssLiterals } from './scripts/lib/minify-css-literals.ts';
import { parallelChunkImports } from './scripts/lib/parallel-chunk-imports.ts';
import { thirdPartyLicenses } from './scripts/lib/third-party-licenses.ts';

const root = import.meta.dirname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
};

/**
 * Widget name -> registering entry, `src/elements/<name>.ts` for every `src/components/<name>/<name>.ts`
 * (the element class; the entry imports it and defines its tag).
 */
async function widgetEntries(): Promise<Record<string, string>> {
  const dir = join(root, 'src/components');
  if (!existsSync(dir)) return {};
  const names = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
  const entries: Record<string, string> = {};
  for (const name of names.sort()) {
    const file = join(root, 'src/elements', `${name}.ts`);
    if (existsSync(join(dir, name, `${name}.ts`)) && existsSync(file)) entries[name] = file;
  }
  return entries;
}

/**
 * The core runtime every widget shares: Lit, @lit/context, @lit/task, Oxc's decorator helper (a
 * virtual module, `\0@oxc-project+runtime@…`, which every element uses) and our core folders. Code only
 * some widgets share lives in src/components/shared/ and lands in chunks of its own, so a page never
 * downloads it for a widget it does not show (docs/decisions/0012-page-size-budgets.md).
 */
const RUNTIME_LIBRARIES = /node_modules[\\/](lit|lit-html|lit-element|@lit|@oxc-project[\\/]runtime)[\\/]|^\0@oxc-project\+runtime@/;
const RUNTIME_SOURCES = /[\\/]src[\\/](api|context|controllers|events|registry|render|styles|i18n|validation)[\\/]/;

const base: UserConfig = {
  // Oxc reads experimentalDecorators / useDefineForClassFields from tsconfig.json; only legacy
  // decorators are lowered, which is why the project uses them (TOOLCHAIN.md "Decorators").
  build: { target: 'es2022' },
};

async function npmConfig(): Promise<UserConfig> {
  const widgets = await widgetEntries();
  const optional = (path: string): string[] => (existsSync(join(root, path)) ? [path] : []);
  const external = Object.keys(pkg.dependencies);
  return {
    ...base,
    plugins: [contractDeclarations(resolve(root, 'dist/npm'))],
    build: {
      target: 'es2022',
      outDir: 'dist/npm',
      emptyOutDir: true,
      minify: false,
      sourcemap: true,
      copyPublicDir: false,
      lib: {
        entry: [
          ...optional('src/index.ts'),
          ...optional('src/define.ts'),
          ...optional('src/autoloader.ts'),
          ...optional('src/context/grove-provider.ts'),
          ...optional('src/elements/provider.ts'),
          ...Object.values(widgets),
        ],
        formats: ['es'],
      },
      rollupOptions: {
        // "lit" and "lit/decorators.js" both external: match the package and its subpaths.
        external: (id) => external.some((dep) => id === dep || id.startsWith(`${dep}/`)),
        output: {
          preserveModules: true,
          preserveModulesRoot: 'src',
          entryFileNames: '[name].js',
        },
      },
    },
  };
}

/**
 * The OpenAPI types (src/api/schema.d.ts, generated) are a declaration file, which tsc does not copy:
 * without it every published type built on the contract resolves to nothing.
 */
function contractDeclarations(outDir: string): Plugin {
  return {
    name: 'grove:contract-declarations',
    apply: 'build',
    async writeBundle() {
      await mkdir(join(outDir, 'api'), { recursive: true });
      await copyFile(join(root, 'src/api/schema.d.ts'), join(outDir, 'api/schema.d.ts'));
    },
  };
}

/** Copies grove.js to grove-<version>.js so a site can pin a release or follow the latest. */
function versionedLoader(outDir: string): Plugin {
  return {
    name: 'grove:versioned-loader',
    apply: 'build',
    async writeBundle() {
      await copyFile(join(outDir, 'grove.js'), join(outDir, `grove-${pkg.version}.js`));
    },
  };
}

async function cdnConfig(): Promise<UserConfig> {
  const outDir = resolve(root, 'dist/cdn');
  const widgets = await widgetEntries();
  return {
    ...base,
    // Relative base: chunk URLs resolve against import.meta.url, so the folder can be hosted anywhere.
    base: './',
    plugins: [minifyCssLiterals(), parallelChunkImports('grove'), thirdPartyLicenses('grove.js'), versionedLoader(outDir)],
    build: {
      target: 'es2022',
      outDir,
      emptyOutDir: true,
      copyPublicDir: false,
      manifest: true,
      // Terser first (rolldown's minifier then strips comments): about 0.13 KB gzip less on the
      // runtime chunk than the Oxc minifier alone (docs/decisions/0013-build-time-size-transforms.md).
      minify: 'terser',
      terserOptions: { compress: { passes: 2 } },
      // Library mode: Vite then inserts no dynamic-import preload helper. That helper is shared, so it
      // lands in a chunk grove.js imports statically (a sequential hop); parallelChunkImports does the
      // same job inside grove.js instead.
      lib: { entry: { grove: resolve(root, 'src/autoloader.ts'), ...widgets }, formats: ['es'] },
      rollupOptions: {
        // Widget entries keep their exports: the autoloader reads the element class from them.
        preserveEntrySignatures: 'exports-only',
        output: {
          // Library mode keeps whitespace in ES output; these are final files, so minify fully.
          minify: true,
          // Final browser files, never re-bundled: pure annotations are dead weight here.
          comments: { legal: false, annotation: false, jsdoc: false },
          entryFileNames: (chunk) => (chunk.name === 'grove' ? 'grove.js' : '[name]-[hash].js'),
          chunkFileNames: '[name]-[hash].js',
          // One group, one chunk: groups sharing a name still become separate chunks. Code that two
          // widgets share belongs in a core folder (api, context, controllers, ...) so it lands here.
          codeSplitting: {
            groups: [{ name: 'runtime', minShareCount: 2, test: (id) => RUNTIME_LIBRARIES.test(id) || RUNTIME_SOURCES.test(id) }],
          },
        },
      },
    },
  };
}

export default defineConfig(async ({ mode }) => {
  if (mode === 'npm') return npmConfig();
  if (mode === 'cdn') return cdnConfig();
  return base;
});
