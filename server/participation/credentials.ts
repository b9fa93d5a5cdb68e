/**
 * Open Badges 3.0 credentials for durable achievements, secured as VC-JWT (OB 3.0 §8.2): the JWT
 * payload is the OpenBadgeCredential itself with `iss`, `nbf`, `jti` and `sub` mirroring its fields,
 * signed RS256 with the issuer's key, whose public half travels in the JOSE header (`jwk`) and is
 * published at the issuer's JWKS. Levels are not exported: they move; achievements do not.
 */
import { createHash } from 'node:crypto';
import { SignJWT } from 'jose';
import type { BadgeSigner } from './signing-key.ts';
import { SIGNING_ALGORITHM } from './signing-key.ts';

export const CREDENTIAL_CONTEXT = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'];

/** What each achievement means, in the credential's own words (English, as its `name` and `criteria`). */
export const ACHIEVEMENT_TEXT: Record<string, { name: string; description: string; criteria: string }> = {
  'first-post': {
    name: 'First post',
    description: 'Started or joined a discussion in the community.',
    criteria: 'Wrote a first post or answer in a discussion of the community.',
  },
  'first-accepted-answer': {
    name: 'First accepted answer',
    description: 'Answered a question so well that the asker accepted the answer.',
    criteria: 'Gave an answer that the person who asked the question accepted.',
  },
  'helped-10': {
    name: 'Helped 10 members',
    description: 'Answered the questions of ten different members, who each accepted the answer.',
    criteria: 'Gave accepted answers to questions asked by ten different members.',
  },
  'event-host': {
    name: 'Hosted an event',
    description: 'Organised a webinar, workshop or meeting for the community.',
    criteria: 'Hosted at least one event of the community.',
  },
  'regular-attendee': {
    name: 'Regular at events',
    description: 'Took part in the community’s events again and again.',
    criteria: 'Attended five events of the community.',
  },
  facilitator: {
    name: 'Facilitator',
    description: 'Facilitates the community: welcomes members, hosts and moderates its conversations.',
    criteria: 'Named facilitator of the community.',
  },
};

export interface IssuerInfo {
  /** The issuer profile URL, which is also its id. */
  id: string;
  name: string;
  /** Base for achievement definition URLs. */
  achievementBase: string;
  /** Base for member URLs (the credential subject's id). */
  memberBase: string;
}

export interface Award {
  memberId: string;
  memberName: string;
  community: { slug: string; name: string };
  achievement: string;
  earnedAt: Date;
}

export function issuerProfile(issuer: IssuerInfo, signer: BadgeSigner, jwksUrl: string) {
  return {
    '@context': CREDENTIAL_CONTEXT,
    id: issuer.id,
    type: ['Profile'],
    name: issuer.name,
    description: signer.ephemeral
      ? 'Demo issuer: its signing key is made at start-up, so credentials stop verifying when the server restarts.'
      : 'Issues Open Badges for durable achievements in the communities of this network.',
    // Not an OB 3.0 property: where verifiers find the keys that `kid` in a credential's header names.
    jwks: jwksUrl,
  };
}

export function achievementDefinition(issuer: IssuerInfo, achievement: string) {
  const text = ACHIEVEMENT_TEXT[achievement];
  if (!text) return undefined;
  return {
    '@context': CREDENTIAL_CONTEXT,
    id: `${issuer.achievementBase}/${achievement}`,
    type: ['Achievement'],
    name: text.name,
    description: text.description,
    criteria: { narrative: text.criteria },
  };
}

/** The credential as JSON, before securing: stable ids, so downloading twice gives the same credential. */
export function buildCredential(issuer: IssuerInfo, award: Award) {
  const definition = achievementDefinition(issuer, award.achievement);
  if (!definition) throw new Error(`No definition for achievement ${award.achievement}`);
  const { '@context': _context, ...achievement } = definition;
  const key = `${issuer.id}|${award.memberId}|${award.community.slug}|${award.achievement}`;
  return {
    '@context': CREDENTIAL_CONTEXT,
    id: `urn:uuid:${stableUuid(key)}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer.id, type: ['Profile'], name: issuer.name },
    validFrom: award.earnedAt.toISOString(),
    name: `${definition.name} (${award.community.name})`,
    credentialSubject: {
      id: `${issuer.memberBase}/${award.memberId}`,
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityType: 'name', identityHash: award.memberName, hashed: false }],
      achievement: { ...achievement, description: `${definition.description} Community: ${award.community.name}.` },
    },
  };
}

export async function signCredential(credential: ReturnType<typeof buildCredential>, signer: BadgeSigner): Promise<string> {
  return new SignJWT(credential)
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, typ: 'JWT', kid: signer.kid, jwk: publicOnly(signer) })
    .setIssuer(credential.issuer.id)
    .setNotBefore(Math.floor(Date.parse(credential.validFrom) / 1000))
    .setJti(credential.id)
    .setSubject(credential.credentialSubject.id)
    .sign(signer.privateKey);
}

function publicOnly({ publicJwk }: BadgeSigner) {
  const { kty, n, e } = publicJwk;
  return { kty: kty ?? 'RSA', n, e };
}

/** An RFC 4122 version-5-style UUID from a SHA-256 of `key` (the same key, the same id). */
function stableUuid(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
