/**
 * One post as a template. Every field except `bodyHtml` goes through Lit bindings (escaped text and
 * attributes); `bodyHtml`, sanitised on the server, enters only through `postHtml`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { formatRelativeTime } from './relative-time.js';
import type { LocalizeController } from '../../controllers/localize-controller.js';
import type { ThreadMessages } from './messages/en.js';
import { postHtml } from './trusted-html.js';
import { REACTION_KINDS, type Post, type ReactionKind, type Thread } from './types.js';

export type PostAction =
  | { type: 'reply' | 'edit' | 'delete' | 'confirm-delete' | 'cancel' | 'hide' | 'restore' | 'accept' | 'report'; post: Post }
  | { type: 'react'; post: Post; kind: ReactionKind }
  | { type: 'send-report'; post: Post; reason: string };

export interface PostContext {
  t: LocalizeController<ThreadMessages>;
  thread: Thread | null;
  signedIn: boolean;
  now: Date;
  /** The directory profile link for a member, or undefined when none is configured. */
  profileUrl: (memberId: string) => string | undefined;
  /** The inline participation badge for an author, or nothing (the `badges` attribute is off). */
  badge: (memberId: string) => unknown;
  /** The post whose inline delete confirmation or report form is open. */
  pending: { type: 'confirm-delete' | 'report'; postId: string } | undefined;
  onAction: (action: PostAction) => void;
}

export function renderPost(post: Post, context: PostContext, isNested: boolean): TemplateResult {
  const { t } = context;
  const absolute = t.formatDate(post.createdAt, { dateStyle: 'long', timeStyle: 'short' });
  const profile = context.profileUrl(post.author.id);
  const classes = { post: true, nested: isNested, accepted: post.accepted, hidden: post.hidden, deleted: post.deleted };
  return html`<article part="post${post.accepted ? ' accepted-post' : ''}" class=${classMap(classes)} id=${`post-${post.id}`}
    aria-labelledby=${`author-${post.id}`}>
    <header class="post-header">
      ${profile
        ? html`<a part="author" id=${`author-${post.id}`} class="author" href=${profile}>${post.author.name}</a>`
        : html`<span part="author" id=${`author-${post.id}`} class="author">${post.author.name}</span>`}
      ${post.author.role === 'facilitator' ? html`<span part="role" class="tag">${t.t('thread.role.facilitator')}</span>` : nothing}
      ${post.author.expert
        ? html`<span part="expert-mark" class="tag expert-mark" title=${t.t('thread.expertAnswer')}>${t.t('thread.expert')}</span>`
        : nothing}
      <slot name=${`badge-${post.author.id}`}>${context.badge(post.author.id)}</slot>
      <time part="time" datetime=${post.createdAt} title=${absolute}>${formatRelativeTime(t.locale, post.createdAt, context.now)}</time>
      ${post.editedAt
        ? html`<span class="muted" title=${t.t('thread.editedAt', { time: t.formatDate(post.editedAt, { dateStyle: 'long', timeStyle: 'short' }) })}
            >${t.t('thread.edited')}</span>`
        : nothing}
      ${post.accepted ? html`<span part="accepted-mark" class="tag accepted-mark">${t.t('thread.acceptedAnswer')}</span>` : nothing}
    </header>
    ${post.replyTo ? html`<p class="reply-to muted">${t.t('thread.replyingTo', { name: post.replyTo.author })}</p>` : nothing}
    ${post.deleted
      ? html`<p class="muted">${t.t('thread.deletedPost')}</p>`
      : html`${post.hidden ? html`<p class="muted" role="note">${t.t('thread.hiddenPost')}</p>` : nothing}
          <div part="body" class="body" lang=${post.language} dir="auto" ${postHtml(post.bodyHtml)}></div>`}
    ${post.deleted ? nothing : renderFooter(post, context)}
  </article>`;
}

function renderFooter(post: Post, context: PostContext): TemplateResult {
  const { t, thread, signedIn, onAction, pending } = context;
  const canReact = signedIn && !post.viewerCanEdit;
  const isOpen = thread !== null && thread.status !== 'locked';
  const action = (type: Exclude<PostAction['type'], 'react' | 'send-report'>) => () => onAction({ type, post });
  const button = (type: Exclude<PostAction['type'], 'react' | 'send-report'>, key: keyof ThreadMessages) =>
    html`<button type="button" part=${`action ${type}-button`} class="link" @click=${action(type)}>${t.t(key)}</button>`;
  return html`<footer class="post-footer" aria-label=${t.t('thread.actionsFor', { name: post.author.name })} role="group">
    ${REACTION_KINDS.map((kind) => {
      const count = post.reactions[kind] ?? 0;
      const label = t.t(`thread.reaction.${kind}`);
      if (!canReact) return count > 0 ? html`<span class="reaction">${t.t('thread.reactionCount', { label, count: t.formatNumber(count) })}</span>` : nothing;
      return html`<button type="button" part="reaction" class="reaction" aria-pressed=${String(post.viewerReactions.includes(kind))}
        @click=${() => onAction({ type: 'react', post, kind })}>${label}${count > 0 ? html` <span class="count">${t.formatNumber(count)}</span>` : nothing}</button>`;
    })}
    ${signedIn && isOpen && thread.viewer.canPost ? button('reply', 'thread.reply') : nothing}
    ${post.viewerCanEdit && isOpen ? button('edit', 'thread.edit') : nothing}
    ${post.viewerCanEdit || thread?.viewer.canModerate ? button('delete', 'thread.delete') : nothing}
    ${signedIn && !post.viewerCanEdit ? button('report', 'thread.report') : nothing}
    ${thread?.viewer.canModerate ? (post.hidden ? button('restore', 'thread.restore') : button('hide', 'thread.hide')) : nothing}
    ${thread?.kind === 'question' && thread.viewer.canAccept && !post.accepted && !post.hidden ? button('accept', 'thread.accept') : nothing}
    ${pending?.postId === post.id ? renderPending(post, context, pending.type) : nothing}
  </footer>`;
}

function renderPending(post: Post, { t, onAction }: PostContext, type: 'confirm-delete' | 'report'): TemplateResult {
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

