import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { GroveApiError } from '../src/api/problem.js';
import type { GroveStoryParameters } from './decorators/fake-client.js';
import { badgeRoutes, variedBadge } from '../test/components/participation-badge/fixtures.js';
import {
  broadSearchRoutes,
  directoryRoutes,
  omar,
  omarMail,
  signedInRoutes,
  variedMembers,
} from '../test/components/member-directory/fixtures.js';

interface Args {
  community: string;
  query: string;
  view: string;
  'page-size': string;
  'no-search': boolean;
  'no-facets': boolean;
}

const grove = (parameters: GroveStoryParameters): { grove: GroveStoryParameters } => ({ grove: parameters });

const meta: Meta<Args> = {
  title: 'Widgets/Member directory',
  component: 'grove-member-directory',
  args: { community: '', query: '', view: 'cards', 'page-size': '24', 'no-search': false, 'no-facets': false },
  render: (args) => html`<grove-member-directory
    community=${args.community}
    query=${args.query}
    view=${args.view}
    page-size=${args['page-size']}
    ?no-search=${args['no-search']}
    ?no-facets=${args['no-facets']}
  ></grove-member-directory>`,
  parameters: grove({ routes: directoryRoutes(), delayMs: 150 }),
};
export default meta;

type Story = StoryObj<Args>;

export const Default: Story = {};

export const Loading: Story = { parameters: grove({ routes: directoryRoutes(), loading: true }) };

export const Empty: Story = { parameters: grove({ routes: directoryRoutes([]) }) };

export const Failed: Story = {
  parameters: grove({
    routes: {
      'GET /v1/members': () => {
        throw new GroveApiError('unavailable', 503, { title: 'Service Unavailable' });
      },
    },
  }),
};

/** `api` points at a site's own pages, not at a Grove server: the message names the attribute, no retry. */
export const WrongApi: Story = {
  parameters: grove({
    routes: {
      'GET /v1/members': () => {
        throw new GroveApiError('not-grove', 200);
      },
    },
  }),
};

/** 60 members, 12 per page: "show more" moves focus to the first new card. */
export const ManyItems: Story = {
  args: { 'page-size': '12' },
  parameters: grove({ routes: directoryRoutes(variedMembers(60)), delayMs: 150 }),
};

/** A broad search on a large network: the server stopped counting at 1,000 and counted facets over those. */
export const BroadSearch: Story = {
  args: { query: 'ma' },
  parameters: grove({ routes: broadSearchRoutes(variedMembers(24)) }),
};

export const ListView: Story = {
  args: { view: 'list' },
  parameters: grove({ routes: directoryRoutes(variedMembers(12)) }),
};

export const RightToLeft: Story = {
  globals: { lang: 'ar', dir: 'rtl' },
  parameters: grove({ routes: directoryRoutes([omar, ...variedMembers(5)]) }),
};

export const Dark: Story = { globals: { theme: 'dark' } };

/** `no-facets`: the results take the whole width; filters set by attribute still show as removable chips. */
export const NoFacets: Story = {
  args: { 'no-facets': true },
  render: (args) => html`<grove-member-directory country="sn" ?no-facets=${args['no-facets']}></grove-member-directory>`,
  parameters: grove({ routes: directoryRoutes(variedMembers(12)) }),
};

/** A profile opened from a shared link (`#profile-story.member=1`): the dialog, its sections and the vCard button. */
export const ProfileOpen: Story = {
  render: () => {
    // Namespaced by this story's id, so the other stories' directories ignore it.
    history.replaceState(history.state, '', `${location.pathname}${location.search}#profile-story.member=1`);
    return html`<grove-member-directory id="profile-story"></grove-member-directory>`;
  },
};

/** Themed only through the documented custom properties and parts. */
export const Themed: Story = {
  render: () => html`<style>
      .themed {
        --grove-color-accent: #6b2fa3;
        --grove-color-surface: #fbf8ff;
        --grove-radius: 0;
        --grove-member-directory-columns: repeat(auto-fill, minmax(20rem, 1fr));
        --grove-member-directory-avatar-size: 4rem;
        font-family: Georgia, serif;
      }
      .themed::part(card) {
        box-shadow: 0 2px 6px rgb(0 0 0 / 0.15);
      }
    </style>
    <grove-member-directory class="themed"></grove-member-directory>`,
};

