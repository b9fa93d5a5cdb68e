/** The reports queue's messages, downloaded with the queue by facilitators only. Source of truth for fr, es and ar. */
const en = {
  'reports.title': 'Reports to review in this community',
  'reports.empty': 'No open reports. Nothing needs your attention.',
  'reports.postBy': 'Post by {name}',
  'reports.here': 'in this discussion',
  'reports.in': 'in “{title}”',
  'reports.hidden': 'Hidden',
  'reports.deleted': 'Deleted by its author',
  'reports.reportedBy': 'Reported by {name}',
  'reports.count': '{count, plural, one {# open report on this post} other {# open reports on this post}}',
  'reports.decide': 'Decision on the post by {name}',
  'reports.hide': 'Hide post',
  'reports.dismiss': 'Dismiss report',
  'reports.keepHidden': 'Keep hidden',
  'reports.restore': 'Restore post',
  'reports.close': 'Close report',
  'reports.doneHidden': 'The post is hidden and its reports are closed.',
  'reports.doneRestored': 'The post is visible again and its reports are closed.',
  'reports.doneDismissed': 'Reports dismissed: the post stays as it is.',
  'reports.alreadyResolved': 'Another facilitator has already dealt with this report.',
  'reports.loadMore': 'Load more reports',
  'held.title': 'Posts awaiting approval',
  'held.setting':
    '{count, plural, one {A member’s first post in this community waits for a facilitator.} other {A member’s first # posts in this community wait for a facilitator.}}',
  'held.off': 'Pre-moderation is off: new posts are published at once.',
  'held.empty': 'No post is waiting for approval.',
  'held.decide': 'Decision on the post by {name}',
  'held.approve': 'Approve and publish',
  'held.reject': 'Reject',
  'held.approved': 'The post is published.',
  'held.rejected': 'The post was rejected: only facilitators can see it.',
  'held.alreadyDecided': 'Another facilitator has already decided on this post.',
  'held.loadMore': 'Load more posts awaiting approval',
  'held.formerMember': 'Former member',
} as const;

export default en;
export type ReportMessages = typeof en;
