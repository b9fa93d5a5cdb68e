import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../../controllers/localize-controller.js';
import { downloadText } from '../shared/download.js';

import { contactHref, countryName, languageName, localTime } from '../shared/format.js';
import en, { type ProfileMessages } from './messages/profile-en.js';
import type { ContactChannel, MemberProfile } from './types.js';
import { buildVCard, vCardFileName } from './vcard.js';

export { adoptProfileStyles } from './render-profile.styles.js';

/** The profile's English: it arrives with this chunk, so the list does not carry it. */
export { en as profileEnglish };
export type ProfileLocalize = LocalizeController<ProfileMessages>;

const LINK_REL = 'nofollow ugc noopener noreferrer';

/**
 * A contact action per channel the server let through (it filters by visibility for this viewer).
 * Values are member-supplied text: only what the shared URL rule accepts becomes a link, the rest is text.
 */
function renderContact(channel: ContactChannel, t: ProfileLocalize): TemplateResult {
  const { kind, value } = channel;
  const label = t.t(`profile.contact.${kind}`, { value });
  const href = contactHref(channel);
  if (!href) return html`<span>${kind === 'website' || kind === 'linkedin' ? `${label}: ${value}` : label}</span>`;
  // Web pages open beside the widget and learn nothing about it; mailto and tel hand over to an app.
  return /^https?:/i.test(href)
    ? html`<a part="contact-link" href=${href} rel=${LINK_REL} target="_blank">${label}</a>`
    : html`<a part="contact-link" href=${href}>${label}</a>`;
}

/** Clamps a self-declared level to the four the contract defines. */
const levelOf = (level: number) => Math.min(4, Math.max(1, Math.round(level))) as 1 | 2 | 3 | 4;

function section(heading: string, body: unknown): TemplateResult {
  return html`<section class="profile-section"><h3>${heading}</h3>${body}</section>`;
}

export interface ProfileOptions {
  /** The same clock as the cards, so both show the same local time. */
  now: Date;
  /** The profile's API URL, a stable UID for the vCard. */
  uid: string | undefined;
  /** A control beside each skill (Endorse / Withdraw for a signed-in member), if any. */
  skillAction?: ((skill: MemberProfile['skills'][number]) => unknown) | undefined;
}

/** Builds the vCard from the profile as shown (the server already withheld hidden channels) and saves it. */
function saveVCard(member: MemberProfile, t: ProfileLocalize, uid: string | undefined): void {
  const country = member.country ? countryName(member.country, t.locale) : undefined;
  downloadText(buildVCard(member, { countryName: country, uid }), 'text/vcard;charset=utf-8', vCardFileName(member.name));
}

/**
 * The loaded profile below the header: everything the viewer may see, in reading order. This module
 * (with the vCard writer, its styles and messages) is imported when a profile first opens, keeping it off
 * the first render.
 */
export function renderProfile(member: MemberProfile, t: ProfileLocalize, options: ProfileOptions): TemplateResult {
  const time = localTime(member.timeZone, t.locale, options.now);
  const languages = member.languages.map((tag) => languageName(tag, t.locale));
  return html`<p class="availability" data-availability=${member.availability}>
      ${t.t(`profile.availability.${member.availability}`)}
    </p>
    ${languages.length ? html`<p class="languages">${t.t('profile.speaks', { languages: t.formatList(languages) })}</p>` : nothing}
    ${time ? html`<p class="time">${t.t('profile.localTime', { time })}</p>` : nothing}
    ${member.bio ? section(t.t('profile.about'), html`<p class="bio" dir="auto">${member.bio}</p>`) : nothing}
    ${
      member.skills.length
        ? section(
            t.t('profile.skills'),
            html`<ul class="profile-skills">
            ${member.skills.map(
              (skill) => html`<li part="skill">
                <span class="skill-label">${skill.label}</span>
                <span class="muted">${t.t(`profile.level.${levelOf(skill.level)}`)}</span>
                <span class="muted">${t.t('profile.endorsements', { count: skill.endorsements })}</span>
                ${options.skillAction?.(skill) ?? nothing}
              </li>`,
            )}
          </ul>`,
          )
        : nothing
    }
    ${
      member.interests.length
        ? section(
            t.t('profile.interests'),
            html`<ul class="tags">${member.interests.map((interest) => html`<li>${interest.label}</li>`)}</ul>`,
          )
        : nothing
    }
    ${
      member.memberships.length
        ? section(
            t.t('profile.communities'),
            html`<ul class="plain">
            ${member.memberships.map(
              (membership) => html`<li>
                ${membership.name}
                ${membership.role === 'facilitator' ? html`<span class="role">${t.t('profile.facilitator')}</span>` : nothing}
              </li>`,
            )}
          </ul>`,
          )
        : nothing
    }
    ${section(
      t.t('profile.contact'),
      html`${
        member.contacts.length
          ? html`<ul class="plain contacts">${member.contacts.map((channel) => html`<li>${renderContact(channel, t)}</li>`)}</ul>`
          : html`<p class="muted">${t.t('profile.noContact')}</p>`
      }
        <button type="button" part="vcard-button" class="grove-button" @click=${() => saveVCard(member, t, options.uid)}>
          ${t.t('profile.vcard')}
        </button>`,
    )}`;
}
