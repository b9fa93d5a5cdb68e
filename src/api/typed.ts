/**
 * Calls typed by the contract: the path and method choose the operation in the generated `paths` type
 * (schema.d.ts, from api/openapi.json), which then types the path parameters, the query, the JSON body
 * and the response. In the manner of openapi-fetch, as a few functions over the one `GroveClient`
 * (cache, retries, token refresh stay there), so there is no second HTTP client and nothing at run time
 * but filling `{id}` placeholders:
 *
 *   get(client, '/v1/members/{id}', { path: { id }, query: { lang }, signal })   // Promise<MemberProfile>
 *   send(client, 'POST', '/v1/events/{id}/rsvp', { path: { id }, body: { status, occurrence } })
 *
 * Keyed on path + method, not on operation ids, so the contract can name its operations freely.
 * Widgets call these only from their `api.ts` module.
 */
import type { GroveClient, SendOptions, StreamOptions, WithEtag, WriteMethod } from './client.js';
import type { paths } from './schema.js';

/** The contract's paths as the client takes them: relative to the API base, which ends in `/api`. */
export type ApiPaths = { [P in keyof paths as P extends `/api${infer Rest}` ? Rest : never]: paths[P] };
type ApiPath = keyof ApiPaths;
type Method = 'get' | Lowercase<WriteMethod>;

/** The operation at `path` for `method` (never when the contract has none). */
export type Operation<P extends ApiPath, M extends Method> = NonNullable<ApiPaths[P][M]>;
/** The paths that have an operation for `method`. */
export type PathsFor<M extends Method> = { [P in ApiPath]: [Operation<P, M>] extends [never] ? never : P }[ApiPath];

type ParamsOf<O> = O extends { parameters: infer X } ? X : never;
type PathOption<O> = ParamsOf<O> extends { path: infer X } ? { path: X } : { path?: never };
type QueryOption<O> =
  ParamsOf<O> extends { query: infer Q } ? { query: Q } : ParamsOf<O> extends { query?: infer Q } ? { query?: Q } : unknown;
type BodyOption<O> = O extends { requestBody?: never }
  ? { body?: never }
  : O extends { requestBody: { content: { 'application/json': infer B } } }
    ? { body: B }
    : O extends { requestBody?: { content: { 'application/json': infer B } } }
      ? { body?: B }
      : unknown;

type Responses<O> = O extends { responses: infer R } ? R : never;
type Content<R> = R extends { content: infer C } ? C : undefined;
/** The content of the operation's success responses, by media type. */
type Success<O> = { [S in keyof Responses<O> & (200 | 201 | 202 | 204)]: Content<Responses<O>[S]> }[keyof Responses<O> &
  (200 | 201 | 202 | 204)];
/** The operation's JSON response (undefined for 204 No Content). */
export type JsonOf<O> = Success<O> extends infer C ? (C extends { 'application/json': infer J } ? J : undefined) : never;
/** The non-JSON media types the operation answers with (`text/calendar`, `application/vc+jwt`). */
type TextMedia<O> = Exclude<Success<O> extends infer C ? (C extends object ? keyof C : never) : never, 'application/json'> & string;

/** Options as a rest parameter: optional when nothing in them is required. */
type Args<T> = object extends T ? [options?: T] : [options: T];

export type ReadArgs<P extends PathsFor<'get'>> = PathOption<Operation<P, 'get'>> &
  QueryOption<Operation<P, 'get'>> & { signal?: AbortSignal };
export type WriteArgs<P extends ApiPath, M extends WriteMethod> = PathOption<Operation<P, Lowercase<M>>> &
  QueryOption<Operation<P, Lowercase<M>>> &
  BodyOption<Operation<P, Lowercase<M>>> &
  Omit<SendOptions, 'query' | 'body'>;
export type ResponseOf<P extends ApiPath, M extends Method> = JsonOf<Operation<P, M>>;
/** The query parameters of an operation, e.g. `QueryOf<'/v1/members'>` for a widget's search state. */
export type QueryOf<P extends ApiPath, M extends Method = 'get'> = NonNullable<
  ParamsOf<Operation<P, M>> extends { query?: infer Q } ? Q : never
>;
/** The JSON body of a write, e.g. `BodyOf<'/v1/posts', 'post'>`. */
export type BodyOf<P extends ApiPath, M extends Method> =
  Operation<P, M> extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

/** `/v1/members/{id}` with `{ id: '4' }` -> `/v1/members/4`, each value URL-encoded. */
export function fillPath(path: string, values?: Readonly<Record<string, string | number>>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(values?.[name] ?? '')));
}

interface AnyArgs {
  path?: Readonly<Record<string, string | number>>;
  query?: object;
}

/** GET JSON, through the client's page-wide cache. */
export function get<P extends PathsFor<'get'>>(
  client: GroveClient,
  path: P,
  ...[options]: Args<ReadArgs<P>>
): Promise<ResponseOf<P, 'get'>> {
  const args = options as AnyArgs | undefined;
  return client.get(fillPath(path, args?.path), options);
}

/** As `get`, with the ETag to send back as `ifMatch`. */
export function getWithEtag<P extends PathsFor<'get'>>(
  client: GroveClient,
  path: P,
  ...[options]: Args<ReadArgs<P>>
): Promise<WithEtag<ResponseOf<P, 'get'>>> {
  const args = options as AnyArgs | undefined;
  return client.getWithEtag(fillPath(path, args?.path), options);
}

/** GET a non-JSON representation the contract declares (`accept` is one of its media types). */
export function text<P extends PathsFor<'get'>>(
  client: GroveClient,
  path: P,
  options: ReadArgs<P> & { accept: TextMedia<Operation<P, 'get'>> },
): Promise<string> {
  return client.text(fillPath(path, (options as AnyArgs).path), options);
}

/** A write; resolves to the response body the contract declares. */
export function send<M extends WriteMethod, P extends PathsFor<Lowercase<M>>>(
  client: GroveClient,
  method: M,
  path: P,
  ...[options]: Args<WriteArgs<P, M>>
): Promise<ResponseOf<P, Lowercase<M>>> {
  const args = options as AnyArgs | undefined;
  return client.send(method, fillPath(path, args?.path), options);
}

/** As `send`, with the written resource's new ETag. */
export function sendWithEtag<M extends WriteMethod, P extends PathsFor<Lowercase<M>>>(
  client: GroveClient,
  method: M,
  path: P,
  ...[options]: Args<WriteArgs<P, M>>
): Promise<WithEtag<ResponseOf<P, Lowercase<M>>>> {
  const args = options as AnyArgs | undefined;
  return client.sendWithEtag(method, fillPath(path, args?.path), options);
}

/** The absolute URL of a GET, for links (an ICS feed, a vCard UID). */
export function href<P extends PathsFor<'get'>>(client: GroveClient, path: P, ...[options]: Args<Omit<ReadArgs<P>, 'signal'>>): string {
  const args = options as AnyArgs | undefined;
  return client.url(fillPath(path, args?.path), args?.query as never);
}

/** Follows a server-sent event stream the contract declares. */
export function stream<P extends PathsFor<'get'>>(
  client: GroveClient,
  path: P,
  options: Omit<ReadArgs<P>, 'query' | 'signal'> & StreamOptions,
): Promise<void> {
  return client.stream(fillPath(path, (options as AnyArgs).path), options);
}
