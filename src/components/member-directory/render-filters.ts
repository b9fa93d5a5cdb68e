import { html, nothing, type TemplateResult } from 'lit';
import { countryName, languageName } from '../shared/format.js';
import { FILTER_KEYS, type DirectoryState, type FilterKey } from './hash-state.js';
import type { Localize } from './render-card.js';
import type { MemberFacets } from './types.js';

export interface SearchHandlers {
  onInput: (event: InputEvent) => void;
  onSubmit: (event: SubmitEvent) => void;
}

/** The search form: a labelled search field with a visible hint; Enter searches at once. */
export function renderSearch(draft: string, t: Localize, handlers: SearchHandlers): TemplateResult {
  return html`<form part="search" class="search" role="search" @submit=${handlers.onSubmit}>
    <label for="q">${t.t('directory.search')}</label>
    <input
      id="q"
      type="search"
      part="search-input"
      autocomplete="off"
      aria-describedby="q-hint"
      .value=${draft}
      @input=${handlers.onInput}
    />
    <span id="q-hint" class="hint">${t.t('directory.searchHint')}</span>
  </form>`;
}

export interface FilterHandlers {
  toggle: (key: FilterKey, value: string) => void;
  clearAll: () => void;
}

/**
 * The human label of a filter value: Intl names for codes (so they follow the viewer's language), the
 * translated role, else the label the server sent with the facet, else the raw value (a slug pasted in an
 * attribute before facets arrived).
 */
export function filterLabel(key: FilterKey, value: string, t: Localize, facets?: MemberFacets): string {
  if (key === 'country') return countryName(value, t.locale);
  if (key === 'language') return languageName(value, t.locale);
  if (key === 'role' && (value === 'member' || value === 'facilitator')) return t.t(`directory.role.${value}`);
  return facets?.[key].find((option) => option.value === value)?.label ?? value;
}

/**
 * Facets with counts (over the first `sampledOver` matches only, and saying so, when the server stopped
 * counting a broad search on a large network). Each facet is a disclosure (open when it holds an active filter) of toggle buttons:
 * one value per facet, as the API filters on one value per field; pressing another value replaces it.
 */
export function renderFacets(
  facets: MemberFacets | undefined,
  state: DirectoryState,
  hidden: ReadonlySet<FilterKey>,
  t: Localize,
  handlers: FilterHandlers,
  sampledOver?: number,
): TemplateResult | typeof nothing {
  if (!facets) return nothing;
  const keys = FILTER_KEYS.filter((key) => !hidden.has(key) && (facets[key].length > 0 || state.filters[key]));
  return html`<nav part="facets" class="facets" aria-label=${t.t('directory.filters')}>
    ${sampledOver ? html`<p class="sampled">${t.t('directory.facetsSampled', { count: sampledOver })}</p>` : nothing}
    ${keys.map((key) => {
      const active = state.filters[key];
      return html`<details class="facet" ?open=${Boolean(active)}>
        <summary>${t.t(`directory.facet.${key}`)}</summary>
        <ul>
          ${facets[key].map((option) => {
            const label = filterLabel(key, option.value, t, facets);
            return html`<li>
              <button
                type="button"
                part="facet-option"
                class="option"
                aria-pressed=${active === option.value ? 'true' : 'false'}
                aria-label=${t.t('directory.facetOption', { label, count: option.count })}
                @click=${() => handlers.toggle(key, option.value)}
              >
                <span>${label}</span> <span class="count">${t.formatNumber(option.count)}</span>
              </button>
            </li>`;
          })}
        </ul>
      </details>`;
    })}
  </nav>`;
}

/** Active filters as removable chips, plus "clear all"; nothing when no filter is active. */
export function renderChips(
  state: DirectoryState,
  hidden: ReadonlySet<FilterKey>,
  facets: MemberFacets | undefined,
  t: Localize,
  handlers: FilterHandlers,
): TemplateResult | typeof nothing {
  const active = FILTER_KEYS.filter((key) => !hidden.has(key) && state.filters[key]);
  if (!active.length) return nothing;
  return html`<div part="chips" class="chips" role="group" aria-label=${t.t('directory.activeFilters')}>
    ${active.map((key) => {
      const value = state.filters[key] ?? '';
      const label = `${t.t(`directory.facet.${key}`)}: ${filterLabel(key, value, t, facets)}`;
      return html`<button
        type="button"
        part="chip"
        class="chip"
        data-filter=${key}
        aria-label=${t.t('directory.removeFilter', { label })}
        @click=${() => handlers.toggle(key, value)}
      >
        ${label} <span aria-hidden="true">×</span>
      </button>`;
    })}
    <button type="button" part="clear-button" class="chip clear" @click=${handlers.clearAll}>
      ${t.t('directory.clearAll')}
    </button>
  </div>`;
}
