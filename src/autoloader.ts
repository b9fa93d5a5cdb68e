import { elementLoaders, loadElement } from './define.js';

/**
 * The one `<script type="module" src=".../autoloader.js">` a site adds. Registers only the `grove-*`
 * tags present on the page, and ones added later, importing each widget's code on first sight.
 *
 * Widgets rendered inside another component's open shadow root are invisible to a document observer:
 * call `observe(shadowRoot)` for those (`import { observe } from '.../autoloader.js'`).
 */
const OBSERVED = Symbol.for('grove.autoloader.observed');
type Observable = (Document | ShadowRoot | Element) & { [OBSERVED]?: true };

export function observe(root: Document | ShadowRoot | Element): void {
  const target = root as Observable;
  // Twice-loaded autoloaders (two copies of the library) share the mark and observe once.
  if (target[OBSERVED]) return;
  target[OBSERVED] = true;
  discover(root);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element) discover(node);
      }
    }
  }).observe(root, { childList: true, subtree: true });
}

function discover(root: ParentNode): void {
  if (root instanceof Element) consider(root);
  // Only undefined elements can need us; this keeps scans cheap on large pages.
  for (const element of root.querySelectorAll(':not(:defined)')) consider(element);
}

function consider(element: Element): void {
  const tag = element.localName;
  if (tag.startsWith('grove-') && tag in elementLoaders && !customElements.get(tag)) {
    loadElement(tag).catch((error: unknown) => {
      console.error(`Grove: could not load <${tag}>`, error);
    });
  }
}

observe(document);
