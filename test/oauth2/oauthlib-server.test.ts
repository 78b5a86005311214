import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';
import { INSTALL_HINT, PYTHON } from './python.js';

const SCRIPT = fileURLToPath(new URL('./oauthlib_server.py', import.meta.url));
let child: ChildProcess | undefined;
let server: { issuer: string; clientId: string; clientSecret: string };

beforeAll(async () => {
  const started = spawn(PYTHON, [SCRIPT], { stdio: ['pipe', 'pipe', 'inherit'] });
  child = started;
  server = await new Promise((resolve, reject) => {
    started.on('error', (error) => reject(new Error(`cannot run ${PYTHON} (${error.message}); ${INSTALL_HINT}`)));
    started.on('exit', (code) => reject(new Error(`oauthlib_server.py exited ${code}; ${INSTALL_HINT}`)));
    createInterface({ input: started.stdout }).once('line', (line) => resolve(JSON.parse(line) as typeof server));
  });
});
afterAll(() => {
  child?.stdin?.end();
});

const ledger = () => ({ OAUTH_DOCTOR_LEDGER: join(mkdtempSync(join(tmpdir(), 'od-ledger-')), 'ledger.json') });
const flow = (args: string[], env: Record<string, string>) => runInProcess(['flow', '--issuer', server.issuer, '--client-id', server.clientId, ...args], { env: { OAUTH2_CLIENT_SECRET: server.clientSecret, ...env } });

interface Report {
  ok: boolean;
  steps: { name: string; ok: boolean; notes: string[]; working: { label: string; value: string }[] }[];
  rotation?: { from: string; to: string };
  diagnosis?: { problem: { code: string }; causes: { id: string; likelihood: string }[] };
}

/** Happy paths against an implementation the project did not write: Python oauthlib's endpoints (RFC 8414 metadata only, no OIDC). */
describe('flow against Python oauthlib’s authorization server on 127.0.0.1', () => {
  it('code + PKCE, refresh with rotation, introspection and revocation; discovery falls back to RFC 8414’s well-known URL', async () => {
    const env = ledger();
    const { code, stdout, stderr } = await flow(['--authorize', 'http', '--then', 'refresh,introspect,revoke', '--json', '--show-secrets'], env);
    expect(code, stderr).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expect(report.steps.map((s) => [s.name, s.ok])).toEqual([['discovery', true], ['authorize', true], ['callback', true], ['token', true], ['refresh', true], ['introspection', true], ['revocation', true]]);
    expect(report.steps[0]?.notes.slice(0, 2)).toEqual(['openid-configuration: 404', '✓ oauth-authorization-server: issuer matches']);
    // No --client-auth: the method is the metadata's choice, and the step says which and why (RFC 8414 §2).
    expect(report.steps[0]?.notes[2]).toMatch(/^client auth client_secret_basic: token_endpoint_auth_methods_supported lists client_secret_basic/);
    expect(report.steps.find((s) => s.name === 'introspection')?.working).toContainEqual({ label: 'active', value: 'true' });
    expect(report.rotation?.from).not.toBe(report.rotation?.to);

    // The revoked (rotated-to) refresh token is refused next, and the ledger says oauth-doctor revoked it.
    const after = await flow(['--grant', 'refresh', '--json'], { ...env, OAUTH2_REFRESH_TOKEN: report.rotation?.to ?? '' });
    expect(after.code).toBe(1);
    const diagnosis = (JSON.parse(after.stdout) as Report).diagnosis;
    expect(diagnosis?.problem.code).toBe('oauth2:invalid_grant');
    expect(diagnosis?.causes[0]).toMatchObject({ id: 'revocation', likelihood: 'certain' });
  });

  it('a server that takes a rotated-out refresh token again is flagged: no reuse detection (RFC 9700 §4.14.2)', async () => {
    const env = ledger();
    const first = await flow(['--authorize', 'http', '--then', 'refresh', '--json', '--show-secrets'], env);
    expect(first.code, first.stderr).toBe(0);
    const rotation = (JSON.parse(first.stdout) as Report).rotation;
    const warned = (r: { stdout: string }) => (JSON.parse(r.stdout) as Report).steps.find((s) => s.name === 'refresh')?.notes.some((n) => n.includes('does not detect refresh-token reuse'));
    expect(warned(first)).toBe(false);
    // oauthlib's test server keeps the old token valid after rotation; the ledger knows it was rotated out.
    const replay = await flow(['--grant', 'refresh', '--json'], { ...env, OAUTH2_REFRESH_TOKEN: rotation?.from ?? '' });
    expect(replay.code, replay.stderr).toBe(0);
    expect(warned(replay)).toBe(true);
  });

  it('client credentials with client_secret_post; a client secret with a space, / and + travels form-encoded in Basic', async () => {
    const post = await flow(['--grant', 'client-credentials', '--client-auth', 'post', '--scope', 'read', '--json'], ledger());
    expect(post.code, post.stderr).toBe(0);
    expect((JSON.parse(post.stdout) as Report).steps.at(-1)?.working).toContainEqual({ label: 'scope', value: 'read' });
    const basic = await flow(['--grant', 'client-credentials'], ledger());
    expect(basic.code, basic.stderr).toBe(0);
  });

  it('a wrong secret is refused as invalid_client and diagnosed as client authentication', async () => {
    const { code, stdout } = await flow(['--grant', 'client-credentials', '--json'], { ...ledger(), OAUTH2_CLIENT_SECRET: 'not the secret' });
    expect(code).toBe(1);
    const diagnosis = (JSON.parse(stdout) as Report).diagnosis;
    expect(diagnosis?.problem.code).toBe('oauth2:invalid_client');
    expect(diagnosis?.causes[0]?.id).toBe('client-authentication');
  });
});

