import { html, nothing, svg, type TemplateResult } from 'lit';
import { GLYPHS, LEVEL_ORDER } from './levels.js';
import { formatMonth, type Localize } from './render-member.js';
import type { CommunityParticipation, Level, LevelShare } from './types.js';

/** The levels that contribute, stacked in the trend chart from the bottom up. */
const CONTRIBUTING: readonly Level[] = ['core', 'active', 'occasional'];
const MEMBER_LEVELS: readonly Level[] = ['core', 'active', 'occasional', 'peripheral'];

/** SVG lengths in percent of the chart, so it stretches to any width while the hatching keeps its shape. */
const pct = (value: number): string => `${value.toFixed(2)}%`;

const countOf = (levels: readonly LevelShare[], level: Level): number => levels.find((share) => share.level === level)?.members ?? 0;

/** Hatching for `active`, so adjacent segments differ by more than colour (WCAG 1.4.1, 1.4.11). */
const PATTERNS = svg`<defs>
  <pattern id="hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
    <rect width="4" height="4" class="fill-active-bg"></rect><rect width="2" height="4" class="fill-active"></rect>
  </pattern>
</defs>`;

/** The facilitator's view: figures, the share of members per level now, and its trend over 12 months. */
export function renderCommunity(profile: CommunityParticipation, t: Localize): TemplateResult {
  return html`<h2 part="title" class="title">${t.t('profile.title', { community: profile.name })}</h2>
    <ul part="figures" class="figures">
      <li>${t.t('profile.members', { count: profile.members })}</li>
      <li>${t.t('profile.newcomers', { count: profile.newcomersThisMonth })}</li>
      <li>${t.t('profile.unanswered', { count: profile.unansweredQuestions })}</li>
      <li>${
        profile.medianFirstReplyHours === null
          ? t.t('profile.noReplies')
          : t.t('profile.firstReply', { time: formatDuration(profile.medianFirstReplyHours, t) })
      }</li>
    </ul>
    ${renderShares(profile, t)} ${renderTrend(profile, t)}`;
}

function percent(part: number, whole: number, t: Localize): string {
  return t.formatNumber(whole ? part / whole : 0, { style: 'percent', maximumFractionDigits: 0 });
}

function formatDuration(hours: number, t: Localize): string {
  return hours < 48 ? t.t('profile.hours', { count: Math.round(hours) }) : t.t('profile.days', { count: Math.round(hours / 24) });
}

/** One bar split by level; the legend beside it is its text (each entry: shape, label, count, share). */
function renderShares(profile: CommunityParticipation, t: Localize): TemplateResult {
  const total = MEMBER_LEVELS.reduce((sum, level) => sum + countOf(profile.levels, level), 0);
  let offset = 0;
  const segments = MEMBER_LEVELS.map((level) => {
    const width = total ? (countOf(profile.levels, level) / total) * 100 : 0;
    const segment = svg`<rect x=${pct(offset)} y="0" width=${pct(width)} height="100%" class=${`fill-${level}`}></rect>`;
    offset += width;
    return segment;
  });
  return html`<figure part="shares" class="shares">
    <figcaption class="subheading">${t.t('profile.shares')}</figcaption>
    <svg class="bar" aria-hidden="true">${PATTERNS}${segments}</svg>
    <ul class="legend">
      ${LEVEL_ORDER.map((level) => {
        const count = countOf(profile.levels, level);
        if (level === 'transactional' && count === 0) return nothing;
        return html`<li>
          <span class=${`swatch glyph level-${level}`} aria-hidden="true">${GLYPHS[level]}</span>
          ${t.t('profile.shareSummary', {
            level: t.t(`profile.level.${level}`),
            count: t.formatNumber(count),
            percent: level === 'transactional' ? '–' : percent(count, total, t),
          })}
        </li>`;
      })}
    </ul>
  </figure>`;
}

/** Contributors per month as stacked columns (an image with a one-sentence summary), and the full table. */
function renderTrend(profile: CommunityParticipation, t: Localize): TemplateResult | typeof nothing {
  const months = profile.trend;
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last) return nothing;
  const contributors = (levels: readonly LevelShare[]) => CONTRIBUTING.reduce((sum, level) => sum + countOf(levels, level), 0);
  const highest = Math.max(1, ...months.map((month) => contributors(month.levels)));
  const columnWidth = 100 / months.length;
  const columns = months.map((month, index) => {
    let top = 100;
    return CONTRIBUTING.map((level) => {
      const height = (countOf(month.levels, level) / highest) * 100;
      top -= height;
      return svg`<rect x=${pct(index * columnWidth + columnWidth * 0.15)} y=${pct(top)} width=${pct(columnWidth * 0.7)} height=${pct(height)}
        class=${`fill-${level}`}></rect>`;
    });
  });
  const summary = t.t('profile.trendSummary', {
    first: t.formatNumber(contributors(first.levels)),
    from: formatMonth(first.month, t),
    last: t.formatNumber(contributors(last.levels)),
    to: formatMonth(last.month, t),
  });
  return html`<figure part="trend" class="trend">
    <figcaption class="subheading">${t.t('profile.trend')}</figcaption>
    <svg class="columns" role="img" aria-label=${summary}>${PATTERNS}${columns}</svg>
    <details part="table-toggle">
      <summary>${t.t('profile.showTable')}</summary>
      <table part="table" class="table">
        <caption class="visually-hidden">${t.t('profile.trend')}</caption>
        <thead>
          <tr>
            <th scope="col">${t.t('profile.month')}</th>
            ${LEVEL_ORDER.map((level) => html`<th scope="col">${t.t(`profile.level.${level}`)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${months.map(
            (month) => html`<tr>
              <th scope="row">${formatMonth(month.month, t)}</th>
              ${LEVEL_ORDER.map((level) => html`<td>${t.formatNumber(countOf(month.levels, level))}</td>`)}
            </tr>`,
          )}
        </tbody>
      </table>
    </details>
  </figure>`;
}
