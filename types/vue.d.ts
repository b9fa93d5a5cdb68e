// Generated from custom-elements.json by scripts/framework-types.mjs (npm run manifest). Do not edit.
// Vue 3: `import '@grove/elements/vue';` once types <grove-*> in templates (vue-tsc). Tell the compiler
// they are custom elements: `compilerOptions.isCustomElement: (tag) => tag.startsWith('grove-')`.
import type { GroveCommentCount, GroveCommunityList, GroveDiscussionThread, GroveErrorEvent, GroveEventCalendar, GroveExpertFinder, GroveLoadEvent, GroveMemberDirectory, GroveModerateEvent, GroveNavigateEvent, GroveParticipationBadge, GrovePostEvent, GroveProfileChangeEvent, GroveProvider, GroveRsvpEvent, GroveSearchEvent, GroveSelectEvent } from '../dist/npm/index.js';
import type { DefineComponent } from 'vue';

declare module 'vue' {
  interface GlobalComponents {
    'grove-comment-count': DefineComponent<{
      pageKey?: GroveCommentCount['pageKey'];
      community?: GroveCommentCount['community'];
      api?: string;
      theme?: string;
      onGroveLoad?: (event: GroveLoadEvent) => void;
      onGroveError?: (event: GroveErrorEvent) => void;
    }>;
    'grove-community-list': DefineComponent<{
      community?: GroveCommunityList['community'];
      api?: string;
      theme?: string;
      onGroveLoad?: (event: GroveLoadEvent) => void;
      onGroveProfileChange?: (event: GroveProfileChangeEvent) => void;
      onGroveError?: (event: GroveErrorEvent) => void;
    }>;
    'grove-discussion-thread': DefineComponent<{
      thread?: GroveDiscussionThread['thread'];
      pageKey?: GroveDiscussionThread['pageKey'];
      threadTitle?: GroveDiscussionThread['threadTitle'];
      community?: GroveDiscussionThread['community'];
      order?: GroveDiscussionThread['order'];
      pageSize?: number | string;
      readonly?: GroveDiscussionThread['readonly'];
      profileUrl?: GroveDiscussionThread['profileUrl'];
      badges?: GroveDiscussionThread['badges'];
      api?: string;
      theme?: string;
      onGrovePost?: (event: GrovePostEvent) => void;
      onGroveModerate?: (event: GroveModerateEvent) => void;
      onGroveLoad?: (event: GroveLoadEvent) => void;
      onGroveError?: (event: GroveErrorEvent) => void;
    }>;
    'grove-event-calendar': DefineComponent<{
      view?: GroveEventCalendar['view'];
      community?: GroveEventCalendar['community'];
      timeZone?: GroveEventCalendar['timeZone'];
      date?: GroveEventCalendar['date'];
      kinds?: GroveEventCalendar['kinds'];
      api?: string;
      theme?: string;
      onGroveSelect?: (event: GroveSelectEvent) => void;
      onGroveRsvp?: (event: GroveRsvpEvent) => void;
      onGroveNavigate?: (event: GroveNavigateEvent) => void;
      onGroveLoad?: (event: GroveLoadEvent) => void;
      onGroveError?: (event: GroveErrorEvent) => void;
    }>;
    'grove-expert-finder': DefineComponent<{
      community?: GroveExpertFinder['community'];
      query?: GroveExpertFinder['query'];
      limit?: number | string;
      noEvidence?: GroveExpertFinder['noEvidence'];
      askUrl?: GroveExpertFinder['askUrl'];
      threadUrl?: GroveExpertFinder['threadUrl'];
      eventUrl?: GroveExpertFinder['eventUrl'];
      profileUrl?: GroveExpertFinder['profileUrl'];
      badges?: GroveExpertFinder['badges'];
      api?: string;
      theme?: string;
      onGroveSearch?: (event: GroveSearchEvent) => void;
      onGroveSelect?: (event: GroveSelectEvent) => void;
      onGroveLoad?: (event: GroveLoadEvent) => void;
      onGroveError?: (event: GroveErrorEvent) => void;
    }>;
    'grove-member-directory': DefineComponent<{
      community?: GroveMemberDirectory['community'];
      query?: GroveMemberDirectory['query'];
      skill?: GroveMemberDirectory['skill'];
      country?: GroveMemberDirectory['country'];
      language?: GroveMemberDirectory['language'];
      organisation?: GroveMemberDirectory['organisation'];
      memberRole?: GroveMemberDirectory['memberRole'];
      sort?: GroveMemberDirectory['sort'];
      pageSize?: number | string;
      view?: GroveMemberDirectory['view'];
      noSearch?: GroveMemberDirectory['noSearch'];
      noFacets?: GroveMemberDirectory['noFacets'];
      badges?: GroveMemberDirectory['badges'];
      api?: string;
      theme?: string;
      renderBadge?: GroveMemberDirectory['renderBadge'];
      onGroveSearch?: (event: GroveSearchEvent) => void;
      onGroveSelect?: (event: GroveSelectEvent) => void;
      onGroveLoad?: (event: GroveLoadEvent) => void;
      onGroveProfileChange?: (event: GroveProfileChangeEvent) => void;
      onGroveError?: (event: GroveErrorEvent) => void;
    }>;
    'grove-participation-badge': DefineComponent<{
      member?: GroveParticipationBadge['member'];
      community?: GroveParticipationBadge['community'];
      variant?: GroveParticipationBadge['variant'];
      profileUrl?: GroveParticipationBadge['profileUrl'];
      eventUrl?: GroveParticipationBadge['eventUrl'];
      api?: string;
      theme?: string;
      onGroveSelect?: (event: GroveSelectEvent) => void;
      onGroveLoad?: (event: GroveLoadEvent) => void;
      onGroveError?: (event: GroveErrorEvent) => void;
    }>;
    'grove-provider': DefineComponent<{
      api?: GroveProvider['api'];
      theme?: GroveProvider['theme'];
      lang?: GroveProvider['lang'];
      token?: GroveProvider['token'];
      tokenProvider?: GroveProvider['tokenProvider'];
      client?: GroveProvider['client'];
    }>;
  }
}
