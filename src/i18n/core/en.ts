/** Messages every widget shares: states, errors, configuration problems. Source of truth. */
const en = {
  'core.loading': 'Loading…',
  'core.stillLoading': 'Still trying: this is taking longer than usual.',
  'core.empty': 'Nothing to show yet.',
  'core.retry': 'Try again',
  'core.notConfigured': 'No Grove server is configured for this widget: add a <grove-provider api=…> or <meta name="grove-api">.',
  'core.invalidAttribute':
    'The attribute {name} has an invalid value “{value}”. {hint, select, oneOf {Possible values: {values}.} example {For example: {example}.} range {Use a whole number from {min} to {max}.} other {}}',
  'core.missingAttribute': 'The attribute {name} is required.',
  'core.notFoundAttribute': 'No “{value}” was found (or it is for members only). Check the {name} attribute.',
  'core.error.offline': 'Could not reach the server. Check your connection and try again.',
  'core.error.timeout': 'The server took too long to answer. Try again.',
  'core.error.unauthorized': 'Your session has expired. Sign in again to continue.',
  'core.error.forbidden': 'You do not have permission to do this.',
  'core.error.not-found': 'This could not be found. It may have been removed.',
  'core.error.conflict': 'Someone changed this in the meantime. Reload and try again.',
  'core.error.invalid': 'Some information is not valid. Check the highlighted fields.',
  'core.error.rate-limited': 'Too many requests. Wait a moment and try again.',
  'core.error.unavailable': 'The server is busy or under maintenance. Try again in a moment.',
  'core.error.server': 'Something went wrong on the server. Try again later.',
  'core.error.not-grove': 'The address in the api attribute does not answer like a Grove server. Check the api attribute.',
  'core.error.unknown': 'Something went wrong. Try again.',
} as const;

export default en;
export type CoreMessages = typeof en;
