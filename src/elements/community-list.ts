// `import '@grove/elements/community-list'` registers <grove-community-list> (side effect, guarded: a second copy on the page keeps the first).
import { defineElement } from '../registry/define-element.js';
import { GroveCommunityList } from '../components/community-list/community-list.js';

defineElement('grove-community-list', GroveCommunityList);

export { GroveCommunityList };
