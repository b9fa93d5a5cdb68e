import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../../controllers/localize-controller.js';
import { GLYPHS } from './levels.js';
import type { BadgeMessages } from './messages/en.js';
import type { Achievement, ContributionKey, MemberBadge } from './types.js';

export type Localize = LocalizeController<BadgeMessages>;

const CONTRIBUTIONS: readonly ContributionKey[] = [
  'posts',
  'answers',
  'acceptedAnswers',
  'eventsHosted',
  'eventsAttended',
  'endorsementsGiven',
  'endorsementsReceived',
];

/** "March 2026" for a `YYYY-MM` month, in the widget's language. */
export function formatMonth(month: string, t: Localize): string {
  return t.formatDate(`${month}-15T12:00:00Z`, { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export const levelLabel = (badge: MemberBadge, t: Localize): string => t.t(`badge.level.${badge.level}`);

/** The level with its shape; a quieter member gets "last active …" beside the level they hold, never a lower one. */
export function renderLevel(badge: MemberBadge, t: Localize): TemplateResult {
  const quietSince = badge.recentlyActive ? null : badge.lastActive;
  return html`<span class="glyph" aria-hidden="true">${GLYPHS[badge.level]}</span>
    <span part="level" class="level">${levelLabel(badge, t)}</span>
    ${quietSince ? html`<span class="quiet">· ${t.t('badge.lastActive', { month: formatMonth(quietSince, t) })}</span>` : nothing}`;
}

export interface DetailOptions {
  /** Offered on the viewer's own badge: downloads the achievement as an Open Badges credential. */
  onDownload?: (achievement: Achievement) => void;
}

/** What the level rests on: a sentence about it, contributions in the window, durable achievements. */
export function renderDetails(badge: MemberBadge, t: Localize, options: DetailOptions = {}): TemplateResult {
  const shown = CONTRIBUTIONS.filter((key) => badge.contributions[key] > 0);
  return html`<p class="about">${t.t(`badge.about.${badge.level}`)}</p>
    <p class="subheading">${t.t('badge.window', { months: badge.window.months })}</p>
    ${
      shown.length
        ? html`<ul part="contributions" class="contributions">
          ${shown.map((key) => html`<li>${t.t(`badge.contribution.${key}`, { count: badge.contributions[key] })}</li>`)}
        </ul>`
        : html`<p class="muted">${t.t('badge.noContributions')}</p>`
    }
    ${
      badge.achievements.length
        ? html`<p class="subheading">${t.t('badge.achievements')}</p>
          <ul part="achievements" class="achievements">
            ${badge.achievements.map((achievement) => renderAchievement(achievement, t, options.onDownload))}
          </ul>`
        : nothing
    }`;
}

function renderAchievement(achievement: Achievement, t: Localize, onDownload: DetailOptions['onDownload']): TemplateResult {
  const name = achievementName(achievement.id, t);
  return html`<li part="achievement" class="achievement">
    <span class="glyph" aria-hidden="true">★</span>
    <span class="achievement-name">${name}</span>
    <span class="muted">${t.t('badge.earned', { date: t.formatDate(achievement.earnedAt, { dateStyle: 'medium' }) })}</span>
    ${
      onDownload
        ? html`<button type="button" part="credential-button" class="link" aria-label=${t.t('badge.credentialLabel', { achievement: name })}
          @click=${() => onDownload(achievement)}>${t.t('badge.credential')}</button>`
        : nothing
    }
  </li>`;
}

/** Achievements added on the server after this version fall back to their id rather than a raw key. */
function achievementName(id: string, t: Localize): string {
  const key = `badge.achievement.${id}` as keyof BadgeMessages;
  const label = t.t(key);
  return label === key ? id : label;
}
