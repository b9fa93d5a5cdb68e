/**
 * The profile view's English, loaded with the profile chunk when a profile first opens (not with the list).
 * Its translations sit in fr.ts, es.ts and ar.ts beside the list's (typed against this), so a translated
 * profile needs no download beyond its chunk. The three lines cards also show are repeated here so the
 * profile renders from one catalogue.
 */
const en = {
  'profile.about': 'About',
  'profile.skills': 'Skills',
  'profile.endorsements': '{count, plural, =0 {no endorsements} one {# endorsement} other {# endorsements}}',
  'profile.level.1': 'basic',
  'profile.level.2': 'working',
  'profile.level.3': 'advanced',
  'profile.level.4': 'expert',
  'profile.interests': 'Wants to learn',
  'profile.communities': 'Communities',
  'profile.contact': 'Contact',
  'profile.noContact': 'This member shares no contact details with you.',
  'profile.contact.email': 'Email {value}',
  'profile.contact.phone': 'Call {value}',
  'profile.contact.website': 'Website',
  'profile.contact.linkedin': 'LinkedIn',
  'profile.contact.chat': 'Chat: {value}',
  'profile.contact.other': '{value}',
  'profile.availability': 'Questions',
  'profile.availability.open': 'Open to questions',
  'profile.availability.limited': 'Limited time for questions',
  'profile.availability.unavailable': 'Not taking questions at the moment',
  'profile.speaks': 'Speaks {languages}',
  'profile.localTime': '{time} local time',
  'profile.facilitator': 'Facilitator',
  'profile.vcard': 'Download contact card (vCard)',
} as const;

export default en;
export type ProfileMessages = typeof en;
