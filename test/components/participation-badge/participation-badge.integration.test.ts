import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { GroveMemberDirectory } from '../../../src/components/member-directory/member-directory.js';
import type { MemberSummary } from '../../../src/components/member-directory/types.js';
import { GroveParticipationBadge } from '../../../src/components/participation-badge/participation-badge.js';
import type { CommunityParticipation, MemberBadge } from '../../../src/components/participation-badge/types.js';
import { GroveProvider } from '../../../src/context/grove-provider.js';
import type { GroveErrorEvent } from '../../../src/events/grove-error-event.js';
import type { GroveLoadEvent } from '../../../src/events/grove-load-event.js';
import { defineElement } from '../../../src/registry/define-element.js';
import { expectAccessible } from '../../helpers/axe.js';
import { withoutIntersectionObserver } from '../../helpers/intersection-observer.js';
import { demoToken } from '../discussion-thread/live-server.js';

defineElement('grove-provider', GroveProvider);
defineElement('grove-member-directory', GroveMemberDirectory);
defineElement('grove-participation-badge', GroveParticipationBadge);

/** Set by web-test-runner.config.js: the reference server, on another origin than the test page. */
const api = (window as { GROVE_API?: string | null }).GROVE_API;

/** Requests the page really sent to the reference server for `path` (the Resource Timing buffer sees every fetch). */
const requestsTo = (path: string) =>
  performance.getEntriesByType('resource').filter((entry) => new URL(entry.name).pathname.endsWith(path));

/** A demo token for a seeded member (the reference server runs in demo mode for tests). */
const signIn = (member: string) => demoToken(api!, member);

