// What "a widget shows data" means to the smoke test, in two halves: a probe that runs in the page
// before any script (it records events and CSP violations from the very start), and the Node-side
// judgement of its report.

/**
 * Installed with page.addInitScript. A widget has data once it has fired `grove-load`; the comment
 * count fires none (it is inline text), so for it the rendered count is the data.
 */
export function WIDGET_STATE_PROBE() {
  const loaded = new WeakSet();
  const violations = [];
  document.addEventListener('securitypolicyviolation', (event) =>
    violations.push({ directive: event.violatedDirective, blocked: event.blockedURI, source: `${event.sourceFile}:${event.lineNumber}` }),
  );
  document.addEventListener('grove-load', (event) => loaded.add(event.composedPath()[0]), { capture: true });
  const widgets = () =>
    [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('grove-') && el.localName !== 'grove-provider');
  const describe = (el) => {
    const shadow = el.shadowRoot;
    return {
      tag: el.localName,
      attributes: Object.fromEntries([...el.attributes].map((attribute) => [attribute.name, attribute.value])),
      defined: customElements.get(el.localName) !== undefined,
      hasData: loaded.has(el) || (el.localName === 'grove-comment-count' && shadow?.querySelector('[part~="count"]') != null),
      busy: shadow?.querySelector('[aria-busy="true"]') != null,
      alert: shadow?.querySelector('[role="alert"]')?.textContent?.trim().replace(/\s+/g, ' ') ?? null,
    };
  };
  window.__groveSmoke = {
    violations,
    report: () => widgets().map(describe),
    // Settled: every widget either shows data or has given up with an alert. Widgets below the fold
    // load when the reader gets near them, so the first one still waiting is scrolled into view, as a
    // reader scrolling down the page would.
    settled: () => {
      const waiting = widgets().find((el) => {
        const state = describe(el);
        return !state.hasData && state.alert === null;
      });
      waiting?.scrollIntoView({ block: 'center' });
      return waiting === undefined;
    },
  };
}

/**
 * @typedef {{ tag: string, attributes: Record<string, string>, defined: boolean, hasData: boolean, busy: boolean, alert: string | null }} WidgetState
 * @typedef {{ tag: string, attribute: string, value: string }} ExpectedAlert a widget the page breaks on purpose
 */

/**
 * @param {WidgetState[]} widgets
 * @param {string[]} expectedTags tags the page must contain
 * @param {ExpectedAlert[]} [expectedAlerts] widgets that must show an alert naming their bad attribute value
 * @returns {string[]}
 */
export function widgetProblems(widgets, expectedTags, expectedAlerts = []) {
  const problems = [];
  for (const tag of expectedTags) if (!widgets.some((w) => w.tag === tag)) problems.push(`<${tag}> is not on the page`);
  const expectation = (/** @type {WidgetState} */ w) =>
    expectedAlerts.find((e) => e.tag === w.tag && w.attributes[e.attribute] === e.value);
  for (const w of widgets) {
    const expected = expectation(w);
    if (!w.defined) problems.push(`<${w.tag}> was never registered`);
    else if (expected) {
      if (!w.alert?.includes(expected.value))
        problems.push(
          `<${w.tag}> should explain its invalid ${expected.attribute} "${expected.value}" but shows ${w.alert ? `"${w.alert}"` : 'no alert'}`,
        );
    } else if (w.alert !== null) problems.push(`<${w.tag}> shows an error: "${w.alert}"`);
    else if (!w.hasData) problems.push(`<${w.tag}> shows no data${w.busy ? ' (still loading)' : ''}`);
  }
  return problems;
}
