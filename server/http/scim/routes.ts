/**
 * SCIM 2.0 (RFC 7643 / 7644) for the host organisation's identity provider, on /scim/v2: Users
 * (members) and Groups (communities), discovery (ServiceProviderConfig, ResourceTypes, Schemas), behind
 * a bearer token of its own (GROVE_SCIM_TOKEN), never a member's. A protocol with its own schemas and
 * error format, so it lives beside the OpenAPI contract rather than in it (decision 0108).
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
  addMembers,
  changeGroup,
  closeGroup,
  createGroup,
  createUser,
  getGroup,
  getUser,
  listGroups,
  listUsers,
  ProvisioningConflict,
  removeMembers,
  removeUser,
  renameGroup,
  replaceGroup,
  replaceUser,
} from '../../members/provisioning.ts';
import type { AppEnv } from '../env.ts';
import { overloadRetryAfter } from '../../shared/overload.ts';
import { InvalidFilter, parseFilter } from './filter.ts';
import {
  ENTERPRISE_SCHEMA,
  ERROR_SCHEMA,
  GROUP_SCHEMA,
  groupFields,
  groupResource,
  LIST_SCHEMA,
  memberIdsOf,
  patchOperations,
  patchUser,
  ScimError,
  USER_SCHEMA,
  userFields,
  userResource,
} from './resources.ts';

const SCIM_JSON = 'application/scim+json';
const MAX_BODY_BYTES = 1024 * 1024;
const MAX_COUNT = 200;

const digest = (value: string) => createHash('sha256').update(value).digest();

function reply(c: Context<AppEnv>, status: number, body: unknown): Response {
  return c.body(JSON.stringify(body), status as 200, { 'content-type': SCIM_JSON, 'cache-control': 'no-store' });
}

function scimError(c: Context<AppEnv>, error: ScimError): Response {
  return reply(c, error.status, {
    schemas: [ERROR_SCHEMA],
    status: String(error.status),
    ...(error.scimType ? { scimType: error.scimType } : {}),
    detail: error.message,
  });
}

async function bodyOf(c: Context<AppEnv>): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(scim\+)?json\b/i.test(type))
    throw new ScimError(415, `Send ${SCIM_JSON} (or application/json), not ${type || 'no content type'}`);
  try {
    return JSON.parse(await c.req.text()) as unknown;
  } catch {
    throw new ScimError(400, 'The body is not JSON', 'invalidSyntax');
  }
}

/**
 * startIndex and count as RFC 7644 §3.4.2.4 reads them: 1-based, below 1 read as 1, count capped, negative
 * count read as 0, bad values defaulted. A startIndex past any list is held to a whole number SQL can offset by
 * (an empty page with the true total), not written out as `1e+23`.
 */
function paging(c: Context<AppEnv>): { startIndex: number; count: number } {
  const requested = Number.parseInt(c.req.query('startIndex') ?? '1', 10) || 1;
  const startIndex = Math.min(Number.MAX_SAFE_INTEGER, Math.max(1, requested));
  const rawCount = Number.parseInt(c.req.query('count') ?? String(MAX_COUNT), 10);
  const count = Math.min(MAX_COUNT, Math.max(0, Number.isNaN(rawCount) ? MAX_COUNT : rawCount));
  return { startIndex, count };
}

function filterOf(c: Context<AppEnv>) {
  try {
    return parseFilter(c.req.query('filter'));
  } catch (error) {
    if (error instanceof InvalidFilter) throw new ScimError(400, error.message, 'invalidFilter');
    throw error;
  }
}

const idOf = (c: Context<AppEnv>): string => {
  const id = c.req.param('id') ?? '';
  if (!/^\d{1,18}$/.test(id)) throw new ScimError(404, `No resource ${id}`);
  return id;
};

