/**
 * A contract fuzzer: requests generated from api/openapi.json with fast-check, valid and invalid, for
 * every operation, sent to the real app over its real database. Each answer is held to the contract:
 * - never a 5xx;
 * - every 4xx is application/problem+json shaped as the Problem schema, and a 400 names each offending
 *   input as `body.x`, `query.x`, `path.x` or `header.x`;
 * - every 2xx has a documented status, and its JSON validates against the documented schema (ajv,
 *   JSON Schema 2020-12 as OpenAPI 3.1 uses it); other media types match the documented one.
 *
 * Valid values come from the schemas, with ids and slugs drawn half the time from a pool of real rows so
 * requests reach past the 404; invalid ones are mutations of one part (a wrong type, out of range, a NUL
 * character, a missing required field, a broken body or content type).
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';

type Schema = Record<string, unknown>;
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: Schema;
}
interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
  security?: Record<string, string[]>[];
}
export interface Contract {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/** Real values the generator mixes in, so valid requests find something. */
export interface Pool {
  ids: string[];
  slugs: string[];
  tokens: string[];
}

export interface Finding {
  operation: string;
  kind: '5xx' | 'non-problem 4xx' | 'unnamed 400' | 'invalid 2xx' | 'undocumented status' | 'threw';
  status: number;
  detail: string;
  request: string;
}

export interface FuzzReport {
  cases: number;
  valid: number;
  invalid: number;
  byStatus: Record<string, number>;
  byOperation: Record<string, number>;
  findings: Finding[];
}

interface GeneratedRequest {
  operation: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
  valid: boolean;
}

const NUL = '\u0000';

function resolve(contract: Contract, schema: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref === 'string') return resolve(contract, contract.components.schemas[ref.replace('#/components/schemas/', '')] ?? {});
  return schema;
}

/** Values that satisfy `schema`; `name` helps choose pooled ids and slugs. */
function valueOf(contract: Contract, raw: Schema, pool: Pool, name = ''): fc.Arbitrary<unknown> {
  const schema = resolve(contract, raw);
  const variants = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (variants) return fc.oneof(...variants.map((variant) => valueOf(contract, variant, pool, name)));
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string | undefined];
  if (types.includes('null')) {
    const rest = { ...schema, type: types.find((t) => t !== 'null') };
    return fc.option(valueOf(contract, rest, pool, name), { nil: null, freq: 4 });
  }
  switch (types[0]) {
    case 'string':
      return stringOf(schema, pool, name);
    case 'integer':
      return fc.integer({ min: (schema.minimum as number | undefined) ?? -1000, max: (schema.maximum as number | undefined) ?? 1000 });
    case 'number':
      return fc.double({
        min: (schema.minimum as number | undefined) ?? -1000,
        max: (schema.maximum as number | undefined) ?? 1000,
        noNaN: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const items = valueOf(contract, (schema.items as Schema | undefined) ?? {}, pool, name);
      return fc.array(items, {
        minLength: (schema.minItems as number | undefined) ?? 0,
        maxLength: Math.min((schema.maxItems as number | undefined) ?? 5, 5),
      });
    }
    case 'object':
      return objectOf(contract, schema, pool);
    default:
      return fc.oneof(fc.string(), fc.integer(), fc.boolean());
  }
}

function stringOf(schema: Schema, pool: Pool, name: string): fc.Arbitrary<string> {
  const pattern = schema.pattern as string | undefined;
  const isId = pattern?.includes('9223372036854775807') === true;
  const isSlug = pattern === '^[a-z0-9][a-z0-9-]{0,62}$';
  if (isId && pool.ids.length > 0) return fc.oneof(fc.constantFrom(...pool.ids), fc.stringMatching(new RegExp(pattern)));
  if (isSlug && pool.slugs.length > 0) return fc.oneof(fc.constantFrom(...pool.slugs), fc.stringMatching(new RegExp(pattern)));
  if (schema.format === 'date-time')
    return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  if (pattern) {
    const max = schema.maxLength as number | undefined;
    return fc.stringMatching(new RegExp(pattern)).filter((s) => max === undefined || s.length <= max);
  }
  if (name === 'key' || name === 'cursor') return fc.oneof(fc.webUrl(), fc.string({ maxLength: 40 }));
  return fc
    .string({
      minLength: (schema.minLength as number | undefined) ?? 0,
      maxLength: Math.min((schema.maxLength as number | undefined) ?? 40, 60),
      unit: 'grapheme',
    })
    .map((s) => (schema.minLength ? s.padEnd(schema.minLength as number, 'x') : s));
}

