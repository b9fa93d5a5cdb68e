import { html, nothing, type TemplateResult } from 'lit';
import { renderAffiliation, renderAvatar, type Localize } from './render-card.js';
import type { MemberSummary } from './types.js';

/**
 * The dialog header, rendered by one template whatever the profile's state so the close button (which
 * holds focus when the dialog opens) is never replaced under the user. `member` is the card's summary
 * until the profile arrives, and absent for a deep link still loading.
 */
export function renderProfileHeader(
  name: string,
  t: Localize,
  onClose: () => void,
  member: MemberSummary | undefined,
  apiBase: string | undefined,
): TemplateResult {
  return html`<header class="profile-head">
    ${member ? renderAvatar(member, t, apiBase) : nothing}
    <div>
      <h2 id="profile-title" class="profile-name">${name}</h2>
      ${member?.practice ? html`<p class="practice">${member.practice}</p>` : nothing}
      ${member ? renderAffiliation(member, t) : nothing}
    </div>
    <button
      type="button"
      part="close-button"
      class="close"
      aria-label=${t.t('profile.close')}
      @click=${onClose}
    >
      <span aria-hidden="true">×</span>
    </button>
  </header>`;
}
