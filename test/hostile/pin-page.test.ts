// Issue 14 item 8: the PIN on an out-of-band page is read in one linear pass.
// A page of `PIN` and 1 MiB of spaces took the old patterns about ten minutes
// (33 s for 256 KiB); `<p>Your PIN: <code>V</code></p>` gave the PIN "code".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { findVerifierInPage } from '../../src/flow/page-verifier.js';
import { CANARY, leakedIn } from '../security/canaries.js';
import { startTokenBodyProvider, type TokenBodyProvider } from '../security/token-body-provider.js';

let provider: TokenBodyProvider;
beforeAll(async () => {
  provider = await startTokenBodyProvider();
});
afterAll(() => provider.close());

const ENV = { OAUTH_CONSUMER_KEY: CANARY.consumerKey, OAUTH_CONSUMER_SECRET: CANARY.consumerSecret };

describe('the PIN on an oob page, over a real socket', () => {
  it('a 1 MiB page of `PIN` and spaces ends the flow as a page waiting for a person, not in minutes of CPU', async () => {
    const result = await runCli(['flow', ...provider.endpoints('hostile-pin'), '--authorize', 'http', '--callback', 'oob', '--json'], { env: ENV });
    expect(result.signal).toBeNull();
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('approval-page');
    expect(provider.verifiers).toEqual([]);
  });

  it('`Your PIN: <code>V</code>` sends V, not the word "code", and never prints it', async () => {
    const result = await runCli(['flow', ...provider.endpoints('pin-code'), '--authorize', 'http', '--callback', 'oob', '--verbose'], { env: ENV });
    expect(result.code, result.stderr).toBe(0);
    expect(provider.verifiers.at(-1)).toBe(CANARY.verifier);
    expect(leakedIn(result.stdout + result.stderr, ['verifier', 'tokenSecret', 'requestTokenSecret'])).toEqual([]);
  });
});

describe('hostile pages of 1 MiB', () => {
  const MiB = 1024 * 1024;
  const fill = (unit: string) => unit.repeat(Math.ceil(MiB / unit.length));
  it.each([
    ['PIN and spaces', `PIN${' '.repeat(MiB)}`],
    ['PIN is, repeated', fill('PIN is is ')],
    ['labels before unclosed tags', fill('PIN: <b ')],
    ['a run of <', `${'<'.repeat(MiB)}>`],
    ['unclosed quotes in tags', fill(`<a title='>`)],
    ['fields named oauth_verifier without a value', fill('<input name="oauth_verifier" value=">')],
    ['kbd and code without digits', fill('<kbd><code>')],
    ['oauth_verifier= without a value', fill('oauth_verifier=')],
  ])('%s: no PIN, and a real one after it is still found', (_what, page) => {
    expect(findVerifierInPage(page)).toBeUndefined();
    expect(findVerifierInPage(`${page}<p>oauth_verifier=Zx81-real</p>`)).toBe('Zx81-real');
  });
});

describe('the shapes a PIN is shown in', () => {
  it.each([
    ['<p>Your PIN: <code>84731922</code></p>', '84731922'],
    ['<p>PIN code is: <strong class="pin">"84731922"</strong></p>', '84731922'],
    ['<input value="v3rifier" type="hidden" name=oauth_verifier>', 'v3rifier'],
    ['<kbd aria-labelledby="code-desc">\n  <code> 1234567 </code>\n</kbd>', '1234567'],
    ['<div data-oauth-verifier="zzzz9999"></div>', 'zzzz9999'],
    ['<p>Your PIN: <code></code></p>', undefined],
    [`oauth_verifier=${'a'.repeat(200)}`, undefined],
  ])('%s', (page, expected) => {
    expect(findVerifierInPage(page)).toBe(expected);
  });
});
