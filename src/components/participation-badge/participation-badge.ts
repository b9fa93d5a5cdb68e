import { TaskStatus, initialState } from '@lit/task';
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { GroveApiError } from '../../api/problem.js';
import { ConfigController } from '../../controllers/config-controller.js';
import { LoadController } from '../../controllers/load-controller.js';
import { followMemberChanges } from '../shared/member-changes.js';
import { LocalizeController } from '../../controllers/localize-controller.js';
import { VisibilityController } from '../../controllers/visibility-controller.js';
import { GroveLoadEvent } from '../../events/grove-load-event.js';
import { GroveSelectEvent } from '../../events/grove-select-event.js';
import { downloadText } from '../shared/download.js';
import { renderEmpty, renderError, renderLoading, renderUnusable } from '../../render/states.js';
import { hostStyles } from '../../styles/host.js';
import { invalidAttribute, keyword } from '../../validation/attributes.js';
import { badgeFor, communityProfile, credential, facilitates, setHidden } from './api.js';
import type { FacilitatorActionsPanel } from './facilitator-actions.js';
import { ATTRIBUTES, REQUIRED } from './attributes.js';
import en from './messages/en.js';
import { styles } from './participation-badge.styles.js';
import { renderCommunity } from './render-community.js';
import { levelLabel, renderDetails, renderLevel } from './render-member.js';
import type { Achievement, CommunityParticipation, MemberBadge } from './types.js';

const messages = {
  en,
  load: { fr: () => import('./messages/fr.js'), es: () => import('./messages/es.js'), ar: () => import('./messages/ar.js') },
};

type Loaded = { kind: 'member'; badge: MemberBadge | null } | { kind: 'community'; profile: CommunityParticipation; facilitator: boolean };

/**
 * A member's role in a community, with the contributions and achievements behind it; or, with
 * `community` alone, the community's participation profile for its facilitators. Levels describe and
 * never demote: a quieter member keeps their level with "last active" beside it. Every inline badge on
 * a page is fetched in one request.
 * Example: `<grove-participation-badge member="42" community="water"></grove-participation-badge>`.
 *
 * @tag grove-participation-badge
 * @csspart badge - The inline badge: a button that opens its details.
 * @csspart details - The inline badge's details (a popover).
 * @csspart close-button - Closes the details.
 * @csspart level - The level's name.
 * @csspart card - The card variant.
 * @csspart contributions - Contributions in the window.
 * @csspart achievements - The list of achievements.
 * @csspart achievement - One achievement.
 * @csspart credential-button - On the viewer's own card: downloads an achievement as an Open Badges 3.0 credential.
 * @csspart visibility-button - On the viewer's own card: hides their badge from everyone else, or shows it again.
 * @csspart title - The community profile's heading.
 * @csspart figures - Members, newcomers, unanswered questions, reply time.
 * @csspart shares - The members-per-level bar and its legend.
 * @csspart trend - The by-month chart.
 * @csspart table-toggle - Shows the chart's numbers as a table.
 * @csspart table - The by-month table.
 * @csspart actions - Facilitators only: the action list (unanswered questions, newcomers, members gone quiet, open reports, events without a host).
 * @csspart action-list - One kind of action in the list (also named `questions`, `newcomers`, `quiet`, `reports` or `hostless`).
 * @csspart welcome-button - Marks a newcomer welcomed.
 * @csspart welcomed - Beside a newcomer welcomed from the list.
 * @csspart status - Loading and empty states.
 * @csspart error - Error messages.
 * @csspart retry-button - Retries a failed load.
 * @cssprop [--grove-participation-badge-color=var(--grove-color-accent)] - Level shapes and chart bars.
 * @cssprop [--grove-participation-badge-background=var(--grove-color-surface)] - The inline badge's background.
 * @fires {GroveSelectEvent} grove-select - The user opened an inline badge (`detail.item`, the MemberBadge); cancel it to keep the details closed, e.g. to show your own profile page.
 * @fires {GroveLoadEvent} grove-load - The data arrived: `detail.data` is the MemberBadge (null when the member hides it) or the community profile.
 * @fires {GroveErrorEvent} grove-error - Loading failed; the card and profile show a translated message, an inline badge stays empty.
 */
export class GroveParticipationBadge extends LitElement {
  static override styles = [hostStyles, styles];

