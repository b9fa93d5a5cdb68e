/**
 * Bearer JWT authentication. Tokens are verified with jose against the configured JWKS URL or HS256
 * secret; `sub` is the member id. A token for a member that does not exist (or was deactivated) is refused, so every
 * handler can trust `viewer.memberId`.
 */
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { MiddlewareHandler } from 'hono';
import type { AuthConfig } from '../../config.ts';
import { memberExists } from '../../members/accounts.ts';
import type { AppEnv } from '../env.ts';
import { isId } from '../../shared/ids.ts';
import { HttpProblem } from '../../shared/problem.ts';

export type TokenVerifier = (token: string) => Promise<string>;

function invalidToken(detail: string): HttpProblem {
  return new HttpProblem(401, detail, {
    type: 'invalid-token',
    headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
  });
}

/** Asymmetric algorithms accepted from an identity provider's JWKS when none are configured. */
export const DEFAULT_JWKS_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];
/** Longest a token may live, in seconds, when GROVE_JWT_MAX_LIFETIME is not set: a working day. */
export const DEFAULT_MAX_LIFETIME_SECONDS = 12 * 3600;

/**
 * Tokens must say when they expire (`exp` required), may not live longer than the configured maximum
 * (counted from `iat`, or from now when absent), must carry the configured `iss` and `aud`, and must be
 * signed with an allowed algorithm: HS256 with the shared secret, or the JWKS algorithms.
 */
export function createTokenVerifier(auth: AuthConfig): TokenVerifier {
  const secret = auth.jwtSecret ? new TextEncoder().encode(auth.jwtSecret) : undefined;
  const jwks: JWTVerifyGetKey | undefined = auth.jwksUrl ? createRemoteJWKSet(new URL(auth.jwksUrl)) : undefined;
  const claims = { issuer: auth.issuer, audience: auth.audience, requiredClaims: ['exp'] };
  const jwksAlgorithms = auth.algorithms?.length ? auth.algorithms : DEFAULT_JWKS_ALGORITHMS;
  const maxLifetime = auth.maxLifetimeSeconds ?? DEFAULT_MAX_LIFETIME_SECONDS;
  return async (token) => {
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw invalidToken('The bearer token is not a JWT');
    }
    try {
      // Demo and shared-secret tokens are HS256; anything else must come from the identity provider.
      const { payload } =
        alg === 'HS256' && secret
          ? await jwtVerify(token, secret, { ...claims, algorithms: ['HS256'] })
          : jwks
            ? await jwtVerify(token, jwks, { ...claims, algorithms: jwksAlgorithms })
            : (() => {
                throw new Error('no key for this algorithm');
              })();
      if (!isId(payload.sub)) throw new Error('sub is not a member id');
      const issuedAt = payload.iat ?? Math.floor(Date.now() / 1000);
      if ((payload.exp ?? 0) - issuedAt > maxLifetime) throw new Error(`it lives longer than ${maxLifetime} s`);
      return payload.sub;
    } catch (error) {
      throw invalidToken(`The bearer token was refused: ${(error as Error).message}`);
    }
  };
}

export function authenticate(verify: TokenVerifier): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('viewer', null);
    const header = c.req.header('authorization');
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match?.[1]) throw invalidToken('Authorization must be "Bearer <token>"');
      const memberId = await verify(match[1]);
      if (!(await memberExists(c.var.db, memberId)))
        throw invalidToken('The token names a member who does not exist or whose account was deactivated');
      c.set('viewer', { memberId });
    }
    await next();
  };
}
