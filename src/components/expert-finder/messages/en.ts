/** Expert finder messages. Source of truth: fr, es and ar are typed against it. */
const en = {
  'experts.label': 'Expert finder',
  'experts.ask': 'Ask a question or name a topic',
  'experts.hint': 'For example: who can help with drip irrigation?',
  'experts.submit': 'Find experts',
  'experts.idle': 'Type a question to see who is best placed to help, and why.',
  'experts.found': '{count, plural, =0 {No experts found} one {# expert found} other {# experts found}}',
  'experts.empty': 'Nobody matches this question yet. Try a broader topic or another word for it.',
  'experts.topics': 'Matched topics: {topics}',
  'experts.why': 'Why {name}',
  'experts.availability.open': 'Open to questions',
  'experts.availability.limited': 'Limited time for questions',
  'experts.speaks': 'Speaks {languages}',
  'experts.localTime': '{time} local time',
  'experts.busy': '{count, plural, one {# contribution} other {# contributions}} in the last 30 days: others may answer sooner',
  'experts.askAction': 'Ask {name}',
  'experts.noContact': 'No contact details shared with you',
  'experts.thisQuestion': 'this question',
  'experts.evidence.accepted-answer': '{count, plural, one {# accepted answer} other {# accepted answers}} on {topic}',
  'experts.evidence.answer': '{count, plural, one {# answer} other {# answers}} on {topic}',
  'experts.evidence.post': '{count, plural, one {# post} other {# posts}} on {topic}',
  'experts.evidence.event-led': 'Led {count, plural, one {# event} other {# events}} on {topic}',
  'experts.evidence.endorsement': 'Endorsed for {topic} {count, plural, one {once} other {# times}}',
  'experts.evidence.declared-skill': 'Declares {topic} as a skill',
  'experts.evidence.profile': 'Profile mentions {topic}',
} as const;

export default en;
export type ExpertMessages = typeof en;
