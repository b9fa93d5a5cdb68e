import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { GroveApiError } from '../../../src/api/problem.js';
import { GroveMemberDirectory } from '../../../src/components/member-directory/member-directory.js';
import { changesOf, draftOfSettings } from '../../../src/components/member-directory/mail-settings.js';
import { defineElement } from '../../../src/registry/define-element.js';
import { expectAccessible } from '../../helpers/axe.js';
import { $, deepActive, loaded } from '../../helpers/dom.js';
import type { FakeClient } from '../../helpers/fake-client.js';
import { withoutIntersectionObserver } from '../../helpers/intersection-observer.js';
import { omarMail, signedInClient } from './fixtures.js';

defineElement('grove-member-directory', GroveMemberDirectory);

type Directory = GroveMemberDirectory;

const open = async (client: FakeClient, options: { community?: string; lang?: string } = {}) => {
  const el = await loaded<Directory>(
    html`<grove-member-directory community=${options.community ?? ''}></grove-member-directory>`,
    client,
    options.lang ? { lang: options.lang } : {},
  );
  await waitUntil(() => el.shadowRoot?.querySelector('[part~="edit-profile-button"]'), 'the signed-in tools arrive');
  return el;
};

/** Opens the profile editor, then the e-mail settings from it, and waits for the form. */
async function openMail(el: Directory): Promise<HTMLDialogElement> {
  $(el, '[part~="edit-profile-button"]').click();
  await waitUntil(() => el.shadowRoot?.querySelector('[part~="mail-settings-button"]'), 'the editor loads');
  $(el, '[part~="mail-settings-button"]').click();
  await waitUntil(() => el.shadowRoot?.querySelector('dialog.mail-settings input[name="digest"]'), 'the e-mail settings load');
  await el.updateComplete;
  return el.shadowRoot!.querySelector<HTMLDialogElement>('dialog.mail-settings')!;
}

const control = (dialog: HTMLDialogElement, name: string, value?: string) =>
  dialog.querySelector<HTMLInputElement>(value ? `[name="${name}"][value="${value}"]` : `[name="${name}"]`)!;
const save = (dialog: HTMLDialogElement) => dialog.querySelector<HTMLButtonElement>('[part~="mail-save-button"]')!.click();

