import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import type * as NodeCrypto from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import OAuthReference from 'oauth-1.0a';
import { inputError } from '../errors.js';
import { METHODS, type HashName, type SignatureMethod } from './methods.js';

/**
 * node:crypto loads Node's stream stack when first required (about 3 ms of
 * a 25 ms start, issue #8), so hashing and HMAC use @noble/hashes (audited,
 * pure JS, checked against node:crypto in the tests); only RSA keys and the
 * provider's constant-time comparison load node:crypto, when first used.
 */
const nodeCrypto = (): typeof NodeCrypto => process.getBuiltinModule('node:crypto');

const utf8 = (text: string): Uint8Array => Buffer.from(text, 'utf8');
const base64 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/**
 * RFC 5849 §3.4.2 signing key: encode(consumer secret) & encode(token secret),
 * with the `&` always present, even when both secrets are empty. oauth-1.0a
 * gets this rule right, so we use it; its encoder throws on a lone surrogate,
 * so such a secret is first made well-formed (U+FFFD, as UTF-8 would send it).
 */
export function signingKey(consumerSecret: string, tokenSecret = ''): string {
  const wellFormed = (s: string) => Buffer.from(s, 'utf8').toString('utf8');
  const reference = new OAuthReference({ consumer: { key: '', secret: wellFormed(consumerSecret) }, signature_method: 'PLAINTEXT', last_ampersand: true });
  return reference.getSigningKey(wellFormed(tokenSecret));
}

export interface SigningSecrets {
  readonly consumerSecret: string;
  readonly tokenSecret?: string | undefined;
  /** PEM (PKCS#1 or PKCS#8) or a loaded key, for RSA-SHA1, RSA-SHA256, RSA-SHA512. */
  readonly privateKey?: string | KeyObject | undefined;
}

const PRIVATE_KEY_HINT = 'give a PEM file starting with -----BEGIN PRIVATE KEY-----, -----BEGIN RSA PRIVATE KEY----- or -----BEGIN ENCRYPTED PRIVATE KEY-----';
const PASSPHRASE_HINT = 'set OAUTH_PRIVATE_KEY_PASSPHRASE, or run on a terminal to be asked for it';
const PUBLIC_KEY_HINT = 'give a PEM file starting with -----BEGIN PUBLIC KEY----- or -----BEGIN CERTIFICATE-----';

/**
 * RFC 5849 §3.4.3 is RSASSA-PKCS1-v1_5: node would happily sign with an EC
 * or Ed25519 key through the same call, so the key type is checked here.
 */
function requireRsa(key: KeyObject, code: string, origin: string, hint: string): KeyObject {
  if (key.asymmetricKeyType !== 'rsa') {
    throw inputError(code, `${origin} is not an RSA key (it is ${key.asymmetricKeyType ?? 'of an unknown type'}); RSA-SHA1, RSA-SHA256 and RSA-SHA512 need RSA`, hint);
  }
  return key;
}

/** Whether a PEM private key is encrypted: PKCS#8 (BEGIN ENCRYPTED PRIVATE KEY) or OpenSSL's legacy PKCS#1 (Proc-Type: 4,ENCRYPTED, RFC 1421 §4.6.1.1). */
export function isEncryptedPem(pem: string): boolean {
  return /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type:\s*4,ENCRYPTED/.test(pem);
}

/** A readable reason for OpenSSL's "error:1E08010C:DECODER routines::unsupported". */
function whyNotAKey(pem: string, error: unknown, kind: 'private' | 'public'): string {
  if (!pem.includes('-----BEGIN ')) return 'is not PEM (there is no -----BEGIN line)';
  const reason = (error as Error).message.replace(/^error:[0-9A-F]+:[^:]*::?/, '');
  return `cannot be read as a PEM ${kind} key (${reason})`;
}

/**
 * Loads a PEM private key — PKCS#1, PKCS#8, or either encrypted with a
 * passphrase — as a KeyObject; each failure is a typed input error (exit 2):
 * `private-key-passphrase-missing`, `private-key-passphrase-wrong`, `private-key-invalid`.
 */
