import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../../controllers/localize-controller.js';
import { countryName, initials, languageName, localTime } from '../shared/format.js';
import { safeUrl } from '../../validation/url.js';
import type { DirectoryMessages } from './messages/en.js';
import type { BadgeRenderer, MemberSummary } from './types.js';

export type Localize = LocalizeController<DirectoryMessages>;

export interface CardOptions {
  /** One clock for the whole list, so every card shows the same minute. */
  now: Date;
  renderBadge: BadgeRenderer | undefined;
  onSelect: (member: MemberSummary) => void;
  /** The API's base URL: an avatar path the API gives is the API's, not the host page's. */
  apiBase: string | undefined;
}

/** Hides a broken avatar image so the initials underneath show instead of a broken-image icon. */
function hideBrokenImage(event: Event): void {
  (event.target as HTMLImageElement).hidden = true;
}

/** The avatar: initials always rendered, the photo (if any) laid over them and lazily loaded. */
export function renderAvatar(member: Pick<MemberSummary, 'name' | 'avatarUrl'>, t: Localize, apiBase: string | undefined): TemplateResult {
  const src = safeUrl(member.avatarUrl, { relative: true, base: apiBase && `${apiBase}/` });
  return html`<span part="avatar" class="avatar" aria-hidden="true">
    <span class="initials">${initials(member.name, t.locale)}</span>
    ${src ? html`<img src=${src} alt="" loading="lazy" decoding="async" @error=${hideBrokenImage} />` : nothing}
  </span>`;
}

/**
 * "Organisation · Country", skipping what the member left empty. Each part is isolated (`<bdi>`): a Latin
 * organisation name beside an Arabic country name would otherwise pull the separator to the wrong side.
 */
export function renderAffiliation(member: MemberSummary, t: Localize): TemplateResult | typeof nothing {
  const parts = [member.organisation, member.country ? countryName(member.country, t.locale) : ''].filter(Boolean);
  return parts.length
    ? html`<p class="affiliation">${parts.map((part, index) => html`${index ? ' · ' : ''}<bdi>${part}</bdi>`)}</p>`
    : nothing;
}

/**
 * One member. The name is the button that opens the profile (one tab stop per card); the badge slot
 * `badge-<id>` lets a page place e.g. `<grove-participation-badge slot="badge-42">`, with the
 * `renderBadge` hook's output as its fallback.
 */
export function renderCard(member: MemberSummary, t: Localize, options: CardOptions): TemplateResult {
  const time = localTime(member.timeZone, t.locale, options.now);
  const languages = member.languages.map((tag) => languageName(tag, t.locale));
  return html`<li part="card" class="card">
    ${renderAvatar(member, t, options.apiBase)}
    <div class="card-body">
      <h3 class="name">
        <button type="button" part="card-name" class="link" data-member=${member.id} @click=${() => options.onSelect(member)}>
          ${member.name}
        </button>
      </h3>
      ${member.practice ? html`<p class="practice">${member.practice}</p>` : nothing}
      ${renderAffiliation(member, t)}
      <slot name=${`badge-${member.id}`}>${options.renderBadge?.(member) ?? nothing}</slot>
      ${
        member.skills.length
          ? html`<ul class="skills" aria-label=${t.t('directory.topSkills')}>
            ${member.skills.map((skill) => html`<li part="skill">${skill.label}</li>`)}
          </ul>`
          : nothing
      }
      ${languages.length ? html`<p class="languages">${t.t('directory.speaks', { languages: t.formatList(languages) })}</p>` : nothing}
      ${time ? html`<p class="time">${t.t('directory.localTime', { time })}</p>` : nothing}
    </div>
  </li>`;
}
