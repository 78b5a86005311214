// Issue 14 items 7a–7c, issue 15 item 14: one reading of a token response
// body — form or JSON, the whole of it — feeds the run's one secrets
// register, which masks every spelling of each secret. Before: a secret after
// 64 KiB of padding was parsed but not registered (printed in a PLAINTEXT
// signature); a body spelling the secret `%43%41…` was saved and printed as
// is; a JSON token response stopped the flow and printed both secrets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBin, runCli, type CliResult } from '../helpers/cli.js';
import { percentDecode, percentEncode } from '../../src/oauth/percent-encode.js';
import { readTokenBody } from '../../src/oauth/token-body.js';
import { CANARY, leakedIn, withoutBaseStrings, type CanaryName } from './canaries.js';
import { everyCharEncoded, mixedEncoded, startTokenBodyProvider, type TokenBodyMode, type TokenBodyProvider } from './token-body-provider.js';

let provider: TokenBodyProvider;
let dir: string;
beforeAll(async () => {
  provider = await startTokenBodyProvider();
  dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-token-body-'));
});
afterAll(async () => {
  await provider.close();
  rmSync(dir, { recursive: true, force: true });
});

const ENV = { OAUTH_CONSUMER_KEY: CANARY.consumerKey, OAUTH_CONSUMER_SECRET: CANARY.consumerSecret };
/** Signing keys: never printed, not even in a base string. */
const KEYS: readonly CanaryName[] = ['consumerSecret', 'requestTokenSecret', 'tokenSecret'];
/** Tokens: shown only inside a base string (issue 15 item 5). */
const TOKENS: readonly CanaryName[] = ['requestToken', 'accessToken', 'verifier'];

const tally = { runs: 0, checks: 0 };

/**
 * Which canaries a text holds in any spelling: it is percent-decoded up to
 * three times (any hex case, any octet encoded or not) and each view is
 * searched for the secrets as canaries.ts spells them, and for the spellings
 * the provider used.
 */
function leaks(text: string): string[] {
  const views = (t: string) => {
    const out = [t];
    for (let i = 0; i < 3; i++) out.push(percentDecode(out.at(-1) ?? ''));
    return out;
  };
  const found = new Set<string>();
  for (const [names, source] of [[KEYS, text], [TOKENS, withoutBaseStrings(text)]] as const) {
    for (const view of views(source)) for (const name of leakedIn(view, names)) found.add(name);
    for (const name of names) {
      tally.checks++;
      const value = CANARY[name as keyof typeof CANARY];
      for (const spelling of [everyCharEncoded(value), mixedEncoded(value), percentEncode(everyCharEncoded(value)), percentEncode(mixedEncoded(value))]) if (source.includes(spelling)) found.add(name);
    }
  }
  return [...found];
}

function expectNoLeak(what: string, result: CliResult, files: readonly string[] = []): void {
  tally.runs++;
  const texts: [string, string][] = [['stdout', result.stdout], ['stderr', result.stderr], ...files.map((f): [string, string] => [f, readFileSync(f, 'utf8')])];
  const found = texts.flatMap(([where, text]) => leaks(text).map((name) => `${name} in ${where}`));
  expect(found, `${what}\n--- stdout\n${result.stdout.slice(0, 4000)}\n--- stderr\n${result.stderr.slice(0, 4000)}`).toEqual([]);
}

const MODES: readonly TokenBodyMode[] = ['padded', 'padded-large', 'over-encoded', 'mixed-encoded', 'json', 'json-nested'];
const OUTPUTS: readonly [string, readonly string[]][] = [
  ['text --verbose', ['--verbose']],
  ['--json', ['--json']],
  ['--json --verbose', ['--json', '--verbose']],
];

describe('token responses of every shape: the flow completes and prints no secret', () => {
  for (const mode of MODES) {
    for (const method of ['HMAC-SHA1', 'PLAINTEXT']) {
      it.each(OUTPUTS)(`${mode}, ${method}, %s, and the saved session`, async (what, flags) => {
        const save = join(dir, `${mode}-${method}-${what.replace(/\W+/g, '_')}.json`);
        const result = await runCli(['flow', ...provider.endpoints(mode), '--authorize', 'http', '--callback', 'oob', '--signature-method', method, '--save', save, ...flags], { env: ENV });
        expect(result.code, result.stderr).toBe(0);
        // The access token was read (the protected-resource leg ran with it).
        expect(result.stdout + result.stderr).toContain('canary_user');
        expectNoLeak(`${mode} ${method} ${what}`, result, [save]);
      });
    }
  }

  it('--show-secrets prints them (so the checks above can fail)', async () => {
    const result = await runCli(['flow', ...provider.endpoints('json'), '--authorize', 'http', '--callback', 'oob', '--signature-method', 'PLAINTEXT', '--verbose', '--show-secrets'], { env: ENV });
    expect(result.code, result.stderr).toBe(0);
    expect(leaks(result.stdout + result.stderr)).toEqual(expect.arrayContaining(['consumerSecret', 'requestTokenSecret', 'tokenSecret']));
  });
});

describe('the built CLI, as a user runs it', () => {
  it.each(['json', 'over-encoded', 'padded'] as const)('%s token responses: exit 0, no secret on stdout or stderr', async (mode) => {
    const result = await runBin(['flow', ...provider.endpoints(mode), '--authorize', 'http', '--callback', 'oob', '--signature-method', 'PLAINTEXT', '--verbose'], { env: ENV });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('oauth_token_secret');
    expectNoLeak(`bin ${mode}`, result);
  });
});

describe('readTokenBody', () => {
  it('reads a form body whole, however much comes before the secret', () => {
    for (const size of [0, 64 * 1024, 1024 * 1024]) {
      const body = readTokenBody(`pad=${'x'.repeat(size)}&oauth_token=t1&oauth_token_secret=s%2B1&oauth_session_handle=h1`);
      expect(body.format).toBe('form');
      expect(body.secrets).toEqual(['t1', 's+1', 'h1']);
    }
  });

  it('reads a JSON object (numbers and booleans as text) and finds credentials nested in it', () => {
    const body = readTokenBody('\uFEFF {"oauth_token":"t1","oauth_token_secret":"s1","oauth_callback_confirmed":true,"expires":3600,"user":{"oauth_token_secret":"s2","list":[{"access_token":"a3"}]}}');
    expect(body.format).toBe('json');
    expect(body.fields).toEqual([['oauth_token', 't1'], ['oauth_token_secret', 's1'], ['oauth_callback_confirmed', 'true'], ['expires', '3600']]);
    expect(body.secrets).toEqual(['t1', 's1', 's2', 'a3']);
  });

  it('a body that only starts like JSON is a form, and hostile nesting is bounded', () => {
    expect(readTokenBody('{oops&oauth_token=t1').format).toBe('form');
    expect(readTokenBody(`{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`).secrets).toEqual([]);
  });

  it('tally', () => {
    // Printed for the closing note: runs and (secret, text) checks made above.
    console.log(`token-body canaries: ${tally.runs} runs, ${tally.checks} checks`);
    expect(tally.runs).toBeGreaterThan(0);
  });
});
