/**
 * SCIM 2.0 resources (RFC 7643) to and from the provisioning domain: the core User schema with the
 * enterprise extension's organisation, and Groups standing for communities. Reading is lenient where
 * identity providers differ (Entra ID sends "False" for false, op names capitalised, URN-qualified
 * paths); writing follows the RFC.
 */
import type { ProvisionedGroup, ProvisionedUser, UserFields } from '../../members/provisioning.ts';

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ENTERPRISE_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const LIST_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** A SCIM error (RFC 7644 §3.12): status, optional scimType, detail. */
export class ScimError extends Error {
  constructor(
    readonly status: number,
    detail: string,
    readonly scimType?: 'invalidFilter' | 'uniqueness' | 'invalidValue' | 'invalidSyntax' | 'noTarget' | 'mutability' | 'invalidPath',
  ) {
    super(detail);
  }
}

type Json = Record<string, unknown>;

const etag = (at: Date) => `W/"${String(at.getTime())}"`;

/** The structured name from a display name: the last word as family name, as address books do. */
function nameParts(name: string) {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  return words.length > 1
    ? { givenName: words.slice(0, -1).join(' '), familyName: words.at(-1) ?? '' }
    : { givenName: '', familyName: words[0] ?? '' };
}

export function userResource(user: ProvisionedUser, base: string): Json {
  return {
    schemas: [USER_SCHEMA, ENTERPRISE_SCHEMA],
    id: user.id,
    ...(user.externalId ? { externalId: user.externalId } : {}),
    userName: user.userName ?? `member-${user.id}`,
    name: { formatted: user.name, ...nameParts(user.name) },
    displayName: user.name,
    ...(user.practice ? { title: user.practice } : {}),
    ...(user.email ? { emails: [{ value: user.email, type: 'work', primary: true }] } : {}),
    ...(user.country ? { addresses: [{ type: 'work', country: user.country, primary: true }] } : {}),
    ...(user.languages[0] ? { preferredLanguage: user.languages[0] } : {}),
    timezone: user.timeZone,
    ...(user.avatarUrl ? { photos: [{ value: user.avatarUrl, type: 'photo' }] } : {}),
    active: user.active,
    groups: user.groups.map((group) => ({ value: group.id, display: group.name, $ref: `${base}/Groups/${group.id}`, type: 'direct' })),
    [ENTERPRISE_SCHEMA]: { organization: user.organisation },
    meta: {
      resourceType: 'User',
      created: user.createdAt.toISOString(),
      lastModified: user.updatedAt.toISOString(),
      location: `${base}/Users/${user.id}`,
      version: etag(user.updatedAt),
    },
  };
}

export function groupResource(group: ProvisionedGroup, base: string, withMembers = true): Json {
  return {
    schemas: [GROUP_SCHEMA],
    id: group.id,
    ...(group.externalId ? { externalId: group.externalId } : {}),
    displayName: group.name,
    ...(withMembers
      ? {
          members: group.members.map((member) => ({
            value: member.id,
            display: member.name,
            $ref: `${base}/Users/${member.id}`,
            type: 'User',
          })),
        }
      : {}),
    meta: {
      resourceType: 'Group',
      created: group.createdAt.toISOString(),
      lastModified: group.createdAt.toISOString(),
      location: `${base}/Groups/${group.id}`,
    },
  };
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
/** A string attribute, trimmed; an empty one counts as absent (providers send "" for unset fields). */
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** Booleans as identity providers send them: true/false, or "True"/"False" (Entra ID). */
export function booleanOf(value: unknown, field: string): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  throw new ScimError(400, `${field} must be true or false`, 'invalidValue');
}

