// `oauth-doctor sign` as a user runs it: the built CLI in a subprocess.
import { generateKeyPairSync, createVerify } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withoutBaseStrings } from '../helpers/base-strings.js';
import { runCli } from '../helpers/cli.js';

// RFC 5849 §3.4.1.1 (erratum 2550): query + form body, realm, no oauth_version.
const RFC = {
  url: 'http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b',
  consumerKey: '9djdj82h48djs9d2',
  consumerSecret: 'j49sk3j29djd',
  token: 'kkk9d7dh3k39sjv7',
  tokenSecret: 'dh893hdasih9',
  baseString:
    'POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7',
  signature: 'r6/TJjbCOr97/+UU0NsvSne7s5g=',
};
const REQUEST = ['sign', '--url', RFC.url, '-X', 'POST', '--data', 'c2&a3=2+q', '--timestamp', '137131201', '--nonce', '7d8f3e4a', '--no-version', '--realm', 'Example'];
const CREDENTIAL_FLAGS = ['--consumer-key', RFC.consumerKey, '--consumer-secret', RFC.consumerSecret, '--token', RFC.token, '--token-secret', RFC.tokenSecret];
const SECRETS = [RFC.consumerSecret, RFC.tokenSecret, RFC.token];

interface SignJson {
  method: string;
  baseUri: string;
  baseString: string;
  signature: string;
  signatureMethod: string;
  authorization: string;
  signingKey: string;
  curl: string;
  parameters: { name: string; value: string; source: string }[];
  secretsMasked: boolean;
}

async function signJson(args: readonly string[], env?: Record<string, string>): Promise<SignJson> {
  const r = await runCli([...args, '--json'], { env });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as SignJson;
}

