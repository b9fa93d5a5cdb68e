/**
 * The viewer's posts that the server has not confirmed yet, each with its state in words, so the user
 * always knows where their text is. The list is polite: a state change is announced, focus stays put.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../../controllers/localize-controller.js';
import { errorMessageKey } from '../../render/states.js';
import { GroveApiError } from '../../api/problem.js';
import type { AuthoringMessages } from './messages/authoring-en.js';
import type { OutboxItem } from './outbox.js';
import type { NewPost } from './types.js';

export interface OutboxHandlers {
  retry(key: string): void;
  /** Takes a post back into the composer (it leaves the queue). */
  edit(item: OutboxItem<NewPost>): void;
}

/** A 400 on a new post is about its text (the widget checks everything else before sending). */
function rejectionReason(item: OutboxItem<NewPost>, t: LocalizeController<AuthoringMessages>): string {
  if (item.error === 'invalid') return t.t('thread.error.invalidText');
  return t.t(errorMessageKey(new GroveApiError(item.error ?? 'unknown', 0)));
}

export function renderOutbox(
  items: readonly OutboxItem<NewPost>[],
  t: LocalizeController<AuthoringMessages>,
  handlers: OutboxHandlers,
): TemplateResult | typeof nothing {
  if (items.length === 0) return nothing;
  return html`<ol part="outbox" class="outbox" aria-live="polite">
    ${items.map((item) => {
      const state =
        item.state === 'rejected'
          ? t.t('thread.outbox.rejected', { reason: rejectionReason(item, t) })
          : t.t(`thread.outbox.${item.state}`);
      const canAct = item.state !== 'sending' && item.state !== 'sent';
      // The same text would be refused again: only editing helps.
      const canResend = canAct && !(item.state === 'rejected' && item.error === 'invalid');
      return html`<li class="outbox-item" data-state=${item.state}>
        <div class="body" lang=${item.payload.language} dir="auto">${item.payload.body}</div>
        <p class="muted">${state}</p>
        ${
          canResend
            ? html`<button type="button" part="action" class="link" @click=${() => handlers.retry(item.key)}>${t.t('thread.outbox.retryNow')}</button>`
            : nothing
        }
        ${
          canAct
            ? html`<button type="button" part="action" class="link" @click=${() => handlers.edit(item)}>${t.t('thread.outbox.edit')}</button>`
            : nothing
        }
      </li>`;
    })}
  </ol>`;
}
