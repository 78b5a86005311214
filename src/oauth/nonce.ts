/**
 * A nonce from a cryptographic source (RFC 5849 §3.3): 32 hex characters.
 * Web Crypto's global is loaded on first use, so commands that never sign
 * (explain, codes) do not load node:crypto at start-up (issue #8).
 */
export function newNonce(): string {
  return Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(16))).toString('hex');
}