/** A site editor's typo, shown as a translated message rather than a blank box. */
export const InvalidAttribute: Story = { args: { view: 'grid' } };

/** `badges`: each member's participation badge beside their name; every badge on the page is one request. */
export const WithBadges: Story = {
  args: { community: 'water' },
  render: (args) => html`<grove-member-directory community=${args.community} badges></grove-member-directory>`,
  parameters: grove({ routes: { ...directoryRoutes(), ...badgeRoutes(variedBadge) } }),
};

/** Waits (a frame at a time) for `selector` in the story's directory. */
async function inDirectory(canvas: HTMLElement, selector: string): Promise<HTMLElement | undefined> {
  for (let frame = 0; frame < 300; frame += 1) {
    const found = canvas.querySelector('grove-member-directory')?.shadowRoot?.querySelector<HTMLElement>(selector);
    if (found) return found;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  return undefined;
}

const signedIn = (options?: Parameters<typeof signedInRoutes>[0]) => grove({ routes: signedInRoutes(options), authenticated: true });

/** A signed-in member: "Edit my profile" above the search, and Join on the directory's community. */
export const SignedIn: Story = { args: { community: 'water' }, parameters: signedIn() };

/** Already a member of the community: Leave instead of Join. */
export const SignedInMember: Story = { args: { community: 'water' }, parameters: signedIn({ role: 'member' }) };

/** A members-only community: Join sends a request that a facilitator decides. */
export const JoinRequested: Story = {
  args: { community: 'water' },
  parameters: signedIn({ visibility: 'members' }),
  play: async ({ canvasElement }) => (await inDirectory(canvasElement, '[part~="membership-button"]'))?.click(),
};

/** "Edit my profile" open: every field, per-channel visibility, the opt-out and what it hides. */
export const EditorOpen: Story = {
  parameters: signedIn(),
  play: async ({ canvasElement }) => (await inDirectory(canvasElement, '[part~="edit-profile-button"]'))?.click(),
};

/** The editor while it loads the profile. */
export const EditorLoading: Story = {
  parameters: signedIn(),
  play: async ({ canvasElement }) => {
    const button = await inDirectory(canvasElement, '[part~="edit-profile-button"]');
    const directory = canvasElement.querySelector('grove-member-directory');
    const provider = directory?.closest('grove-provider') as { client?: { hold(): () => void } } | null;
    provider?.client?.hold();
    button?.click();
  },
};

/** The server refused two fields: each says why beside it, and focus is on the first. */
export const EditorFieldErrors: Story = {
  parameters: grove({
    authenticated: true,
    routes: {
      ...signedInRoutes(),
      'PATCH /v1/me': () => {
        throw new GroveApiError('invalid', 400, {
          errors: [
            { field: 'body.country', message: 'Must be an ISO 3166-1 alpha-2 code' },
            { field: 'body.contacts.0.value', message: 'Must be an e-mail address' },
          ],
        });
      },
    },
  }),
  play: async ({ canvasElement }) => {
    (await inDirectory(canvasElement, '[part~="edit-profile-button"]'))?.click();
    const country = (await inDirectory(canvasElement, 'input[name="country"]')) as HTMLInputElement | undefined;
    if (country) {
      country.value = 'Morocco';
      country.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    (await inDirectory(canvasElement, '[part~="save-button"]'))?.click();
  },
};

/** Someone saved meanwhile (another tab): the edits are kept and the next save goes over the newer version. */
export const EditorConflict: Story = {
  parameters: grove({
    authenticated: true,
    routes: {
      ...signedInRoutes(),
      'PATCH /v1/me': () => {
        throw new GroveApiError('conflict', 412, { title: 'Precondition failed' });
      },
    },
  }),
  play: EditorFieldErrors.play,
};

/** The editor in Arabic, right to left. */
export const EditorRightToLeft: Story = {
  globals: { lang: 'ar', dir: 'rtl' },
  parameters: signedIn(),
  play: EditorOpen.play,
};

/** Another member's profile, signed in: Endorse (or Withdraw) beside each skill. */
export const ProfileEndorse: Story = {
  parameters: signedIn(),
  render: () => {
    history.replaceState(history.state, '', `${location.pathname}${location.search}#endorse-story.member=1`);
    return html`<grove-member-directory id="endorse-story"></grove-member-directory>`;
  },
};

/** Following the directory's community by e-mail: a toggle beside Leave, pressed while followed. */
export const FollowingByMail: Story = {
  args: { community: 'water' },
  parameters: signedIn({ role: 'member' }),
  play: async ({ canvasElement }) => (await inDirectory(canvasElement, '[part~="follow-button"]'))?.click(),
};

/** Opens "Edit my profile", then its e-mail settings. */
async function openMailSettings(canvasElement: HTMLElement): Promise<void> {
  (await inDirectory(canvasElement, '[part~="edit-profile-button"]'))?.click();
  (await inDirectory(canvasElement, '[part~="mail-settings-button"]'))?.click();
}

/** E-mail settings: notification kinds, digest, mailing-list mode per community, what is followed with Unfollow. */
export const MailSettingsOpen: Story = {
  parameters: signedIn(),
  play: async ({ canvasElement }) => openMailSettings(canvasElement),
};

/** The e-mail settings while they load. */
export const MailSettingsLoading: Story = {
  parameters: signedIn(),
  play: async ({ canvasElement }) => {
    (await inDirectory(canvasElement, '[part~="edit-profile-button"]'))?.click();
    const button = await inDirectory(canvasElement, '[part~="mail-settings-button"]');
    const provider = canvasElement.querySelector('grove-member-directory')?.closest('grove-provider') as {
      client?: { hold(): () => void };
    } | null;
    provider?.client?.hold();
    button?.click();
  },
};

/** The settings could not be loaded: the reason, and Retry. */
export const MailSettingsLoadFailed: Story = {
  parameters: grove({
    authenticated: true,
    routes: {
      ...signedInRoutes(),
      'GET /v1/me/mail': () => {
        throw new GroveApiError('unavailable', 503, { title: 'Service unavailable' });
      },
    },
  }),
  play: MailSettingsOpen.play,
};

/** Nothing followed, no community, and no address to write to. */
export const MailSettingsEmpty: Story = {
  parameters: grove({
    authenticated: true,
    routes: {
      ...signedInRoutes(),
      'GET /v1/me/mail': {
        ...omarMail(),
        address: null,
        communities: [],
        followedCommunities: [],
        followedThreads: [],
        followedThreadCount: 0,
      },
    },
  }),
  play: MailSettingsOpen.play,
};

/** The address kept bouncing: nothing is sent until the member saves again. */
export const MailSettingsBouncing: Story = {
  parameters: grove({ authenticated: true, routes: { ...signedInRoutes(), 'GET /v1/me/mail': { ...omarMail(), failing: true } } }),
  play: MailSettingsOpen.play,
};

/** The server refused the digest: the reason beside it, focus on it, every choice kept. */
export const MailSettingsFieldError: Story = {
  parameters: grove({
    authenticated: true,
    routes: {
      ...signedInRoutes(),
      'PATCH /v1/me/mail': () => {
        throw new GroveApiError('invalid', 400, { errors: [{ field: 'body.digest', message: 'Invalid option' }] });
      },
    },
  }),
  play: async ({ canvasElement }) => {
    await openMailSettings(canvasElement);
    (await inDirectory(canvasElement, 'input[name="digest"][value="daily"]'))?.click();
    (await inDirectory(canvasElement, '[part~="mail-save-button"]'))?.click();
  },
};

/** The save failed (server unavailable): the choices stay and saving again sends what is missing. */
export const MailSettingsSaveFailed: Story = {
  parameters: grove({
    authenticated: true,
    routes: {
      ...signedInRoutes(),
      'PUT /v1/communities/:slug/mailing-list': () => {
        throw new GroveApiError('unavailable', 503, { title: 'Service unavailable' });
      },
    },
  }),
  play: async ({ canvasElement }) => {
    await openMailSettings(canvasElement);
    (await inDirectory(canvasElement, 'input[name="list:water"]'))?.click();
    (await inDirectory(canvasElement, '[part~="mail-save-button"]'))?.click();
  },
};

/** The e-mail settings in Arabic, right to left. */
export const MailSettingsRightToLeft: Story = {
  globals: { lang: 'ar', dir: 'rtl' },
  parameters: signedIn(),
  play: MailSettingsOpen.play,
};
