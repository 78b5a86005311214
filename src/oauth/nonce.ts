/** RFC 5849 §3.3 nonce: 16 random bytes as 32 hex characters. */
export function nonceFromBytes(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/** A nonce from Web Crypto's generator (the library's default; the CLI brings its own source, src/cli/random.ts). */
export function newNonce(): string {
  return nonceFromBytes(globalThis.crypto.getRandomValues(new Uint8Array(16)));
}
