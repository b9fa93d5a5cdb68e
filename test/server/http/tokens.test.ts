/** Bearer tokens: what a signed-in request must carry, and what is refused (issue 13, "Tokens"). */
import assert from 'node:assert/strict';
import { generateKeyPair, exportJWK, SignJWT, type JWTPayload } from 'jose';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../../../server/http/app.ts';
import { assertProblem, call, SECRET, setup, testConfig, testDatabase, type Fixture } from './harness.ts';

let ctx: Awaited<ReturnType<typeof setup>>;
let f: Fixture;
before(async () => {
  ctx = await setup();
  f = ctx.fixture;
});
after(async () => (await testDatabase()).close());

const key = new TextEncoder().encode(SECRET);
const now = () => Math.floor(Date.now() / 1000);
const me = (token: string, grove = ctx.grove) => call(grove, '/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
const hs256 = (claims: JWTPayload) => new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject(f.member).sign(key);

describe('bearer tokens', () => {
  test('a short-lived HS256 token with exp is accepted', async () => {
    const result = await me(await hs256({ iat: now(), exp: now() + 300 }));
    assert.equal(result.status, 200, result.text);
  });

  test('a token without exp, or living longer than the maximum, is refused', async () => {
    assertProblem(await me(await hs256({ iat: now() })), 401);
    assertProblem(await me(await hs256({ iat: now(), exp: now() + 10 * 365 * 86400 })), 401);
    assertProblem(await me(await hs256({ exp: now() + 13 * 3600 })), 401, undefined);
    const longer = createApp({ db: ctx.db, config: testConfig({ auth: { jwtSecret: SECRET, maxLifetimeSeconds: 14 * 3600 } }) });
    assert.equal((await me(await hs256({ exp: now() + 13 * 3600 }), longer)).status, 200, 'the maximum is configurable');
  });

  test('wrong issuer or audience is refused when they are configured', async () => {
    const strict = createApp({
      db: ctx.db,
      config: testConfig({ auth: { jwtSecret: SECRET, issuer: 'https://idp.example.org', audience: 'grove' } }),
    });
    assertProblem(await me(await hs256({ exp: now() + 300, iss: 'https://evil.example', aud: 'grove' }), strict), 401);
    assertProblem(await me(await hs256({ exp: now() + 300, iss: 'https://idp.example.org', aud: 'other' }), strict), 401);
    assert.equal((await me(await hs256({ exp: now() + 300, iss: 'https://idp.example.org', aud: 'grove' }), strict)).status, 200);
  });

  test('alg none, and an algorithm outside the JWKS allowlist, are refused', async () => {
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${Buffer.from(JSON.stringify({ sub: f.member, exp: now() + 60 })).toString('base64url')}.`;
    assertProblem(await me(unsigned), 401);

    // A real JWKS endpoint on this machine, holding an RS256 key.
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' };
    const jwks = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })),
    );
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    try {
      const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks`;
      const rs256 = await new SignJWT({ exp: now() + 300 })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setSubject(f.member)
        .sign(privateKey);
      const allowed = createApp({ db: ctx.db, config: testConfig({ auth: { jwksUrl } }) });
      assert.equal((await me(rs256, allowed)).status, 200, (await me(rs256, allowed)).text);
      const esOnly = createApp({ db: ctx.db, config: testConfig({ auth: { jwksUrl, algorithms: ['ES256'] } }) });
      assertProblem(await me(rs256, esOnly), 401);
    } finally {
      jwks.close();
    }
  });
});
