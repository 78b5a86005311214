// Issue 7: files oauth-doctor writes are private to their owner (0600), and a
// profile that holds a secret but others can read gives a warning. Run
// through the built CLI, with a permissive umask so the mode is ours, not
// the umask's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { startCli } from '../flow/spawn-cli.js';
import { startProvider, type RunningProvider } from '../../src/provider/index.js';

let dir: string;
let provider: RunningProvider;
const previousUmask = process.umask(0o022);
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-files-'));
  provider = await startProvider({ autoApprove: true, consumers: [{ key: 'files-key', secret: 'files-secret-0123456789' }] });
});
afterAll(async () => {
  process.umask(previousUmask);
  await provider.close();
  rmSync(dir, { recursive: true, force: true });
});

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8).padStart(4, '0');
const ENV = { OAUTH_CONSUMER_KEY: 'files-key', OAUTH_CONSUMER_SECRET: 'files-secret-0123456789' };
const endpoints = () => ['--request-token-url', provider.endpoints.requestToken, '--authorize-url', provider.endpoints.authorize, '--access-token-url', provider.endpoints.accessToken, '--resource-url', provider.endpoints.resource];

describe('files written are mode 0600', () => {
  it.each([
    ['a new file', false, 0],
    ['an existing world-readable file it replaces', true, 0],
  ])('flow --save, %s', async (_what, exists) => {
    const save = join(dir, `session-${String(exists)}.json`);
    if (exists) {
      writeFileSync(save, 'old');
      chmodSync(save, 0o644);
    }
    const result = await runCli(['flow', ...endpoints(), '--authorize', 'http', '--save', save], { env: ENV });
    expect(result.code, result.stderr).toBe(0);
    expect(modeOf(save)).toBe('0600');
    expect(JSON.parse(readFileSync(save, 'utf8'))).toMatchObject({ format: 'oauth-doctor-session' });
  });

  it('flow --save on a failed run (the provider refused)', async () => {
    const save = join(dir, 'session-refused.json');
    const result = await runCli(['flow', ...endpoints(), '--authorize', 'http', '--callback', 'oob', '--verifier', 'wrong-verifier', '--save', save], { env: ENV });
    expect(result.code).toBe(1);
    expect(modeOf(save)).toBe('0600');
  });

  it('flow --save on a network failure', async () => {
    const save = join(dir, 'session-network.json');
    const result = await runCli(['flow', '--request-token-url', 'http://127.0.0.1:1/rt', '--authorize-url', 'http://127.0.0.1:1/a', '--access-token-url', 'http://127.0.0.1:1/at', '--authorize', 'http', '--save', save], { env: ENV });
    expect(result.code).toBe(3);
    expect(modeOf(save)).toBe('0600');
  });

  it('serve --state: the provider state file (it holds issued secrets) is 0600, and stays so across a restart', async () => {
    const state = join(dir, 'provider-state.json');
    for (let run = 0; run < 2; run++) {
      const serve = startCli(['serve', '--consumer', 'state-key:state-secret-0123456789', '--auto-approve', '--state', state, '--json']);
      const [line = ''] = await serve.waitFor(/^\{.*\}$/m);
      const { endpoints: e } = JSON.parse(line) as { endpoints: Record<string, string> };
      const flow = await runCli(['flow', '--request-token-url', e['requestToken'] ?? '', '--authorize-url', e['authorize'] ?? '', '--access-token-url', e['accessToken'] ?? '', '--authorize', 'http'], { env: { OAUTH_CONSUMER_KEY: 'state-key', OAUTH_CONSUMER_SECRET: 'state-secret-0123456789' } });
      expect(flow.code, flow.stderr).toBe(0);
      serve.child.kill('SIGINT');
      expect((await serve.exited).code).toBe(130);
      expect(modeOf(state)).toBe('0600');
    }
    const saved = JSON.parse(readFileSync(state, 'utf8')) as { accessTokens: unknown[] };
    expect(saved.accessTokens.length).toBe(2);
  });
});

describe('a profile that holds a secret and others can read', () => {
  const profile = (name: string, mode: number, withSecret: boolean) => {
    const path = join(dir, name);
    const body: Record<string, string> = { name: 'acme', requestTokenUrl: provider.endpoints.requestToken, authorizeUrl: provider.endpoints.authorize, accessTokenUrl: provider.endpoints.accessToken, consumerKey: 'files-key' };
    if (withSecret) body['consumerSecret'] = 'files-secret-0123456789';
    writeFileSync(path, JSON.stringify(body));
    chmodSync(path, mode);
    return path;
  };
  const warning = /warning: .*holds a secret but other users can read it \(mode 06[46]4\); run chmod 600 /;

  it.each([
    ['0644 with a consumer secret → a warning naming chmod 600', 0o644, true, true],
    ['0640 (group-readable) with a consumer secret → a warning', 0o640, true, true],
    ['0600 with a consumer secret → no warning', 0o600, true, false],
    ['0644 without a secret → no warning', 0o644, false, false],
  ])('%s', async (_what, mode, withSecret, warned) => {
    const path = profile(`profile-${mode.toString(8)}-${String(withSecret)}.json`, mode, withSecret);
    const result = await runCli(['flow', '--provider', path, '--authorize', 'http', '--json'], { env: withSecret ? {} : { OAUTH_CONSUMER_SECRET: 'files-secret-0123456789' } });
    expect(result.code, result.stderr).toBe(0);
    if (warned) expect(result.stderr).toMatch(mode === 0o640 ? /holds a secret but other users can read it \(mode 0640\)/ : warning);
    else expect(result.stderr).not.toContain('other users can read it');
    // The warning is narration: --json stdout stays one JSON document.
    expect(() => JSON.parse(result.stdout) as unknown).not.toThrow();
  });
});
