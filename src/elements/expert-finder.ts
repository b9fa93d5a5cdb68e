// `import '@grove/elements/expert-finder'` registers <grove-expert-finder> (side effect, guarded: a second copy on the page keeps the first).
import { defineElement } from '../registry/define-element.js';
import { GroveExpertFinder } from '../components/expert-finder/expert-finder.js';

defineElement('grove-expert-finder', GroveExpertFinder);

export { GroveExpertFinder };