/** request with an OAuth 2.0 profile against oauthlib: the token flow saved for the profile's client, and a refresh whose endpoint is discovered. */
describe('request --provider FILE against Python oauthlib on 127.0.0.1 (the built CLI)', () => {
  it('the saved token is sent to oauthlib\'s resource; revoked, --refresh-on-401 refreshes at the token endpoint flow discovered (RFC 8414) and retries', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'od-oauthlib-req-'));
    const profile = join(dir, 'py.json');
    writeFileSync(profile, JSON.stringify({ protocol: 'oauth2', issuer: server.issuer, clientId: server.clientId, clientSecretEnv: 'PY_SECRET' }));
    chmodSync(profile, 0o600);
    const env = { XDG_CONFIG_HOME: dir, PY_SECRET: server.clientSecret, ...ledger() };
    const saved = await runBin(['flow', '--provider', profile, '--authorize', 'http', '--save-credentials', 'py', '--json', '--show-secrets'], { env });
    expect(saved.code, saved.stderr).toBe(0);
    const access = (JSON.parse(saved.stdout) as { tokens: { access_token: string } }).tokens.access_token;

    const first = await runBin(['request', '--provider', profile, `${server.issuer}/me`], { env });
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ sub: 'alice' });
    expect(first.stderr).toContain('· as py');

    const basic = `Basic ${Buffer.from(`${server.clientId}:${encodeURIComponent(server.clientSecret)}`).toString('base64')}`;
    const revoked = await fetch(`${server.issuer}/revoke`, { method: 'POST', headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${encodeURIComponent(access)}` });
    expect(revoked.status).toBe(200);
    const refused = await runBin(['request', '--provider', profile, `${server.issuer}/me`], { env });
    expect(refused.code).toBe(1);

    const refreshed = await runBin(['request', '--provider', profile, '--refresh-on-401', `${server.issuer}/me`], { env });
    expect(refreshed.code, refreshed.stderr).toBe(0);
    // The credential flow saved carries the token endpoint it discovered (RFC 8414 metadata): the refresh goes there.
    expect(refreshed.stderr).toContain(`Refresh  POST ${server.issuer}/token  (401 invalid_token, --refresh-on-401`);
    expect(refreshed.stderr).toMatch(/credential py updated in /);
    expect(refreshed.stdout + refreshed.stderr).not.toContain(access);
    expect(refreshed.stdout + refreshed.stderr).not.toContain(server.clientSecret);
  }, 60_000);
});
