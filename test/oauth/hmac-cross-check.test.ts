/**
 * HMAC and body hashes come from @noble/hashes (node:crypto costs start-up
 * time, issue #8): they must agree with node:crypto byte for byte, whatever
 * the secrets and base string hold — empty, long (longer than a hash block,
 * so the key is hashed first), non-ASCII, or with lone surrogates.
 */
import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyHash, computeSignature, signingKey, verifySignature } from '../../src/oauth/signature.js';
import { propertyRuns } from '../helpers/property-runs.js';

const RUNS = propertyRuns(1000);

const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.constant(''));

describe(`HMAC-SHA1 / HMAC-SHA256 / HMAC-SHA512 and oauth_body_hash against node:crypto (${RUNS} cases each)`, () => {
  it.each([
    ['HMAC-SHA1', 'sha1'],
    ['HMAC-SHA256', 'sha256'],
    ['HMAC-SHA512', 'sha512'],
  ] as const)('%s signatures', (method, hash) => {
    fc.assert(
      fc.property(text, text, text, (consumerSecret, tokenSecret, baseString) => {
        const expected = createHmac(hash, signingKey(consumerSecret, tokenSecret)).update(baseString, 'utf8').digest('base64');
        expect(computeSignature(method, baseString, { consumerSecret, tokenSecret })).toBe(expected);
        expect(verifySignature(method, baseString, expected, { consumerSecret, tokenSecret })).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it.each([
    ['HMAC-SHA1', 'sha1'],
    ['RSA-SHA1', 'sha1'],
    ['PLAINTEXT', 'sha1'],
    ['HMAC-SHA256', 'sha256'],
    ['RSA-SHA256', 'sha256'],
    ['HMAC-SHA512', 'sha512'],
    ['RSA-SHA512', 'sha512'],
  ] as const)('body hash for %s', (method, hash) => {
    fc.assert(
      fc.property(text, (content) => {
        expect(bodyHash(content, method)).toBe(createHash(hash).update(content, 'utf8').digest('base64'));
      }),
      { numRuns: RUNS },
    );
  });

  it('a key longer than the 64-byte block is hashed first (RFC 2104 §2)', () => {
    const consumerSecret = 'k'.repeat(200);
    const expected = createHmac('sha1', `${consumerSecret}&`).update('GET&x&y').digest('base64');
    expect(computeSignature('HMAC-SHA1', 'GET&x&y', { consumerSecret })).toBe(expected);
  });
});