  /** The member's id; without it, `community` shows the community's participation profile. Reflected: an inline badge is laid out inline. */
  @property({ reflect: true }) member = '';
  /** Community slug: the badge in that community (else across every community), or the profile. */
  @property({ converter: keyword }) community = '';
  /** `inline` (beside a name) or `card` (the level with its contributions and achievements). */
  @property({ reflect: true, converter: keyword }) variant = 'inline';
  /** Facilitators' action list: link from a member's name to their profile, `{id}` replaced (e.g. `/people#members.member={id}`). */
  @property({ attribute: 'profile-url' }) profileUrl = '';
  /** Facilitators' action list: link from an event to the calendar, `{id}` and `{date}` (YYYY-MM-DD) replaced (e.g. `/events#calendar.date={date}`). */
  @property({ attribute: 'event-url' }) eventUrl = '';

  #open = false;
  /** A failed credential download or visibility change, shown at the end of the card until the next attempt. */
  #actionError: GroveApiError | undefined;

  #config = new ConfigController(this);
  #t = new LocalizeController(this, this.#config, messages);
  /** A card or a profile below the fold waits until the reader scrolls near it; inline badges do not (they share one request). */
  #visibility = new VisibilityController(this);
  #load = new LoadController(this);
  #data = this.#load.task({
    task: async ([client, member, community, visible], { signal }): Promise<Loaded | typeof initialState> => {
      if (!client || !visible || invalidAttribute(this, ATTRIBUTES, REQUIRED)) return initialState;
      const request: Promise<Loaded> = member
        ? badgeFor(client, community, member, signal).then((badge) => ({ kind: 'member', badge }))
        : Promise.all([communityProfile(client, community, signal), facilitates(client, community, signal)]).then(
            ([profile, facilitator]) => ({
              kind: 'community',
              profile,
              facilitator,
            }),
          );
      // The translation loads alongside, so the badge never flashes in English first.
      const [loaded] = await Promise.all([request, this.#t.ready]);
      return loaded;
    },
    args: () => [this.#config.client, this.member.trim(), this.community.trim(), this.#isInline || this.#visibility.visible] as const,
    onComplete: (loaded) => {
      this.dispatchEvent(new GroveLoadEvent(loaded.kind === 'member' ? loaded.badge : loaded.profile));
      if (loaded.kind === 'community' && loaded.facilitator) void this.#openActions(loaded.profile.community);
    },
  });

  /** The facilitators' action list: its code, words and styles download only for a facilitator of the community. */
  #actions: FacilitatorActionsPanel | undefined;

  async #openActions(community: string): Promise<void> {
    if (this.#actions?.community !== community) {
      const { FacilitatorActionsPanel } = await import('./facilitator-actions.js');
      this.#actions = new FacilitatorActionsPanel(this, this.#config, community, {
        client: () => this.#config.client,
        load: this.#load,
        links: () => ({ profile: this.profileUrl.trim(), event: this.eventUrl.trim() }),
      });
    }
    this.#actions.refresh();
  }

  constructor() {
    super();
    // The member's edits and privacy, here or in another browser, show at once (a hidden badge goes).
    followMemberChanges(this, {
      client: () => this.#config.client,
      active: () => this.member.trim() !== '',
      shows: (member) => member === this.member.trim(),
      refresh: () => void this.#data.run(),
    });
  }

  get #isInline(): boolean {
    return this.variant !== 'card' && this.member.trim() !== '';
  }

  /** Fetched with the viewer's token (the credential is theirs alone), then saved through a Blob URL. */
  #download = async (badge: MemberBadge, achievement: Achievement): Promise<void> => {
    const client = this.#config.client;
    if (!client) return;
    this.#actionError = undefined;
    this.requestUpdate();
    try {
      const jwt = await credential(client, badge.member, achievement);
      downloadText(jwt, 'application/vc+jwt', `${achievement.id}-${achievement.community}.jwt`);
    } catch (error) {
      this.#actionFailed(error);
    }
  };

  /** The member hides their badge from everyone else, or shows it again; the card then reloads. */
  #toggleHidden = async (badge: MemberBadge): Promise<void> => {
    const client = this.#config.client;
    if (!client) return;
    this.#actionError = undefined;
    try {
      await setHidden(client, badge.member, !badge.hidden);
      await this.#data.run();
      this.renderRoot.querySelector<HTMLElement>('#visibility')?.focus();
    } catch (error) {
      this.#actionFailed(error);
    }
  };

  #actionFailed(error: unknown): void {
    this.#actionError = this.#load.fail(error);
    this.requestUpdate();
  }

  #handleOpen = (badge: MemberBadge): void => {
    const details = this.renderRoot.querySelector<HTMLElement>('[popover]');
    if (this.#open) details?.hidePopover();
    else if (this.dispatchEvent(new GroveSelectEvent(badge))) details?.showPopover();
  };

  /** Focus moves into the details when they open, and back to the badge if it was inside them when they close. */
  #handleBeforeToggle = (event: ToggleEvent): void => {
    const details = event.target as HTMLElement;
    if (event.newState === 'closed' && details.matches(':focus-within')) {
      queueMicrotask(() => this.renderRoot.querySelector<HTMLElement>('#badge')?.focus());
    }
  };

  #handleToggle = (event: ToggleEvent): void => {
    this.#open = event.newState === 'open';
    this.requestUpdate();
    if (this.#open) this.renderRoot.querySelector<HTMLElement>('#close')?.focus();
  };

  #close = (): void => this.renderRoot.querySelector<HTMLElement>('[popover]')?.hidePopover();

  override render(): TemplateResult | typeof nothing {
    const t = this.#t;
    // A site editor must see a wrong attribute, even where an inline badge otherwise stays quiet.
    const unusable = renderUnusable(t, invalidAttribute(this, ATTRIBUTES, REQUIRED), this.#config.client);
    if (unusable) return this.#frame(unusable);
    const inline = this.#isInline;
    const loaded = this.#data.value;
    if (this.#data.status === TaskStatus.ERROR) {
      // Beside someone's name an alert box would break the host's sentence: the inline badge stays empty.
      return inline ? nothing : this.#frame(renderError(t, this.#data.error, () => void this.#data.run()));
    }
    if (!loaded) return inline ? nothing : this.#frame(renderLoading(t));
    if (loaded.kind === 'community') {
      const actions = loaded.facilitator ? this.#actions?.render() : undefined;
      return this.#frame(html`<div class="community">${renderCommunity(loaded.profile, t)}${actions ?? nothing}</div>`);
    }
    if (!loaded.badge) return inline ? nothing : this.#frame(renderEmpty(t, t.t('badge.hidden')));
    return this.#frame(inline ? this.#renderInline(loaded.badge) : this.#renderCard(loaded.badge));
  }

  #frame(content: TemplateResult): TemplateResult {
    return html`<div class="root" dir=${this.#t.dir} lang=${this.#t.language}>${content}</div>`;
  }

  #renderInline(badge: MemberBadge): TemplateResult {
    const t = this.#t;
    const label = t.t('badge.details', { name: badge.name, level: levelLabel(badge, t) });
    return html`<button type="button" id="badge" part="badge" class="chip" aria-expanded=${this.#open ? 'true' : 'false'}
        aria-controls="details" @click=${() => this.#handleOpen(badge)}>
        ${renderLevel(badge, t)}<span class="visually-hidden">, ${badge.name}</span>
      </button>
      <div id="details" part="details" class="details" popover role="dialog" aria-label=${label}
        @beforetoggle=${this.#handleBeforeToggle} @toggle=${this.#handleToggle}>
        <div class="details-header">
          <span class="name">${badge.name}</span>${renderLevel(badge, t)}
          <button type="button" id="close" part="close-button" class="close grove-button" @click=${this.#close}>${t.t('badge.close')}</button>
        </div>
        ${renderDetails(badge, t)}
      </div>`;
  }

  #renderCard(badge: MemberBadge): TemplateResult {
    const t = this.#t;
    const onDownload = badge.isViewer ? (achievement: Achievement) => void this.#download(badge, achievement) : undefined;
    return html`<article part="card" class="card" aria-label=${t.t('badge.details', { name: badge.name, level: levelLabel(badge, t) })}>
      <div class="card-header"><span class="name">${badge.name}</span>${renderLevel(badge, t)}</div>
      ${renderDetails(badge, t, { onDownload })}
      ${badge.isViewer ? this.#renderOwnControls(badge) : nothing}
      ${this.#actionError === undefined ? nothing : renderError(t, this.#actionError)}
    </article>`;
  }

  #renderOwnControls(badge: MemberBadge): TemplateResult {
    const t = this.#t;
    return html`${badge.hidden ? html`<p class="muted">${t.t('badge.hiddenNotice')}</p>` : nothing}
      <button type="button" id="visibility" part="visibility-button" class="link" @click=${() => void this.#toggleHidden(badge)}>
        ${t.t(badge.hidden ? 'badge.show' : 'badge.hide')}
      </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'grove-participation-badge': GroveParticipationBadge;
  }
}
