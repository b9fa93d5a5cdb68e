import { html, nothing, type TemplateResult } from 'lit';

const TAG = 'grove-participation-badge';

/**
 * The inline `<grove-participation-badge>` beside a member's name, for widgets whose `badges` attribute
 * asks for it. The badge's code loads on first use (inside a shadow root the page's autoloader cannot see
 * it), and every badge on the page, in any widget, shares one batched request.
 */
export function renderParticipationBadge(show: boolean, member: string, community: string): TemplateResult | typeof nothing {
  if (!show) return nothing;
  if (!customElements.get(TAG)) {
    // Through the element's own entry (the one define guard): not define.js, which belongs to the
    // autoloader entry and must stay free of static imports. A failed download leaves names without
    // badges until a later render tries again.
    import('../../elements/participation-badge.js').catch(() => undefined);
  }
  return html`<grove-participation-badge part="participation-badge" member=${member} community=${community}></grove-participation-badge>`;
}
