// Holds the reference server to one rule (docs/architecture.md, "Server layers"):
//   interfaces (http/: routes, middleware; smtp/: mail in) → domain folders → db, with contract/ and shared/
//   as leaves anyone may use.
// Checked: no SQL in http/, no route importing a route, nothing below http importing it, db/ self-contained,
// leaves importing only leaves, and no cycle between folders. `--diagram` prints the folder graph as Mermaid.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = join(import.meta.dirname, '..');
const serverDir = join(root, 'server');
const LEAVES = new Set(['contract', 'shared']);
/** Where requests come in: nothing but the server entry may depend on them. */
const INTERFACES = new Set(['http', 'smtp']);
const TOP = new Set(['index.ts', 'config.ts']);

/** @returns {string[]} */
function walk(/** @type {string} */ dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return walk(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The folder a server file belongs to: its first path segment under server/, or "." for top-level files. */
const folderOf = (/** @type {string} */ file) => {
  const rel = relative(serverDir, file).split('/');
  return rel.length === 1 ? '.' : rel[0];
};

const IMPORT = /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/gm;
const SQL_CALL = /(?<!req)\.(query|transaction)\s*(<[^()]*>)?\(/;

const problems = [];
/** @type {Map<string, Set<string>>} */
const edges = new Map();
for (const file of walk(serverDir)) {
  const from = folderOf(file);
  const text = readFileSync(file, 'utf8');
  const rel = relative(root, file);
  if (INTERFACES.has(from) && SQL_CALL.test(text)) problems.push(`${rel}: runs SQL; move the query into a domain module`);
  for (const match of text.matchAll(IMPORT)) {
    const spec = match[3] ?? match[4];
    const typeOnly = Boolean(match[2]);
    if (!spec?.startsWith('.')) continue;
    const target = resolve(dirname(file), spec);
    if (!target.startsWith(serverDir + '/')) continue;
    const to = folderOf(target);
    const targetRel = relative(root, target);
    if (to !== from && !TOP.has(relative(serverDir, target))) {
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)?.add(to);
    }
    if (from === 'http' && rel.includes('/routes/') && targetRel.includes('server/http/routes/')) {
      problems.push(`${rel}: imports the route file ${targetRel}; share through a domain module instead`);
    }
    if (from !== to && from !== '.' && INTERFACES.has(to))
      problems.push(`${rel}: imports ${targetRel}; only the server entry may depend on ${to}/`);
    if (INTERFACES.has(from) && to === 'db' && !typeOnly && !rel.endsWith('http/app.ts')) {
      problems.push(`${rel}: imports ${targetRel}; ${from}/ reaches the database through domain modules`);
    }
    if (from === 'db' && to !== 'db') problems.push(`${rel}: imports ${targetRel}; db/ depends on nothing else`);
    if (LEAVES.has(from) && !LEAVES.has(to)) problems.push(`${rel}: imports ${targetRel}; ${from}/ may import only contract/ and shared/`);
  }
}

// Folders must form a DAG (the entry "." and http/ sit on top; seed/ may use domains).
/** @type {Map<string, number>} 0 = unvisited, 1 = on stack, 2 = done */
const state = new Map();
const stack = [];
function visit(/** @type {string} */ node) {
  state.set(node, 1);
  stack.push(node);
  for (const next of edges.get(node) ?? []) {
    if (state.get(next) === 1) problems.push(`folder cycle: ${[...stack.slice(stack.indexOf(next)), next].join(' → ')}`);
    else if (!state.get(next)) visit(next);
  }
  stack.pop();
  state.set(node, 2);
}
for (const node of edges.keys()) if (!state.get(node)) visit(node);

if (process.argv.includes('--diagram')) {
  const lines = ['flowchart TD'];
  for (const [from, tos] of [...edges].sort()) for (const to of [...tos].sort()) lines.push(`  ${from === '.' ? 'entry' : from} --> ${to}`);
  console.log(lines.join('\n'));
}
if (problems.length > 0) {
  console.error(`Layer check failed (${problems.length}):\n  ${problems.join('\n  ')}`);
  process.exitCode = 1;
} else {
  console.log(`Layer check passed: ${[...edges.keys()].length} folders, interfaces → domains → db, no cycles.`);
}
