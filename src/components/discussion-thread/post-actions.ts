/**
 * What a signed-in member can do under a post: react, reply, edit, delete, report and, for facilitators,
 * hide, restore and accept (approve and reject a post awaiting approval), with the inline delete confirmation and report form. It comes with the
 * authoring chunk: readers (most viewers of an embedded thread) only see the reaction counts.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../../controllers/localize-controller.js';
import type { AuthoringMessages } from './messages/authoring-en.js';
import { REACTION_KINDS, type Post, type ReactionKind, type Thread } from './types.js';

export type PostAction =
  | { type: 'reply' | 'edit' | 'delete' | 'confirm-delete' | 'cancel' | 'hide' | 'restore' | 'accept' | 'report'; post: Post }
  | { type: 'react'; post: Post; kind: ReactionKind }
  | { type: 'send-report'; post: Post; reason: string };

type ButtonAction = Exclude<PostAction['type'], 'react' | 'send-report'>;

export interface ActionContext {
  thread: Thread | null;
  /** The post whose inline delete confirmation or report form is open. */
  pending: { type: 'confirm-delete' | 'report'; postId: string } | undefined;
  onAction: (action: PostAction) => void;
}

export function renderPostActions(post: Post, t: LocalizeController<AuthoringMessages>, context: ActionContext): TemplateResult {
  const { thread, onAction, pending } = context;
  const isOpen = thread !== null && thread.status !== 'locked';
  const button = (type: ButtonAction, key: keyof AuthoringMessages) =>
    html`<button type="button" part=${`action ${type}-button`} class="link" @click=${() => onAction({ type, post })}>${t.t(key)}</button>`;
  // A held post (pre-moderation) is approved by "restore" and rejected by "hide" on the server.
  const moderation = () =>
    post.held
      ? html`${button('restore', 'thread.approve')} ${button('hide', 'thread.reject')}`
      : post.hidden
        ? button('restore', 'thread.restore')
        : button('hide', 'thread.hide');
  return html`<footer class="post-footer" aria-label=${t.t('thread.actionsFor', { name: post.author.name })} role="group">
    ${post.held ? html`<span part="held" class="tag">${t.t('thread.held')}</span>` : nothing}
    ${REACTION_KINDS.map((kind) => {
      const count = post.reactions[kind] ?? 0;
      const label = t.t(`thread.reaction.${kind}`);
      // One's own post shows its counts: reacting to it would be applauding oneself.
      if (post.viewerCanEdit)
        return count > 0
          ? html`<span class="reaction">${t.t('thread.reactionCount', { label, count: t.formatNumber(count) })}</span>`
          : nothing;
      return html`<button type="button" part="reaction" class="reaction" aria-pressed=${String(post.viewerReactions.includes(kind))}
        @click=${() => onAction({ type: 'react', post, kind })}>${label}${count > 0 ? html` <span class="count">${t.formatNumber(count)}</span>` : nothing}</button>`;
    })}
    ${isOpen && thread.viewer.canPost ? button('reply', 'thread.reply') : nothing}
    ${post.viewerCanEdit && isOpen ? button('edit', 'thread.edit') : nothing}
    ${post.viewerCanEdit || thread?.viewer.canModerate ? button('delete', 'thread.delete') : nothing}
    ${post.viewerCanEdit ? nothing : button('report', 'thread.report')}
    ${thread?.viewer.canModerate ? moderation() : nothing}
    ${thread?.kind === 'question' && thread.viewer.canAccept && !post.accepted && !post.hidden && !post.held ? button('accept', 'thread.accept') : nothing}
    ${pending?.postId === post.id ? renderPending(post, t, onAction, pending.type) : nothing}
  </footer>`;
}

function renderPending(
  post: Post,
  t: LocalizeController<AuthoringMessages>,
  onAction: ActionContext['onAction'],
  type: 'confirm-delete' | 'report',
): TemplateResult {
  const cancel = html`<button type="button" class="secondary" @click=${() => onAction({ type: 'cancel', post })}>
    ${t.t('thread.composer.cancel')}
  </button>`;
  if (type === 'confirm-delete') {
    return html`<div class="inline-form" role="alert">
      <span>${t.t('thread.confirmDelete')}</span>
      <button type="button" part="confirm-button" class="grove-button danger" @click=${() => onAction({ type: 'confirm-delete', post })}>
        ${t.t('thread.delete')}
      </button>
      ${cancel}
    </div>`;
  }
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const reason = new FormData(event.target as HTMLFormElement).get('reason');
    if (typeof reason === 'string' && reason.trim().length >= 3) onAction({ type: 'send-report', post, reason: reason.trim() });
  };
  return html`<form class="inline-form" @submit=${submit}>
    <label>${t.t('thread.reportReason')} <input name="reason" required minlength="3" maxlength="1000" autocomplete="off" /></label>
    <button part="confirm-button" class="grove-button">${t.t('thread.report')}</button>
    ${cancel}
  </form>`;
}
