import { html, nothing, type TemplateResult } from 'lit';
import { renderEmpty } from '../../render/states.js';
import { SORTS } from './attributes.js';
import { renderCard, type CardOptions, type Localize } from './render-card.js';
import type { MemberPage } from './types.js';

export interface ToolbarOptions {
  /** The sort shown as selected (the server's default when the user chose none). */
  sort: string;
  onSort: (event: Event) => void;
}

export interface ResultsOptions extends CardOptions {
  view: string;
  /** A newer page or query is loading: the list stays, marked busy. */
  busy: boolean;
  /** Shown instead of "show more" when loading the next page failed. */
  moreError: TemplateResult | undefined;
  onMore: () => void;
}

/** "24 members found", or "1,000+ members found" when the server stopped counting (`totalExact: false`). */
const foundText = (page: MemberPage, t: Localize): string =>
  t.t(page.totalExact === false ? 'directory.foundAtLeast' : 'directory.found', { count: page.total });

/**
 * The count and sort. Rendered from the first frame, empty until results arrive: the count is the polite
 * live region, so it must exist before its text changes for screen readers to announce each new total.
 */
export function renderToolbar(page: MemberPage | undefined, t: Localize, options: ToolbarOptions): TemplateResult {
  return html`<div part="toolbar" class="toolbar">
    <p class="count" role="status">${page ? foundText(page, t) : ''}</p>
    ${
      page
        ? html`<label>${t.t('directory.sort')}
          <select part="sort" @change=${options.onSort}>
            ${SORTS.map((value) => html`<option value=${value} ?selected=${value === options.sort}>${t.t(`directory.sort.${value}`)}</option>`)}
          </select>
        </label>`
        : nothing
    }
  </div>`;
}

/**
 * The list and paging a screen reader can follow: a "show more" button (the element moves focus to the
 * first new member), never a silent infinite scroll.
 */
export function renderResults(page: MemberPage, t: Localize, options: ResultsOptions): TemplateResult {
  return html`${
    page.items.length === 0
      ? renderEmpty(t, t.t('directory.empty'))
      : html`<ul id="results" part="list" class="list ${options.view === 'list' ? 'rows' : 'cards'}" tabindex="-1" aria-busy=${options.busy ? 'true' : 'false'}>
          ${page.items.map((member) => renderCard(member, t, options))}
        </ul>`
  }
    ${
      options.moreError ??
      (page.next
        ? html`<p class="more">
          <span>${t.t(page.totalExact === false ? 'directory.showingAtLeast' : 'directory.showing', {
            shown: page.items.length,
            total: page.total,
          })}</span>
          <button type="button" part="more-button" class="grove-button" ?disabled=${options.busy} @click=${options.onMore}>
            ${t.t('directory.showMore')}
          </button>
        </p>`
        : nothing)
    }`;
}