describe('grove-member-directory: e-mail settings', () => {
  let restoreLazyLoading: () => void;
  before(() => (restoreLazyLoading = withoutIntersectionObserver()));
  after(() => restoreLazyLoading());
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('turns settings into one merge patch and the list switches that changed', () => {
    const base = draftOfSettings(omarMail());
    const draft = draftOfSettings(omarMail());
    expect(changesOf(base, draft)).to.deep.equal({ patch: undefined, lists: [] });
    draft.digest = 'daily';
    draft.on.add('mention');
    draft.on.delete('thread-post');
    draft.lists.add('water');
    const { patch, lists } = changesOf(base, draft);
    expect(patch).to.deep.equal({ digest: 'daily', off: ['thread-post'] });
    expect(lists).to.deep.equal([['water', true]]);
  });

  it('opens from the editor with the saved choices, the address and what is followed', async () => {
    const el = await open(signedInClient());
    const dialog = await openMail(el);
    expect(dialog.open).to.equal(true);
    expect(control(dialog, 'kind:reply').checked).to.equal(true);
    expect(control(dialog, 'kind:mention').checked, 'mentions were switched off').to.equal(false);
    expect(control(dialog, 'digest', 'weekly').checked).to.equal(true);
    expect(control(dialog, 'list:water').checked).to.equal(false);
    expect(dialog.querySelector('[name="list:soil"]'), 'list mode only where one belongs').to.equal(null);
    expect(dialog.textContent).to.contain('Grove writes to omar@example.org.');
    const unfollow = [...dialog.querySelectorAll('[data-unfollow]')].map((b) => b.getAttribute('aria-label'));
    expect(unfollow).to.deep.equal([
      'Unfollow Community: Soil health',
      'Unfollow Solar pumps at 40 °C (in Water and sanitation)',
      'Unfollow تقنيات الري بالتنقيط (in Water and sanitation)',
    ]);
    expect(dialog.textContent).to.contain('and 3 more discussions');
    await waitUntil(() => deepActive()?.getAttribute('name') === 'kind:reply', 'focus on the first choice');
    await expectAccessible(el);
  });

  it('saves what changed by keyboard, then says so; Escape returns to the editor', async () => {
    const client = signedInClient();
    const el = await open(client);
    const dialog = await openMail(el);
    await waitUntil(() => deepActive()?.getAttribute('name') === 'kind:reply');
    await sendKeys({ press: 'Space' }); // replies off
    control(dialog, 'digest', 'daily').focus();
    await sendKeys({ press: 'Space' });
    control(dialog, 'list:water').focus();
    await sendKeys({ press: 'Space' });
    dialog.querySelector<HTMLElement>('[part~="mail-save-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog.querySelector('.form-message')!.textContent.includes('saved'), 'saved');
    expect(client.callsTo('PATCH', '/v1/me/mail')[0]!.body).to.deep.equal({ digest: 'daily', off: ['reply', 'mention'] });
    expect(client.callsTo('PUT', '/v1/communities/water/mailing-list')).to.have.length(1);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(dialog.open).to.equal(false);
    expect(deepActive()?.getAttribute('part')).to.equal('mail-settings-button');
    expect(el.shadowRoot!.querySelector<HTMLDialogElement>('dialog.editor:not(.mail-settings)')!.open, 'back in the editor').to.equal(true);
  });

  it('shows a refused field beside it, focuses it and keeps every choice', async () => {
    const client = signedInClient();
    client.route('PATCH /v1/me/mail', () => {
      throw new GroveApiError('invalid', 400, { errors: [{ field: 'body.digest', message: 'Invalid option' }] });
    });
    const el = await open(client);
    const dialog = await openMail(el);
    control(dialog, 'digest', 'off').click();
    control(dialog, 'kind:accepted').click();
    save(dialog);
    await waitUntil(() => dialog.querySelector('[aria-invalid="true"]'), 'the digest is marked');
    expect(dialog.textContent).to.contain('Choose daily, weekly or never.');
    expect(control(dialog, 'digest', 'off').checked, 'the choice is kept').to.equal(true);
    expect(control(dialog, 'kind:accepted').checked).to.equal(false);
    expect(client.callsTo('PUT', '/v1/communities/water/mailing-list'), 'nothing else is sent after a refusal').to.have.length(0);
    await waitUntil(() => deepActive()?.getAttribute('name') === 'digest', 'focus on the refused field');
    await expectAccessible(el);
  });

  it('after a failed save keeps the choices and sends only what is missing next time', async () => {
    const client = signedInClient();
    let fail = true;
    client.route('PUT /v1/communities/:slug/mailing-list', () => {
      if (fail) throw new GroveApiError('unavailable', 503, { title: 'Service unavailable' });
      return { subscribed: true };
    });
    const el = await open(client);
    const dialog = await openMail(el);
    control(dialog, 'digest', 'daily').click();
    control(dialog, 'list:water').click();
    save(dialog);
    await waitUntil(() => dialog.querySelector('.form-message')!.textContent.includes('Not saved'), 'the failure is said');
    expect(dialog.querySelector('.form-message')!.textContent).to.contain('Your choices are kept');
    expect(control(dialog, 'list:water').checked).to.equal(true);
    fail = false;
    save(dialog);
    await waitUntil(() => dialog.querySelector('.form-message')!.textContent.includes('saved'), 'saved the second time');
    expect(client.callsTo('PATCH', '/v1/me/mail'), 'the digest went the first time, not again').to.have.length(1);
    expect(client.callsTo('PUT', '/v1/communities/water/mailing-list')).to.have.length(2);
  });

  it('a community that cannot be reached any more is named beside its switch', async () => {
    const client = signedInClient();
    client.route('PUT /v1/communities/:slug/mailing-list', () => {
      throw new GroveApiError('not-found', 404, { title: 'Not found' });
    });
    const el = await open(client);
    const dialog = await openMail(el);
    control(dialog, 'list:water').click();
    save(dialog);
    await waitUntil(() => control(dialog, 'list:water').getAttribute('aria-invalid') === 'true', 'marked');
    const described = control(dialog, 'list:water').getAttribute('aria-describedby')!;
    expect(dialog.querySelector(`#${described}`)!.textContent).to.contain('cannot be reached');
  });

  it('unfollows at once, announces it and moves focus to the next Unfollow', async () => {
    const client = signedInClient();
    const el = await open(client);
    const dialog = await openMail(el);
    dialog.querySelectorAll<HTMLButtonElement>('[data-unfollow]')[1]!.click();
    await waitUntil(() => client.callsTo('DELETE', '/v1/threads/41/follow').length === 1);
    await waitUntil(() => dialog.querySelector('.follow-status')!.textContent.includes('no longer get e-mail about'), 'announced');
    expect([...dialog.querySelectorAll('li')].map((li) => li.textContent).join()).not.to.contain('Solar pumps');
    expect(deepActive()?.getAttribute('aria-label')).to.contain('تقنيات الري');
    dialog.querySelectorAll<HTMLButtonElement>('[data-unfollow]')[0]!.click();
    await waitUntil(() => client.callsTo('DELETE', '/v1/communities/soil/follow').length === 1);
  });

  it('a failed load says why, offers Retry with focus on it, and Retry loads the settings', async () => {
    const client = signedInClient();
    let fail = true;
    client.route('GET /v1/me/mail', () => {
      if (fail) throw new GroveApiError('unavailable', 503, { title: 'Service unavailable' });
      return omarMail();
    });
    // The directory asks for the settings only with a community; without one, only the panel does.
    const el = await open(client);
    $(el, '[part~="edit-profile-button"]').click();
    await waitUntil(() => el.shadowRoot?.querySelector('[part~="mail-settings-button"]'), 'the editor loads');
    $(el, '[part~="mail-settings-button"]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('dialog.mail-settings [part~="retry-button"]'), 'the failure is shown');
    await waitUntil(() => deepActive()?.getAttribute('part') === 'retry-button', 'focus on Retry');
    fail = false;
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.querySelector('dialog.mail-settings input[name="digest"]'), 'loaded on retry');
  });

  it('says when Grove has no address or the address bounces', async () => {
    const client = signedInClient();
    client.route('GET /v1/me/mail', () => ({ ...omarMail(), failing: true }));
    const el = await open(client);
    const dialog = await openMail(el);
    expect(dialog.textContent).to.contain('Mail to omar@example.org kept bouncing');
  });

  it('is translated and right-to-left in Arabic', async () => {
    const el = await open(signedInClient(), { lang: 'ar' });
    const dialog = await openMail(el);
    await waitUntil(() => dialog.querySelector('#mail-title')!.textContent.includes('إعدادات البريد'), 'Arabic arrives');
    expect(dialog.getAttribute('dir')).to.equal('rtl');
    expect(control(dialog, 'digest', 'weekly').parentElement!.textContent).to.contain('أسبوعي');
    await expectAccessible(el);
  });
});

describe('grove-member-directory: following a community by e-mail', () => {
  let restoreLazyLoading: () => void;
  before(() => (restoreLazyLoading = withoutIntersectionObserver()));
  after(() => restoreLazyLoading());

  it('is a toggle beside Join that follows and unfollows, announced', async () => {
    const client = signedInClient({ role: 'member' });
    const el = await open(client, { community: 'water' });
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="follow-button"]'), 'the toggle arrives');
    const toggle = () => $(el, '[part~="follow-button"]');
    expect(toggle().getAttribute('aria-pressed')).to.equal('false');
    toggle().focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => toggle().getAttribute('aria-pressed') === 'true', 'following');
    expect(client.callsTo('PUT', '/v1/communities/water/follow')).to.have.length(1);
    expect(el.shadowRoot!.querySelector('.member-tools [role="status"]')!.textContent).to.contain(
      'new threads of this community by e-mail',
    );
    await expectAccessible(el);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => toggle().getAttribute('aria-pressed') === 'false', 'not following');
    expect(client.callsTo('DELETE', '/v1/communities/water/follow')).to.have.length(1);
  });

  it('starts pressed for a community already followed', async () => {
    const el = await open(signedInClient(), { community: 'soil' });
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="follow-button"]'), 'the toggle arrives');
    expect($(el, '[part~="follow-button"]').getAttribute('aria-pressed')).to.equal('true');
  });
});
