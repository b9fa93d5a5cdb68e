/** Comment count messages. Source of truth: fr, es and ar are typed against it. */
const en = {
  'count.label': '{count, plural, =0 {No comments} one {# comment} other {# comments}}',
} as const;

export default en;
export type CountMessages = typeof en;
