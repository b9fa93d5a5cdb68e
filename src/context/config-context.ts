import { createContext } from '@lit/context';
import type { GroveClient } from '../api/client.js';

export type Theme = 'auto' | 'light' | 'dark';

/**
 * Returns the host's current token. Called before requests (the result is not cached by Grove: cache it
 * in your sign-on code) and once more with `refresh: true` after a 401, when a fresh token is needed.
 * Return undefined for anonymous requests.
 */
export type TokenProvider = (options: { refresh: boolean }) => string | undefined | Promise<string | undefined>;

/** What a page or a provider configures. Every field is optional: widgets fall back field by field. */
export interface GroveConfig {
  /** API base URL, e.g. `https://grove.example.org/api`. */
  api?: string;
  token?: string;
  tokenProvider?: TokenProvider;
  lang?: string;
  theme?: Theme;
}

/** What `<grove-provider>` hands to the widgets inside it. */
export interface GroveContextValue {
  client: GroveClient | undefined;
  lang: string | undefined;
  theme: Theme | undefined;
}

export const groveConfigContext = createContext<GroveContextValue>(Symbol.for('grove.config'));

export function isTheme(value: string | null | undefined): value is Theme {
  return ['auto', 'light', 'dark'].includes(value as Theme);
}
