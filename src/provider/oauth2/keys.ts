// The provider's signing keys, made at every start and never written down:
// RS256 (the ID token default OpenID Connect Core §3.1.3.7 requires every
// client to accept) and ES256. node:crypto exports them as JWKs directly
// (RFC 7517), the shape the engine's `jwks` option takes.
import { generateKeyPair, randomUUID, type JsonWebKey } from 'node:crypto';
import { promisify } from 'node:util';

const makePair = promisify(generateKeyPair);

export interface SigningKeys {
  readonly keys: JsonWebKey[];
}

export async function makeSigningKeys(): Promise<SigningKeys> {
  const [rsa, ec] = await Promise.all([makePair('rsa', { modulusLength: 2048 }), makePair('ec', { namedCurve: 'P-256' })]);
  return {
    keys: [
      { ...rsa.privateKey.export({ format: 'jwk' }), kid: `rs-${randomUUID().slice(0, 8)}`, alg: 'RS256', use: 'sig' },
      { ...ec.privateKey.export({ format: 'jwk' }), kid: `es-${randomUUID().slice(0, 8)}`, alg: 'ES256', use: 'sig' },
    ],
  };
}