function primary(list: unknown): Json | undefined {
  if (!Array.isArray(list)) return undefined;
  const items = list.filter(isObject);
  return items.find((item) => item.primary === true) ?? items.find((item) => item.type === 'work') ?? items[0];
}

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The account's fields from a User resource (POST, PUT, or a PATCH applied to the current one). */
export function userFields(body: unknown): UserFields {
  if (!isObject(body)) throw new ScimError(400, 'The body must be a User resource', 'invalidSyntax');
  const userName = text(body.userName);
  if (!userName) throw new ScimError(400, 'userName is required', 'invalidValue');
  if (userName.length > 256) throw new ScimError(400, 'userName is longer than 256 characters', 'invalidValue');
  const name = isObject(body.name) ? body.name : {};
  const displayName =
    text(body.displayName) ??
    text(name.formatted) ??
    text([text(name.givenName), text(name.familyName)].filter(Boolean).join(' ')) ??
    userName;
  const email = text(primary(body.emails)?.value) ?? null;
  if (email && !/^[^@\s]+@[^@\s]+$/.test(email)) throw new ScimError(400, `emails: ${email} is not an e-mail address`, 'invalidValue');
  const country = text(primary(body.addresses)?.country)?.toUpperCase() ?? null;
  if (country && !/^[A-Z]{2}$/.test(country))
    throw new ScimError(400, 'addresses.country must be an ISO 3166-1 alpha-2 code', 'invalidValue');
  const language = text(body.preferredLanguage)
    ?.split(/[-_,;]/)[0]
    ?.trim()
    .toLowerCase();
  if (language && !/^[a-z]{2,3}$/.test(language)) throw new ScimError(400, 'preferredLanguage must be a language tag', 'invalidValue');
  const timeZone = text(body.timezone) ?? 'UTC';
  if (!validTimeZone(timeZone)) throw new ScimError(400, `timezone: ${timeZone} is not an IANA time zone`, 'invalidValue');
  const photo = text(primary(body.photos)?.value) ?? null;
  if (photo && !/^https:\/\//i.test(photo)) throw new ScimError(400, 'photos.value must be an https URL', 'invalidValue');
  const enterprise = isObject(body[ENTERPRISE_SCHEMA]) ? body[ENTERPRISE_SCHEMA] : {};
  return {
    userName,
    externalId: text(body.externalId) ?? null,
    name: displayName.slice(0, 200),
    email,
    active: body.active === undefined ? true : booleanOf(body.active, 'active'),
    practice: (text(body.title) ?? '').trim().slice(0, 200),
    organisation: (text(enterprise.organization) ?? '').trim().slice(0, 200),
    country,
    languages: language ? [language] : [],
    timeZone,
    avatarUrl: photo,
  };
}

export interface PatchOperation {
  op: 'add' | 'remove' | 'replace';
  path: string | undefined;
  value: unknown;
}

/** The operations of a PatchOp message (RFC 7644 §3.5.2); op names are case-insensitive in practice. */
export function patchOperations(body: unknown): PatchOperation[] {
  if (!isObject(body) || !Array.isArray(body.Operations))
    throw new ScimError(400, 'A PatchOp message with Operations is required', 'invalidSyntax');
  return body.Operations.map((operation: unknown) => {
    if (!isObject(operation)) throw new ScimError(400, 'Each operation must be an object', 'invalidSyntax');
    const op = text(operation.op)?.toLowerCase();
    if (op !== 'add' && op !== 'remove' && op !== 'replace')
      throw new ScimError(400, `Unknown op ${String(operation.op)}`, 'invalidSyntax');
    return { op, path: text(operation.path), value: operation.value };
  });
}

/**
 * Applies PATCH operations to a User resource, for the paths providers send: top-level attributes,
 * `name.*`, `emails[type eq "work"].value`, `addresses[type eq "work"].country`, the enterprise
 * extension's organization (URN-qualified), and operations without a path carrying an object.
 */
export function patchUser(resource: Json, operations: PatchOperation[]): Json {
  const next: Json = structuredClone(resource);
  const set = (path: string, value: unknown, remove: boolean) => {
    const bare = path.replace(/^urn:ietf:params:scim:schemas:core:2\.0:User:/i, '');
    if (bare.toLowerCase().startsWith(`${ENTERPRISE_SCHEMA.toLowerCase()}:`)) {
      const key = bare.slice(ENTERPRISE_SCHEMA.length + 1);
      const extension = isObject(next[ENTERPRISE_SCHEMA]) ? next[ENTERPRISE_SCHEMA] : {};
      next[ENTERPRISE_SCHEMA] = { ...extension, [key]: remove ? undefined : value };
      return;
    }
    const multi = /^(emails|addresses|photos)(\[[^\]]*\])?(?:\.(\w+))?$/i.exec(bare);
    if (multi?.[1]) {
      const list = multi[1].toLowerCase();
      const sub = multi[3];
      if (remove) next[list] = undefined;
      else if (sub) next[list] = [{ ...(primary(next[list]) ?? { type: 'work', primary: true }), [sub]: value }];
      else next[list] = Array.isArray(value) ? value : [value];
      return;
    }
    const [head, tail] = bare.split('.', 2) as [string, string | undefined];
    const key = Object.keys(next).find((k) => k.toLowerCase() === head.toLowerCase()) ?? head;
    if (tail) {
      const parent = isObject(next[key]) ? next[key] : {};
      next[key] = { ...parent, [tail]: remove ? undefined : value };
      // A changed part of the name rebuilds the formatted name from its parts.
      if (key === 'name')
        (next.name as Json).formatted = [(next.name as Json).givenName, (next.name as Json).familyName].filter(Boolean).join(' ');
      if (key === 'name') next.displayName = (next.name as Json).formatted;
    } else next[key] = remove ? undefined : value;
    if (key === 'displayName' && !remove) next.name = { formatted: value };
  };
  for (const operation of operations) {
    if (operation.path) {
      if (['id', 'meta', 'schemas', 'groups'].includes(operation.path.toLowerCase())) {
        throw new ScimError(400, `${operation.path} cannot be changed`, 'mutability');
      }
      set(operation.path, operation.value, operation.op === 'remove');
    } else if (isObject(operation.value) && operation.op !== 'remove') {
      for (const [path, value] of Object.entries(operation.value)) {
        if (path === ENTERPRISE_SCHEMA && isObject(value))
          for (const [key, inner] of Object.entries(value)) set(`${ENTERPRISE_SCHEMA}:${key}`, inner, false);
        else set(path, value, false);
      }
    } else {
      throw new ScimError(400, 'An operation without a path needs an object value', 'noTarget');
    }
  }
  return next;
}

/** Member ids a group operation names: `[{ value: "42" }]`, or the `members[value eq "42"]` path. */
export function memberIdsOf(value: unknown, path: string | undefined): string[] {
  const fromPath = path ? /members\[\s*value\s+eq\s+"([^"]+)"\s*\]/i.exec(path)?.[1] : undefined;
  if (fromPath) return [fromPath];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.flatMap((item) =>
    isObject(item) && (typeof item.value === 'string' || typeof item.value === 'number') ? [String(item.value)] : [],
  );
}

export function groupFields(body: unknown): { name: string; externalId: string | null; members: string[] } {
  if (!isObject(body)) throw new ScimError(400, 'The body must be a Group resource', 'invalidSyntax');
  const name = text(body.displayName);
  if (!name) throw new ScimError(400, 'displayName is required', 'invalidValue');
  return { name: name.slice(0, 200), externalId: text(body.externalId) ?? null, members: memberIdsOf(body.members, undefined) };
}
