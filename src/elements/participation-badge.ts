// `import '@grove/elements/participation-badge'` registers <grove-participation-badge> (side effect, guarded: a second copy on the page keeps the first).
import { defineElement } from '../registry/define-element.js';
import { GroveParticipationBadge } from '../components/participation-badge/participation-badge.js';

defineElement('grove-participation-badge', GroveParticipationBadge);

export { GroveParticipationBadge };
