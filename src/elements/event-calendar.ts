// `import '@grove/elements/event-calendar'` registers <grove-event-calendar> (side effect, guarded: a second copy on the page keeps the first).
import { defineElement } from '../registry/define-element.js';
import { GroveEventCalendar } from '../components/event-calendar/event-calendar.js';

defineElement('grove-event-calendar', GroveEventCalendar);

export { GroveEventCalendar };
