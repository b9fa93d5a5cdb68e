// `import '@grove/elements/member-directory'` registers <grove-member-directory> (side effect, guarded: a second copy on the page keeps the first).
import { defineElement } from '../registry/define-element.js';
import { GroveMemberDirectory } from '../components/member-directory/member-directory.js';

defineElement('grove-member-directory', GroveMemberDirectory);

export { GroveMemberDirectory };
