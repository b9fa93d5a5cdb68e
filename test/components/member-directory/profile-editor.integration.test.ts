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

/** Grace Achieng, a seeded member no other browser test signs in as. */
const GRACE = '5';

const signIn = (member: string) => demoToken(api!, member);

describe('Edit my profile against the reference server', function () {
  this.timeout(30000);

  let restoreLazyLoading: (() => void) | undefined;
  before(function () {
    if (!api) this.skip();
    restoreLazyLoading = withoutIntersectionObserver();
  });
  after(() => restoreLazyLoading?.());
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('saves a change with If-Match across origins and the directory finds it at once', async () => {
    const token = await signIn(GRACE);
    const firstLoad = oneEvent(document, 'grove-load');
    const provider = await fixture<GroveProvider>(html`<grove-provider api=${api!} .token=${token}>
      <grove-member-directory></grove-member-directory>
    </grove-provider>`);
    await firstLoad;
    const el = provider.querySelector<GroveMemberDirectory>('grove-member-directory')!;
    const root = el.shadowRoot!;
    await waitUntil(() => root.querySelector('[part~="edit-profile-button"]'), 'the signed-in tools arrive', { timeout: 10000 });
    root.querySelector<HTMLElement>('[part~="edit-profile-button"]')!.click();
    await waitUntil(() => root.querySelector('dialog.editor input[name="organisation"]'), 'the editor loads', { timeout: 10000 });
    const dialog = root.querySelector<HTMLDialogElement>('dialog.editor')!;
    const organisation = dialog.querySelector<HTMLInputElement>('input[name="organisation"]')!;
    const original = organisation.value;
    const unique = `Kisumu Water Trust ${Date.now().toString(36)}`;
    organisation.value = unique;
    organisation.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await expectAccessible(el);

    const saved = oneEvent(document, 'grove-profile-change');
    dialog.querySelector<HTMLButtonElement>('[part~="save-button"]')!.click();
    await saved;
    expect(dialog.open).to.equal(false);

    // What every viewer now sees: the server's directory search, anonymous and across origins.
    const found = await fetch(`${api!}/v1/members?q=${encodeURIComponent(unique)}`);
    const page = (await found.json()) as { items: { id: string; organisation: string }[] };
    expect(page.items.map((m) => [m.id, m.organisation])).to.deep.equal([[GRACE, unique]]);

    // A stale version is refused: the server kept the version this editor saved over.
    const me = await fetch(`${api!}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    const version = ((await me.json()) as { version: number }).version;
    const stale = await fetch(`${api!}/v1/me`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/merge-patch+json', 'if-match': `"${version - 1}"` },
      body: JSON.stringify({ organisation: 'never' }),
    });
    expect(stale.status).to.equal(412);

    // Put Grace back as the seed had her, for the other tests of this run.
    const restore = await fetch(`${api!}/v1/me`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/merge-patch+json', 'if-match': `"${version}"` },
      body: JSON.stringify({ organisation: original || null }),
    });
    expect(restore.status).to.equal(200);
  });
});
