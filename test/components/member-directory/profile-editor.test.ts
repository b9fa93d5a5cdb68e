import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { GroveApiError } from '../../../src/api/problem.js';
import { GroveMemberDirectory } from '../../../src/components/member-directory/member-directory.js';
import { controlOf } from '../../../src/components/member-directory/profile-editor.js';
import { defineElement } from '../../../src/registry/define-element.js';
import type { GroveProfileChangeEvent } from '../../../src/events/grove-profile-change-event.js';
import { expectAccessible } from '../../helpers/axe.js';
import { $, deepActive, loaded } from '../../helpers/dom.js';
import type { FakeClient } from '../../helpers/fake-client.js';
import { withoutIntersectionObserver } from '../../helpers/intersection-observer.js';
import { directoryClient, signedInClient } from './fixtures.js';

defineElement('grove-member-directory', GroveMemberDirectory);

type Directory = GroveMemberDirectory;

const open = async (client: FakeClient, template = html`<grove-member-directory></grove-member-directory>`, lang?: string) => {
  const el = await loaded<Directory>(template, client, lang ? { lang } : {});
  await waitUntil(() => el.shadowRoot?.querySelector('[part~="edit-profile-button"]'), 'the signed-in tools arrive');
  return el;
};

/** Opens the editor and waits for the form. */
async function openEditor(el: Directory): Promise<HTMLDialogElement> {
  $(el, '[part~="edit-profile-button"]').click();
  await waitUntil(() => el.shadowRoot?.querySelector('dialog.editor input[name="name"]'), 'the editor loads');
  await el.updateComplete;
  return el.shadowRoot!.querySelector<HTMLDialogElement>('dialog.editor')!;
}

