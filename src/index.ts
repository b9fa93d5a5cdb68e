// Public entry of the npm package: classes, events, types and `configure`. No side effects: nothing is
// registered until you import a per-widget entry (`@grove/elements/member-directory`), call
// `defineElement` / `defineAll`, or load the autoloader. test/public-api.test.ts keeps this file complete:
// every element and every event class of the manifest is exported here.
export type {
  GroveClient,
  Query,
  QueryValue,
  ReadOptions,
  SendOptions,
  StreamMessage,
  StreamOptions,
  TextOptions,
  WithEtag,
  WriteMethod,
} from './api/client.js';
export { buildUrl, newIdempotencyKey } from './api/client.js';
export { createHttpClient, type HttpClientOptions } from './api/http-client.js';
export { GroveApiError, toGroveError, type FieldError, type GroveErrorKind, type ProblemDetails } from './api/problem.js';
export { ResponseCache } from './api/response-cache.js';

export { groveConfigContext, type GroveConfig, type GroveContextValue, type Theme, type TokenProvider } from './context/config-context.js';
export { GroveProvider } from './context/grove-provider.js';
export { configure } from './context/page-config.js';

export { ConfigController } from './controllers/config-controller.js';
export { LoadController, type LoadConfig } from './controllers/load-controller.js';
export { LocalizeController, type WidgetMessages } from './controllers/localize-controller.js';
export { VisibilityController } from './controllers/visibility-controller.js';

export { GroveErrorEvent } from './events/grove-error-event.js';
export { GroveLoadEvent } from './events/grove-load-event.js';
export { GroveModerateEvent, type ModerationAction } from './events/grove-moderate-event.js';
export { GroveNavigateEvent, type NavigateDetail } from './events/grove-navigate-event.js';
export { GrovePostEvent, type PostChange } from './events/grove-post-event.js';
export { GroveRsvpEvent, type RsvpDetail } from './events/grove-rsvp-event.js';
export { GroveSearchEvent } from './events/grove-search-event.js';
export { GroveProfileChangeEvent } from './events/grove-profile-change-event.js';
export { GroveSelectEvent } from './events/grove-select-event.js';

export { GroveMemberDirectory } from './components/member-directory/member-directory.js';
export type {
  BadgeRenderer,
  ContactChannel,
  FacetValue,
  MemberFacets,
  MemberPage,
  MemberProfile,
  MemberSummary,
  ProfileSkill,
} from './components/member-directory/types.js';

export { GroveDiscussionThread } from './components/discussion-thread/discussion-thread.js';
export { GroveCommentCount } from './components/comment-count/comment-count.js';
export type { NewPost, Post, PostAuthor, PostPage, ReactionKind, Thread } from './components/discussion-thread/types.js';

export { GroveEventCalendar } from './components/event-calendar/event-calendar.js';
export type {
  CalendarView,
  EventKind,
  EventMode,
  EventOccurrence,
  OccurrencePage,
  Rsvp,
  RsvpStatus,
} from './components/event-calendar/types.js';

export { GroveExpertFinder } from './components/expert-finder/expert-finder.js';
export type { Expert, ExpertEvidence, ExpertEvidenceItem, ExpertPage, ExpertTopic } from './components/expert-finder/types.js';

export { GroveParticipationBadge } from './components/participation-badge/participation-badge.js';
export type { Achievement, CommunityParticipation, Level, LevelShare, MemberBadge } from './components/participation-badge/types.js';

export { GroveCommunityList } from './components/community-list/community-list.js';
export type { Community, CommunityPage } from './components/community-list/api.js';

export type { Catalogue, CatalogueOf, MessageParams, SupportedLanguage } from './i18n/types.js';

export { defineAll, elementLoaders, loadElement } from './define.js';
export { defineElement } from './registry/define-element.js';
