import { z } from '@hono/zod-openapi';
import { ID_PATTERN, MAX_ID } from '../shared/ids.ts';

/**
 * Every free-text input goes through `Text()`: PostgreSQL cannot store U+0000 in text columns and
 * answers "invalid byte sequence" (a 500) where the client deserves a 400 naming the field. PGlite
 * accepts fewer such bytes silently, so the rule is enforced here rather than left to the database.
 */
export const NUL_MESSAGE = 'Must not contain the NUL character (U+0000)';
export const Text = () => z.string().refine((value) => !value.includes('\u0000'), NUL_MESSAGE);

export const Id = z
  .string()
  .regex(ID_PATTERN, `Must be a numeric id from 1 to ${MAX_ID}`)
  .openapi('Id', { example: '42', description: 'A numeric id: a positive 64-bit integer as a decimal string' });
export const Slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'Must be a lowercase slug')
  .openapi({ example: 'water' });
export const Timestamp = z.iso.datetime({ offset: true }).openapi({ example: '2025-03-01T09:30:00.000Z' });
export const LanguageTag = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Must be a BCP 47 language tag')
  .openapi({ example: 'fr' });

export const Limit = z.coerce.number().int().min(1).max(100).default(20).openapi({ example: 20 });
export const Cursor = Text().max(500).optional().openapi({ description: 'Opaque cursor from `next`' });

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem', { description: 'RFC 9457 problem details' });

/**
 * A registered component that may be null. `Component.nullable()` renders as
 * `allOf: [{$ref}, {type: [..., 'null']}]`, which no null satisfies (the contract fuzzer caught it);
 * a union renders as `anyOf: [{$ref}, {type: 'null'}]`.
 */
export const orNull = <T extends z.ZodType>(schema: T) => z.union([schema, z.null()]);

export const MemberRef = z
  .object({
    id: Id,
    name: z
      .string()
      .openapi({ description: 'Empty for a former member (presence `former`): show "Former member" in the reader\'s language' }),
    avatarUrl: z.string().nullable(),
    presence: z.enum(['listed', 'unlisted', 'former']).openapi({
      description:
        "`listed`: the viewer may open this member's profile. `unlisted`: the member opted out of the directory; " +
        'show the name as plain text, with no link. `former`: the account was deactivated; the name is withheld.',
    }),
  })
  .openapi('MemberRef');

export function page<T extends z.ZodType>(item: T, name: string) {
  return z.object({ items: z.array(item), next: z.string().nullable() }).openapi(name);
}

const problemContent = { 'application/problem+json': { schema: Problem } };

/** The error responses every route may give, so the contract documents them once. */
export function errorResponses(...statuses: number[]) {
  const descriptions: Record<number, string> = {
    400: 'Invalid input; `errors` names each field',
    401: 'Missing or invalid bearer token',
    403: 'Not allowed for this member',
    404: 'Not found or not visible to this viewer',
    409: 'Conflict: a duplicate, or an Idempotency-Key reused at the same moment (retry after Retry-After)',
    412: 'If-Match does not match the current version',
    413: 'The request body is larger than this route accepts',
    415: 'The body is not application/json',
    422: 'Idempotency-Key reused with another body, or a rule of the domain refused the request',
    428: 'If-Match is required',
    429: 'Rate limited; see Retry-After',
    503: 'Database overloaded; see Retry-After',
  };
  const all = [...new Set([400, 429, 503, ...statuses])].sort((a, b) => a - b);
  return Object.fromEntries(all.map((status) => [status, { description: descriptions[status] ?? 'Error', content: problemContent }]));
}

export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export const IdempotencyHeaders = z.object({
  'idempotency-key': Text().min(8).max(200).openapi({ description: 'Unique per intended write; retries reuse it' }),
});
export const IfMatchHeaders = z.object({
  'if-match': Text().optional().openapi({ description: 'The ETag the edit is based on (as GET sent it, or "version"); required' }),
});