function type(dialog: HTMLDialogElement, name: string, value: string): void {
  const control = dialog.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`)!;
  control.value = value;
  control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true, composed: true }));
}

describe('grove-member-directory: a signed-in member', () => {
  let restoreLazyLoading: () => void;
  before(() => (restoreLazyLoading = withoutIntersectionObserver()));
  after(() => restoreLazyLoading());
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('offers nothing to edit to an anonymous reader, and asks nothing about them', async () => {
    const client = directoryClient();
    const el = await loaded<Directory>(html`<grove-member-directory></grove-member-directory>`, client);
    expect(el.shadowRoot!.querySelector('[part~="edit-profile-button"]')).to.equal(null);
    expect(client.callsTo('GET', '/v1/me')).to.have.length(0);
  });

  it('opens the editor on the name field with every field filled in', async () => {
    const el = await open(signedInClient());
    const dialog = await openEditor(el);
    expect(dialog.open).to.equal(true);
    await waitUntil(() => deepActive()?.getAttribute('name') === 'name', 'focus on the name');
    expect(dialog.querySelector<HTMLInputElement>('[name="name"]')!.value).to.equal('عمر الفاسي');
    expect(dialog.querySelector<HTMLInputElement>('[name="languages"]')!.value).to.equal('ar, fr');
    expect(dialog.querySelector<HTMLSelectElement>('[name="contacts.0.visibility"]')!.value).to.equal('members');
    expect(dialog.querySelector<HTMLSelectElement>('[name="skills.0.level"]')!.value).to.equal('3');
    expect(dialog.textContent).to.contain('Your posts stay, signed with your name as plain text');
    await expectAccessible(el);
  });

  it('saves only what changed, with If-Match, then closes, refreshes and tells the page', async () => {
    const client = signedInClient();
    const el = await open(client);
    const dialog = await openEditor(el);
    type(dialog, 'practice', 'GIS specialist');
    type(dialog, 'contacts.0.visibility', 'facilitators');
    dialog.querySelector<HTMLElement>('[data-add="skills"]')!.click();
    await el.updateComplete;
    type(dialog, 'skills.1.skill', 'Drip irrigation');
    const searchesBefore = client.callsTo('GET', '/v1/members').length;
    const changed: Promise<GroveProfileChangeEvent> = oneEvent(document, 'grove-profile-change');
    dialog.querySelector<HTMLButtonElement>('[part~="save-button"]')!.click();
    expect((await changed).detail.member).to.equal('2');
    const [patch] = client.callsTo('PATCH', '/v1/me');
    expect(patch!.ifMatch).to.equal('"3"');
    expect(patch!.body).to.deep.equal({
      practice: 'GIS specialist',
      skills: [
        { skill: 'gis', level: 3 },
        { skill: 'drip-irrigation', level: 2 },
      ],
      contacts: [{ kind: 'email', value: 'omar@example.org', visibility: 'facilitators' }],
    });
    await el.updateComplete;
    expect(dialog.open).to.equal(false);
    expect(deepActive()?.getAttribute('part')).to.equal('edit-profile-button');
    expect($(el, '[part~="edit-profile-button"]').parentElement!.textContent).to.contain('Your profile is saved.');
    await waitUntil(() => client.callsTo('GET', '/v1/members').length > searchesBefore, 'the directory reloads');
  });

  it('an emptied field resets it (null), and the opt-out is sent as such', async () => {
    const client = signedInClient();
    const el = await open(client);
    const dialog = await openEditor(el);
    type(dialog, 'country', '');
    const box = dialog.querySelector<HTMLInputElement>('[name="directoryOptOut"]')!;
    box.click();
    dialog.querySelector<HTMLButtonElement>('[part~="save-button"]')!.click();
    await waitUntil(() => client.callsTo('PATCH', '/v1/me').length === 1);
    expect(client.callsTo('PATCH', '/v1/me')[0]!.body).to.deep.equal({ country: null, directoryOptOut: true });
  });

  it('shows each field error from problem+json beside its field, focuses it and keeps the text', async () => {
    const client = signedInClient();
    client.route('PATCH /v1/me', () => {
      throw new GroveApiError('invalid', 400, {
        errors: [
          { field: 'body.contacts.0.value', message: 'Must be an e-mail address' },
          { field: 'body.timeZone', message: 'Must be an IANA time zone' },
        ],
      });
    });
    const el = await open(client);
    const dialog = await openEditor(el);
    type(dialog, 'contacts.0.value', 'not an address');
    type(dialog, 'timeZone', 'Mars/Olympus');
    dialog.querySelector<HTMLButtonElement>('[part~="save-button"]')!.click();
    await waitUntil(() => dialog.querySelector('[aria-invalid="true"]'), 'the fields are marked');
    const value = dialog.querySelector<HTMLInputElement>('[name="contacts.0.value"]')!;
    expect(value.getAttribute('aria-invalid')).to.equal('true');
    expect(dialog.querySelector(`#${value.getAttribute('aria-describedby')!.replace('.', '\\.')}`)!.textContent).to.contain(
      'an e-mail address, a phone number',
    );
    expect(dialog.querySelector('#error-timeZone')!.textContent).to.contain('Choose a time zone');
    expect(value.value, 'nothing typed is lost').to.equal('not an address');
    expect(dialog.open).to.equal(true);
    await waitUntil(() => deepActive()?.getAttribute('aria-invalid') === 'true', 'focus on the first refused field');
    await expectAccessible(el);
  });

  it('after a conflict keeps the edits and saves them over the newer version', async () => {
    const client = signedInClient();
    const el = await open(client);
    const dialog = await openEditor(el);
    // Another tab saved meanwhile.
    await client.send('PATCH', '/v1/me', { body: { bio: 'From the other tab' }, ifMatch: '"3"' });
    type(dialog, 'practice', 'Cartographer');
    dialog.querySelector<HTMLButtonElement>('[part~="save-button"]')!.click();
    await waitUntil(() => dialog.textContent.includes('changed elsewhere'), 'the conflict is explained');
    expect(dialog.querySelector<HTMLInputElement>('[name="practice"]')!.value).to.equal('Cartographer');
    await waitUntil(() => client.callsTo('GET', '/v1/me').length >= 3, 'the newer version is read');
    await el.updateComplete;
    const saved = oneEvent(document, 'grove-profile-change');
    dialog.querySelector<HTMLButtonElement>('[part~="save-button"]')!.click();
    await saved;
    expect(client.callsTo('PATCH', '/v1/me').at(-1)!.ifMatch).to.equal('"4"');
  });

  it('Escape closes the editor and returns focus to its button', async () => {
    const el = await open(signedInClient());
    const dialog = await openEditor(el);
    await waitUntil(() => deepActive()?.getAttribute('name') === 'name');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(dialog.open).to.equal(false);
    expect(deepActive()?.getAttribute('part')).to.equal('edit-profile-button');
  });

  it('adding and removing rows moves focus to the new row and back to Add', async () => {
    const el = await open(signedInClient());
    const dialog = await openEditor(el);
    dialog.querySelector<HTMLElement>('[data-add="contacts"]')!.click();
    await waitUntil(() => deepActive()?.getAttribute('name') === 'contacts.1.kind', 'focus in the new row');
    const rows = dialog.querySelectorAll('[data-list="contacts"] .row');
    rows[1]!.querySelector<HTMLButtonElement>('button')!.click();
    await waitUntil(() => deepActive()?.getAttribute('data-add') === 'contacts', 'focus back on Add');
  });

  it('is translated and right-to-left in Arabic', async () => {
    const el = await open(signedInClient(), html`<grove-member-directory></grove-member-directory>`, 'ar');
    const dialog = await openEditor(el);
    await waitUntil(() => dialog.querySelector('#editor-title')!.textContent.includes('تعديل'), 'Arabic arrives');
    expect(dialog.getAttribute('dir')).to.equal('rtl');
    expect(dialog.querySelector('[name="directoryOptOut"]')!.parentElement!.textContent).to.contain('إخفائي من الدليل');
    await expectAccessible(el);
  });

  it('endorses and withdraws on another member’s profile, never on one’s own', async () => {
    const client = signedInClient();
    const el = await open(client);
    $(el, '[data-member="1"]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="endorse-button"]'), 'Endorse on Amina’s skills');
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="endorse-button"]')!;
    expect(button.getAttribute('aria-label')).to.equal('Endorse Drip irrigation');
    button.click();
    // The profile reloads after each change: the button is briefly absent while it does.
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="endorse-button"]')?.textContent.includes('Withdraw'), 'endorsed');
    expect(client.callsTo('POST', '/v1/members/1/endorsements')[0]!.body).to.deep.equal({ skill: 'drip-irrigation' });
    await expectAccessible(el);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="endorse-button"]')!.click();
    await waitUntil(() => client.callsTo('DELETE', '/v1/members/1/endorsements/drip-irrigation').length === 1);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="endorse-button"]')?.textContent.includes('Endorse'), 'withdrawn');

    history.replaceState(null, '', location.pathname + location.search);
    const own = await open(client);
    $(own, '[data-member="2"]').click();
    await waitUntil(() => own.shadowRoot!.querySelector('[part~="vcard-button"]'), 'own profile loads');
    expect(own.shadowRoot!.querySelector('[part~="endorse-button"]')).to.equal(null);
  });

  it('joins and leaves the directory’s community, and asks to join a members-only one', async () => {
    const client = signedInClient();
    const el = await open(client, html`<grove-member-directory community="water"></grove-member-directory>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="membership-button"]'), 'the community is known');
    const button = () => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="membership-button"]')!;
    expect(button().textContent.trim()).to.equal('Join this community');
    button().click();
    await waitUntil(() => button().textContent.trim() === 'Leave this community', 'joined');
    expect(button().parentElement!.textContent).to.contain('You joined this community.');
    button().click();
    await waitUntil(() => button().textContent.trim() === 'Join this community', 'left');
    expect(client.callsTo('DELETE', '/v1/communities/water/membership')).to.have.length(1);

    const closed = signedInClient({ visibility: 'members', role: null });
    const other = await open(closed, html`<grove-member-directory community="water"></grove-member-directory>`);
    await waitUntil(() => other.shadowRoot!.querySelector('[part~="membership-button"]'));
    other.shadowRoot!.querySelector<HTMLButtonElement>('[part~="membership-button"]')!.click();
    await waitUntil(() => other.shadowRoot!.textContent.includes('a facilitator will decide'), 'requested');
    await expectAccessible(other);
  });

  it('signing out (a client without a token) takes the tools away', async () => {
    const el = await open(signedInClient());
    (el.closest('grove-provider') as unknown as { client: FakeClient }).client = directoryClient();
    await waitUntil(() => !el.shadowRoot!.querySelector('[part~="edit-profile-button"]'), 'no Edit my profile for a reader');
  });

  it('names the control a server field belongs to', () => {
    expect(controlOf('body.contacts.1.value')).to.equal('contacts.1');
    expect(controlOf('body.skills.0.level')).to.equal('skills.0');
    expect(controlOf('body.interests.2')).to.equal('interests.2');
    expect(controlOf('body.languages.0')).to.equal('languages');
    expect(controlOf('body.name')).to.equal('name');
  });
});
