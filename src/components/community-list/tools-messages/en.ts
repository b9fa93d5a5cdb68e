/** The facilitators' tools in the community list. Source of truth: fr, es and ar are typed against it. */
const en = {
  'tools.label': 'Facilitator tools for {name}',
  'tools.create': 'New sub-group',
  'tools.name': 'Name',
  'tools.slug': 'Address',
  'tools.slugHint': 'Lowercase letters, digits and hyphens, e.g. water-quality. Left empty, it is made from the name.',
  'tools.purpose': 'Purpose',
  'tools.visibility': 'Who can read it',
  'tools.public': 'Everyone',
  'tools.members': 'Members only',
  'tools.submit': 'Open the sub-group',
  'tools.cancel': 'Cancel',
  'tools.nameError': 'Give the group a name.',
  'tools.slugError': 'Use lowercase letters, digits and hyphens, starting with a letter or a digit.',
  'tools.slugTaken': 'This address is taken: choose another.',
  'tools.created': '{name} is open, and you are its facilitator.',
  'tools.newState': 'State',
  'tools.apply': 'Change state',
  'tools.changed': '{name} is now: {state}.',
  'tools.close': 'Close…',
  'tools.closeTitle': 'Close {name}?',
  'tools.closeText': 'It becomes a read-only archive that stays findable under closed groups. Its members who are not yet members of the mother community become members of it.',
  'tools.closeTop': 'It becomes a read-only archive that stays findable under closed groups.',
  'tools.confirmClose': 'Close the group',
  'tools.closed':
    '{name} is closed. {count, plural, =0 {Its members were already in the mother community.} one {# member joined the mother community.} other {# members joined the mother community.}}',
  'tools.requests': '{count, plural, one {# request to join} other {# requests to join}}',
  'tools.noRequests': 'No requests waiting.',
  'tools.approve': 'Approve',
  'tools.decline': 'Decline',
  'tools.approved': '{name} is now a member.',
  'tools.declined': 'You declined the request from {name}.',
  'tools.former': 'Former member',
} as const;

export default en;
export type ToolMessages = typeof en;
