/**
 * Signature methods as data (STYLE habit 3): the family says which key signs,
 * the hash which digest (also the oauth_body_hash digest, Body Hash draft
 * §3.1: "New OAuth signature method specifications SHOULD specify the hash
 * algorithm used to generate the body hash"). Sources:
 * - HMAC-SHA1, RSA-SHA1, PLAINTEXT: RFC 5849 §3.4.2–§3.4.4.
 * - HMAC-SHA256: NetSuite TBA, WordPress OAuth1, oauthlib 3.x (SIGNATURE_HMAC_SHA256).
 * - HMAC-SHA512, RSA-SHA256, RSA-SHA512: oauthlib 3.x (rfc5849/signature.py,
 *   sign_*_with_client), Postman and httpie-oauth1; RSA-SHA256 is what
 *   Mastercard Developers require (developer.mastercard.com, "Using OAuth 1.0a
 *   to Access Mastercard APIs"). RSA is RSASSA-PKCS1-v1_5 (RFC 8017 §8.2) with the hash.
 */
export const SIGNATURE_METHODS = ['HMAC-SHA1', 'HMAC-SHA256', 'HMAC-SHA512', 'RSA-SHA1', 'RSA-SHA256', 'RSA-SHA512', 'PLAINTEXT'] as const;
export type SignatureMethod = (typeof SIGNATURE_METHODS)[number];

type MethodFamily = 'HMAC' | 'RSA' | 'PLAINTEXT';
export type HashName = 'sha1' | 'sha256' | 'sha512';

export interface MethodRow {
  readonly family: MethodFamily;
  /** The digest the signature uses; for PLAINTEXT, the body-hash digest (SHA-1, draft §3.1). */
  readonly hash: HashName;
  /** Bytes of an HMAC signature (the digest length); undefined for RSA (the modulus) and PLAINTEXT. */
  readonly bytes: number | undefined;
}

export const METHODS: Readonly<Record<SignatureMethod, MethodRow>> = {
  'HMAC-SHA1': { family: 'HMAC', hash: 'sha1', bytes: 20 },
  'HMAC-SHA256': { family: 'HMAC', hash: 'sha256', bytes: 32 },
  'HMAC-SHA512': { family: 'HMAC', hash: 'sha512', bytes: 64 },
  'RSA-SHA1': { family: 'RSA', hash: 'sha1', bytes: undefined },
  'RSA-SHA256': { family: 'RSA', hash: 'sha256', bytes: undefined },
  'RSA-SHA512': { family: 'RSA', hash: 'sha512', bytes: undefined },
  PLAINTEXT: { family: 'PLAINTEXT', hash: 'sha1', bytes: undefined },
};

export function isSignatureMethod(value: string): value is SignatureMethod {
  return (SIGNATURE_METHODS as readonly string[]).includes(value);
}

/** RSA-SHA1, RSA-SHA256, RSA-SHA512: signed with a private key, no shared secret. */
export function isRsaMethod(method: string): boolean {
  return isSignatureMethod(method) && METHODS[method].family === 'RSA';
}

export function isHmacMethod(method: string): boolean {
  return isSignatureMethod(method) && METHODS[method].family === 'HMAC';
}

/** The methods for a sentence: "HMAC-SHA1, …, RSA-SHA512 or PLAINTEXT". */
export function methodList(conjunction = 'or'): string {
  return `${SIGNATURE_METHODS.slice(0, -1).join(', ')} ${conjunction} ${SIGNATURE_METHODS[SIGNATURE_METHODS.length - 1]}`;
}

/** Digest length in bytes of a hash (for telling one from another by a signature's length). */
export const HASH_BYTES: Readonly<Record<HashName, number>> = { sha1: 20, sha256: 32, sha512: 64 };
