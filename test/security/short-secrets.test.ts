// Issue 14 item 11: a secret is masked whatever its length. Before, values
// under 4 characters were printed in the PLAINTEXT signature, the
// Authorization header, the curl line and --json, and 4 to 7 characters in
// early error messages. Masking a 1-character secret everywhere would
// destroy the text (every `s`), so a short one is masked where it stands as a
// value — and the rest of the output must stay exactly as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBin, runCli } from '../helpers/cli.js';
import { percentEncode } from '../../src/oauth/percent-encode.js';
import { signRequest } from '../../src/oauth/sign-request.js';
import { withoutBaseStrings } from './canaries.js';
import { SHORT, startTokenBodyProvider, type TokenBodyProvider } from './token-body-provider.js';

let provider: TokenBodyProvider;
let dir: string;
beforeAll(async () => {
  provider = await startTokenBodyProvider();
  dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-short-'));
});
afterAll(async () => {
  await provider.close();
  rmSync(dir, { recursive: true, force: true });
});

let checks = 0;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const spellings = (v: string) => [v, percentEncode(v), percentEncode(percentEncode(v))];

/**
 * Where a short value would be a leak, written independently of the
 * redactor: after a secret-ish name (`oauth_token_secret=z`, `"tokenSecret": "z"`,
 * `oauth_signature="c%26q"`, a table row `oauth_token   a9`), quoted whole (`"z"`),
 * or alone on a line; base strings (tokens are shown there) cut out first.
 */
function shortLeaks(text: string, values: Readonly<Record<string, string>>): string[] {
  const found: string[] = [];
  const outside = withoutBaseStrings(text);
  for (const [name, value] of Object.entries(values)) {
    for (const form of spellings(value)) {
      checks++;
      const at = new RegExp(`(?:[\\w.-]*(?:secret|token|verifier|signature|Secret|Token|Signature)(?:["']?\\s*(?:[=:]|%3D)\\s*["']?|[ \\t]{2,}))${escape(form)}(?=["'&\\s,;<)]|%26|$)`, 'm');
      const quoted = new RegExp(`(["'])${escape(form)}\\1`);
      const alone = new RegExp(`^[ \\t]*${escape(form)}[ \\t]*$`, 'm');
      const hit = [at, quoted, alone].map((re) => outside.match(re)?.[0]).find((m) => m !== undefined);
      if (hit !== undefined) found.push(`${name} (${form}) at ${JSON.stringify(hit)}`);
    }
  }
  return found;
}

