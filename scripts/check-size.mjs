// Holds the CDN build to its budgets, counted as pages download it, not as the code is split
// (docs/decisions/0012-page-size-budgets.md). Budgets are KB of 1000 bytes, gzip -9.
//
// - A reader's first view of one widget: grove.js + every chunk the widget's code needs before it runs
//   (the shared runtime, the widget's chunk and the shared chunks it imports).
// - Every widget on one page: the union of those files, each counted once.
// - Code a widget loads only when it is used (the composer for signed-in members, the facilitators'
//   reports queue, the profile view): what it adds to the page it is loaded from.
// The tables also show each page with its Arabic catalogues (the largest translation), for information.
//
// `CDN_DIR=/path/to/dist/cdn node scripts/check-size.mjs` measures another build (e.g. an older one).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cdnDir, cdnFiles, kb, sizes } from './lib/cdn-build.mjs';

const BUDGET = {
  /** grove.js + runtime + one widget: what a reader's first view of any single widget downloads. */
  singleWidgetPage: 27,
  /** Every widget on one page (a community hub). */
  allWidgetsPage: 56,
  /** Code loaded only when used: the editor (composer) and facilitator (reports queue) chunks and the like. */
  onDemand: 10,
};

const files = cdnFiles();
const byFile = new Map(files.map((file) => [file.file, file]));
const failures = [];
const gzip = (/** @type {Iterable<string>} */ names) => [...new Set(names)].reduce((sum, name) => sum + sizes(name).gzip, 0);

/** The file and, transitively, every file it imports statically: what loads before its code runs. */
function closure(/** @type {string} */ file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const imported of byFile.get(file)?.staticImports ?? []) closure(imported, seen);
  return seen;
}

const autoloader = files.find((f) => f.role === 'autoloader');
const runtimes = files.filter((f) => f.role === 'runtime');
const widgets = files.filter((f) => f.role === 'widget');
if (!autoloader) throw new Error('no autoloader (grove.js) in the CDN build');
// A static import in the loader would be fetched before any widget code could start: a waterfall.
if (autoloader.staticImports.length > 0)
  failures.push(`grove.js must be self-contained but statically imports ${autoloader.staticImports.join(', ')}`);
if (runtimes.length !== 1) failures.push(`expected exactly one shared runtime chunk, found ${runtimes.length}`);

// Each widget's code and everything it statically imports must be requested together by grove.js
// (scripts/lib/parallel-chunk-imports.ts), or the runtime is discovered only after the widget arrives.
const loader = readFileSync(join(cdnDir, autoloader.file), 'utf8');
const batches = [...loader.matchAll(/__groveImportAll\((\[[^\]]*\])\)/g)].map((match) => JSON.parse(match[1] ?? '[]'));
for (const widget of widgets) {
  const batch = batches.find((urls) => urls[0] === `./${widget.file}`);
  const missing = [...closure(widget.file)].filter((file) => !batch?.includes(`./${file}`));
  if (!batch) failures.push(`grove.js does not load ${widget.file} through a parallel batch`);
  else if (missing.length > 0) failures.push(`grove.js loads ${widget.file} without ${missing.join(', ')} in parallel: a waterfall`);
}

/** The lazily loaded catalogue chunks of a language: the core one and each widget's. */
const catalogue = (/** @type {string} */ language, /** @type {string} */ folder) =>
  files
    .filter((f) => f.role === 'lazy' && (f.name === `i18n/core/${language}` || f.name === `${folder}/messages/${language}`))
    .map((f) => f.file);

const pages = [];
function page(
  /** @type {string} */ label,
  /** @type {Set<string>} */ names,
  /** @type {number} */ budgetKb,
  /** @type {string[]} */ arabic,
) {
  const bytes = gzip(names);
  const over = bytes > budgetKb * 1000;
  pages.push({
    page: label,
    files: names.size,
    gzip: kb(bytes),
    budget: budgetKb.toFixed(2),
    status: over ? 'OVER' : 'ok',
    'with ar': kb(bytes + gzip(arabic)),
  });
  if (over) failures.push(`${label}: ${kb(bytes)} KB gzip > ${budgetKb} KB`);
}

const pageOf = new Map();
for (const widget of widgets) {
  const names = new Set([autoloader.file, ...closure(widget.file)]);
  pageOf.set(widget.file, names);
  page(`first view: ${widget.name}`, names, BUDGET.singleWidgetPage, catalogue('ar', widget.name));
}
const everything = new Set([...pageOf.values()].flatMap((names) => [...names]));
page(
  'all widgets on one page',
  everything,
  BUDGET.allWidgetsPage,
  widgets.flatMap((w) => catalogue('ar', w.name)),
);

// Code chunks loaded on demand (not catalogues): what each adds to the page of the widget that loads it.
/** Catalogue chunks (`messages/`, `editor-messages/`, `mail-messages/`, `i18n/core/`…): counted with pages "with ar", not as code. */
const isCatalogue = (/** @type {{ name: string }} */ f) => /\/([a-z-]*messages|core)\//.test(f.name);
/**
 * What is already on the page when each lazy chunk loads, and from where: walked breadth-first from each
 * widget's first view through the chunks its code loads on demand (the e-mail settings open from the
 * profile editor, which opens from the directory's signed-in tools), so a chunk is charged only for the
 * files the page does not have yet. Chunks the runtime or grove.js load are counted on any page.
 */
const anyPage = { where: 'any page', files: new Set([autoloader.file, ...runtimes.map((r) => r.file)]) };
/** @type {Map<string, { where: string, files: Set<string> }>} */
const reached = new Map();
for (const file of anyPage.files) for (const target of byFile.get(file)?.dynamicImports ?? []) reached.set(target, anyPage);
const queue = widgets.map((w) => ({ where: `in ${w.name}`, files: /** @type {Set<string>} */ (pageOf.get(w.file)) }));
for (let state = queue.shift(); state; state = queue.shift()) {
  for (const file of state.files) {
    if (anyPage.files.has(file)) continue;
    for (const target of byFile.get(file)?.dynamicImports ?? []) {
      const chunk = byFile.get(target);
      if (!chunk || chunk.role !== 'lazy' || isCatalogue(chunk) || reached.has(target)) continue;
      reached.set(target, state);
      queue.push({ where: `${state.where} → ${chunk.name}`, files: new Set([...state.files, ...closure(target)]) });
    }
  }
}
for (const lazy of files.filter((f) => f.role === 'lazy' && !isCatalogue(f))) {
  const before = reached.get(lazy.file) ?? anyPage;
  const added = new Set([...closure(lazy.file)].filter((file) => !before.files.has(file)));
  page(`on demand: ${lazy.name} (${before.where})`, added, BUDGET.onDemand, []);
}

console.table(pages);
// How the code is split, for information: budgets are on the pages above.
console.table(files.map((f) => ({ chunk: f.name, role: f.role, file: f.file, gzip: kb(sizes(f.file).gzip) })));
if (failures.length > 0) {
  console.error(`Size check failed:\n  ${failures.join('\n  ')}`);
  process.exitCode = 1;
} else {
  console.log('Size check passed: every page is within its gzip budget.');
}
