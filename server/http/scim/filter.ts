/**
 * The part of the SCIM filter language (RFC 7644 §3.4.2.2) identity providers use to find accounts:
 * `attribute eq value` clauses joined by `and`, e.g. `userName eq "amina@example.org"` (Okta, Entra ID),
 * `externalId eq "…"`, `emails[type eq "work"].value eq "…"`, `displayName eq "…"` for groups.
 * Anything else is refused with scimType invalidFilter rather than guessed at.
 */
import type { Equality } from '../../members/provisioning.ts';

export class InvalidFilter extends Error {}

/** SCIM attribute paths (case-insensitive, optionally URN-qualified) → what the domain filters by. */
const ATTRIBUTES: Record<string, Equality['attribute']> = {
  id: 'id',
  username: 'userName',
  externalid: 'externalId',
  emails: 'email',
  'emails.value': 'email',
  active: 'active',
  displayname: 'displayName',
};

const CLAUSE = /^\s*([A-Za-z][\w.:-]*?)(\[[^\]]*\])?(\.value)?\s+eq\s+("(?:[^"\\]|\\.)*"|true|false)\s*$/i;

function clause(text: string): Equality {
  const [, path, , subValue, raw] = CLAUSE.exec(text) ?? [];
  if (!path || !raw) throw new InvalidFilter(`Only "attribute eq value" clauses joined by "and" are supported, not: ${text.trim()}`);
  const name = path.replace(/^urn:ietf:params:scim:schemas:core:2\.0:(User|Group):/i, '').toLowerCase();
  const attribute = ATTRIBUTES[subValue ? `${name}.value` : name] ?? ATTRIBUTES[name];
  if (!attribute) throw new InvalidFilter(`Filtering by ${path} is not supported`);
  const value = raw.startsWith('"') ? (JSON.parse(raw) as string) : raw.toLowerCase() === 'true';
  return { attribute, value };
}

/** The filter's clauses; an empty filter is none. */
export function parseFilter(filter: string | undefined): Equality[] {
  if (!filter?.trim()) return [];
  // Split on " and " outside quoted strings.
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < filter.length; i += 1) {
    const char = filter.charAt(i);
    if (char === '"' && filter[i - 1] !== '\\') quoted = !quoted;
    if (!quoted && /^\sand\s/i.test(filter.slice(i, i + 5))) {
      parts.push(current);
      current = '';
      i += 4;
      continue;
    }
    current += char;
  }
  parts.push(current);
  return parts.map(clause);
}
