import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { createHttpClient } from '../../../src/api/http-client.js';
import { memberChangesOpen } from '../../../src/components/shared/member-changes.js';
import { GroveParticipationBadge } from '../../../src/components/participation-badge/participation-badge.js';
import type { MemberBadge } from '../../../src/components/participation-badge/types.js';
import { defineElement } from '../../../src/registry/define-element.js';
import { fixtureWithClient } from '../../helpers/fixture.js';
import { withoutIntersectionObserver } from '../../helpers/intersection-observer.js';
import { api, demoToken } from '../discussion-thread/live-server.js';

defineElement('grove-participation-badge', GroveParticipationBadge);

/** Another browser: the member's own requests to the reference server, outside this page's client. */
async function editElsewhere(token: string, patch: Record<string, unknown>): Promise<void> {
  const me = await fetch(`${api!}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
  const edited = await fetch(`${api!}/v1/me`, {
    method: 'PATCH',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/merge-patch+json',
      'if-match': me.headers.get('etag') ?? '',
    },
    body: JSON.stringify(patch),
  });
  if (!edited.ok) throw new Error(`PATCH /v1/me: ${edited.status} ${await edited.text()}`);
}

/** A seeded member with a public badge whom no other browser test edits (the 13th listed). */
async function someone(): Promise<MemberBadge> {
  const members = (await (await fetch(`${api!}/v1/members?limit=40`)).json()) as { items: { id: string }[] };
  const ids = members.items.slice(12).map((member) => member.id);
  const query = ids.map((id) => `member=${id}`).join('&');
  const badges = (await (await fetch(`${api!}/v1/participation/badges?${query}`)).json()) as { items: MemberBadge[] };
  const found = badges.items.find((badge) => !badge.hidden);
  if (!found) throw new Error('no seeded member with a public badge');
  return found;
}

describe('member changes from another browser, against the reference server', function () {
  this.timeout(30000);

  let restoreLazyLoading: (() => void) | undefined;
  before(function () {
    if (!api) this.skip();
    restoreLazyLoading = withoutIntersectionObserver();
  });
  after(() => restoreLazyLoading?.());

  it("shows a member's new name, then their opting out, as another browser makes them, through the server's stream", async () => {
    const member = await someone();
    const token = await demoToken(api!, member.member);
    // This page reads anonymously, as a visitor of the public site would.
    const client = createHttpClient({ baseUrl: api! });
    const card = await fixtureWithClient<GroveParticipationBadge>(
      html`<grove-participation-badge member=${member.member} variant="card"></grove-participation-badge>`,
      client,
    );
    const name = () => card.shadowRoot?.querySelector('.card-header .name')?.textContent ?? '';
    await waitUntil(() => name() === member.name, 'the card shows the member', { timeout: 10000 });
    await memberChangesOpen(client);

    const renamed = `${member.name} (${Date.now().toString(36)})`;
    try {
      await editElsewhere(token, { name: renamed });
      await waitUntil(() => name() === renamed, 'the new name arrives without a reload', { timeout: 10000 });

      await editElsewhere(token, { directoryOptOut: true });
      await waitUntil(() => !card.shadowRoot?.querySelector('.card'), 'the card goes once they opt out', { timeout: 10000 });
      expect(card.shadowRoot!.textContent).not.to.include(renamed);
    } finally {
      // Put the member back as the seed had them, for the other tests of this run.
      await editElsewhere(token, { name: member.name, directoryOptOut: false });
    }
  });
});
