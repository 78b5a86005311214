// RFC 5849 §3.4.3 RSA-SHA1 (RSASSA-PKCS1-v1_5 with SHA-1), keys generated here.
import { createVerify, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeSignature, loadPrivateKey, loadPublicKey, signRequest, verifySignature } from '../../src/oauth/index.js';
import { DoctorError } from '../../src/errors.js';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pkcs1 = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const spki = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const BASE = 'GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3D13917289812797014437%26oauth_signature_method%3DRSA-SHA1%26oauth_timestamp%3D1196666512%26oauth_version%3D1.0%26size%3Doriginal';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof DoctorError ? `${error.code}: ${error.message}` : `not a DoctorError: ${String(error)}`;
  }
  return undefined;
}

describe('RSA-SHA1 (RFC 5849 §3.4.3)', () => {
  it('PKCS#1 and PKCS#8 PEM of the same key give the same signature (PKCS#1 v1.5 is deterministic)', () => {
    expect(pkcs1).toContain('BEGIN RSA PRIVATE KEY');
    expect(pkcs8).toContain('BEGIN PRIVATE KEY');
    const a = computeSignature('RSA-SHA1', BASE, { consumerSecret: '', privateKey: pkcs1 });
    const b = computeSignature('RSA-SHA1', BASE, { consumerSecret: '', privateKey: pkcs8 });
    expect(a).toBe(b);
    expect(Buffer.from(a, 'base64')).toHaveLength(256);
  });

  it('an independent verifier (node:crypto with the public key) accepts it over the base string', () => {
    const signature = computeSignature('RSA-SHA1', BASE, { consumerSecret: '', privateKey: pkcs8 });
    expect(createVerify('sha1').update(BASE).verify(publicKey, signature, 'base64')).toBe(true);
    expect(verifySignature('RSA-SHA1', BASE, signature, { consumerSecret: '', publicKey: spki })).toBe(true);
    expect(verifySignature('RSA-SHA1', `${BASE}x`, signature, { consumerSecret: '', publicKey: spki })).toBe(false);
  });

  it('ignores the consumer and token secrets', () => {
    const a = computeSignature('RSA-SHA1', BASE, { consumerSecret: 'one', tokenSecret: 'two', privateKey: pkcs1 });
    expect(a).toBe(computeSignature('RSA-SHA1', BASE, { consumerSecret: '', privateKey: pkcs1 }));
  });

  it('signs a whole request, parameters and key type checked', () => {
    const signed = signRequest({
      method: 'GET',
      url: 'http://photos.example.net/photos?file=vacation.jpg&size=original',
      client: { consumerKey: 'dpf43f3p2l4k3l03', consumerSecret: '', privateKey: pkcs1 },
      signatureMethod: 'RSA-SHA1',
      timestamp: '1196666512',
      nonce: '13917289812797014437',
    });
    expect(signed.baseString).toBe(BASE);
    expect(verifySignature('RSA-SHA1', BASE, signed.signature, { consumerSecret: '', publicKey: spki })).toBe(true);
  });

  it('without a private key is a typed error', () => {
    expect(codeOf(() => computeSignature('RSA-SHA1', BASE, { consumerSecret: 's' }))).toMatch(/^private-key-missing/);
  });

  it('an EC or Ed25519 key is refused (node would otherwise sign ECDSA under the RSA-SHA1 name)', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const ed = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(codeOf(() => loadPrivateKey(ec))).toMatch(/^private-key-invalid: .*not an RSA key \(it is ec\)/);
    expect(codeOf(() => loadPrivateKey(ed))).toMatch(/^private-key-invalid: .*not an RSA key \(it is ed25519\)/);
    expect(verifySignature('RSA-SHA1', BASE, 'AAAA', { consumerSecret: '', publicKey: ec })).toBe(false);
  });

  it.each([
    ['not PEM at all', 'hello', /no -----BEGIN line/],
    ['a PEM with a broken body', '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n', /cannot be read as a PEM private key/],
    ['a public key given as the private key', spki, /cannot be read as a PEM private key/],
  ])('%s: one readable line, code private-key-invalid, exit 2', (_what, pem, message) => {
    try {
      loadPrivateKey(pem, '--private-key key.pem');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DoctorError);
      const e = error as DoctorError;
      expect(e.code).toBe('private-key-invalid');
      expect(e.exitCode).toBe(2);
      expect(e.message).toMatch(/^--private-key key\.pem /);
      expect(e.message).toMatch(message);
      expect(e.message).not.toMatch(/error:[0-9A-F]{8}/);
      expect(e.message).not.toContain('\n');
    }
  });

  it('a public key loads from SPKI, PKCS#1 public, or the private key itself', () => {
    const pkcs1Public = publicKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    for (const pem of [spki, pkcs1Public, pkcs8]) expect(loadPublicKey(pem).asymmetricKeyType).toBe('rsa');
    expect(codeOf(() => loadPublicKey('nope'))).toMatch(/^public-key-invalid/);
  });
});
