// Generated from custom-elements.json by scripts/framework-types.mjs (npm run manifest). Do not edit.
// React 19: `import '@grove/elements/react';` once (e.g. in a .d.ts of the app) types <grove-*> in TSX.
// Properties take their real types (pageSize={4}, noFacets); events are `ongrove-load={(event) => …}`.
import type { GroveCommentCount, GroveCommunityList, GroveDiscussionThread, GroveErrorEvent, GroveEventCalendar, GroveExpertFinder, GroveLoadEvent, GroveMemberDirectory, GroveModerateEvent, GroveNavigateEvent, GroveParticipationBadge, GrovePostEvent, GroveProfileChangeEvent, GroveProvider, GroveRsvpEvent, GroveSearchEvent, GroveSelectEvent } from '../dist/npm/index.js';
import type { DetailedHTMLProps, HTMLAttributes } from 'react';

type GroveElementProps<E> = DetailedHTMLProps<HTMLAttributes<E>, E>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'grove-comment-count': GroveElementProps<GroveCommentCount> & {
        pageKey?: GroveCommentCount['pageKey'];
        community?: GroveCommentCount['community'];
        'page-key'?: string;
        api?: string;
        theme?: string;
        'ongrove-load'?: (event: GroveLoadEvent) => void;
        'ongrove-error'?: (event: GroveErrorEvent) => void;
      };
      'grove-community-list': GroveElementProps<GroveCommunityList> & {
        community?: GroveCommunityList['community'];
        api?: string;
        theme?: string;
        'ongrove-load'?: (event: GroveLoadEvent) => void;
        'ongrove-profile-change'?: (event: GroveProfileChangeEvent) => void;
        'ongrove-error'?: (event: GroveErrorEvent) => void;
      };
      'grove-discussion-thread': GroveElementProps<GroveDiscussionThread> & {
        thread?: GroveDiscussionThread['thread'];
        pageKey?: GroveDiscussionThread['pageKey'];
        threadTitle?: GroveDiscussionThread['threadTitle'];
        community?: GroveDiscussionThread['community'];
        order?: GroveDiscussionThread['order'];
        pageSize?: GroveDiscussionThread['pageSize'];
        readonly?: GroveDiscussionThread['readonly'];
        profileUrl?: GroveDiscussionThread['profileUrl'];
        badges?: GroveDiscussionThread['badges'];
        'page-key'?: string;
        'thread-title'?: string;
        'page-size'?: number | string;
        'profile-url'?: string;
        api?: string;
        theme?: string;
        'ongrove-post'?: (event: GrovePostEvent) => void;
        'ongrove-moderate'?: (event: GroveModerateEvent) => void;
        'ongrove-load'?: (event: GroveLoadEvent) => void;
        'ongrove-error'?: (event: GroveErrorEvent) => void;
      };
      'grove-event-calendar': GroveElementProps<GroveEventCalendar> & {
        view?: GroveEventCalendar['view'];
        community?: GroveEventCalendar['community'];
        timeZone?: GroveEventCalendar['timeZone'];
        date?: GroveEventCalendar['date'];
        kinds?: GroveEventCalendar['kinds'];
        'time-zone'?: string;
        api?: string;
        theme?: string;
        'ongrove-select'?: (event: GroveSelectEvent) => void;
        'ongrove-rsvp'?: (event: GroveRsvpEvent) => void;
        'ongrove-navigate'?: (event: GroveNavigateEvent) => void;
        'ongrove-load'?: (event: GroveLoadEvent) => void;
        'ongrove-error'?: (event: GroveErrorEvent) => void;
      };
      'grove-expert-finder': GroveElementProps<GroveExpertFinder> & {
        community?: GroveExpertFinder['community'];
        query?: GroveExpertFinder['query'];
        limit?: GroveExpertFinder['limit'];
        noEvidence?: GroveExpertFinder['noEvidence'];
        askUrl?: GroveExpertFinder['askUrl'];
        threadUrl?: GroveExpertFinder['threadUrl'];
        eventUrl?: GroveExpertFinder['eventUrl'];
        profileUrl?: GroveExpertFinder['profileUrl'];
        badges?: GroveExpertFinder['badges'];
        'no-evidence'?: boolean;
        'ask-url'?: string;
        'thread-url'?: string;
        'event-url'?: string;
        'profile-url'?: string;
        api?: string;
        theme?: string;
        'ongrove-search'?: (event: GroveSearchEvent) => void;
        'ongrove-select'?: (event: GroveSelectEvent) => void;
        'ongrove-load'?: (event: GroveLoadEvent) => void;
        'ongrove-error'?: (event: GroveErrorEvent) => void;
      };
      'grove-member-directory': GroveElementProps<GroveMemberDirectory> & {
        community?: GroveMemberDirectory['community'];
        query?: GroveMemberDirectory['query'];
        skill?: GroveMemberDirectory['skill'];
        country?: GroveMemberDirectory['country'];
        language?: GroveMemberDirectory['language'];
        organisation?: GroveMemberDirectory['organisation'];
        memberRole?: GroveMemberDirectory['memberRole'];
        sort?: GroveMemberDirectory['sort'];
        pageSize?: GroveMemberDirectory['pageSize'];
        view?: GroveMemberDirectory['view'];
        noSearch?: GroveMemberDirectory['noSearch'];
        noFacets?: GroveMemberDirectory['noFacets'];
        badges?: GroveMemberDirectory['badges'];
        renderBadge?: GroveMemberDirectory['renderBadge'];
        'member-role'?: string;
        'page-size'?: number | string;
        'no-search'?: boolean;
        'no-facets'?: boolean;
        api?: string;
        theme?: string;
        'ongrove-search'?: (event: GroveSearchEvent) => void;
        'ongrove-select'?: (event: GroveSelectEvent) => void;
        'ongrove-load'?: (event: GroveLoadEvent) => void;
        'ongrove-profile-change'?: (event: GroveProfileChangeEvent) => void;
        'ongrove-error'?: (event: GroveErrorEvent) => void;
      };
      'grove-participation-badge': GroveElementProps<GroveParticipationBadge> & {
        member?: GroveParticipationBadge['member'];
        community?: GroveParticipationBadge['community'];
        variant?: GroveParticipationBadge['variant'];
        profileUrl?: GroveParticipationBadge['profileUrl'];
        eventUrl?: GroveParticipationBadge['eventUrl'];
        'profile-url'?: string;
        'event-url'?: string;
        api?: string;
        theme?: string;
        'ongrove-select'?: (event: GroveSelectEvent) => void;
        'ongrove-load'?: (event: GroveLoadEvent) => void;
        'ongrove-error'?: (event: GroveErrorEvent) => void;
      };
      'grove-provider': GroveElementProps<GroveProvider> & {
        api?: GroveProvider['api'];
        lang?: GroveProvider['lang'];
        theme?: GroveProvider['theme'];
        token?: GroveProvider['token'];
        tokenProvider?: GroveProvider['tokenProvider'];
        client?: GroveProvider['client'];
      };
    }
  }
}
