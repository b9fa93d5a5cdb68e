import { html, nothing, type TemplateResult } from 'lit';
import { VIEWS } from './attributes.js';
import type { CalendarView } from './types.js';

export interface ToolbarContext {
  t: { t(key: string, params?: Record<string, string | number>): string };
  view: CalendarView;
  /** The period shown, e.g. "November 2026"; also the grid's label. */
  title: string;
  zone: string;
  /** The community feed's http(s) URL, offered as webcal; empty without a community. */
  feedUrl: string;
  /** Signed-in members with a community: opens their private subscription link, and whether it is open. */
  privateFeed?: { open: boolean; toggle: () => void } | undefined;
  previous: () => void;
  today: () => void;
  next: () => void;
  switchTo: (view: CalendarView) => void;
}

/**
 * The feed as a webcal: link, which makes calendar apps subscribe (and refresh) rather than import a copy
 * once. Resolved first: with a relative API base (`api="/api"`) the client's URL has no scheme to swap.
 */
export function webcalUrl(feedUrl: string, base = document.baseURI): string {
  return new URL(feedUrl, base).href.replace(/^https?:/, 'webcal:');
}

/** Navigation, the period title (announced politely as it changes), view switches and the feed link. */
export function renderToolbar(context: ToolbarContext): TemplateResult {
  const { t } = context;
  return html`<div part="toolbar" class="toolbar">
      <div class="nav">
        <button type="button" part="nav-button" class="nav-button" @click=${context.previous}>${t.t('calendar.previous')}</button>
        <button type="button" part="nav-button" class="nav-button" @click=${context.today}>${t.t('calendar.today')}</button>
        <button type="button" part="nav-button" class="nav-button" @click=${context.next}>${t.t('calendar.next')}</button>
      </div>
      <h2 id="title" part="title" class="title" aria-live="polite">${context.title}</h2>
      <div class="views" role="group" aria-label=${t.t('calendar.views')}>
        ${VIEWS.map(
          (
            value,
          ) => html`<button type="button" part="view-button" class="view-button" aria-pressed=${value === context.view ? 'true' : 'false'}
          @click=${() => context.switchTo(value)}>${t.t(`calendar.view.${value}`)}</button>`,
        )}
      </div>
    </div>
    <p class="meta">${t.t('calendar.shownIn', { zone: context.zone })}${
      context.feedUrl ? html` · <a part="subscribe-link" href=${webcalUrl(context.feedUrl)}>${t.t('calendar.subscribe')}</a>` : nothing
    }${
      context.privateFeed
        ? html` · <button type="button" part="private-feed-toggle" class="link" aria-expanded=${String(context.privateFeed.open)}
          aria-controls="private-feed" @click=${context.privateFeed.toggle}>${t.t('calendar.privateFeed')}</button>`
        : nothing
    }</p>`;
}