describe('oauth-doctor sign: text output', () => {
  it('shows the working: parameters with their sources, base string URI, base string, masked key shape, signature, header, curl', async () => {
    const r = await runCli([...REQUEST, ...CREDENTIAL_FLAGS]);
    expect(r.code).toBe(0);
    const out = r.stdout;
    // Sections in order.
    const sections = ['Parameters', 'Base string URI', 'Signature base string', 'Signing key', 'Signature (HMAC-SHA1)', 'Authorization header', 'curl'];
    const positions = sections.map((s) => out.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // Parameters in normalised order, each with where it came from.
    expect(out).toMatch(/query +a2 +r b\n +body +a3 +2 q\n +query +a3 +a\n +query +b5 +=%3D\n +query +c@ +\(empty\)\n +body +c2 +\(empty\)\n +oauth +oauth_consumer_key +9djdj82h48djs9d2/);
    expect(out).toContain('http://example.com/request\n');
    // The signature is the corrected one; the base string is printed byte for byte as signed (issue 15 item 5), token included.
    expect(out).toContain(`  ${RFC.signature}\n`);
    expect(out).toContain(`  ${RFC.baseString}\n`);
    expect(out).toContain('encode(consumer_secret)&encode(token_secret) = j49…(12 chars)&dh8…(12 chars)');
    expect(out).toContain('OAuth realm="Example", oauth_consumer_key="9djdj82h48djs9d2", oauth_token="kkk9…(16 chars)"');
    expect(out).toContain(`curl -g --path-as-is -X POST '${RFC.url}' -H 'Authorization: OAuth realm="Example"`);
    expect(out).toContain("-H 'Content-Type: application/x-www-form-urlencoded' --data-raw 'c2&a3=2+q'");
    // Narration (the masking notice) goes to stderr, never into the result.
    expect(r.stderr).toContain('--show-secrets');
    expect(out).not.toContain('--show-secrets');
  });

  it('a JSON body is sent but not signed, and says so', async () => {
    const r = await runCli(['sign', '--url', 'https://api.example.com/items', '-X', 'POST', '--data', '{"a":1}', '--content-type', 'application/json', '--consumer-key', 'k', '--consumer-secret', 'secret-1', '--timestamp', '1', '--nonce', 'n']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(the application/json body is not signed, RFC 5849 §3.4.1.3.1)');
    expect(r.stdout).not.toMatch(/^ {2}body /m);
  });
});

describe('oauth-doctor sign --json', () => {
  it('prints exactly one JSON document with the fields other tools read', async () => {
    const doc = await signJson([...REQUEST, ...CREDENTIAL_FLAGS, '--show-secrets']);
    expect(doc.baseString).toBe(RFC.baseString);
    expect(doc.signature).toBe(RFC.signature);
    expect(doc.signatureMethod).toBe('HMAC-SHA1');
    expect(doc.method).toBe('POST');
    expect(doc.baseUri).toBe('http://example.com/request');
    expect(doc.authorization).toBe(
      'OAuth realm="Example", oauth_consumer_key="9djdj82h48djs9d2", oauth_token="kkk9d7dh3k39sjv7", oauth_signature_method="HMAC-SHA1", oauth_timestamp="137131201", oauth_nonce="7d8f3e4a", oauth_signature="r6%2FTJjbCOr97%2F%2BUU0NsvSne7s5g%3D"',
    );
    expect(doc.parameters.slice(0, 3)).toEqual([
      { name: 'a2', value: 'r b', source: 'query' },
      { name: 'a3', value: '2 q', source: 'body' },
      { name: 'a3', value: 'a', source: 'query' },
    ]);
    expect(doc.parameters.map((p) => p.source)).toEqual(['query', 'body', 'query', 'query', 'query', 'body', 'oauth', 'oauth', 'oauth', 'oauth', 'oauth']);
    expect(doc.signingKey).toBe('encode(consumer_secret)&encode(token_secret) = j49sk3j29djd&dh893hdasih9');
    expect(doc.curl).toMatch(/^curl -g --path-as-is -X POST /);
    expect(doc.secretsMasked).toBe(false);
  });

  it.each([
    ['HMAC-SHA256', /^[A-Za-z0-9+/]{43}=$/],
    ['PLAINTEXT', /^j49sk3j29djd&dh893hdasih9$/],
    ['hmac-sha1', /^r6\/TJjbCOr97\/\+UU0NsvSne7s5g=$/],
  ])('--signature-method %s', async (method, signature) => {
    const doc = await signJson([...REQUEST, ...CREDENTIAL_FLAGS, '--signature-method', method, '--show-secrets']);
    expect(doc.signatureMethod).toBe(method.toUpperCase());
    expect(doc.signature).toMatch(signature);
  });

  it('--body-hash adds oauth_body_hash for a non-form body (Body Hash draft A.1)', async () => {
    const doc = await signJson(['sign', '--url', 'http://www.example.com/resource', '-X', 'PUT', '--data', 'Hello World!', '--content-type', 'text/plain', '--body-hash', '--consumer-key', 'consumer', '--consumer-secret', 'secret', '--timestamp', '1236874236', '--nonce', '10369470270925']);
    expect(doc.parameters).toContainEqual({ name: 'oauth_body_hash', value: 'Lve95gjOVATpfV8EL5X4nxwjKHE=', source: 'oauth' });
  });
});

describe('credentials from the environment', () => {
  const ENV = { OAUTH_CONSUMER_KEY: RFC.consumerKey, OAUTH_CONSUMER_SECRET: RFC.consumerSecret, OAUTH_TOKEN: RFC.token, OAUTH_TOKEN_SECRET: RFC.tokenSecret };

  it('OAUTH_CONSUMER_KEY, OAUTH_CONSUMER_SECRET, OAUTH_TOKEN, OAUTH_TOKEN_SECRET sign exactly as the flags do', async () => {
    const doc = await signJson(REQUEST, ENV);
    expect(doc.signature).toBe(RFC.signature);
    expect(doc.parameters).toContainEqual({ name: 'oauth_consumer_key', value: RFC.consumerKey, source: 'oauth' });
  });

  it('a flag wins over its environment variable', async () => {
    const doc = await signJson([...REQUEST, '--consumer-secret', 'another-secret'], ENV);
    expect(doc.signature).not.toBe(RFC.signature);
    const same = await signJson([...REQUEST, '--consumer-secret', RFC.consumerSecret], { ...ENV, OAUTH_CONSUMER_SECRET: 'wrong-secret' });
    expect(same.signature).toBe(RFC.signature);
  });
});

describe('secrets', () => {
  const VERIFIER = 'hfdp7dh39dks9884';
  const args = [...REQUEST, ...CREDENTIAL_FLAGS, '--verifier', VERIFIER];

  it.each([
    ['text', [] as string[]],
    ['--json', ['--json']],
    ['PLAINTEXT', ['--signature-method', 'PLAINTEXT']],
    ['PLAINTEXT --json', ['--signature-method', 'PLAINTEXT', '--json']],
  ])('are masked by default (%s): neither the secrets nor the token nor the verifier appear anywhere', async (_what, extra) => {
    const r = await runCli([...args, ...extra]);
    expect(r.code).toBe(0);
    const everything = r.stdout + r.stderr;
    // Tokens and the verifier stand in the base string as signed (issue 15 item 5), nowhere else; the secrets nowhere.
    for (const secret of [...SECRETS, VERIFIER]) {
      const where = secret === RFC.token || secret === VERIFIER ? withoutBaseStrings(everything) : everything;
      expect(where).not.toContain(secret);
      expect(where).not.toContain(encodeURIComponent(encodeURIComponent(secret)));
    }
    expect(everything).toContain('j49…(12 chars)');
  });

  it('are masked when they come from the environment too', async () => {
    const r = await runCli(REQUEST, { env: { OAUTH_CONSUMER_KEY: 'k', OAUTH_CONSUMER_SECRET: RFC.consumerSecret, OAUTH_TOKEN: RFC.token, OAUTH_TOKEN_SECRET: RFC.tokenSecret } });
    for (const secret of SECRETS) expect(withoutBaseStrings(r.stdout + r.stderr)).not.toContain(secret);
    for (const secret of [RFC.consumerSecret, RFC.tokenSecret]) expect(r.stdout + r.stderr).not.toContain(secret);
  });

  it('--show-secrets prints them in full, and says nothing about masking', async () => {
    const r = await runCli([...args, '--show-secrets', '--signature-method', 'PLAINTEXT']);
    expect(r.code).toBe(0);
    for (const secret of [...SECRETS, VERIFIER]) expect(r.stdout).toContain(secret);
    expect(r.stdout).toContain('oauth_signature="j49sk3j29djd%26dh893hdasih9"');
    expect(r.stderr).toBe('');
  });
});

describe('RSA-SHA1 with a private key file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-sign-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pkcs1 = join(dir, 'pkcs1.pem');
  const pkcs8 = join(dir, 'pkcs8.pem');
  writeFileSync(pkcs1, privateKey.export({ type: 'pkcs1', format: 'pem' }));
  writeFileSync(pkcs8, privateKey.export({ type: 'pkcs8', format: 'pem' }));
  const rsaArgs = ['sign', '--url', 'http://photos.example.net/photos?file=vacation.jpg&size=original', '--consumer-key', 'dpf43f3p2l4k3l03', '--signature-method', 'RSA-SHA1', '--timestamp', '1196666512', '--nonce', '13917289812797014437'];

  it('PKCS#1 and PKCS#8 files give the same signature, which the public key verifies; no consumer secret needed', async () => {
    const a = await signJson([...rsaArgs, '--private-key', pkcs1]);
    const b = await signJson([...rsaArgs, '--private-key', pkcs8]);
    expect(a.signature).toBe(b.signature);
    expect(a.signingKey).toBe('RSA private key (PEM); secrets are not used');
    expect(createVerify('sha1').update(a.baseString).verify(publicKey, a.signature, 'base64')).toBe(true);
  });

  it('OAUTH_PRIVATE_KEY_FILE works like --private-key, relative to the working directory', async () => {
    const doc = await runCli([...rsaArgs, '--json'], { env: { OAUTH_PRIVATE_KEY_FILE: 'pkcs8.pem' }, cwd: dir });
    expect(doc.code).toBe(0);
    const { signature, baseString } = JSON.parse(doc.stdout) as SignJson;
    expect(createVerify('sha1').update(baseString).verify(publicKey, signature, 'base64')).toBe(true);
  });

  it('the private key never appears in the output', async () => {
    const r = await runCli([...rsaArgs, '--private-key', pkcs8, '--show-secrets']);
    expect(r.stdout + r.stderr).not.toContain('PRIVATE KEY');
  });
});

describe('RSA-SHA256 / RSA-SHA512 with an encrypted private key', () => {
  const dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-sign-enc-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const encrypted = join(dir, 'encrypted.pem');
  writeFileSync(encrypted, privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'open sesame' }));
  const args = (method: string) => ['sign', '--url', 'https://sandbox.api.mastercard.com/x?a=1', '--consumer-key', 'k', '--signature-method', method, '--private-key', encrypted, '--json'];

  it.each(['RSA-SHA256', 'RSA-SHA512'])('%s: the passphrase from OAUTH_PRIVATE_KEY_PASSPHRASE decrypts it; the public key verifies the signature', async (method) => {
    const r = await runCli(args(method), { env: { OAUTH_PRIVATE_KEY_PASSPHRASE: 'open sesame' } });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as SignJson;
    expect(createVerify(method).update(doc.baseString).verify(publicKey, doc.signature, 'base64')).toBe(true);
    expect(r.stdout + r.stderr).not.toContain('open sesame');
  });

  it('a wrong passphrase: one line, exit 2, the passphrase not echoed', async () => {
    const r = await runCli(args('RSA-SHA256'), { env: { OAUTH_PRIVATE_KEY_PASSPHRASE: 'wrong guess' } });
    expect(r.code).toBe(2);
    // args() asks for --json: the failure is its one JSON document, the passphrase in neither stream.
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { exitCode: 2 } });
    expect(r.stdout).not.toContain('wrong guess');
    expect(r.stderr).toBe(`oauth-doctor: the passphrase does not decrypt --private-key ${encrypted} — check OAUTH_PRIVATE_KEY_PASSPHRASE (or what you typed)\n`);
  });
});
