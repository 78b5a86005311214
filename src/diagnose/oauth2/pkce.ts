import { createHash } from 'node:crypto';
import { fingerprintToken } from '../fingerprint.js';

/**
 * The challenge a code_verifier works out to (RFC 7636 §4.2):
 * S256 → BASE64URL(SHA256(ASCII(verifier))) without padding; plain → the
 * verifier itself, which is kept only as a fingerprint (so is the plain
 * challenge it is compared with: see challengeForEvidence).
 */
export function pkceChallenge(verifier: string, method: 'S256' | 'plain' = 'S256'): string {
  if (method === 'plain') return fingerprintToken(verifier);
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** A challenge as evidence keeps it: S256 as sent (a hash, public in the URL), plain as a fingerprint. */
export function challengeForEvidence(challenge: string, method: 'S256' | 'plain' = 'S256'): string {
  return method === 'plain' ? fingerprintToken(challenge) : challenge;
}
