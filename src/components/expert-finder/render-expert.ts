import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../../controllers/localize-controller.js';
import { contactHref, initials, languageName, localTime } from '../shared/format.js';
import { fillTemplate, safeUrl } from '../../validation/url.js';
import type { ExpertMessages } from './messages/en.js';
import type { Expert, ExpertEvidence, ExpertEvidenceItem } from './types.js';

export type Localize = LocalizeController<ExpertMessages>;

export interface ExpertOptions {
  query: string;
  showEvidence: boolean;
  /** One clock for the whole list, so every card shows the same minute. */
  now: Date;
  askUrl: string;
  threadUrl: string;
  eventUrl: string;
  profileUrl: string;
  /** The inline participation badge beside a name, or nothing (the `badges` attribute is off). */
  badge: (memberId: string) => unknown;
  onAsk: (expert: Expert, event: Event) => void;
}

/** A thread's own page when it has one, else the page's link pattern; plain text when neither is set. */
function itemHref(item: ExpertEvidenceItem, options: ExpertOptions): string | undefined {
  const own = safeUrl(item.url);
  if (own) return own;
  const template = item.kind === 'thread' ? options.threadUrl : options.eventUrl;
  return template ? fillTemplate(template, { id: item.id }) : undefined;
}

/** "3 accepted answers on drip irrigation", with up to three of the threads or events behind it. */
function renderEvidence(evidence: ExpertEvidence, t: Localize, options: ExpertOptions): TemplateResult {
  const topic = evidence.skills.length ? t.formatList(evidence.skills.map((skill) => skill.label)) : t.t('experts.thisQuestion');
  return html`<li part="evidence-item">
    ${t.t(`experts.evidence.${evidence.kind}`, { count: evidence.count, topic })}
    ${
      evidence.items.length
        ? html`<ul class="items">
          ${evidence.items.map((item) => {
            const href = itemHref(item, options);
            return html`<li>
              ${
                href
                  ? html`<a part="evidence-link" href=${href} rel="nofollow ugc noopener" dir="auto">${item.title}</a>`
                  : html`<span dir="auto">${item.title}</span>`
              }
            </li>`;
          })}
        </ul>`
        : nothing
    }
  </li>`;
}

/** The ask action: the page's own way to ask (ask-url), else the first contact channel the viewer may use. */
function renderAsk(expert: Expert, t: Localize, options: ExpertOptions): TemplateResult {
  const { member, contact } = expert;
  const href = options.askUrl
    ? fillTemplate(options.askUrl, { id: member.id, query: options.query })
    : contact
      ? contactHref(contact)
      : undefined;
  if (!href) return html`<p class="muted">${t.t('experts.noContact')}</p>`;
  return html`<a part="ask-button" class="grove-button ask" href=${href} rel="noopener" @click=${(event: Event) => options.onAsk(expert, event)}>
    ${t.t('experts.askAction', { name: member.name })}
  </a>`;
}

export function renderExpert(expert: Expert, t: Localize, options: ExpertOptions): TemplateResult {
  const { member } = expert;
  const time = localTime(member.timeZone, t.locale, options.now);
  const languages = member.languages.map((tag) => languageName(tag, t.locale));
  const affiliation = [member.practice, member.organisation].filter(Boolean).join(' · ');
  const headingId = `expert-${member.id}`;
  const profile = options.profileUrl ? fillTemplate(options.profileUrl, { id: member.id }) : undefined;
  return html`<li part="expert" class="expert" aria-labelledby=${headingId}>
    <span part="avatar" class="avatar" aria-hidden="true">${initials(member.name, t.locale)}</span>
    <div class="body">
      <div class="name-row">
        <h3 id=${headingId} class="name">
          ${profile ? html`<a part="name-link" href=${profile}>${member.name}</a>` : member.name}
        </h3>
        ${/* Beside the heading, not in it: the heading names the list item for screen readers. */ options.badge(member.id)}
      </div>
      ${affiliation ? html`<p class="muted">${affiliation}</p>` : nothing}
      <p class="facts">
        <span part="availability" class="availability ${member.availability}">${t.t(`experts.availability.${member.availability === 'limited' ? 'limited' : 'open'}`)}</span>
        ${languages.length ? html`<span>${t.t('experts.speaks', { languages: t.formatList(languages) })}</span>` : nothing}
        ${time ? html`<span>${t.t('experts.localTime', { time })}</span>` : nothing}
      </p>
      ${
        options.showEvidence && expert.evidence.length
          ? html`<ul part="evidence" class="evidence" aria-label=${t.t('experts.why', { name: member.name })}>
            ${expert.evidence.slice(0, 4).map((evidence) => renderEvidence(evidence, t, options))}
          </ul>`
          : nothing
      }
      ${expert.tempering.load < 1 ? html`<p class="muted">${t.t('experts.busy', { count: expert.recentContributions })}</p>` : nothing}
      ${renderAsk(expert, t, options)}
    </div>
  </li>`;
}
