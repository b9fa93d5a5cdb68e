/** The facilitators' action list messages, downloaded with the list by facilitators only. Source of truth for fr, es and ar. */
const en = {
  'actions.title': 'What needs you',
  'actions.allClear': 'Nothing needs your attention right now.',
  'actions.questions': '{count, plural, one {# unanswered question} other {# unanswered questions}}',
  'actions.newcomers': '{count, plural, one {# newcomer not welcomed yet} other {# newcomers not welcomed yet}}',
  'actions.quiet': '{count, plural, one {# member went quiet} other {# members went quiet}}',
  'actions.reports': '{count, plural, one {# open report} other {# open reports}}',
  'actions.hostless': '{count, plural, one {# event without a host} other {# events without a host}}',
  'actions.askedBy': 'asked {time} by {name}',
  'actions.asked': 'asked {time}',
  'actions.joined': 'joined {time}',
  'actions.lastActive': 'last active {time}, {count, plural, one {# contribution before} other {# contributions before}}',
  'actions.reported': 'reported {time}: “{reason}”',
  'actions.starts': 'starts {date}',
  'actions.welcome': 'Welcome',
  'actions.welcomeName': 'Welcome {name}',
  'actions.welcomed': 'Welcomed',
  'actions.welcomedName': '{name} is marked as welcomed.',
  'actions.formerMember': 'Former member',
} as const;

export default en;
export type ActionMessages = typeof en;
