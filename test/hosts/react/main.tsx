// A React 19 app as a web team writes it: the per-widget entries (which register their tags) imported
// before the first render, properties with their real types, listeners as `ongrove-*` props.
import '@grove/elements/provider';
import '@grove/elements/comment-count';
import '@grove/elements/discussion-thread';
import '@grove/elements/event-calendar';
import '@grove/elements/expert-finder';
import '@grove/elements/member-directory';
import '@grove/elements/participation-badge';
import type {} from '@grove/elements/react';
import type { GroveLoadEvent } from '@grove/elements';
import { createRoot } from 'react-dom/client';

const params = new URLSearchParams(location.search);
const api = params.get('api') ?? '';
const member = params.get('member') ?? '';
const loads: string[] = [];
Object.assign(window, { hostLoads: loads });
const onLoad = (event: GroveLoadEvent): void => {
  loads.push((event.target as Element).localName);
};

function App() {
  return (
    <grove-provider api={api} lang="en">
      <grove-member-directory community="water" pageSize={2} noFacets ongrove-load={onLoad}></grove-member-directory>
      <grove-expert-finder community="water" query="drip irrigation" limit={3} noEvidence ongrove-load={onLoad}></grove-expert-finder>
      <grove-event-calendar community="water" view="agenda" ongrove-load={onLoad}></grove-event-calendar>
      <grove-discussion-thread
        pageKey="intranet:water-help-desk"
        community="water"
        threadTitle="Water help desk"
        pageSize={5}
        readonly
        ongrove-load={onLoad}
      ></grove-discussion-thread>
      <grove-comment-count pageKey="intranet:water-help-desk"></grove-comment-count>
      <grove-participation-badge member={member} community="water" variant="card" ongrove-load={onLoad}></grove-participation-badge>
    </grove-provider>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
