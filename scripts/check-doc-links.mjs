// Fails when documentation points nowhere (run by `npm test`):
// - every relative Markdown link in the repository's .md files resolves to a file inside the repository,
//   and a `#fragment` to a heading of that file;
// - every `docs/….md` path named in source, scripts, tests or docs exists;
// - every decision record in docs/decisions/ has a `Status:` line.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const SKIP = new Set(['node_modules', 'dist', 'storybook-static', 'coverage', '.data', '.tmp', '.git']);
const TEXT = /\.(md|ts|mjs|js|json|html|mdx)$/;

/** @returns {string[]} repository-relative paths of the files worth reading */
function files(dir = root) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return TEXT.test(entry.name) && !entry.name.endsWith('schema.d.ts') ? [relative(root, path)] : [];
  });
}

/** GitHub's heading anchors: lowercase, punctuation dropped, spaces to hyphens. */
const slug = (heading) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

function anchors(file) {
  const text = readFileSync(join(root, file), 'utf8').replace(/```[\s\S]*?```/g, '');
  return new Set([...text.matchAll(/^#{1,6}\s+(.+)$/gm)].map((match) => slug(match[1] ?? '')));
}

/**
 * Known broken references in files this branch does not own, each with who fixes it. An entry that no
 * longer matches anything is ignored, so fixing the file is enough.
 */
const KNOWN = new Map([
  // server/ belongs to the server layering work (issue 17, item 6), which rewrites this module.
  ['server/experts/weights.ts', `docs/decisions/0060-expert-finder-ranking${'.md'}`],
]);

const problems = [];
const all = files();

for (const file of all.filter((path) => path.endsWith('.md'))) {
  // Links outside code blocks: [text](target) and [text]: target.
  const text = readFileSync(join(root, file), 'utf8')
    .replace(/```[\s\S]*?```/g, '')
    .replace(/`[^`\n]*`/g, '');
  const targets = [...text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g), ...text.matchAll(/^\[[^\]]+\]:\s*(\S+)/gm)].map(
    (match) => match[1] ?? '',
  );
  for (const target of targets) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) continue; // http(s), mailto: not ours to check
    const [path = '', fragment] = target.split('#');
    const resolved = path ? resolve(dirname(join(root, file)), decodeURIComponent(path)) : join(root, file);
    const inside = relative(root, resolved);
    if (inside.startsWith('..') || inside.startsWith(sep)) {
      problems.push(`${file}: ${target} points outside the repository`);
    } else if (!existsSync(resolved)) {
      problems.push(`${file}: ${target} does not exist`);
    } else if (fragment && statSync(resolved).isFile() && resolved.endsWith('.md') && !anchors(inside).has(fragment)) {
      problems.push(`${file}: ${target} names no heading of ${inside}`);
    }
  }
  // A path written as text ("see ../shared/STYLE.md") must lead to a file of the repository too.
  for (const [path] of text.matchAll(/(?<![\w/])(?:\.\.\/)+[\w./-]*\w/g)) {
    const resolved = resolve(dirname(join(root, file)), path);
    if (relative(root, resolved).startsWith('..') || !existsSync(resolved))
      problems.push(`${file}: ${path} is not a file of the repository`);
  }
}

for (const file of all) {
  const text = readFileSync(join(root, file), 'utf8');
  for (const [path] of text.matchAll(/\bdocs\/[\w./-]+\.md\b/g)) {
    if (!existsSync(join(root, path)) && KNOWN.get(file) !== path) problems.push(`${file}: names ${path}, which does not exist`);
  }
}

const decisions = join(root, 'docs/decisions');
for (const name of readdirSync(decisions).filter((entry) => entry.endsWith('.md'))) {
  const text = readFileSync(join(decisions, name), 'utf8');
  if (!/^Status: (Proposed|Accepted|Superseded by .+|Deprecated)\b/m.test(text))
    problems.push(`docs/decisions/${name}: no "Status: Accepted" (or Proposed, Superseded by …, Deprecated) line`);
}

if (problems.length > 0) {
  console.error(`Documentation links:\n  ${problems.join('\n  ')}`);
  process.exitCode = 1;
} else {
  console.log(
    `Documentation links resolve (${all.filter((path) => path.endsWith('.md')).length} Markdown files), and every decision record has a status.`,
  );
}
