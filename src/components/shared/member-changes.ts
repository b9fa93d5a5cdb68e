import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { GroveClient, StreamMessage } from '../../api/client.js';
import { GroveApiError } from '../../api/problem.js';
import { stream } from '../../api/typed.js';
import type { GroveProfileChangeEvent } from '../../events/grove-profile-change-event.js';

type Host = ReactiveControllerHost & HTMLElement;

/** `''`: anything may have changed (a join or leave, a reconnection after missed announcements). */
type Listener = (member: string) => void;

interface Feed {
  listeners: Set<Listener>;
  abort: AbortController;
  /** Settles when the server answered: from then on its announcements arrive. */
  open: Promise<void>;
}

/**
 * One stream per server (and sign-in) on the page, however many widgets follow it, also when each names
 * its own `api` (and so has a client of its own): browsers allow six connections per server over HTTP/1.1.
 * Sharing it between viewers tells one nothing of the other: an announcement is an id and a version, and
 * each widget refetches with its own client.
 */
const feeds = new Map<string, Feed>();
/** The newest version of each member this page knows of (by server), so a change already shown is not fetched twice. */
const known = new Map<string, number>();

const feedKey = (client: GroveClient): string => `${client.isAuthenticated ? 'signed-in' : 'anonymous'} ${client.baseUrl}`;

function isNewer(client: GroveClient, member: string, version: number | undefined): boolean {
  if (version === undefined) return true;
  const key = `${client.baseUrl} ${member}`;
  if ((known.get(key) ?? -1) >= version) return false;
  known.set(key, version);
  return true;
}

function subscribe(client: GroveClient, listener: Listener): () => void {
  const key = feedKey(client);
  let feed = feeds.get(key);
  if (!feed) {
    const abort = new AbortController();
    const listeners = new Set<Listener>();
    let opened = (): void => undefined;
    let connections = 0;
    const open = new Promise<void>((resolve) => (opened = resolve));
    const onMessage = (message: StreamMessage): void => {
      if (message.event !== 'member-changed') return;
      const change = parse(message.data);
      if (change && isNewer(client, change.id, change.version)) for (const fn of listeners) fn(change.id);
    };
    void stream(client, '/v1/members/changes', {
      signal: abort.signal,
      onMessage,
      // A server from before live member changes: this page's own edits still show; asking again would not help.
      onError: (error) => {
        if (error instanceof GroveApiError && (error.status === 404 || error.status === 405)) abort.abort();
      },
      onOpen: () => {
        // Announcements made while reconnecting are not replayed: whatever is shown may be stale.
        if (connections++ > 0) for (const fn of listeners) fn('');
        opened();
      },
    });
    feeds.set(key, (feed = { listeners, abort, open }));
  }
  feed.listeners.add(listener);
  const current = feed;
  return () => {
    current.listeners.delete(listener);
    // After the current task: a widget moved in the page leaves and comes back in one task, on the same stream.
    queueMicrotask(() => {
      if (current.listeners.size > 0 || feeds.get(key) !== current) return;
      feeds.delete(key);
      current.abort.abort();
    });
  };
}

function parse(data: string): { id: string; version: number | undefined } | undefined {
  try {
    const value = JSON.parse(data) as { id?: unknown; version?: unknown };
    if (typeof value.id !== 'string') return undefined;
    return { id: value.id, version: typeof value.version === 'number' ? value.version : undefined };
  } catch {
    return undefined; // a malformed announcement is skipped; the next one brings the truth
  }
}

/** Settles once the page's stream of member changes for `client` is open (tests wait on it); undefined when none is. */
export function memberChangesOpen(client: GroveClient): Promise<void> | undefined {
  return feeds.get(feedKey(client))?.open;
}

export interface MemberChangesOptions {
  client: () => GroveClient | undefined;
  /** Whether the widget shows `member` now (only then does a change of theirs make it refetch). */
  shows: (member: string) => boolean;
  /** Shows what changed: refetches (through the normal, visibility-checked routes). */
  refresh: () => void;
  /** False while the widget shows no member at all (a community profile): then it opens no stream. */
  active?: () => boolean;
  /**
   * A list the signed-in member may join by editing themselves (the directory): it refetches on every
   * change the member makes on this page, not only when it already shows them.
   */
  listsViewer?: boolean;
}

/**
 * Keeps a widget that shows members up to date, at once, with changes to them: the signed-in member's
 * own edits on this page (`grove-profile-change`) and everyone's, from any browser, through the server's
 * announcements (`GET /v1/members/changes`, docs/decisions/0133-live-member-changes.md). Every widget of
 * the page shares one stream per client, opened while at least one of them is on the page, so a page
 * without such widgets opens none; an announcement carries only an id and a version, and the widget
 * refetches the member through the routes that decide what this viewer may see.
 */
export function followMemberChanges(host: Host, options: MemberChangesOptions): void {
  host.addController(new MemberChangesController(options));
}

class MemberChangesController implements ReactiveController {
  readonly #options: MemberChangesOptions;
  #following: { client: GroveClient; unsubscribe: () => void } | undefined;
  #connected = false;

  constructor(options: MemberChangesOptions) {
    this.#options = options;
  }

  hostConnected(): void {
    this.#connected = true;
    document.addEventListener('grove-profile-change', this.#onLocalChange);
    this.#follow();
  }

  /** Follows the client in use now: a provider found late or an `api` change moves to its stream. */
  hostUpdated(): void {
    this.#follow();
  }

  hostDisconnected(): void {
    this.#connected = false;
    document.removeEventListener('grove-profile-change', this.#onLocalChange);
    this.#stop();
  }

  #follow(): void {
    const client = this.#connected && (this.#options.active?.() ?? true) ? this.#options.client() : undefined;
    if (this.#following?.client === client) return;
    this.#stop();
    if (client) this.#following = { client, unsubscribe: subscribe(client, this.#onChange) };
  }

  #stop(): void {
    this.#following?.unsubscribe();
    this.#following = undefined;
  }

  #onLocalChange = (event: GroveProfileChangeEvent): void => {
    const { member, version } = event.detail;
    const client = this.#following?.client;
    // The server's announcement of this same version, arriving next, then changes nothing more.
    if (member && client) isNewer(client, member, version);
    if (this.#options.listsViewer || !member) this.#options.refresh();
    else this.#onChange(member);
  };

  #onChange = (member: string): void => {
    if (member === '' || this.#options.shows(member)) this.#options.refresh();
  };
}