export function scimRoutes(): Hono<AppEnv> {
  const scim = new Hono<AppEnv>();
  const base = (c: Context<AppEnv>) => `${new URL(c.req.url).origin}/scim/v2`;

  scim.onError((error, c) => {
    if (error instanceof ScimError) return scimError(c, error);
    if (error instanceof ProvisioningConflict) return scimError(c, new ScimError(409, error.message, 'uniqueness'));
    if (error instanceof InvalidFilter) return scimError(c, new ScimError(400, error.message, 'invalidFilter'));
    // A provisioning client reads SCIM's error body for every status (RFC 7644 §3.12), 503 and 500 included;
    // the request log still records the error itself (c.error).
    const retryAfter = overloadRetryAfter(error);
    if (retryAfter !== undefined) {
      c.header('retry-after', String(retryAfter));
      return scimError(c, new ScimError(503, 'The server is busy; retry shortly'));
    }
    return scimError(c, new ScimError(500, 'Something went wrong on the server'));
  });
  scim.notFound((c) => scimError(c, new ScimError(404, `No SCIM endpoint ${c.req.method} ${c.req.path}`)));

  // The provider's token, compared in constant time; SCIM is off when the operator set none.
  scim.use('*', async (c, next) => {
    const token = c.var.config.scimToken;
    if (!token) throw new ScimError(404, 'SCIM provisioning is off on this server (GROVE_SCIM_TOKEN is not set)');
    const presented = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]?.trim() ?? '';
    if (!timingSafeEqual(digest(presented), digest(token))) {
      c.header('www-authenticate', 'Bearer realm="scim"');
      throw new ScimError(401, 'A valid SCIM bearer token is required');
    }
    await next();
  });
  scim.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new ScimError(413, `The body is larger than ${String(MAX_BODY_BYTES)} bytes`);
      },
    }),
  );

  scim.get('/ServiceProviderConfig', (c) =>
    reply(c, 200, {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
      documentationUri: 'https://github.com/grove-dev/grove#scim-provisioning',
      patch: { supported: true },
      bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
      filter: { supported: true, maxResults: MAX_COUNT },
      changePassword: { supported: false },
      sort: { supported: false },
      etag: { supported: false },
      authenticationSchemes: [
        { type: 'oauthbearertoken', name: 'Bearer token', description: 'The token set in GROVE_SCIM_TOKEN', primary: true },
      ],
      meta: { resourceType: 'ServiceProviderConfig', location: `${base(c)}/ServiceProviderConfig` },
    }),
  );
  scim.get('/ResourceTypes', (c) =>
    reply(c, 200, {
      schemas: [LIST_SCHEMA],
      totalResults: 2,
      startIndex: 1,
      itemsPerPage: 2,
      Resources: [
        {
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
          id: 'User',
          name: 'User',
          endpoint: '/Users',
          schema: USER_SCHEMA,
          schemaExtensions: [{ schema: ENTERPRISE_SCHEMA, required: false }],
          meta: { resourceType: 'ResourceType', location: `${base(c)}/ResourceTypes/User` },
        },
        {
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
          id: 'Group',
          name: 'Group',
          endpoint: '/Groups',
          schema: GROUP_SCHEMA,
          meta: { resourceType: 'ResourceType', location: `${base(c)}/ResourceTypes/Group` },
        },
      ],
    }),
  );
  scim.get('/Schemas', (c) =>
    reply(c, 200, {
      schemas: [LIST_SCHEMA],
      totalResults: 3,
      startIndex: 1,
      itemsPerPage: 3,
      Resources: [USER_SCHEMA, ENTERPRISE_SCHEMA, GROUP_SCHEMA].map((id) => ({
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
        id,
        meta: { resourceType: 'Schema', location: `${base(c)}/Schemas/${id}` },
      })),
    }),
  );

  // Users
  scim.get('/Users', async (c) => {
    const { startIndex, count } = paging(c);
    const { total, users } = await listUsers(c.var.db, filterOf(c), startIndex, count);
    return reply(c, 200, {
      schemas: [LIST_SCHEMA],
      totalResults: total,
      startIndex,
      itemsPerPage: users.length,
      Resources: users.map((user) => userResource(user, base(c))),
    });
  });
  scim.post('/Users', async (c) => {
    const user = await createUser(c.var.db, userFields(await bodyOf(c)));
    c.header('location', `${base(c)}/Users/${user.id}`);
    return reply(c, 201, userResource(user, base(c)));
  });
  scim.get('/Users/:id', async (c) => {
    const user = await getUser(c.var.db, idOf(c));
    if (!user) throw new ScimError(404, `No user ${c.req.param('id')}`);
    return reply(c, 200, userResource(user, base(c)));
  });
  scim.put('/Users/:id', async (c) => {
    const user = await replaceUser(c.var.db, idOf(c), userFields(await bodyOf(c)));
    if (!user) throw new ScimError(404, `No user ${c.req.param('id')}`);
    return reply(c, 200, userResource(user, base(c)));
  });
  scim.patch('/Users/:id', async (c) => {
    const id = idOf(c);
    const operations = patchOperations(await bodyOf(c));
    const current = await getUser(c.var.db, id);
    if (!current) throw new ScimError(404, `No user ${id}`);
    const patched = patchUser(userResource(current, base(c)), operations);
    const user = await replaceUser(c.var.db, id, userFields(patched));
    if (!user) throw new ScimError(404, `No user ${id}`);
    return reply(c, 200, userResource(user, base(c)));
  });
  scim.delete('/Users/:id', async (c) => {
    if (!(await removeUser(c.var.db, idOf(c)))) throw new ScimError(404, `No user ${c.req.param('id')}`);
    return c.body(null, 204);
  });

  // Groups
  scim.get('/Groups', async (c) => {
    const { startIndex, count } = paging(c);
    const withMembers = !(c.req.query('excludedAttributes') ?? '').toLowerCase().split(',').includes('members');
    const { total, groups } = await listGroups(c.var.db, filterOf(c), startIndex, count, withMembers);
    return reply(c, 200, {
      schemas: [LIST_SCHEMA],
      totalResults: total,
      startIndex,
      itemsPerPage: groups.length,
      Resources: groups.map((group) => groupResource(group, base(c), withMembers)),
    });
  });
  scim.post('/Groups', async (c) => {
    const group = await createGroup(c.var.db, groupFields(await bodyOf(c)));
    c.header('location', `${base(c)}/Groups/${group.id}`);
    return reply(c, 201, groupResource(group, base(c)));
  });
  scim.get('/Groups/:id', async (c) => {
    const withMembers = !(c.req.query('excludedAttributes') ?? '').toLowerCase().split(',').includes('members');
    const group = await getGroup(c.var.db, idOf(c), withMembers);
    if (!group) throw new ScimError(404, `No group ${c.req.param('id')}`);
    return reply(c, 200, groupResource(group, base(c), withMembers));
  });
  scim.put('/Groups/:id', async (c) => {
    const group = await replaceGroup(c.var.db, idOf(c), groupFields(await bodyOf(c)));
    if (!group) throw new ScimError(404, `No group ${c.req.param('id')}`);
    return reply(c, 200, groupResource(group, base(c)));
  });
  scim.patch('/Groups/:id', async (c) => {
    const id = idOf(c);
    const operations = patchOperations(await bodyOf(c));
    const db = c.var.db;
    const found = await changeGroup(db, id, async (tx) => {
      for (const { op, path, value } of operations) {
        const target = path?.toLowerCase() ?? '';
        if (target.startsWith('members')) {
          if (op === 'remove') await removeMembers(tx, id, target === 'members' && value === undefined ? 'all' : memberIdsOf(value, path));
          else {
            if (op === 'replace') await removeMembers(tx, id, 'all');
            await addMembers(tx, id, memberIdsOf(value, path));
          }
        } else if (target === 'displayname') {
          if (typeof value !== 'string' || !value.trim())
            throw new ScimError(400, 'displayName must be a non-empty string', 'invalidValue');
          await renameGroup(tx, id, { name: value.trim().slice(0, 200) });
        } else if (target === 'externalid') {
          await renameGroup(tx, id, { externalId: op === 'remove' || typeof value !== 'string' ? null : value });
        } else if (!path && value && typeof value === 'object') {
          const fields = value as Record<string, unknown>;
          if (typeof fields.displayName === 'string') await renameGroup(tx, id, { name: fields.displayName.trim().slice(0, 200) });
          if (typeof fields.externalId === 'string') await renameGroup(tx, id, { externalId: fields.externalId });
          if (fields.members !== undefined) {
            await removeMembers(tx, id, 'all');
            await addMembers(tx, id, memberIdsOf(fields.members, undefined));
          }
        } else {
          throw new ScimError(400, `Groups cannot change ${path ?? 'that'}`, 'invalidPath');
        }
      }
    });
    if (!found) throw new ScimError(404, `No group ${id}`);
    const group = await getGroup(db, id);
    if (!group) throw new ScimError(404, `No group ${id}`);
    return reply(c, 200, groupResource(group, base(c)));
  });
  scim.delete('/Groups/:id', async (c) => {
    if (!(await closeGroup(c.var.db, idOf(c)))) throw new ScimError(404, `No group ${c.req.param('id')}`);
    return c.body(null, 204);
  });

  return scim;
}
