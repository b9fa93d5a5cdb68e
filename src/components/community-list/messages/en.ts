/** Community list messages. Source of truth: fr, es and ar are typed against it. */
const en = {
  'list.label': 'Communities',
  'list.subgroups': 'Groups of {name}',
  'list.empty': 'No open groups here yet.',
  'list.state': '{state, select, forming {Forming} active {Active} dormant {Dormant} closed {Closed} other {{state}}}',
  'list.membersOnly': 'Members only',
  'list.members': '{count, plural, one {# member} other {# members}}',
  'list.activity': '{count, plural, =0 {No posts in 30 days} one {# post in 30 days} other {# posts in 30 days}}',
  'list.lastPost': 'Last post {date}',
  'list.facilitators': 'Facilitated by {names}',
  'list.former': 'Former member',
  'list.join': 'Join',
  'list.leave': 'Leave',
  'list.request': 'Request to join',
  'list.accept': 'Accept invitation',
  'list.withdraw': 'Withdraw request',
  'list.pending': 'Request sent',
  'list.joined': 'You joined {name}.',
  'list.left': 'You left {name}.',
  'list.requested': 'Your request to join {name} went to its facilitators.',
  'list.withdrawn': 'You withdrew your request to join {name}.',
  'list.archive': 'Closed groups (archive)',
  'list.archiveEmpty': 'No closed groups.',
  'list.closedOn': 'Closed on {date}: a read-only archive.',
  'list.more': 'Show more',
} as const;

export default en;
export type Messages = typeof en;
