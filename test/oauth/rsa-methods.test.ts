/**
 * RSA-SHA256 and RSA-SHA512 (RSASSA-PKCS1-v1_5, RFC 8017 §8.2, with the
 * method's digest) and private keys as PKCS#1, PKCS#8 and encrypted PEM.
 * Signatures are checked with node:crypto's own verify on the public key
 * alone, so the signer cannot agree with itself by accident.
 */
import { createVerify, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DoctorError } from '../../src/errors.js';
import { computeSignature, isEncryptedPem, loadPrivateKey, verifySignature } from '../../src/oauth/signature.js';
import { signRequest } from '../../src/oauth/sign-request.js';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pkcs1 = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const encryptedPkcs8 = privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'correct horse' }).toString();
const encryptedPkcs1 = privateKey.export({ type: 'pkcs1', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'correct horse' }).toString();
const spki = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const BASE = 'POST&https%3A%2F%2Fapi.mastercard.com%2Fx&oauth_consumer_key%3Dk';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof DoctorError) return `${error.code}: ${error.message}`;
    throw error;
  }
  return 'no error';
}

describe('RSA-SHA1, RSA-SHA256, RSA-SHA512', () => {
  it.each([
    ['RSA-SHA1', 'RSA-SHA1'],
    ['RSA-SHA256', 'RSA-SHA256'],
    ['RSA-SHA512', 'RSA-SHA512'],
  ] as const)('%s: node:crypto verifies it with the public key, and no other digest does', (method, algorithm) => {
    const signature = computeSignature(method, BASE, { consumerSecret: '', privateKey: pkcs1 });
    expect(Buffer.from(signature, 'base64')).toHaveLength(256);
    expect(createVerify(algorithm).update(BASE).verify(spki, signature, 'base64')).toBe(true);
    for (const other of ['RSA-SHA1', 'RSA-SHA256', 'RSA-SHA512'].filter((a) => a !== algorithm)) {
      expect(createVerify(other).update(BASE).verify(spki, signature, 'base64')).toBe(false);
    }
    expect(verifySignature(method, BASE, signature, { consumerSecret: '', publicKey: spki })).toBe(true);
    expect(verifySignature(method, `${BASE}x`, signature, { consumerSecret: '', publicKey: spki })).toBe(false);
  });

  it('PKCS#1, PKCS#8 and both encrypted forms (with the passphrase) give one and the same signature', () => {
    const signatures = [
      computeSignature('RSA-SHA256', BASE, { consumerSecret: '', privateKey: pkcs1 }),
      computeSignature('RSA-SHA256', BASE, { consumerSecret: '', privateKey: pkcs8 }),
      computeSignature('RSA-SHA256', BASE, { consumerSecret: '', privateKey: loadPrivateKey(encryptedPkcs8, 'key.pem', 'correct horse') }),
      computeSignature('RSA-SHA256', BASE, { consumerSecret: '', privateKey: loadPrivateKey(encryptedPkcs1, 'key.pem', 'correct horse') }),
    ];
    expect(new Set(signatures).size).toBe(1);
  });

  it('tells an encrypted PEM (PKCS#8 or legacy Proc-Type) from a plain one', () => {
    expect([pkcs1, pkcs8, encryptedPkcs8, encryptedPkcs1].map(isEncryptedPem)).toEqual([false, false, true, true]);
  });

  it.each([
    ['PKCS#8', encryptedPkcs8],
    ['PKCS#1 (Proc-Type: 4,ENCRYPTED)', encryptedPkcs1],
  ])('%s: a wrong passphrase is one line with its own code, exit 2; none at all another', (_what, pem) => {
    let thrown: unknown;
    try {
      loadPrivateKey(pem, '--private-key key.pem', 'wrong');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DoctorError);
    const e = thrown as DoctorError;
    expect(e.code).toBe('private-key-passphrase-wrong');
    expect(e.exitCode).toBe(2);
    expect(e.message).toBe('the passphrase does not decrypt --private-key key.pem');
    expect(codeOf(() => loadPrivateKey(pem, '--private-key key.pem'))).toMatch(/^private-key-passphrase-missing: --private-key key\.pem is encrypted and no passphrase was given$/);
  });

  it('signRequest takes the loaded KeyObject (an encrypted key is decrypted once)', () => {
    const key = loadPrivateKey(encryptedPkcs8, 'key.pem', 'correct horse');
    const signed = signRequest({ method: 'GET', url: 'https://api.example.com/x', client: { consumerKey: 'k', consumerSecret: '', privateKey: key }, signatureMethod: 'RSA-SHA512', timestamp: '1', nonce: 'n' });
    expect(createVerify('RSA-SHA512').update(signed.baseString).verify(spki, signed.signature, 'base64')).toBe(true);
    expect(signed.baseString).toContain('oauth_signature_method%3DRSA-SHA512');
  });
});
