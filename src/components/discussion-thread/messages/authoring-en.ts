/**
 * The English of the composer, the outbox and the post actions, loaded with the authoring chunk (signed-in members only), so
 * readers do not download it. Its translations sit in fr.ts, es.ts and ar.ts beside the thread's (typed
 * against this), so a signed-in member's language needs no second download. The reaction labels,
 * `thread.composer.cancel` and `thread.error.invalidText` are repeated from the thread's English, which
 * also shows them.
 */
const en = {
  'thread.follow': 'Follow by e-mail',
  'thread.following': 'Following by e-mail',
  'thread.followHint': 'Get every new post of this discussion by e-mail; press again to stop',
  'thread.followed': 'You will get new posts of this discussion by e-mail.',
  'thread.unfollowed': 'You will no longer get new posts of this discussion by e-mail.',
  'thread.reaction.helpful': 'Helpful',
  'thread.reaction.thanks': 'Thanks',
  'thread.reaction.agree': 'Agree',
  'thread.reaction.insightful': 'Insightful',
  'thread.reactionCount': '{label}: {count}',
  'thread.reply': 'Reply',
  'thread.edit': 'Edit',
  'thread.delete': 'Delete',
  'thread.confirmDelete': 'Delete this post? This cannot be undone.',
  'thread.report': 'Report',
  'thread.reportReason': 'Why should a facilitator look at this post?',
  'thread.hide': 'Hide',
  'thread.restore': 'Restore',
  'thread.held': 'Awaiting approval',
  'thread.approve': 'Approve',
  'thread.reject': 'Reject',
  'thread.accept': 'Accept as answer',
  'thread.actionsFor': 'Actions for the post by {name}',
  'thread.composer.label': 'Your post',
  'thread.composer.replyLabel': 'Your reply to {name}',
  'thread.composer.hint': 'Markdown is supported. Press Ctrl+Enter to send.',
  'thread.composer.write': 'Write',
  'thread.composer.preview': 'Preview',
  'thread.composer.previewEmpty': 'Nothing to preview.',
  'thread.composer.language': 'Language of the post',
  'thread.composer.send': 'Post',
  'thread.composer.save': 'Save changes',
  'thread.composer.cancel': 'Cancel',
  'thread.composer.cancelReply': 'Cancel reply',
  'thread.composer.remaining': '{count, plural, one {# character left} other {# characters left}}',
  'thread.composer.over': '{count, plural, one {# character too many} other {# characters too many}}',
  'thread.composer.draftRestored': 'Your unsent draft was restored.',
  'thread.outbox.queued': 'Waiting to send…',
  'thread.outbox.sending': 'Sending…',
  'thread.outbox.failed-will-retry': 'Not sent yet. Retrying automatically…',
  'thread.outbox.queued-offline': 'You are offline. Your post will be sent when the connection is back.',
  'thread.outbox.rejected': 'Not sent: {reason}',
  'thread.outbox.sent': 'Sent.',
  'thread.outbox.retryNow': 'Send now',
  'thread.outbox.edit': 'Edit and resend',
  'thread.error.invalidText': 'The server did not accept this text. It may contain an invisible control character: edit it and try again.',
} as const;

export default en;
export type AuthoringMessages = typeof en;
