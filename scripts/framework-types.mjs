// Writes the host-framework declarations from custom-elements.json, so they cannot drift from the
// elements: types/react.d.ts (React 19 JSX intrinsic elements) and types/vue.d.ts (Vue 3
// GlobalComponents). Each property is typed from the class itself (`GroveMemberDirectory['pageSize']`),
// each attribute as the text (or boolean) a template writes, each event as its documented event class.
// `--check` fails when the committed files differ. Run by `npm run manifest` after the analyzer.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
const elements = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .filter((declaration) => declaration.customElement === true && declaration.tagName)
  .sort((a, b) => a.tagName.localeCompare(b.tagName));

const HEADER = '// Generated from custom-elements.json by scripts/framework-types.mjs (npm run manifest). Do not edit.\n';
const camel = (name) => name.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
const quote = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);
// `key` is the frameworks' own (never passed to an element): hosts use `page-key`.
const fields = (element) =>
  (element.members ?? []).filter((member) => member.kind === 'field' && !member.static && !member.readonly && member.name !== 'key');
const events = (element) => (element.events ?? []).filter((event) => event.type?.text);
const classes = [
  ...new Set(elements.flatMap((element) => [element.name, ...events(element).map((event) => event.type.text.replace(/<.*$/, ''))])),
].sort();
const imports = `import type { ${classes.join(', ')} } from '../dist/npm/index.js';\n`;

/** An attribute as a template writes it: text, or a boolean for boolean attributes; numbers too for numeric ones. */
function attributeType(attribute) {
  const text = attribute.type?.text ?? 'string';
  if (text === 'boolean') return 'boolean';
  if (text === 'number') return 'number | string';
  return 'string';
}

function reactProps(element) {
  const lines = [];
  for (const field of fields(element)) lines.push(`    ${quote(field.name)}?: ${element.name}['${field.name}'];`);
  const fieldNames = new Set(fields(element).map((field) => field.name));
  for (const attribute of element.attributes ?? []) {
    if (attribute.name === attribute.fieldName || fieldNames.has(attribute.name) || ['key', 'lang', 'title'].includes(attribute.name))
      continue;
    lines.push(`    ${quote(attribute.name)}?: ${attributeType(attribute)};`);
  }
  for (const event of events(element))
    lines.push(`    ${quote(`on${event.name}`)}?: (event: ${event.type.text.replace(/<.*$/, '')}) => void;`);
  return lines.join('\n');
}

function vueProps(element) {
  const lines = [];
  const seen = new Set();
  const add = (name, type) => {
    if (seen.has(name)) return;
    seen.add(name);
    lines.push(`    ${quote(name)}?: ${type};`);
  };
  for (const attribute of element.attributes ?? []) {
    const name = attribute.fieldName ?? camel(attribute.name);
    if (name === 'lang' || name === 'key') continue;
    add(
      name,
      attribute.type?.text === 'number'
        ? 'number | string'
        : attribute.fieldName
          ? `${element.name}['${attribute.fieldName}']`
          : attributeType(attribute),
    );
  }
  for (const field of fields(element)) add(field.name, `${element.name}['${field.name}']`);
  for (const event of events(element)) add(`on${camel(`-${event.name}`)}`, `(event: ${event.type.text.replace(/<.*$/, '')}) => void`);
  return lines.join('\n');
}

const react = `${HEADER}// React 19: \`import '@grove/elements/react';\` once (e.g. in a .d.ts of the app) types <grove-*> in TSX.
// Properties take their real types (pageSize={4}, noFacets); events are \`ongrove-load={(event) => …}\`.
${imports}import type { DetailedHTMLProps, HTMLAttributes } from 'react';

type GroveElementProps<E> = DetailedHTMLProps<HTMLAttributes<E>, E>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${elements.map((element) => `      '${element.tagName}': GroveElementProps<${element.name}> & {\n${reactProps(element).replace(/^ {4}/gm, '        ')}\n      };`).join('\n')}
    }
  }
}
`;

const vue = `${HEADER}// Vue 3: \`import '@grove/elements/vue';\` once types <grove-*> in templates (vue-tsc). Tell the compiler
// they are custom elements: \`compilerOptions.isCustomElement: (tag) => tag.startsWith('grove-')\`.
${imports}import type { DefineComponent } from 'vue';

declare module 'vue' {
  interface GlobalComponents {
${elements.map((element) => `    '${element.tagName}': DefineComponent<{\n${vueProps(element).replace(/^ {4}/gm, '      ')}\n    }>;`).join('\n')}
  }
}
`;

const outputs = { 'types/react.d.ts': react, 'types/vue.d.ts': vue };
let drift = false;
for (const [path, content] of Object.entries(outputs)) {
  const file = join(root, path);
  if (process.argv.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(file, 'utf8');
    } catch {
      // missing is drift
    }
    if (committed !== content) drift = true;
  } else writeFileSync(file, content);
}
if (drift) {
  console.error(
    'types/react.d.ts or types/vue.d.ts is out of date with custom-elements.json: run `npm run manifest` and commit the result.',
  );
  process.exitCode = 1;
}
