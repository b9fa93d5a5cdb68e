import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { GroveMemberDirectory } from '../../../src/components/member-directory/member-directory.js';
import { GroveProvider } from '../../../src/context/grove-provider.js';
import { defineElement } from '../../../src/registry/define-element.js';
import { expectAccessible } from '../../helpers/axe.js';
import { withoutIntersectionObserver } from '../../helpers/intersection-observer.js';
import { demoToken } from '../discussion-thread/live-server.js';

defineElement('grove-member-directory', GroveMemberDirectory);
defineElement('grove-provider', GroveProvider);

/** Set by web-test-runner.config.js: the reference server, on another origin than the test page. */
const api = (window as { GROVE_API?: string | null }).GROVE_API;

/** A seeded member no other browser test signs in as. */
const MEMBER = '9';

const signIn = (member: string) => demoToken(api!, member);

interface Settings {
  digest: string;
  off: string[];
  mailingLists: string[];
  followedCommunities: string[];
  communities: { slug: string; name: string; member: boolean }[];
}

describe('E-mail settings and following against the reference server', function () {
  this.timeout(30000);

  let restoreLazyLoading: (() => void) | undefined;
  before(function () {
    if (!api) this.skip();
    restoreLazyLoading = withoutIntersectionObserver();
  });
  after(() => restoreLazyLoading?.());

  it('saves the digest, a switched-off kind and mailing-list mode across origins, and follows a community from the directory', async () => {
    const token = await signIn(MEMBER);
    const read = async () =>
      (await (await fetch(`${api!}/v1/me/mail`, { headers: { authorization: `Bearer ${token}` } })).json()) as Settings;
    const before = await read();
    const community = before.communities.find((c) => c.member);
    expect(community, 'the seeded member belongs to a community').to.not.equal(undefined);
    const slug = community!.slug;

    const firstLoad = oneEvent(document, 'grove-load');
    const provider = await fixture<GroveProvider>(html`<grove-provider api=${api!} .token=${token}>
      <grove-member-directory community=${slug}></grove-member-directory>
    </grove-provider>`);
    await firstLoad;
    const el = provider.querySelector<GroveMemberDirectory>('grove-member-directory')!;
    const root = el.shadowRoot!;

    // Following by e-mail from the directory's community toolbar.
    await waitUntil(() => root.querySelector('[part~="follow-button"]'), 'the follow toggle arrives', { timeout: 10000 });
    const follow = root.querySelector<HTMLButtonElement>('[part~="follow-button"]')!;
    const wasFollowing = follow.getAttribute('aria-pressed') === 'true';
    follow.click();
    await waitUntil(() => follow.getAttribute('aria-pressed') === String(!wasFollowing), 'the toggle flips', { timeout: 10000 });
    expect((await read()).followedCommunities.includes(slug)).to.equal(!wasFollowing);

    // The settings, opened from the profile editor.
    root.querySelector<HTMLElement>('[part~="edit-profile-button"]')!.click();
    await waitUntil(() => root.querySelector('[part~="mail-settings-button"]'), 'the editor loads', { timeout: 10000 });
    root.querySelector<HTMLElement>('[part~="mail-settings-button"]')!.click();
    await waitUntil(() => root.querySelector('dialog.mail-settings input[name="digest"]'), 'the settings load', { timeout: 10000 });
    const dialog = root.querySelector<HTMLDialogElement>('dialog.mail-settings')!;
    const digest = before.digest === 'daily' ? 'weekly' : 'daily';
    dialog.querySelector<HTMLInputElement>(`[name="digest"][value="${digest}"]`)!.click();
    const kind = dialog.querySelector<HTMLInputElement>('[name="kind:moderation"]')!;
    const moderationWasOn = kind.checked;
    kind.click();
    const list = dialog.querySelector<HTMLInputElement>(`[name="list:${slug}"]`)!;
    const wasListed = list.checked;
    list.click();
    await expectAccessible(el);
    dialog.querySelector<HTMLButtonElement>('[part~="mail-save-button"]')!.click();
    await waitUntil(() => dialog.querySelector('.form-message')!.textContent.includes('saved'), 'saved', { timeout: 10000 });

    const after = await read();
    expect(after.digest).to.equal(digest);
    expect(after.off.includes('moderation')).to.equal(moderationWasOn);
    expect(after.mailingLists.includes(slug)).to.equal(!wasListed);

    // Put the member back as the seed had them.
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    await fetch(`${api!}/v1/me/mail`, { method: 'PATCH', headers: auth, body: JSON.stringify({ digest: before.digest, off: before.off }) });
    await fetch(`${api!}/v1/communities/${slug}/mailing-list`, { method: wasListed ? 'PUT' : 'DELETE', headers: auth });
    await fetch(`${api!}/v1/communities/${slug}/follow`, { method: wasFollowing ? 'PUT' : 'DELETE', headers: auth });
  });
});