function objectOf(contract: Contract, schema: Schema, pool: Pool): fc.Arbitrary<Record<string, unknown>> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required ?? []) as string[]);
  const entries = Object.entries(properties).map(([key, value]) => [key, valueOf(contract, value, pool, key)] as const);
  return fc.record(Object.fromEntries(entries), { requiredKeys: [...required].filter((key) => key in properties) });
}

/** One part of a valid value made wrong. */
const badValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(NUL),
  fc.constant(`x${NUL}y`),
  fc.constant(''),
  fc.constant('9223372036854775808'),
  fc.constant('99999999999999999999999'),
  fc.constant(-1),
  fc.constant(1e308),
  fc.constant(true),
  fc.constant(null),
  fc.constant([]),
  fc.constant({ nested: { deep: true } }),
  fc.constant('x'.repeat(3000)),
  fc.constant('../../etc/passwd'),
  fc.constant("' or 1=1 --"),
  fc.string({ maxLength: 8, unit: 'binary' }),
);

interface Draft {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  header: Record<string, unknown>;
  body: unknown;
}

function encodeQuery(query: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value])
      search.append(key, typeof item === 'object' ? JSON.stringify(item) : String(item));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function requestArbitrary(contract: Contract, pool: Pool): fc.Arbitrary<GeneratedRequest> {
  const operations = Object.entries(contract.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
  );
  return fc.constantFrom(...operations).chain(({ path, method, operation }) => {
    const parameters = operation.parameters ?? [];
    // Header values travel as bytes: keep them to visible ASCII, as any HTTP client must.
    const headerValue = fc.string({ minLength: 1, maxLength: 60, unit: 'grapheme-ascii' }).filter((v) => /^[\x21-\x7e]+$/.test(v));
    const part = (where: Parameter['in']) =>
      fc.record(
        Object.fromEntries(
          parameters
            .filter((p) => p.in === where)
            .map((p) => [p.name, where === 'header' ? headerValue : valueOf(contract, p.schema, pool, p.name)]),
        ),
        { requiredKeys: parameters.filter((p) => p.in === where && (p.required ?? where === 'path')).map((p) => p.name) },
      );
    const bodySchema = operation.requestBody?.content['application/json']?.schema;
    const draft: fc.Arbitrary<Draft> = fc.record({
      path: part('path'),
      query: part('query'),
      header: part('header'),
      body: bodySchema ? valueOf(contract, bodySchema, pool) : fc.constant(undefined),
    });
    const mutation = fc.oneof(
      fc.constant<null>(null),
      fc.record({
        where: fc.constantFrom('path', 'query', 'header', 'body', 'raw-body', 'content-type'),
        value: badValue,
        drop: fc.boolean(),
      }),
    );
    return fc.tuple(draft, mutation, fc.constantFrom('anonymous', ...pool.tokens)).map(([d, mutate, token]) => {
      const valid = mutate === null;
      let rawBody: string | undefined = d.body === undefined ? undefined : JSON.stringify(d.body);
      let contentType = 'application/json';
      if (mutate) {
        if (mutate.where === 'raw-body') rawBody = '{"unterminated": ';
        else if (mutate.where === 'content-type') contentType = 'text/plain';
        else {
          const target =
            mutate.where === 'body' ? (d.body && typeof d.body === 'object' ? (d.body as Record<string, unknown>) : null) : d[mutate.where];
          const keys = target ? Object.keys(target) : [];
          const key = keys[0];
          if (target && key !== undefined) {
            if (mutate.drop && mutate.where !== 'path') Reflect.deleteProperty(target, key);
            else target[key] = mutate.value;
          } else if (mutate.where === 'body') {
            d.body = mutate.value;
          }
          if (mutate.where === 'body') rawBody = JSON.stringify(d.body);
        }
      }
      const text = (value: unknown): string => (typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value));
      const concrete = path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(text(d.path[name])));
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(d.header)) {
        if (value !== undefined) headers[name] = text(value).replace(/[^\x21-\x7e]/g, '?') || '?';
      }
      // GET and DELETE carry no body in this API; a client cannot even send one with fetch.
      if (method === 'get' || method === 'delete') rawBody = undefined;
      if (method === 'post' && !('idempotency-key' in headers))
        headers['idempotency-key'] = `fuzz-${Math.random().toString(36).slice(2)}-key`;
      if (token !== 'anonymous') headers.authorization = `Bearer ${token}`;
      if (rawBody !== undefined) headers['content-type'] = contentType;
      return {
        operation: operation.operationId,
        method: method.toUpperCase(),
        path: concrete + encodeQuery(d.query),
        headers,
        body: rawBody,
        valid,
      };
    });
  });
}

type Send = (request: GeneratedRequest) => Promise<Response>;

