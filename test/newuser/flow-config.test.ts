// Issue 15, new-user defects in flow's configuration: items 2 and 13 (durations, the twitter alias).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProvider, type RunningProvider } from '../../src/provider/index.js';
import { runCli } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';

let provider: RunningProvider;
beforeAll(async () => {
  provider = await startProvider({ autoApprove: false, consumers: [{ key: 'nu-key', secret: 'nu-secret-value' }] });
});
afterAll(() => provider.close());

const endpoints = () => ['--request-token-url', provider.endpoints.requestToken, '--authorize-url', provider.endpoints.authorize, '--access-token-url', provider.endpoints.accessToken];
const credentials = { OAUTH_CONSUMER_KEY: 'nu-key', OAUTH_CONSUMER_SECRET: 'nu-secret-value' };

describe('issue 15 item 2: in CI, nothing that can complete the authorisation → exit 2 at once', () => {
  it('names the flags that make it work and sends nothing', async () => {
    const before = provider.state().requestTokens.length;
    const started = Date.now();
    const r = await runCli(['flow', ...endpoints()], { env: { ...credentials, CI: 'true' } });
    expect(r.code).toBe(2);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r.stderr).toContain('CI is set, so nobody can approve the request token');
    for (const flag of ['--authorize http', '--callback oob --verifier', '--authorize print']) expect(r.stderr).toContain(flag);
    expect(provider.state().requestTokens.length).toBe(before);
  });

  it('without a terminal (CI unset) too, in-process', async () => {
    const r = await runInProcess(['flow', ...endpoints()], { env: credentials });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('there is no terminal, so nobody can approve');
  });

  it('an explicit --authorize print is a person’s choice and still waits (and times out, exit 4)', async () => {
    const r = await runCli(['flow', ...endpoints(), '--authorize', 'print', '--wait-timeout', '1s'], { env: { ...credentials, CI: 'true' } });
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/no callback arrived .* within 1 s/);
  });
});

describe('issue 15 item 13: durations and aliases', () => {
  it('--timeout 5s and --wait-timeout 1s are taken by flow, as serve takes 2s/10m', async () => {
    const r = await runCli(['flow', ...endpoints(), '--authorize', 'print', '--timeout', '5s', '--wait-timeout', '1s'], { env: credentials });
    expect(r.code).toBe(4);
  });

  it('a bare number keeps meaning milliseconds for flow', async () => {
    const r = await runCli(['flow', ...endpoints(), '--authorize', 'print', '--timeout', '5000', '--wait-timeout', '700'], { env: credentials });
    expect(r.code).toBe(4);
  });

  it.each([['soon'], ['-5s'], ['0']])('--timeout %s is a usage error naming the flag and the forms it takes', async (value) => {
    const r = await runInProcess(['flow', '--provider', 'local', '--timeout', value]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--timeout');
    expect(r.stderr).toMatch(/5s|too short/);
  });

  it('serve takes --timestamp-window 5m and --clock-skew -10m', async () => {
    const { providerOptions } = await import('../../src/commands/serve/parse-options.js');
    const options = providerOptions({ host: '127.0.0.1', consumer: [], rsaConsumer: [], throttle: [], reject: [], oobOnly: [], dialect: 'x', renew: true, timestampWindow: '5m', clockSkew: '-10m' }, { env: {}, cwd: '/' } as never);
    expect(options.timestampWindowSec).toBe(300);
    expect(options.clockSkewSec).toBe(-600);
  });

  it('--provider twitter is the x preset', async () => {
    const r = await runInProcess(['flow', '--provider', 'twitter', '--callback', 'oob', '--verifier', '1234']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no consumer key');
    expect(r.stderr).not.toContain('not a known provider');
  });
});
