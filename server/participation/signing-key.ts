/**
 * The key that signs Open Badges credentials. Operators set GROVE_BADGE_SIGNING_KEY to an RSA private
 * key (PKCS #8 PEM); RS256 is the one algorithm every Open Badges 3.0 verifier must accept. A demo
 * server without one signs with a key made at start-up, so its credentials stop verifying at restart.
 * Anywhere else, credentials cannot be exported until a key is configured.
 */
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importPKCS8, type CryptoKey, type JWK } from 'jose';

export const SIGNING_ALGORITHM = 'RS256';

export interface BadgeSigner {
  kid: string;
  publicJwk: JWK;
  privateKey: CryptoKey;
  /** True for a start-up key (demo mode): say so in the issuer profile. */
  ephemeral: boolean;
}

let demoSigner: Promise<BadgeSigner> | undefined;
const configured = new Map<string, Promise<BadgeSigner>>();

export function badgeSigner(pem: string | undefined, demoMode: boolean): Promise<BadgeSigner> | null {
  if (pem) {
    let signer = configured.get(pem);
    if (!signer) configured.set(pem, (signer = fromPem(pem)));
    return signer;
  }
  if (!demoMode) return null;
  return (demoSigner ??= generated());
}

async function fromPem(pem: string): Promise<BadgeSigner> {
  const privateKey = await importPKCS8(pem, SIGNING_ALGORITHM);
  const publicKey = createPublicKey(createPrivateKey(pem));
  return describe(privateKey, await exportJWK(publicKey), false);
}

async function generated(): Promise<BadgeSigner> {
  const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALGORITHM, { modulusLength: 2048 });
  return describe(privateKey, await exportJWK(publicKey), true);
}

async function describe(privateKey: CryptoKey, jwk: JWK, ephemeral: boolean): Promise<BadgeSigner> {
  const kid = await calculateJwkThumbprint(jwk);
  return { kid, publicJwk: { ...jwk, kid, alg: SIGNING_ALGORITHM, use: 'sig' }, privateKey, ephemeral };
}