function validators(contract: Contract) {
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
  (addFormats as unknown as (ajv: Ajv2020) => void)(ajv);
  ajv.addFormat('binary', true);
  // The components as one document, so `#/components/schemas/X` refs inside it resolve as in the contract.
  ajv.addSchema({ $id: 'contract.json', components: contract.components });
  const cache = new Map<string, ValidateFunction>();
  return (key: string, schema: Schema): ValidateFunction => {
    let validate = cache.get(key);
    if (!validate) {
      const rooted = JSON.parse(
        JSON.stringify(schema).replaceAll('"#/components/schemas/', '"contract.json#/components/schemas/'),
      ) as Schema;
      validate = ajv.compile(rooted);
      cache.set(key, validate);
    }
    return validate;
  };
}

const PROBLEM_FIELD = /^(body|query|path|header)(\.|$)/;

async function judge(
  contract: Contract,
  request: GeneratedRequest,
  response: Response,
  validate: ReturnType<typeof validators>,
): Promise<Finding | null> {
  const finding = (kind: Finding['kind'], detail: string): Finding => ({
    operation: request.operation,
    kind,
    status: response.status,
    detail: detail.slice(0, 400),
    request: `${request.method} ${request.path.slice(0, 200)} ${request.body?.slice(0, 200) ?? ''}`,
  });
  const type = response.headers.get('content-type') ?? '';
  const status = response.status;
  const operation = Object.values(contract.paths)
    .flatMap((methods) => Object.values(methods))
    .find((op) => op.operationId === request.operation);
  if (type.includes('text/event-stream')) {
    await response.body?.cancel();
    return status === 200 ? null : finding('invalid 2xx', 'a stream with a non-200 status');
  }
  const text = await response.text();
  if (status >= 500) return finding('5xx', text);
  if (status >= 400) {
    if (!type.startsWith('application/problem+json')) return finding('non-problem 4xx', `${type}: ${text}`);
    const body = JSON.parse(text) as { status?: number; errors?: { field: string }[] };
    if (!validate('Problem', resolve(contract, { $ref: '#/components/schemas/Problem' }))(body)) return finding('non-problem 4xx', text);
    if (status === 400 && !(body.errors?.length && body.errors.every((e) => PROBLEM_FIELD.test(e.field))))
      return finding('unnamed 400', text);
    if (operation && !(String(status) in operation.responses)) return finding('undocumented status', text);
    return null;
  }
  if (status === 304) return null;
  if (!operation || !(String(status) in operation.responses)) return finding('undocumented status', text);
  const documented = operation.responses[String(status)]?.content ?? {};
  const media = Object.keys(documented);
  if (media.length === 0) return text === '' ? null : finding('invalid 2xx', 'a body where none is documented');
  const json = documented['application/json'];
  if (json?.schema && type.includes('application/json')) {
    const check = validate(`${request.operation}:${status}`, json.schema);
    return check(JSON.parse(text)) ? null : finding('invalid 2xx', JSON.stringify(check.errors?.slice(0, 3)));
  }
  const matches = media.some((m) => (m.endsWith('/*') ? type.startsWith(m.slice(0, -1)) : type.startsWith(m)));
  return matches ? null : finding('invalid 2xx', `content-type ${type}, documented ${media.join(', ')}`);
}

export async function fuzzContract(options: {
  contract: Contract;
  pool: Pool;
  send: Send;
  cases: number;
  seed: number;
}): Promise<FuzzReport> {
  const contract = options.contract;
  const validate = validators(contract);
  const report: FuzzReport = { cases: 0, valid: 0, invalid: 0, byStatus: {}, byOperation: {}, findings: [] };
  const requests = fc.sample(requestArbitrary(contract, options.pool), { numRuns: options.cases, seed: options.seed });
  for (const request of requests) {
    report.cases++;
    if (request.valid) report.valid++;
    else report.invalid++;
    report.byOperation[request.operation] = (report.byOperation[request.operation] ?? 0) + 1;
    try {
      const response = await options.send(request);
      report.byStatus[response.status] = (report.byStatus[response.status] ?? 0) + 1;
      const finding = await judge(contract, request, response, validate);
      if (finding) report.findings.push(finding);
    } catch (error) {
      report.findings.push({
        operation: request.operation,
        kind: 'threw',
        status: 0,
        detail: String(error),
        request: `${request.method} ${request.path.slice(0, 200)}`,
      });
    }
  }
  return report;
}

/** Counts per kind of finding, for the printed summary. */
export function summarise(report: FuzzReport): Record<Finding['kind'], number> {
  const counts: Record<Finding['kind'], number> = {
    '5xx': 0,
    'non-problem 4xx': 0,
    'unnamed 400': 0,
    'invalid 2xx': 0,
    'undocumented status': 0,
    threw: 0,
  };
  for (const finding of report.findings) counts[finding.kind]++;
  return counts;
}
