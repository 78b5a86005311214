// Bad input to `oauth-doctor sign`: exit 2, one line on stderr that names the
// flag and says what to do, nothing on stdout (with --json, one JSON document saying the same), never a stack trace.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-bad-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const garbageKey = file('garbage.pem', '-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n');
const notPem = file('notes.txt', 'just some notes\n');
const ecKey = file('ec.pem', generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
const encryptedKey = file(
  'encrypted.pem',
  generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pass' }),
);

const OK = ['--url', 'https://api.example.com/1/account', '--consumer-key', 'key', '--consumer-secret', 'secret'];
const without = (flag: string) => OK.filter((_v, i, all) => all[i] !== flag && all[i - 1] !== flag);
const RSA = [...without('--consumer-secret'), '--signature-method', 'RSA-SHA1', '--private-key'];

const CASES: [what: string, args: string[], names: RegExp][] = [
  ['no --url', without('--url'), /--url is required/],
  ['a relative URL', [...without('--url'), '--url', '/1/account'], /--url "\/1\/account" is not an absolute URL/],
  ['a URL without a scheme', [...without('--url'), '--url', 'api.example.com/1'], /--url .* is not an absolute URL/],
  ['an ftp URL', [...without('--url'), '--url', 'ftp://example.com/file'], /--url "ftp:\/\/example.com\/file" is not http or https/],
  ['no consumer key', without('--consumer-key'), /no consumer key.*--consumer-key.*OAUTH_CONSUMER_KEY/],
  ['no consumer secret', without('--consumer-secret'), /no consumer secret.*--consumer-secret.*OAUTH_CONSUMER_SECRET/],
  ['a token secret without a token', [...OK, '--token-secret', 'ts12'], /token secret was given without a token.*--token/],
  ['RSA-SHA1 without a key', [...without('--consumer-secret'), '--signature-method', 'RSA-SHA1'], /RSA-SHA1 needs a private key.*--private-key/],
  ['an unreadable private key file', [...RSA, join(dir, 'missing.pem')], /--private-key .*missing\.pem: cannot read the file \(ENOENT\)/],
  ['a private key that is a directory', [...RSA, dir], /--private-key .*: cannot read the file \(EISDIR\)/],
  ['a malformed private key', [...RSA, garbageKey], /--private-key .*garbage\.pem cannot be read as a PEM private key/],
  ['a file that is not PEM', [...RSA, notPem], /--private-key .*notes\.txt is not PEM/],
  ['an EC key for RSA-SHA1', [...RSA, ecKey], /--private-key .*ec\.pem is not an RSA key \(it is ec\)/],
  ['a passphrase-protected key and no passphrase', [...RSA, encryptedKey], /--private-key .*encrypted\.pem is encrypted and no passphrase was given.*OAUTH_PRIVATE_KEY_PASSPHRASE/],
  ['an unknown signature method', [...OK, '--signature-method', 'HMAC-MD5'], /--signature-method "HMAC-MD5" is not a signature method.*HMAC-SHA1, HMAC-SHA256, HMAC-SHA512, RSA-SHA1, RSA-SHA256, RSA-SHA512, PLAINTEXT/],
  ['a non-numeric timestamp', [...OK, '--timestamp', '12:00'], /--timestamp "12:00" is not a whole number of seconds/],
  ['a negative timestamp', [...OK, '--timestamp=-5'], /--timestamp "-5" is not a whole number of seconds/],
  ['a method that is not an HTTP token', [...OK, '--method', 'GET /x'], /--method "GET \/x" is not an HTTP method/],
  ['a realm with a line break', [...OK, '--realm', 'a\r\nX-Injected: 1'], /--realm contains a control character or line break/],
  ['an unknown option', [...OK, '--consumer-sekret', 'x'], /unknown option '--consumer-sekret'/],
];

describe('oauth-doctor sign: bad input', () => {
  it.each(CASES)('%s → exit 2, one clear line, no stack trace', async (_what, args, names) => {
    const r = await runCli(['sign', ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const [first, ...rest] = r.stderr.trimEnd().split('\n');
    expect(first).toMatch(/^oauth-doctor: /);
    expect(first).toMatch(names);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stderr).not.toMatch(/error:[0-9A-F]{8}|internal error|DoctorError|TypeError/);
    // Every error is exactly one line; commander's "Did you mean" joins it.
    expect(rest).toEqual([]);
    if (names.source.startsWith('unknown option')) expect(first).toContain('(Did you mean --consumer-secret?)');
  });

  it('with --json, an error is still one line on stderr, and one JSON document on stdout saying the same (README: every --json run)', async () => {
    const r = await runCli(['sign', ...without('--url'), '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, command: 'sign', error: { class: 'usage', exitCode: 2 } });
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('a secret given on the command line is not echoed in an error', async () => {
    const r = await runCli(['sign', ...OK, '--consumer-secret', 'very-secret-value', '--timestamp', 'soon']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('very-secret-value');
  });
});
