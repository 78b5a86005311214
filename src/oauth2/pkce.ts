import { createHash } from 'node:crypto';

/**
 * PKCE (RFC 7636). S256 by default; `plain` only when asked (§4.2: "If the
 * client is capable of using S256, it MUST use S256"). The verifier is
 * made from 32 random bytes: 43 base64url characters (§4.1, the minimum
 * length, with 256 bits of entropy as §7.1 recommends).
 */
export type PkceMethod = 'S256' | 'plain';

export interface PkcePair {
  readonly verifier: string;
  readonly challenge: string;
  readonly method: PkceMethod;
}

/** §4.2: S256 → BASE64URL-ENCODE(SHA256(ASCII(code_verifier))), plain → the verifier. */
export function codeChallenge(verifier: string, method: PkceMethod = 'S256'): string {
  return method === 'plain' ? verifier : createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** §4.1 with the bytes given (the injected random source). */
export function createPkce(random: Uint8Array, method: PkceMethod = 'S256'): PkcePair {
  if (random.length < 32) throw new RangeError('a PKCE verifier needs at least 32 random bytes');
  const verifier = Buffer.from(random).toString('base64url').slice(0, 128);
  return { verifier, challenge: codeChallenge(verifier, method), method };
}

export interface PkceCheck {
  readonly matches: boolean;
  /** What the verifier works out to under the method. */
  readonly computed: string;
  /** §4.1: 43–128 of [A-Z a-z 0-9 - . _ ~]; a server may refuse a malformed one before comparing. */
  readonly wellFormed: boolean;
}

/** §4.6, done here: the check the server makes, so a refusal can be told from a mismatch. */
export function checkPkce(verifier: string, challenge: string, method: PkceMethod = 'S256'): PkceCheck {
  const computed = codeChallenge(verifier, method);
  return { matches: computed === challenge, computed, wellFormed: /^[A-Za-z0-9\-._~]{43,128}$/.test(verifier) };
}
