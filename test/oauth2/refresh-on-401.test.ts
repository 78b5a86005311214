// request --bearer / --as with --refresh-on-401 (issue 18 item 5: "refreshes
// on invalid_token when asked"), through the built CLI against the test
// server on 127.0.0.1: a 401 invalid_token (RFC 6750 §3.1) with a refresh
// token at hand is refreshed once (RFC 6749 §6), the rotation shown masked,
// and the call retried; the saved credential takes the new tokens.
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { startTestServer, type TestServer } from './test-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface Saved {
  credentials: Record<string, { accessToken: string; refreshToken?: string }>;
}

/** A flow that saves a credential, then its access token revoked behind its back: the next call meets 401 invalid_token. */
async function savedThenRevoked(s: TestServer): Promise<{ env: Record<string, string>; saved: () => Saved }> {
  const dir = mkdtempSync(join(tmpdir(), 'od-r401-'));
  const env = { XDG_CONFIG_HOME: dir, OAUTH_DOCTOR_LEDGER: 'off' };
  const flow = await runBin(['flow', '--issuer', s.issuer, '--client-id', s.clientId, '--authorize', 'http', '--scope', 'openid api', '--save-credentials', 'me'], { env: { ...env, OAUTH2_CLIENT_SECRET: s.clientSecret } });
  expect(flow.code, flow.stderr).toBe(0);
  const saved = () => JSON.parse(readFileSync(join(dir, 'oauth-doctor', 'credentials.json'), 'utf8')) as Saved;
  const access = saved().credentials['me']?.accessToken ?? '';
  const basic = `Basic ${Buffer.from(`${s.clientId}:${s.clientSecret}`).toString('base64')}`;
  const revoked = await fetch(`${s.issuer}/revoke`, { method: 'POST', headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${access}` });
  expect(revoked.status).toBe(200);
  return { env, saved };
}

describe('request --refresh-on-401', () => {
  it('--as NAME: 401 invalid_token, one refresh (rotation shown masked), the call retried and the credential updated', async () => {
    server = await startTestServer();
    const { env, saved } = await savedThenRevoked(server);
    const before = saved().credentials['me'];
    const result = await runBin(['request', '--as', 'me', '--refresh-on-401', `${server.issuer}/userinfo`], { env: { ...env, OAUTH2_CLIENT_SECRET: server.clientSecret } });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ sub: 'alice', name: 'Alice' });
    expect(server.log.filter((l) => l.path === '/userinfo')).toHaveLength(2);
    expect(server.log.find((l) => l.path === '/token' && l.body.startsWith('grant_type=refresh_token'))?.authorization).toMatch(/^Basic /);
    expect(result.stderr).toMatch(/refresh_token {2}\S+…\(\d+ chars\) → \S+…\(\d+ chars\) {2}\(rotated/);
    const after = saved().credentials['me'];
    expect(after?.refreshToken).not.toBe(before?.refreshToken);
    expect(after?.accessToken).not.toBe(before?.accessToken);
    for (const secret of [before?.refreshToken, after?.refreshToken, after?.accessToken, server.clientSecret]) expect(result.stderr + result.stdout).not.toContain(secret ?? '#');
  });

  it('without the flag: the refusal is diagnosed as before, and the refresh is offered, not done', async () => {
    server = await startTestServer();
    const { env } = await savedThenRevoked(server);
    const result = await runBin(['request', '--as', 'me', `${server.issuer}/userinfo`], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--refresh-on-401 refreshes it and retries once');
    expect(server.log.some((l) => l.body.startsWith('grant_type=refresh_token'))).toBe(false);
  });

  it('--bearer with an OAuth 2.0 profile (--provider FILE) and OAUTH2_REFRESH_TOKEN; --json reports the refused call and the refresh', async () => {
    server = await startTestServer();
    const { saved } = await savedThenRevoked(server);
    const me = saved().credentials['me'];
    const dir = mkdtempSync(join(tmpdir(), 'od-r401p-'));
    const profile = join(dir, 'as.json');
    writeFileSync(profile, JSON.stringify({ protocol: 'oauth2', endpoints: { token: `${server.issuer}/token` }, clientId: server.clientId, clientSecretEnv: 'AS_SECRET' }));
    chmodSync(profile, 0o600);
    const result = await runBin(['request', '--bearer', me?.accessToken ?? '', '--provider', profile, '--refresh-on-401', '--json', `${server.issuer}/userinfo`], { env: { OAUTH2_REFRESH_TOKEN: me?.refreshToken, AS_SECRET: server.clientSecret } });
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { ok: boolean; refresh: { refused: { status: number }; response: { status: number }; ok: boolean } };
    expect(report.ok).toBe(true);
    expect(report.refresh).toMatchObject({ refused: { status: 401 }, response: { status: 200 }, ok: true });
    expect(result.stdout).not.toContain(me?.refreshToken ?? '#');
    // The refresh answer's ID token (scope openid) is a credential too (OIDC Core §16.18 ff.): never in full.
    expect(result.stdout).toContain('id_token');
    expect(result.stdout).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/);
  });

  it('an issuer-only profile: the token endpoint is discovered (RFC 8414 §3), then the refresh; without the flag nothing is discovered', async () => {
    server = await startTestServer();
    const { saved } = await savedThenRevoked(server);
    const me = saved().credentials['me'];
    const dir = mkdtempSync(join(tmpdir(), 'od-r401i-'));
    const profile = join(dir, 'as.json');
    writeFileSync(profile, JSON.stringify({ protocol: 'oauth2', issuer: server.issuer, clientId: server.clientId, token_endpoint_auth_method: 'client_secret_post', clientSecretEnv: 'AS_SECRET' }));
    chmodSync(profile, 0o600);
    const env = { OAUTH2_REFRESH_TOKEN: me?.refreshToken, AS_SECRET: server.clientSecret };
    const before = server.log.length;
    const offered = await runBin(['request', '--bearer', me?.accessToken ?? '', '--provider', profile, `${server.issuer}/userinfo`], { env });
    expect(offered.code).toBe(1);
    expect(offered.stderr).toContain('--refresh-on-401 refreshes it and retries once');
    expect(server.log.slice(before).map((l) => l.path)).toEqual(['/userinfo']);
    const result = await runBin(['request', '--bearer', me?.accessToken ?? '', '--provider', profile, '--refresh-on-401', '--json', `${server.issuer}/userinfo`], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`token endpoint ${server.issuer}/token (discovered from ${server.issuer})`);
    const report = JSON.parse(result.stdout) as { ok: boolean; refresh: { discovery: { url: string; status: number }[]; ok: boolean } };
    expect(report.refresh.ok).toBe(true);
    expect(report.refresh.discovery.at(-1)?.status).toBe(200);
    // token_endpoint_auth_method (RFC 7591 §2) client_secret_post: the secret in the body, no Basic header (RFC 6749 §2.3.1).
    const refreshed = server.log.find((l) => l.path === '/token' && l.body.startsWith('grant_type=refresh_token'));
    expect(refreshed?.authorization).toBeUndefined();
    expect(refreshed?.body).toMatch(/client_secret=/);
    expect(result.stdout + result.stderr).not.toContain(server.clientSecret);
    expect(result.stdout + result.stderr).not.toContain(me?.refreshToken ?? '#');
  });

  it('an issuer-only profile and JWT access tokens: the metadata is fetched once, for the refresh and the JWKS alike', async () => {
    server = await startTestServer({ jwtAccessToken: 'signed' });
    const { saved } = await savedThenRevoked(server);
    const me = saved().credentials['me'];
    const dir = mkdtempSync(join(tmpdir(), 'od-r401j-'));
    const profile = join(dir, 'as.json');
    writeFileSync(profile, JSON.stringify({ protocol: 'oauth2', issuer: server.issuer, clientId: server.clientId, clientSecretEnv: 'AS_SECRET' }));
    chmodSync(profile, 0o600);
    const before = server.log.length;
    const result = await runBin(['request', '--bearer', me?.accessToken ?? '', '--provider', profile, '--refresh-on-401', '--json', `${server.issuer}/userinfo`], { env: { OAUTH2_REFRESH_TOKEN: me?.refreshToken, AS_SECRET: server.clientSecret } });
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { accessToken: { checks: { status: string }[] } | null };
    expect(report.accessToken?.checks.length).toBeGreaterThan(0);
    const discoveries = server.log.slice(before).filter((l) => l.path.startsWith('/.well-known/'));
    expect(discoveries).toHaveLength(1);
  });

  it('refuses --refresh-on-401 on an OAuth 1.0a request: exit 2, one line, nothing sent', async () => {
    const result = await runBin(['request', '--refresh-on-401', '--consumer-key', 'k', '--consumer-secret', 's', 'http://127.0.0.1:9/x']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/--refresh-on-401 refreshes an OAuth 2\.0 bearer token/);
  });
});
