import { createHash, createHmac, createPrivateKey, createPublicKey, createSign, createVerify, timingSafeEqual, type KeyObject } from 'node:crypto';
import OAuthReference from 'oauth-1.0a';
import { inputError } from '../errors.js';
import type { SignatureMethod } from './types.js';

/**
 * RFC 5849 §3.4.2 signing key: encode(consumer secret) & encode(token secret),
 * with the `&` always present. oauth-1.0a gets this rule right, so we use it.
 */
export function signingKey(consumerSecret: string, tokenSecret = ''): string {
  const reference = new OAuthReference({ consumer: { key: '', secret: consumerSecret }, signature_method: 'PLAINTEXT', last_ampersand: true });
  return reference.getSigningKey(tokenSecret);
}

export interface SigningSecrets {
  readonly consumerSecret: string;
  readonly tokenSecret?: string | undefined;
  /** PEM (PKCS#1 or PKCS#8) for RSA-SHA1. */
  readonly privateKey?: string | KeyObject | undefined;
}

/** Loads a PEM private key, PKCS#1 or PKCS#8, as a typed input error on failure. */
export function loadPrivateKey(pem: string | KeyObject, origin = 'the private key'): KeyObject {
  if (typeof pem !== 'string') return pem;
  try {
    return createPrivateKey({ key: pem, format: 'pem' });
  } catch (error) {
    throw inputError('private-key-invalid', `${origin} is not a PEM RSA private key (${(error as Error).message})`, 'give a PEM file starting with -----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----');
  }
}

/** Loads a PEM public key (or certificate) for RSA-SHA1 verification. */
export function loadPublicKey(pem: string | KeyObject, origin = 'the public key'): KeyObject {
  if (typeof pem !== 'string') return pem;
  try {
    return createPublicKey({ key: pem, format: 'pem' });
  } catch (error) {
    throw inputError('public-key-invalid', `${origin} is not a PEM RSA public key or certificate (${(error as Error).message})`, 'give a PEM file starting with -----BEGIN PUBLIC KEY----- or -----BEGIN CERTIFICATE-----');
  }
}

/** RFC 5849 §3.4.2 (HMAC-SHA1), §3.4.3 (RSA-SHA1), §3.4.4 (PLAINTEXT); HMAC-SHA256 by analogy. */
export function computeSignature(method: SignatureMethod, baseString: string, secrets: SigningSecrets): string {
  switch (method) {
    case 'HMAC-SHA1':
      return createHmac('sha1', signingKey(secrets.consumerSecret, secrets.tokenSecret)).update(baseString, 'utf8').digest('base64');
    case 'HMAC-SHA256':
      return createHmac('sha256', signingKey(secrets.consumerSecret, secrets.tokenSecret)).update(baseString, 'utf8').digest('base64');
    case 'RSA-SHA1': {
      if (!secrets.privateKey) throw inputError('private-key-missing', 'RSA-SHA1 needs a private key', 'pass --private-key FILE (PEM)');
      return createSign('RSA-SHA1').update(baseString, 'utf8').sign(loadPrivateKey(secrets.privateKey), 'base64');
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
  if (method === 'RSA-SHA1') {
    if (!secrets.publicKey) return false;
    try {
      return createVerify('RSA-SHA1').update(baseString, 'utf8').verify(loadPublicKey(secrets.publicKey), signature, 'base64');
    } catch {
      return false;
    }
  }
  const expected = computeSignature(method, baseString, secrets);
  // Hash both sides so the comparison is constant-time whatever their lengths.
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(expected), digest(signature));
}

/** OAuth Request Body Hash extension: base64 of the body's digest (SHA-1, or SHA-256 with HMAC-SHA256). */
export function bodyHash(content: string, method: SignatureMethod): string {
  return createHash(method === 'HMAC-SHA256' ? 'sha256' : 'sha1').update(content, 'utf8').digest('base64');
}
