import type { GroveClient } from '../../../src/api/client.js';
import { createHttpClient } from '../../../src/api/http-client.js';

/** Set by web-test-runner.config.js: the reference server, on another origin than the test page. */
export const api = (window as { GROVE_API?: string | null }).GROVE_API ?? undefined;

export interface DemoMember {
  client: GroveClient;
  memberId: string;
  community: string;
}

/**
 * Signs in as a seeded member of a public community through the demo endpoint, as the demo page does.
 * `index` picks another member, so heavy tests do not share one member's rate limit.
 */
export async function signInAsMember(base: string, index = 0): Promise<DemoMember> {
  const communities = (await getJson(`${base}/v1/communities?limit=20`)) as { items: { slug: string; visibility?: string }[] };
  const community = communities.items.find((item) => item.visibility !== 'members')?.slug ?? communities.items[0]?.slug;
  if (!community) throw new Error('the demo network has no community');
  const members = (await getJson(`${base}/v1/members?community=${community}&limit=10`)) as { items: { id: string }[] };
  const memberId = members.items[index]?.id;
  if (!memberId) throw new Error(`no member #${index} in ${community}`);
  return { client: await signInAs(base, memberId), memberId, community };
}

/** A client signed in as one seeded member (see server/seed/README.md for the stable identities). */
export async function signInAs(base: string, memberId: string): Promise<GroveClient> {
  return createHttpClient({ baseUrl: base, token: await demoToken(base, memberId) });
}

/** The demo sign-in's token for one seeded member, for tests that hand it to a provider themselves. */
export async function demoToken(base: string, memberId: string): Promise<string> {
  const response = await fetch(`${base}/v1/auth/demo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({ member: memberId }),
  });
  if (!response.ok) throw new Error(`demo sign-in as ${memberId} failed: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

/** A page key no other test run uses. */
export const uniqueKey = (label: string) => `https://intranet.example.org/${label}/${crypto.randomUUID()}`;
