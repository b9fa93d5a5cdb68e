/**
 * One post as a template. Every field except `bodyHtml` goes through Lit bindings (escaped text and
 * attributes); `bodyHtml`, sanitised on the server, enters only through `postHtml`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import type { LocalizeController } from '../../controllers/localize-controller.js';
import type { ThreadMessages } from './messages/en.js';
import { relativeTime } from './relative-time.js';
import { postHtml } from './trusted-html.js';
import { REACTION_KINDS, type Post } from './types.js';

export interface PostContext {
  t: LocalizeController<ThreadMessages>;
  now: Date;
  /** The directory profile link for a member, or undefined when none is configured. */
  profileUrl: (memberId: string) => string | undefined;
  /** The inline participation badge for an author, or nothing (the `badges` attribute is off). */
  badge: (memberId: string) => unknown;
  /** A signed-in member's actions under a post, once the authoring chunk is there; readers see counts. */
  actions: ((post: Post) => TemplateResult) | undefined;
}

export function renderPost(post: Post, context: PostContext, isNested: boolean): TemplateResult {
  const { t } = context;
  const absolute = t.formatDate(post.createdAt, { dateStyle: 'long', timeStyle: 'short' });
  // Members who opted out of the directory keep their name on what they wrote, with no profile to open;
  // a deactivated account's name is withheld by the server.
  const listed = post.author.presence === 'listed';
  const name = post.author.presence === 'former' ? t.t('thread.formerMember') : post.author.name;
  const profile = listed ? context.profileUrl(post.author.id) : undefined;
  const classes = { post: true, nested: isNested, accepted: post.accepted, hidden: post.hidden, deleted: post.deleted };
  return html`<article part="post${post.accepted ? ' accepted-post' : ''}" class=${classMap(classes)} id=${`post-${post.id}`}
    aria-labelledby=${`author-${post.id}`}>
    <header class="post-header">
      ${
        profile
          ? html`<a part="author" id=${`author-${post.id}`} class="author" href=${profile}>${name}</a>`
          : html`<span part="author" id=${`author-${post.id}`} class="author">${name}</span>`
      }
      ${post.author.role === 'facilitator' ? html`<span part="role" class="tag">${t.t('thread.role.facilitator')}</span>` : nothing}
      ${
        post.author.expert
          ? html`<span part="expert-mark" class="tag expert-mark" title=${t.t('thread.expertAnswer')}>${t.t('thread.expert')}</span>`
          : nothing
      }
      ${listed ? html`<slot name=${`badge-${post.author.id}`}>${context.badge(post.author.id)}</slot>` : nothing}
      <time part="time" datetime=${post.createdAt} title=${absolute}>${relativeTime(t.locale, post.createdAt, context.now)}</time>
      ${
        post.editedAt
          ? html`<span class="muted" title=${t.t('thread.editedAt', { time: t.formatDate(post.editedAt, { dateStyle: 'long', timeStyle: 'short' }) })}
            >${t.t('thread.edited')}</span>`
          : nothing
      }
      ${post.accepted ? html`<span part="accepted-mark" class="tag accepted-mark">${t.t('thread.acceptedAnswer')}</span>` : nothing}
    </header>
    ${post.replyTo ? html`<p class="reply-to muted">${t.t('thread.replyingTo', { name: post.replyTo.author })}</p>` : nothing}
    ${
      post.deleted
        ? html`<p class="muted">${t.t('thread.deletedPost')}</p>`
        : html`${post.hidden ? html`<p class="muted" role="note">${t.t('thread.hiddenPost')}</p>` : nothing}
          <div part="body" class="body" lang=${post.language} dir="auto" ${postHtml(post.bodyHtml)}></div>`
    }
    ${post.deleted ? nothing : (context.actions?.(post) ?? renderReactionCounts(post, context))}
  </article>`;
}

/** What a reader sees under a post: how others reacted. */
function renderReactionCounts(post: Post, { t }: PostContext): TemplateResult {
  return html`<footer class="post-footer">
    ${REACTION_KINDS.map((kind) => {
      const count = post.reactions[kind] ?? 0;
      return count > 0
        ? html`<span class="reaction">${t.t('thread.reactionCount', { label: t.t(`thread.reaction.${kind}`), count: t.formatNumber(count) })}</span>`
        : nothing;
    })}
  </footer>`;
}
