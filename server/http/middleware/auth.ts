/**
 * Bearer JWT authentication. Tokens are verified with jose against the configured JWKS URL or HS256
 * secret; `sub` is the member id. A token for a member that does not exist is refused, so every
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

export function createTokenVerifier(auth: AuthConfig): TokenVerifier {
  const secret = auth.jwtSecret ? new TextEncoder().encode(auth.jwtSecret) : undefined;
  const jwks: JWTVerifyGetKey | undefined = auth.jwksUrl ? createRemoteJWKSet(new URL(auth.jwksUrl)) : undefined;
  const claims = { issuer: auth.issuer, audience: auth.audience };
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
            ? await jwtVerify(token, jwks, claims)
            : (() => {
                throw new Error('no key for this algorithm');
              })();
      if (!isId(payload.sub)) throw new Error('sub is not a member id');
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
      if (!(await memberExists(c.var.db, memberId))) throw invalidToken('The token names a member who does not exist');
      c.set('viewer', { memberId });
    }
    await next();
  };
}
