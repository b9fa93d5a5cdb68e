/**
 * Avatars through the reference server (issue 18): a member may give any http(s) image URL, but viewers
 * only ever load `/api/v1/members/{id}/avatar?v=…` from the Grove server, so nobody can plant a tracking
 * pixel that every viewer's browser fetches. The server fetches the image itself, as a careful client:
 * - only http(s), no credentials in the URL, at most 3 redirects, 5 s, 512 KB;
 * - no private, loopback, link-local or otherwise internal address (checked on the addresses the name
 *   resolves to, and the connection made to the address checked, so DNS rebinding cannot slip one in),
 *   unless the operator lists the host in GROVE_AVATAR_HOSTS, which then is the only hosts fetched from;
 * - PNG, JPEG, GIF or WebP by their first bytes whatever the Content-Type says (no SVG: it can script);
 * - cached in `avatar_images` for a week (a failure for an hour), keyed by the URL's hash, so a changed
 *   URL is fetched anew and the served bytes may be cached by browsers for a day.
 */
import { lookup as dnsLookup } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import type { Queryable } from '../db/index.ts';

export interface AvatarPolicy {
  /** Hosts (`name` or `name:port`) avatars may come from; empty: any public host. */
  hosts: readonly string[];
}

export interface AvatarImage {
  contentType: string;
  bytes: Uint8Array<ArrayBuffer>;
}

const MAX_BYTES = 512 * 1024;
const TIMEOUT_MS = 5_000;
const MAX_REDIRECTS = 3;
const FRESH_MS = 7 * 24 * 3600_000;
const RETRY_FAILED_MS = 3600_000;

/** Addresses no avatar is fetched from (RFC 6890 special-purpose ranges and friends). */
const INTERNAL = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  INTERNAL.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  INTERNAL.addSubnet(network, prefix, 'ipv6');

/** The IPv4 address an IPv4-mapped IPv6 address carries (`::ffff:127.0.0.1`, `::ffff:7f00:1`), else null. */
function mappedIPv4(address: string): string | null {
  const canonical = new URL(`http://[${address}]`).hostname.slice(1, -1);
  const match = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!match) return null;
  const [high, low] = [parseInt(match[1] ?? '0', 16), parseInt(match[2] ?? '0', 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

export function isInternalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return INTERNAL.check(address, 'ipv4');
  if (family !== 6) return true;
  // An IPv4-mapped IPv6 address is judged as the IPv4 address it carries.
  const mapped = mappedIPv4(address);
  return mapped ? INTERNAL.check(mapped, 'ipv4') : INTERNAL.check(address, 'ipv6');
}

class AvatarRefused extends Error {}

/** The image format from the first bytes, or null: the declared Content-Type is not trusted. */
export function sniffImage(bytes: Uint8Array): string | null {
  const starts = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50)
    return 'image/webp';
  return null;
}

function hostAllowed(url: URL, policy: AvatarPolicy): boolean {
  return policy.hosts.length === 0 || policy.hosts.includes(url.host) || policy.hosts.includes(url.hostname);
}

/** Resolves like dns.lookup, refusing names that resolve to an internal address. */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, list) => {
    const first = list[0];
    if (error) callback(error, '', 4);
    else if (!first || list.some((entry) => isInternalAddress(entry.address))) {
      callback(new AvatarRefused(`${hostname} resolves to an internal address`), '', 4);
    } else if (options.all) (callback as unknown as (e: null, a: typeof list) => void)(null, list);
    else callback(null, first.address, first.family);
  });
};

function get(url: URL, policy: AvatarPolicy): Promise<IncomingMessage> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new AvatarRefused('only http(s) avatars');
  if (url.username || url.password) throw new AvatarRefused('no credentials in avatar URLs');
  if (!hostAllowed(url, policy)) throw new AvatarRefused(`${url.host} is not in GROVE_AVATAR_HOSTS`);
  const listed = policy.hosts.length > 0;
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  if (!listed && isIP(literal) !== 0 && isInternalAddress(literal)) throw new AvatarRefused('internal address');
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'GET',
      headers: { accept: 'image/png,image/jpeg,image/gif,image/webp', 'user-agent': 'Grove avatar fetcher' },
      timeout: TIMEOUT_MS,
      // Hosts the operator listed may be internal (an intranet photo server); any other must be public.
      ...(listed ? {} : { lookup: publicOnlyLookup }),
    });
    req.on('response', resolve);
    req.on('timeout', () => req.destroy(new AvatarRefused('timed out')));
    req.on('error', reject);
    req.end();
  });
}

