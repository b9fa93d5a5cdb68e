/**
 * The client address used for rate limits and anonymous idempotency keys. X-Forwarded-For is only
 * believed hop by hop from the right while the hop is a configured trusted proxy, so a client cannot
 * pick its own address by sending the header.
 */
import { BlockList, isIP } from 'node:net';
import type { MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppEnv } from '../env.ts';

export function trustedProxyList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (isIP(address) === 0) throw new Error(`GROVE_TRUSTED_PROXIES: "${entry}" is not an address or CIDR`);
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return list;
}

function normalise(address: string): string {
  // IPv4 peers on a dual-stack socket appear as ::ffff:a.b.c.d.
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

function isTrusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

export function resolveClientAddress(peer: string, forwardedFor: string | undefined, trusted: BlockList): string {
  let client = normalise(peer);
  if (!forwardedFor || !isTrusted(trusted, client)) return client;
  const hops = forwardedFor
    .split(',')
    .map((hop) => normalise(hop.trim()))
    .filter(Boolean);
  while (hops.length > 0) {
    client = hops.pop() as string;
    if (!isTrusted(trusted, client)) break;
  }
  return client;
}

export function clientAddress(trustedProxies: readonly string[]): MiddlewareHandler<AppEnv> {
  const trusted = trustedProxyList(trustedProxies);
  return async (c, next) => {
    let peer = 'unknown';
    try {
      peer = getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      // app.request() in tests has no socket; the address stays "unknown".
    }
    c.set('clientAddress', resolveClientAddress(peer, c.req.header('x-forwarded-for'), trusted));
    await next();
  };
}
