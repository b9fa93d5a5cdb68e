// `import '@grove/elements/provider'` registers <grove-provider> (side effect, guarded: a second copy on the page keeps the first).
import { defineElement } from '../registry/define-element.js';
import { GroveProvider } from '../context/grove-provider.js';

defineElement('grove-provider', GroveProvider);

export { GroveProvider };
