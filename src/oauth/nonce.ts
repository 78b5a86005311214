import { randomBytes } from 'node:crypto';

/** A nonce from a cryptographic source (RFC 5849 §3.3): 32 hex characters. */
export function newNonce(): string {
  return randomBytes(16).toString('hex');
}
