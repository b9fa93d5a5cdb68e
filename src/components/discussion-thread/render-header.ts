/**
 * The thread's header: its size and state, and for facilitators the thread-wide actions (lock, pin) and
 * the door to the community's reports queue.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../../controllers/localize-controller.js';
import type { ModerationAction } from '../../events/grove-moderate-event.js';
import type { ThreadMessages } from './messages/en.js';
import type { Thread, ThreadChange } from './types.js';

export interface HeaderContext {
  t: LocalizeController<ThreadMessages>;
  /** Null while a page key has no thread yet. */
  thread: Thread | null;
  /** Shown until the thread exists (the posts the viewer has just sent). */
  loadedPosts: number;
  /** A write is in flight: thread actions wait for it. */
  busy: boolean;
  /** Whether the reports queue is shown, and the id of its panel. */
  reports: { open: boolean; panelId: string };
  onModerate: (change: ThreadChange, name: ModerationAction) => void;
  onToggleReports: () => void;
  /** The signed-in member's follow switch (from the authoring chunk), or nothing. */
  follow: TemplateResult | typeof nothing;
}

export function renderHeader({
  t,
  thread,
  loadedPosts,
  busy,
  reports,
  onModerate,
  onToggleReports,
  follow,
}: HeaderContext): TemplateResult {
  const moderate = (change: ThreadChange, name: ModerationAction) => () => onModerate(change, name);
  const locked = thread?.status === 'locked';
  return html`<header part="header" class="thread-header">
    <span class="count">${t.t('thread.posts', { count: thread?.postCount ?? loadedPosts })}</span>
    ${thread?.kind === 'question' ? html`<span class="tag">${t.t(thread.status === 'answered' ? 'thread.answered' : 'thread.question')}</span>` : nothing}
    ${thread?.pinned ? html`<span class="tag">${t.t('thread.pinned')}</span>` : nothing}
    ${follow}
    ${
      thread?.viewer.canModerate
        ? html`<button type="button" part="action lock-button" class="link" ?disabled=${busy}
            @click=${locked ? moderate({ locked: false }, 'unlock') : moderate({ locked: true }, 'lock')}>
            ${t.t(locked ? 'thread.unlock' : 'thread.lock')}
          </button>
          <button type="button" part="action pin-button" class="link" ?disabled=${busy}
            @click=${thread.pinned ? moderate({ pinned: false }, 'unpin') : moderate({ pinned: true }, 'pin')}>
            ${t.t(thread.pinned ? 'thread.unpin' : 'thread.pin')}
          </button>
          <button type="button" part="action reports-button" class="link" aria-expanded=${String(reports.open)}
            aria-controls=${reports.open ? reports.panelId : nothing} @click=${onToggleReports}>
            ${t.t('thread.reports.toggle')}
          </button>`
        : nothing
    }
  </header>`;
}
