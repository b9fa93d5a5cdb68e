// An Angular 21 app as a web team writes it: the per-widget entries imported before bootstrapping,
// CUSTOM_ELEMENTS_SCHEMA for the grove-* tags, property bindings with their real types, (grove-load)
// listeners. Compiled ahead of time by ngc (strict templates), bundled by Vite.
// Angular quirks a host meets: a static `pageKey="…"` is an attribute (lowercased, so not `page-key`):
// write `page-key="…"` or bind `[pageKey]`; and `[readonly]` is mapped to the DOM's `readOnly`
// property, so the thread's `readonly` is written as the plain attribute.
import '@grove/elements/provider';
import '@grove/elements/comment-count';
import '@grove/elements/discussion-thread';
import '@grove/elements/event-calendar';
import '@grove/elements/expert-finder';
import '@grove/elements/member-directory';
import '@grove/elements/participation-badge';
// Angular's npm packages ship partially compiled; without the CLI's linker, the compiler links them at run time.
import '@angular/compiler';
import { CUSTOM_ELEMENTS_SCHEMA, Component, provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';

const params = new URLSearchParams(location.search);
const loads: string[] = [];
Object.assign(window, { hostLoads: loads });

@Component({
  selector: 'app-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <grove-provider [api]="api" lang="en">
      <grove-member-directory community="water" [pageSize]="2" [noFacets]="true" (grove-load)="onLoad($event)"></grove-member-directory>
      <grove-expert-finder community="water" query="drip irrigation" [limit]="3" [noEvidence]="true" (grove-load)="onLoad($event)"></grove-expert-finder>
      <grove-event-calendar community="water" view="agenda" (grove-load)="onLoad($event)"></grove-event-calendar>
      <grove-discussion-thread page-key="intranet:water-help-desk" community="water" thread-title="Water help desk" [pageSize]="5" readonly (grove-load)="onLoad($event)"></grove-discussion-thread>
      <grove-comment-count [pageKey]="pageKey"></grove-comment-count>
      <grove-participation-badge [member]="member" community="water" variant="card" (grove-load)="onLoad($event)"></grove-participation-badge>
    </grove-provider>
  `,
})
class App {
  readonly api = params.get('api') ?? '';
  readonly member = params.get('member') ?? '';
  readonly pageKey = 'intranet:water-help-desk';

  onLoad(event: Event): void {
    loads.push((event.target as Element).localName);
  }
}

bootstrapApplication(App, { providers: [provideZonelessChangeDetection()] }).catch((error: unknown) => console.error(error));
