// Holds every entry of the CDN build to its gzip budget (issue 2, "Builds") and prints a table.
// Budgets are in KB of 1000 bytes, gzip -9. A widget's figure is its own chunk "over the runtime":
// the runtime chunk is shared, loaded once per page, and budgeted on its own line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cdnDir, cdnFiles, kb, sizes } from './lib/cdn-build.mjs';

const BUDGET = {
  autoloader: 2.5,
  runtime: 16,
  widgetsTogether: 50,
  /** Per-widget budgets; a widget without one gets DEFAULT_WIDGET (add it here when it lands). */
  widgets: {
    'member-directory': 8,
    'discussion-thread': 10,
    'expert-finder': 8,
    'event-calendar': 12,
    'participation-badge': 8,
  },
  DEFAULT_WIDGET: 8,
};

const files = cdnFiles();
const rows = [];
const failures = [];

function check(/** @type {string} */ label, /** @type {number} */ bytes, /** @type {number} */ budgetKb) {
  const over = bytes > budgetKb * 1000;
  rows.push({ entry: label, gzip: kb(bytes), budget: budgetKb.toFixed(2), status: over ? 'OVER' : 'ok' });
  if (over) failures.push(`${label}: ${kb(bytes)} KB gzip > ${budgetKb} KB`);
}

const autoloader = files.find((f) => f.role === 'autoloader');
const runtimes = files.filter((f) => f.role === 'runtime');
if (!autoloader) failures.push('no autoloader (grove.js) in the CDN build');
else {
  check('grove.js (autoloader)', sizes(autoloader.file).gzip, BUDGET.autoloader);
  // A static import in the loader would be fetched before any widget code could start: a waterfall.
  if (autoloader.staticImports.length > 0)
    failures.push(`grove.js must be self-contained but statically imports ${autoloader.staticImports.join(', ')}`);
}
// Each widget's code and everything it statically imports must be requested together by grove.js
// (scripts/lib/parallel-chunk-imports.ts), or the runtime is discovered only after the widget arrives.
if (autoloader) {
  const loader = readFileSync(join(cdnDir, autoloader.file), 'utf8');
  const batches = [...loader.matchAll(/__groveImportAll\((\[[^\]]*\])\)/g)].map((match) => JSON.parse(match[1] ?? '[]'));
  for (const widget of files.filter((f) => f.role === 'widget')) {
    const batch = batches.find((urls) => urls[0] === `./${widget.file}`);
    const missing = widget.staticImports.filter((file) => !batch?.includes(`./${file}`));
    if (!batch) failures.push(`grove.js does not load ${widget.file} through a parallel batch`);
    else if (missing.length > 0) failures.push(`grove.js loads ${widget.file} without ${missing.join(', ')} in parallel: a waterfall`);
  }
}
if (runtimes.length !== 1) failures.push(`expected exactly one shared runtime chunk, found ${runtimes.length}`);
for (const runtime of runtimes) check(`runtime (${runtime.file})`, sizes(runtime.file).gzip, BUDGET.runtime);

let widgetsTotal = 0;
for (const widget of files.filter((f) => f.role === 'widget')) {
  // Anything a widget imports statically besides the runtime loads with it, so it counts against it.
  const own = [widget.file, ...widget.staticImports.filter((file) => !runtimes.some((r) => r.file === file))];
  const bytes = own.reduce((sum, file) => sum + sizes(file).gzip, 0);
  widgetsTotal += bytes;
  const budget = BUDGET.widgets[/** @type {keyof typeof BUDGET.widgets} */ (widget.name)] ?? BUDGET.DEFAULT_WIDGET;
  check(`widget ${widget.name}`, bytes, budget);
}
check('all widgets together', widgetsTotal, BUDGET.widgetsTogether);

// Chunks widgets import statically (shared helpers) are already counted in those widgets' figures.
const loadedWithWidgets = new Set(files.filter((f) => f.role === 'widget').flatMap((f) => f.staticImports));
for (const lazy of files.filter((f) => f.role === 'lazy'))
  rows.push({
    entry: `${loadedWithWidgets.has(lazy.file) ? 'shared' : 'lazy'} ${lazy.name}`,
    gzip: kb(sizes(lazy.file).gzip),
    budget: '-',
    status: loadedWithWidgets.has(lazy.file) ? 'in widgets' : 'on demand',
  });

console.table(rows);
if (failures.length > 0) {
  console.error(`Size check failed:\n  ${failures.join('\n  ')}`);
  process.exitCode = 1;
} else {
  console.log('Size check passed: every entry is within its gzip budget.');
}
