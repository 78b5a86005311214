// Every command once through the built bin (bin/oauth-doctor.cjs and the
// dist/ bundle it loads), as a user runs it: the rest of the suite runs the
// CLI's main() in-process (test/helpers/cli.ts), so this is where a command
// missing from a bundle, a package the bundle cannot require, or a bin that
// does not start would show. One run per command, the output checked for
// the one thing that says the command ran.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProvider, type RunningProvider } from '../../src/provider/index.js';
import { runBin } from '../helpers/cli.js';
import pkg from '../../package.json' with { type: 'json' };

const APP = { key: 'smoke-app', secret: 'smoke-secret-0123456789' };
const dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-bin-smoke-'));
const env = { XDG_CONFIG_HOME: join(dir, 'config'), XDG_CACHE_HOME: join(dir, 'cache') };
let provider: RunningProvider;

beforeAll(async () => {
  provider = await startProvider({ autoApprove: true, consumers: [APP] });
});
afterAll(async () => {
  await provider.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('each command through the built bin', () => {
  it('--version (answered by bin/ before any bundle loads)', async () => {
    const r = await runBin(['--version'], { env });
    expect(r).toMatchObject({ code: 0, signal: null, stderr: '' });
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('codes (its own bundle)', async () => {
    const r = await runBin(['codes', '--json'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.stringify(JSON.parse(r.stdout))).toContain('token_used');
  });

  it('explain (its own bundle)', async () => {
    const r = await runBin(['explain', 'token_used', '--json'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { problem: { code: string } }).problem.code).toBe('token_used');
  });

  it('sign (its own bundle): RFC 5849 §1.2’s example signature', async () => {
    const r = await runBin(['sign', '--url', 'http://photos.example.net/photos?file=vacation.jpg&size=original', '--consumer-key', 'dpf43f3p2l4k3l03', '--consumer-secret', 'kd94hf93k423kf44', '--token', 'nnch734d00sl2jdk', '--token-secret', 'pfkkdhi9sl3r4s00', '--timestamp', '137131202', '--nonce', 'chapoH', '--no-version', '--json'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { signature: string }).signature).toBe('MdpQcU8iPSUjWoN/UDMsK2sui9I=');
  });

  it('completion', async () => {
    const r = await runBin(['completion', 'bash'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('complete ');
  });

  it('demo (the embedded provider and undici, in the bundle)', async () => {
    const r = await runBin(['demo', '--json'], { env, timeoutMs: 60_000 });
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { ok: boolean }).ok).toBe(true);
  });

  it('flow against a provider, saving the credentials; credentials lists them; request uses them', async () => {
    const flow = await runBin(['flow', '--provider', 'local', '--base-url', provider.url, '--consumer-key', APP.key, '--authorize', 'http', '--save-credentials', 'smoke'], { env: { ...env, OAUTH_CONSUMER_SECRET: APP.secret } });
    expect(flow.code, flow.stderr).toBe(0);
    const list = await runBin(['credentials', 'list'], { env });
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain('smoke');
    const request = await runBin(['request', `${provider.url}/api/me`, '--as', 'smoke'], { env });
    expect(request.code, request.stderr).toBe(0);
    expect(JSON.parse(request.stdout)).toMatchObject({ method: 'GET', path: '/api/me' });
  });

  it('inspect a curl line sign printed: the signature checks with the consumer secret', async () => {
    const signed = await runBin(['sign', '--url', 'http://127.0.0.1:9/api/me', '--consumer-key', 'k', '--consumer-secret', APP.secret, '--show-secrets', '--json'], { env });
    const { curl } = JSON.parse(signed.stdout) as { curl: string };
    const r = await runBin(['inspect', '--curl', curl, '--consumer-secret', APP.secret, '--json'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { signatureCheck: { status: string } }).signatureCheck.status).toBe('match');
  });

  it('serve refuses a non-loopback host without --allow-remote (exit 2)', async () => {
    const r = await runBin(['serve', '--host', '0.0.0.0'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^oauth-doctor: /);
  });
});
