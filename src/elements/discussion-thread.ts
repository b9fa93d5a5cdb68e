// `import '@grove/elements/discussion-thread'` registers <grove-discussion-thread> (side effect, guarded: a second copy on the page keeps the first).
import { defineElement } from '../registry/define-element.js';
import { GroveDiscussionThread } from '../components/discussion-thread/discussion-thread.js';

defineElement('grove-discussion-thread', GroveDiscussionThread);

export { GroveDiscussionThread };