export function loadPrivateKey(pem: string | KeyObject, origin = 'the private key', passphrase?: string): KeyObject {
  if (typeof pem !== 'string') return requireRsa(pem, 'private-key-invalid', origin, PRIVATE_KEY_HINT);
  const encrypted = isEncryptedPem(pem);
  if (encrypted && passphrase === undefined) throw inputError('private-key-passphrase-missing', `${origin} is encrypted and no passphrase was given`, PASSPHRASE_HINT);
  let key: KeyObject;
  try {
    key = nodeCrypto().createPrivateKey(encrypted ? { key: pem, format: 'pem', passphrase } : { key: pem, format: 'pem' });
  } catch (error) {
    // OpenSSL says "bad decrypt" (legacy PEM) or "unsupported" (PKCS#8) for a wrong passphrase.
    if (encrypted) throw inputError('private-key-passphrase-wrong', `the passphrase does not decrypt ${origin}`, 'check OAUTH_PRIVATE_KEY_PASSPHRASE (or what you typed)');
    throw inputError('private-key-invalid', `${origin} ${whyNotAKey(pem, error, 'private')}`, PRIVATE_KEY_HINT);
  }
  return requireRsa(key, 'private-key-invalid', origin, PRIVATE_KEY_HINT);
}

/** Loads a PEM public key (or certificate, or the private key it belongs to) for RSA verification. */
export function loadPublicKey(pem: string | KeyObject, origin = 'the public key'): KeyObject {
  if (typeof pem !== 'string') return requireRsa(pem.type === 'private' ? nodeCrypto().createPublicKey(pem) : pem, 'public-key-invalid', origin, PUBLIC_KEY_HINT);
  let key: KeyObject;
  try {
    key = nodeCrypto().createPublicKey({ key: pem, format: 'pem' });
  } catch (error) {
    throw inputError('public-key-invalid', `${origin} ${whyNotAKey(pem, error, 'public')}`, PUBLIC_KEY_HINT);
  }
  return requireRsa(key, 'public-key-invalid', origin, PUBLIC_KEY_HINT);
}

const NOBLE = { sha1, sha256, sha512 } as const;
const RSA_ALGORITHM: Record<HashName, string> = { sha1: 'RSA-SHA1', sha256: 'RSA-SHA256', sha512: 'RSA-SHA512' };

/**
 * RFC 5849 §3.4.2 (HMAC-SHA1), §3.4.3 (RSA-SHA1), §3.4.4 (PLAINTEXT); the
 * SHA-256 and SHA-512 variants are the same with another digest (methods.ts).
 */
export function computeSignature(method: SignatureMethod, baseString: string, secrets: SigningSecrets): string {
  const row = METHODS[method];
  switch (row.family) {
    case 'HMAC':
      return base64(hmac(NOBLE[row.hash], utf8(signingKey(secrets.consumerSecret, secrets.tokenSecret)), utf8(baseString)));
    case 'RSA': {
      if (!secrets.privateKey) throw inputError('private-key-missing', `${method} needs a private key`, 'pass --private-key FILE (PEM)');
      return nodeCrypto().createSign(RSA_ALGORITHM[row.hash]).update(baseString, 'utf8').sign(loadPrivateKey(secrets.privateKey), 'base64');
    }
    case 'PLAINTEXT':
      return signingKey(secrets.consumerSecret, secrets.tokenSecret);
  }
}

export interface VerificationSecrets {
  readonly consumerSecret: string;
  readonly tokenSecret?: string | undefined;
  readonly publicKey?: string | KeyObject | undefined;
}

/** Checks a received signature; HMAC and PLAINTEXT compare in constant time. */
export function verifySignature(method: SignatureMethod, baseString: string, signature: string, secrets: VerificationSecrets): boolean {
  const row = METHODS[method];
  if (row.family === 'RSA') {
    if (!secrets.publicKey) return false;
    try {
      return nodeCrypto().createVerify(RSA_ALGORITHM[row.hash]).update(baseString, 'utf8').verify(loadPublicKey(secrets.publicKey), signature, 'base64');
    } catch {
      return false;
    }
  }
  const expected = computeSignature(method, baseString, secrets);
  // Hash both sides so the comparison is constant-time whatever their lengths.
  const { createHash, timingSafeEqual } = nodeCrypto();
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(expected), digest(signature));
}

/**
 * OAuth Request Body Hash 1.0 (draft 4) §3.1–3.2: base64 of the body's digest,
 * SHA-1 for HMAC-SHA1, RSA-SHA1 and PLAINTEXT, and the method's own digest for
 * the others (§3.1 leaves it to each method; Mastercard's RSA-SHA256 hashes
 * with SHA-256); a request without a body hashes the empty string.
 */
export function bodyHash(content: string | Uint8Array, method: SignatureMethod): string {
  return base64(NOBLE[METHODS[method].hash](typeof content === 'string' ? utf8(content) : content));
}
