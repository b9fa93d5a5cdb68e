import { html, nothing, type TemplateResult } from 'lit';
import { renderEmpty } from '../../render/states.js';
import { SORTS } from './attributes.js';
import { renderCard, type CardOptions, type Localize } from './render-card.js';
import type { MemberPage } from './types.js';

export interface ResultsOptions extends CardOptions {
  view: string;
  /** The sort shown as selected (the server's default when the user chose none). */
  sort: string;
  /** A newer page or query is loading: the list stays, marked busy. */
  busy: boolean;
  /** Shown instead of "show more" when loading the next page failed. */
  moreError: TemplateResult | undefined;
  onSort: (event: Event) => void;
  onMore: () => void;
}

/**
 * The count and sort, the list, and paging a screen reader can follow: a "show more" button (the
 * element moves focus to the first new member), never a silent infinite scroll.
 */
export function renderResults(page: MemberPage, t: Localize, options: ResultsOptions): TemplateResult {
  return html`<div part="toolbar" class="toolbar">
      <p class="count" aria-hidden="true">${t.t('directory.found', { count: page.total })}</p>
      <label>${t.t('directory.sort')}
        <select part="sort" @change=${options.onSort}>
          ${SORTS.map((value) => html`<option value=${value} ?selected=${value === options.sort}>${t.t(`directory.sort.${value}`)}</option>`)}
        </select>
      </label>
    </div>
    ${page.items.length === 0
      ? renderEmpty(t, t.t('directory.empty'))
      : html`<ul part="list" class="list ${options.view === 'list' ? 'rows' : 'cards'}" tabindex="-1" aria-busy=${options.busy ? 'true' : 'false'}>
          ${page.items.map((member) => renderCard(member, t, options))}
        </ul>`}
    ${options.moreError ??
    (page.next
      ? html`<p class="more">
          <span>${t.t('directory.showing', { shown: page.items.length, total: page.total })}</span>
          <button type="button" part="more-button" class="grove-button" ?disabled=${options.busy} @click=${options.onMore}>
            ${t.t('directory.showMore')}
          </button>
        </p>`
      : nothing)}`;
}