async function readLimited(response: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BYTES) {
      response.destroy();
      throw new AvatarRefused(`larger than ${MAX_BYTES} bytes`);
    }
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** Fetches and checks one avatar; throws when it cannot be served. */
export async function fetchAvatar(source: string, policy: AvatarPolicy): Promise<AvatarImage> {
  let url = new URL(source);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const response = await get(url, policy);
    const location = response.headers.location;
    if (response.statusCode && response.statusCode >= 300 && response.statusCode < 400 && location) {
      response.resume();
      url = new URL(location, url);
      continue;
    }
    if (response.statusCode !== 200) {
      response.resume();
      throw new AvatarRefused(`answered ${response.statusCode ?? 'nothing'}`);
    }
    const bytes = await readLimited(response);
    const contentType = sniffImage(bytes);
    if (!contentType) throw new AvatarRefused('not a PNG, JPEG, GIF or WebP image');
    return { contentType, bytes };
  }
  throw new AvatarRefused('too many redirects');
}

interface CachedRow {
  source_hash: string;
  content_type: string | null;
  bytes: Uint8Array | null;
  fetched_at: Date;
}

/** Requests for an avatar being fetched wait for that fetch instead of starting another. */
const inFlight = new Map<string, Promise<AvatarImage | null>>();

/**
 * The avatar of a member who has one and is listed in the directory, when `version` is the hash of the
 * URL they gave (the API hands it out with the URL); null otherwise or when it cannot be fetched.
 */
export async function memberAvatar(db: Queryable, memberId: string, version: string, policy: AvatarPolicy): Promise<AvatarImage | null> {
  const { rows } = await db.query<{ source: string; hash: string }>(
    `select avatar_url as source, substring(grove_avatar_path(id, avatar_url) from 'v=(.*)$') as hash
     from members where id = $1 and avatar_url is not null and avatar_url <> '' and not directory_opt_out`,
    [memberId],
  );
  const member = rows[0];
  if (member?.hash !== version) return null;
  const cached = await db.query<CachedRow>('select source_hash, content_type, bytes, fetched_at from avatar_images where member_id = $1', [
    memberId,
  ]);
  const hit = cached.rows[0];
  if (hit?.source_hash === version) {
    const age = Date.now() - hit.fetched_at.getTime();
    if (hit.content_type && hit.bytes && age < FRESH_MS) return { contentType: hit.content_type, bytes: new Uint8Array(hit.bytes) };
    if (!hit.content_type && age < RETRY_FAILED_MS) return null;
  }
  const key = `${memberId}:${version}`;
  let pending = inFlight.get(key);
  if (!pending) {
    pending = refresh(db, memberId, member.source, version, policy).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}

async function refresh(
  db: Queryable,
  memberId: string,
  source: string,
  version: string,
  policy: AvatarPolicy,
): Promise<AvatarImage | null> {
  let image: AvatarImage | null = null;
  let error: string | null = null;
  try {
    image = await fetchAvatar(source, policy);
  } catch (failure) {
    error = failure instanceof Error ? failure.message : String(failure);
  }
  await db.query(
    `insert into avatar_images (member_id, source_hash, content_type, bytes, error, fetched_at) values ($1, $2, $3, $4, $5, now())
     on conflict (member_id) do update set source_hash = excluded.source_hash, content_type = excluded.content_type,
       bytes = excluded.bytes, error = excluded.error, fetched_at = excluded.fetched_at`,
    [memberId, version, image?.contentType ?? null, image ? Buffer.from(image.bytes) : null, error],
  );
  return image;
}
