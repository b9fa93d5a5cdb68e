// `import '@grove/elements/comment-count'` registers <grove-comment-count> (side effect, guarded: a second copy on the page keeps the first).
import { defineElement } from '../registry/define-element.js';
import { GroveCommentCount } from '../components/comment-count/comment-count.js';

defineElement('grove-comment-count', GroveCommentCount);

export { GroveCommentCount };
