import { describe, expect, it } from 'vitest';
import { randomBytes } from '../../src/cli/random.js';
import { nonceFromBytes } from '../../src/oauth/nonce.js';

describe('randomBytes (the CLI nonce source)', () => {
  it('gives exactly the bytes asked for', () => {
    for (const count of [0, 1, 16, 4096]) expect(randomBytes(count).length).toBe(count);
  });

  it('never repeats a nonce and spreads over every byte value', () => {
    const nonces = new Set(Array.from({ length: 1000 }, () => nonceFromBytes(randomBytes(16))));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(nonce).toMatch(/^[0-9a-f]{32}$/);
    const seen = new Set(randomBytes(65_536));
    expect(seen.size).toBe(256);
  });
});
