/** Contact channels as the API serves them: a link-valued channel whose value breaks the URL rule is left out. */
import { safeLink } from '../shared/urls.ts';
import type { ChannelVisibility } from '../communities/visibility.ts';

export interface ContactRow {
  kind: 'email' | 'phone' | 'website' | 'linkedin' | 'chat' | 'other';
  value: string;
  visibility: ChannelVisibility;
}

/** Channels whose value is opened as a link by the widgets. */
const LINK_KINDS = new Set<ContactRow['kind']>(['website', 'linkedin']);

/** The channel with its link normalised, or null when a link channel's value is not a safe URL. */
export function servedContact(row: ContactRow): ContactRow | null {
  if (!LINK_KINDS.has(row.kind)) return row;
  const href = safeLink(row.value);
  return href ? { ...row, value: href } : null;
}
