/**
 * What the directory offers a signed-in member: "Edit my profile", Join / Leave when the directory shows
 * one community, and Endorse / Withdraw on other members' skills. Imported only when the client carries a
 * token, so readers never download it; the editor itself is a further chunk, loaded on first opening.
 */
import { Task, TaskStatus } from '@lit/task';
import { css, html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { GroveClient } from '../../api/client.js';
import type { LoadController } from '../../controllers/load-controller.js';
import { LocalizeController, type LanguageSource } from '../../controllers/localize-controller.js';
import { GroveProfileChangeEvent } from '../../events/grove-profile-change-event.js';
import { adoptSheet } from '../shared/editor-form.js';
import en, { type EditorMessages } from './editor-messages/en.js';
import type { ProfileEditor } from './profile-editor.js';
import { fetchMailSettings, setCommunityFollowing } from './mail-api.js';
import { fetchCommunity, fetchMe, joinCommunity, leaveCommunity, setEndorsement } from './signed-in-api.js';
import type { MemberProfile, ProfileSkill } from './types.js';

const messages = {
  en,
  load: {
    fr: () => import('./editor-messages/fr.js'),
    es: () => import('./editor-messages/es.js'),
    ar: () => import('./editor-messages/ar.js'),
  },
};

export type EditorLocalize = LocalizeController<EditorMessages>;

export interface SignedInHooks {
  client(): GroveClient | undefined;
  /** The community the directory is limited to, or ''. */
  community(): string;
  load: LoadController;
  /** The directory's shadow root, for the editor's and this toolbar's sheets. */
  root(): ShadowRoot;
}

const toolStyles = css`
  .member-tools {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
    margin-block-end: var(--_space-m);
  }
  .follow[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_on-accent);
    border-color: var(--_accent);
  }
  .endorse {
    padding: 0 var(--_space-s);
    font-size: var(--_font-size-s);
  }
`;

export class SignedInTools {
  readonly t: EditorLocalize;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #hooks: SignedInHooks;
  readonly #language: LanguageSource;
  #editor: ProfileEditor | undefined;
  /** The outcome of the last action, announced politely. */
  #status = '';
  #busy = false;
  /** The skill whose endorsement is being sent. */
  #endorsing = '';

  /** You: your id hides Endorse on your own profile. */
  readonly me: Task<readonly [GroveClient | undefined], string | undefined>;
  /** Your role in the directory's community (null: not a member), and whether you follow it by e-mail. */
  readonly community: Task<
    readonly [GroveClient | undefined, string],
    { slug: string; role: string | null; following: boolean } | undefined
  >;

  constructor(host: ReactiveControllerHost & HTMLElement, language: LanguageSource, hooks: SignedInHooks) {
    this.#host = host;
    this.#hooks = hooks;
    this.#language = language;
    this.t = new LocalizeController(host, language, messages);
    adoptSheet(hooks.root(), toolStyles.styleSheet);
    this.me = hooks.load.task({
      // The catalogue loads alongside, so the buttons never flash in English first.
      task: async ([client], { signal }) => {
        if (!client) return undefined;
        const [{ me }] = await Promise.all([fetchMe(client, 'en', signal), this.t.ready]);
        return me.id;
      },
      args: () => [hooks.client()] as const,
    });
    this.community = hooks.load.task({
      task: async ([client, slug], { signal }) => {
        if (!client || !slug) return undefined;
        const [community, mail] = await Promise.all([fetchCommunity(client, slug, signal), fetchMailSettings(client, signal)]);
        return { slug, role: community.viewerRole, following: mail.followedCommunities.includes(slug) };
      },
      args: () => [hooks.client(), hooks.community()] as const,
    });
  }

  /** Tells every widget on the page (and this directory) that the member changed. */
  #changed(member: string, status: string, version?: number): void {
    this.#status = status;
    this.#host.dispatchEvent(new GroveProfileChangeEvent(member, version));
    this.#host.requestUpdate();
  }

  #openEditor = async (event: Event): Promise<void> => {
    const opener = event.currentTarget as HTMLElement;
    if (!this.#editor) {
      const { ProfileEditor } = await import('./profile-editor.js');
      this.#editor = new ProfileEditor(this.#host, this.t, {
        client: () => this.#hooks.client(),
        root: () => this.#hooks.root(),
        load: this.#hooks.load,
        language: this.#language,
        onSaved: (me) => this.#changed(me.id, this.t.t('tools.saved'), me.version),
      });
    }
    this.#status = '';
    this.#editor.open(opener);
  };

  #toggleMembership = async (): Promise<void> => {
    const client = this.#hooks.client();
    const community = this.community.value;
    if (!client || !community || this.#busy) return;
    this.#busy = true;
    this.#host.requestUpdate();
    try {
      let status: string;
      if (community.role) {
        await leaveCommunity(client, community.slug);
        status = this.t.t('tools.left');
      } else {
        const result = await joinCommunity(client, community.slug);
        status = this.t.t(result.status === 'pending' ? 'tools.requested' : 'tools.joined');
      }
      await this.community.run();
      this.#changed(this.me.value ?? '', status);
    } catch (error) {
      this.#status = '';
      this.#hooks.load.fail(error);
    } finally {
      this.#busy = false;
      this.#host.requestUpdate();
    }
  };

  /**
   * New threads of the directory's community by e-mail, or none (issue 15). The toggle is never disabled
   * while it works: that would drop a keyboard user's focus; a second press meanwhile is ignored.
   */
  #toggleFollowing = async (): Promise<void> => {
    const client = this.#hooks.client();
    const community = this.community.value;
    if (!client || !community || this.#busy) return;
    this.#busy = true;
    this.#host.requestUpdate();
    try {
      community.following = await setCommunityFollowing(client, community.slug, !community.following);
      this.#status = this.t.t(community.following ? 'tools.followed' : 'tools.unfollowed');
    } catch (error) {
      this.#status = '';
      this.#hooks.load.fail(error);
    } finally {
      this.#busy = false;
      this.#host.requestUpdate();
    }
  };

  /** The toolbar above the search. */
  renderActions(): TemplateResult | typeof nothing {
    if (!this.me.value) return nothing;
    const t = this.t;
    const community = this.community.status === TaskStatus.COMPLETE ? this.community.value : undefined;
    return html`<div class="member-tools" role="group" aria-label=${t.t('tools.label')}>
        <button type="button" part="edit-profile-button" class="grove-button" aria-haspopup="dialog" @click=${this.#openEditor}>
          ${t.t('tools.edit')}
        </button>
        ${
          community
            ? html`<button type="button" part="membership-button" class="grove-button" ?disabled=${this.#busy} @click=${this.#toggleMembership}>
              ${t.t(community.role ? 'tools.leave' : 'tools.join')}
            </button>
            <button type="button" part="follow-button" class="grove-button follow" aria-pressed=${String(community.following)}
              title=${t.t('tools.followHint')} @click=${this.#toggleFollowing}>
              ${t.t('tools.follow')}
            </button>`
            : nothing
        }
        <span role="status" class="muted">${this.#status}</span>
      </div>
      ${this.#editor?.render() ?? nothing}`;
  }

  /** Endorse / Withdraw for one skill of `member`, or nothing on your own profile. */
  renderEndorse(member: MemberProfile, skill: ProfileSkill, reload: () => void): TemplateResult | typeof nothing {
    if (!this.me.value || this.me.value === member.id) return nothing;
    const t = this.t;
    const endorsed = skill.endorsedByViewer;
    const toggle = async () => {
      const client = this.#hooks.client();
      if (!client || this.#endorsing) return;
      this.#endorsing = skill.slug;
      this.#host.requestUpdate();
      try {
        await setEndorsement(client, member.id, skill.slug, !endorsed);
        reload();
      } catch (error) {
        this.#hooks.load.fail(error);
      } finally {
        this.#endorsing = '';
        this.#host.requestUpdate();
      }
    };
    return html`<button
      type="button"
      part="endorse-button"
      class="grove-button endorse"
      aria-label=${t.t(endorsed ? 'endorse.removeLabel' : 'endorse.addLabel', { skill: skill.label })}
      ?disabled=${this.#endorsing === skill.slug}
      @click=${toggle}
    >
      ${t.t(endorsed ? 'endorse.remove' : 'endorse.add')}
    </button>`;
  }
}