describe('sign with 1- to 3-character secrets', () => {
  const args = ['sign', '--url', 'https://api.example.com/1/statuses?s=1&t=2', '--consumer-key', 'ck', '--consumer-secret', 's', '--token', 'tk', '--token-secret', 't', '--timestamp', '1318622958', '--nonce', 'n0nce'];
  const secrets = { consumerSecret: 's', tokenSecret: 't', token: 'tk', plaintextSignature: 's&t' };

  it.each(['PLAINTEXT', 'HMAC-SHA1'])('%s: text and --json mask them, and nothing else changes', async (method) => {
    const shown = await runCli([...args, '--signature-method', method, '--show-secrets']);
    const masked = await runCli([...args, '--signature-method', method]);
    expect(masked.code).toBe(0);
    expect(shortLeaks(masked.stdout, secrets)).toEqual([]);
    expect(shortLeaks(shown.stdout, secrets).length).toBeGreaterThan(0);
    // Line for line, only the lines that carry a secret differ from the revealed output.
    const differing = masked.stdout.split('\n').filter((line, i) => line !== shown.stdout.split('\n')[i]);
    for (const line of differing) expect(line).toMatch(/…\(\d chars\)/);
    expect(differing.length).toBeLessThanOrEqual(method === 'PLAINTEXT' ? 6 : 5);
    // The base string is byte for byte what was signed (issue 15 item 5): the token shown, the keys never in it.
    const signed = signRequest({ method: 'GET', url: 'https://api.example.com/1/statuses?s=1&t=2', client: { consumerKey: 'ck', consumerSecret: 's' }, token: { token: 'tk', tokenSecret: 't' }, signatureMethod: method as 'PLAINTEXT', timestamp: '1318622958', nonce: 'n0nce' });
    expect(masked.stdout).toContain(`  ${signed.baseString}\n`);

    const json = await runCli([...args, '--signature-method', method, '--json']);
    const document = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(document['baseString']).toBe(signed.baseString);
    expect(shortLeaks(JSON.stringify(document, null, 1), secrets)).toEqual([]);
    if (method === 'PLAINTEXT') expect(document['signature']).toBe('…(3 chars)');
  });

  it('request prints the PLAINTEXT header masked', async () => {
    const result = await runCli(['request', `${provider.endpoints('short')[7] ?? ''}`, '--consumer-key', 'ck', '--consumer-secret', 's', '--token', 'tk', '--token-secret', 't', '--signature-method', 'PLAINTEXT']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('oauth_signature="…(3 chars)"');
    expect(shortLeaks(result.stdout + result.stderr, secrets)).toEqual([]);
  });
});

describe('flow with 1- to 3-character tokens and secrets, over a real socket', () => {
  const values = { consumerSecret: 'c', ...SHORT };
  it.each([
    ['PLAINTEXT', ['--verbose']],
    ['PLAINTEXT', ['--json', '--verbose']],
    ['HMAC-SHA1', ['--verbose']],
    ['HMAC-SHA1', ['--json']],
  ] as const)('%s %s, and the saved session', async (method, flags) => {
    const save = join(dir, `short-${method}-${flags.join('')}.json`);
    const result = await runCli(['flow', ...provider.endpoints('short'), '--authorize', 'http', '--callback', 'oob', '--verifier', SHORT.verifier, '--signature-method', method, '--save', save, ...flags], { env: { OAUTH_CONSUMER_KEY: 'ck', OAUTH_CONSUMER_SECRET: 'c' } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout + result.stderr).toContain('canary_user');
    const plaintext = `${percentEncode('c')}&${percentEncode(SHORT.tokenSecret)}`;
    const all = { ...values, plaintextSignature: plaintext, requestSignature: `c&${SHORT.requestTokenSecret}` };
    expect(shortLeaks(result.stdout, all)).toEqual([]);
    expect(shortLeaks(result.stderr, all)).toEqual([]);
    expect(shortLeaks(readFileSync(save, 'utf8'), all)).toEqual([]);
  });
});

describe('4 to 7 characters in early error messages (the invocation redactor)', () => {
  it.each([
    ['a secret typed as another flag value', ['sign', '--url', 'https://a.example/x', '--consumer-key', 'ck', '--consumer-secret', 'hunt3r', '--signature-method', 'hunt3r'], 'hunt3r'],
    ['a callback that is the secret', ['flow', '--provider', 'local', '--consumer-key', 'ck', '--consumer-secret', 'pa55', '--callback', 'pa55'], 'pa55'],
    ['a token secret in the environment', ['sign', '--url', 'https://a.example/x', '--consumer-key', 'ck', '--consumer-secret', 'abcd', '--signature-method', 'kd94hf'], 'kd94hf'],
  ])('%s', async (_what, args, secret) => {
    const result = await runBin(args, { env: { OAUTH_TOKEN_SECRET: 'kd94hf' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^oauth-doctor: /);
    expect(result.stderr).not.toContain(secret);
  });

  it("a short secret that is a word does not mask our own words", async () => {
    const result = await runBin(['sign', '--url', 'https://a.example/x', '--consumer-key', 'ck', '--consumer-secret', 'secret', '--token-secret', 'token']);
    expect(result.stderr).toContain('a token secret was given without a token');
    console.log(`short secrets: ${checks} value-position checks`);
  });
});