describe('grove-participation-badge against the reference server', function () {
  this.timeout(20000);

  let restoreLazyLoading: (() => void) | undefined;
  before(function () {
    if (!api) this.skip();
    restoreLazyLoading = withoutIntersectionObserver();
    performance.setResourceTimingBufferSize(2000);
  });
  after(() => restoreLazyLoading?.());
  beforeEach(() => performance.clearResourceTimings());

  it('gives a directory page of 50 members their inline badges with one request', async () => {
    const badgeLoads: (MemberBadge | null)[] = [];
    const collect = (event: GroveLoadEvent) => {
      if (event.composedPath()[0] instanceof GroveParticipationBadge) badgeLoads.push(event.detail.data as MemberBadge | null);
    };
    document.addEventListener('grove-load', collect);
    try {
      const provider = await fixture<GroveProvider>(html`<grove-provider api=${api!}>
        <grove-member-directory page-size="50" no-facets
          .renderBadge=${(member: MemberSummary) => html`<grove-participation-badge member=${member.id}></grove-participation-badge>`}
        ></grove-member-directory>
      </grove-provider>`);
      await waitUntil(() => badgeLoads.length === 50, 'every badge of the page loads', { timeout: 10000 });
      const directory = provider.querySelector('grove-member-directory')!;
      expect(requestsTo('/v1/participation/badges'), 'one batched request for the page').to.have.length(1);
      const shown = badgeLoads.filter((badge) => badge !== null);
      expect(shown.length, 'all but members hiding their badge').to.be.greaterThan(40);
      const rendered = [...directory.shadowRoot!.querySelectorAll<GroveParticipationBadge>('grove-participation-badge')];
      await Promise.all(rendered.map((badge) => badge.updateComplete));
      const levels = rendered.flatMap((badge) => badge.shadowRoot?.querySelector('[part~="level"]')?.textContent ?? []);
      expect(levels).to.have.length(shown.length);
      expect(
        levels.every((level) => /contributor|Member/.test(level)),
        levels.join(', '),
      ).to.equal(true);
    } finally {
      document.removeEventListener('grove-load', collect);
    }
  });

  it('shows a seeded facilitator’s card with her contributions and achievements', async () => {
    const load = oneEvent<GroveLoadEvent>(document, 'grove-load');
    const el = await fixture<GroveParticipationBadge>(
      html`<grove-participation-badge api=${api!} member="1" community="water" variant="card"></grove-participation-badge>`,
    );
    const badge = (await load).detail.data as MemberBadge;
    await el.updateComplete;
    expect(badge.name).to.equal('Amina Diallo');
    expect(badge.achievements.map((achievement) => achievement.id)).to.include('facilitator');
    const root = el.shadowRoot!;
    expect(root.querySelector('[part~="card"]')?.getAttribute('aria-label')).to.match(/^Participation of Amina Diallo: /);
    expect(root.querySelectorAll('[part~="contributions"] li').length, 'her posts and answers').to.be.greaterThan(0);
    expect(root.textContent).to.contain('Facilitator');
    await expectAccessible(el);
  });

  it('lets a signed-in member download her achievement as a signed Open Badges credential', async () => {
    const blobs: Blob[] = [];
    const original = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob) => (blobs.push(blob), original(blob));
    try {
      const load = oneEvent<GroveLoadEvent>(document, 'grove-load');
      const provider = await fixture<GroveProvider>(html`<grove-provider api=${api!} .token=${await signIn('1')}>
        <grove-participation-badge member="1" community="water" variant="card"></grove-participation-badge>
      </grove-provider>`);
      expect(((await load).detail.data as MemberBadge).isViewer).to.equal(true);
      const el = provider.querySelector<GroveParticipationBadge>('grove-participation-badge')!;
      await el.updateComplete;
      const download = el.shadowRoot!.querySelector<HTMLElement>('[part~="credential-button"]');
      expect(download, 'her own card offers the export').not.to.equal(null);
      download!.click();
      await waitUntil(() => blobs.length === 1, 'the credential downloads', { timeout: 10000 });
      const jwt = await blobs[0]!.text();
      const [header, payload] = jwt
        .split('.')
        .slice(0, 2)
        .map((part) => JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>);
      expect(header?.alg).to.equal('RS256');
      expect(payload?.type).to.deep.equal(['VerifiableCredential', 'OpenBadgeCredential']);
    } finally {
      URL.createObjectURL = original;
    }
  });

  it('respects a member who hides their badge (Nour Khalil, seeded id 9)', async () => {
    const load = oneEvent<GroveLoadEvent>(document, 'grove-load');
    const el = await fixture<GroveParticipationBadge>(
      html`<grove-participation-badge api=${api!} member="9" variant="card"></grove-participation-badge>`,
    );
    expect((await load).detail.data).to.equal(null);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="status"]')?.textContent).to.contain('does not show');
  });

  it('draws the water community’s participation profile', async () => {
    const load = oneEvent<GroveLoadEvent>(document, 'grove-load');
    const el = await fixture<GroveParticipationBadge>(
      html`<grove-participation-badge api=${api!} community="water" lang="fr"></grove-participation-badge>`,
    );
    const profile = (await load).detail.data as CommunityParticipation;
    await el.updateComplete;
    const shares = profile.levels.filter((share) => share.level !== 'transactional').reduce((sum, share) => sum + share.members, 0);
    expect(shares, 'every member has one level').to.equal(profile.members);
    expect(profile.trend).to.have.length(12);
    const root = el.shadowRoot!;
    expect(root.querySelector('[part~="title"]')?.textContent).to.match(/^Participation dans /);
    expect(root.querySelectorAll('[part~="table"] tbody tr')).to.have.length(12);
    await expectAccessible(el);
  });

  it('names an unknown community rather than showing an empty chart', async () => {
    const failed = oneEvent<GroveErrorEvent>(document, 'grove-error');
    const el = await fixture<GroveParticipationBadge>(
      html`<grove-participation-badge api=${api!} community="no-such-community"></grove-participation-badge>`,
    );
    expect((await failed).detail.error.kind).to.equal('not-found');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')?.textContent).to.contain('could not be found');
  });
  it('gives water’s facilitator her action list, and welcomes a newcomer on the server; nobody else gets names', async () => {
    const token = await signIn('1');
    const provider = await fixture<GroveProvider>(html`<grove-provider api=${api!} .token=${token}>
      <grove-participation-badge community="water"></grove-participation-badge>
    </grove-provider>`);
    const el = provider.querySelector<GroveParticipationBadge>('grove-participation-badge')!;
    const root = el.shadowRoot!;
    await waitUntil(() => root.querySelectorAll('[part~="action-list"]').length > 0, 'the action list loads', { timeout: 10000 });
    const kinds = ['questions', 'newcomers', 'quiet', 'reports', 'hostless'];
    expect(
      kinds.filter((kind) => root.querySelector(`[part~="${kind}"] li`)),
      'the demo seed has every kind',
    ).to.deep.equal(kinds);
    expect(root.querySelector('[part~="questions"] a')?.getAttribute('href')).to.match(/^https:\/\/www\.example\.org\/water\/stories\//);
    await expectAccessible(el);

    const button = root.querySelector<HTMLButtonElement>('[part~="welcome-button"]')!;
    const member = button.dataset.member!;
    button.click();
    await waitUntil(() => root.querySelector('[part~="welcomed"]'), 'the newcomer is marked welcomed', { timeout: 10000 });
    // Bodies read to the end, so their timing entries are in before the member's view is measured.
    const actions = async (as: string | null) => {
      const response = await fetch(`${api!}/v1/participation/communities/water/actions`, {
        headers: as ? { authorization: `Bearer ${as}` } : {},
      });
      return { status: response.status, json: JSON.parse(await response.text()) as unknown };
    };
    const after = (await actions(token)).json as { newcomers: { member: { id: string } }[] };
    expect(
      after.newcomers.map((newcomer) => newcomer.member.id),
      'the welcome was recorded',
    ).to.not.include(member);

    expect((await actions(null)).status, 'anonymous').to.equal(401);
    expect((await actions(await signIn('12'))).status, 'a member who does not facilitate water').to.equal(403);
    const memberToken = await signIn('12');
    performance.clearResourceTimings();
    const asMember = await fixture<GroveProvider>(html`<grove-provider api=${api!} .token=${memberToken}>
      <grove-participation-badge community="water"></grove-participation-badge>
    </grove-provider>`);
    const load = oneEvent<GroveLoadEvent>(asMember, 'grove-load');
    await load;
    const memberView = asMember.querySelector<GroveParticipationBadge>('grove-participation-badge')!;
    await memberView.updateComplete;
    expect(memberView.shadowRoot!.querySelector('[part~="figures"]'), 'the aggregate').to.not.equal(null);
    expect(memberView.shadowRoot!.querySelector('[part~="actions"]'), 'no names for a member').to.equal(null);
    expect(requestsTo('/actions'), 'a member’s view never asks for names').to.have.length(0);
  });
});
