import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';
import { startTestServer, type TestServer } from './test-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function ledgerEnv(): Record<string, string> {
  return { OAUTH_DOCTOR_LEDGER: join(mkdtempSync(join(tmpdir(), 'od-ledger-')), 'ledger.json') };
}

const flow = (s: TestServer, args: string[], env: Record<string, string> = {}) =>
  runInProcess(['flow', '--issuer', s.issuer, '--client-id', s.clientId, ...args], { env: { OAUTH2_CLIENT_SECRET: s.clientSecret, ...ledgerEnv(), ...env } });

describe('flow with OAuth 2.0 against a server on 127.0.0.1', () => {
  it('code + PKCE with --authorize http: discovery, authorization, callback (state, iss), exchange, ID token, userinfo; secrets masked', async () => {
    server = await startTestServer();
    const { code, stdout, stderr } = await flow(server, ['--authorize', 'http', '--scope', 'openid profile', '--then', 'userinfo,introspect', '--json']);
    expect(code, stderr).toBe(0);
    const report = JSON.parse(stdout) as { ok: boolean; steps: { name: string; ok: boolean; notes: string[]; request?: { body?: string } }[]; tokens: Record<string, string> };
    expect(report.ok).toBe(true);
    expect(report.steps.map((s) => s.name)).toEqual(['discovery', 'authorize', 'callback', 'token', 'jwks', 'userinfo', 'introspection']);
    expect(report.steps.find((s) => s.name === 'callback')?.notes).toEqual(['✓ state matches', '✓ iss matches the issuer']);
    expect(report.steps.find((s) => s.name === 'jwks')?.notes.every((n) => n.startsWith('✓'))).toBe(true);
    const exchange = server.log.find((l) => l.path === '/token');
    expect(exchange?.body).toMatch(/^grant_type=authorization_code&code=[\w-]+&redirect_uri=http%3A%2F%2F127\.0\.0\.1%3A\d+%2Fcallback&code_verifier=[\w-]{43}$/);
    expect(exchange?.authorization).toMatch(/^Basic /);
    // Nothing secret leaves in full: the code, the verifier, the tokens, the secret.
    const secrets = [server.clientSecret, exchange?.body.match(/code=([\w-]+)/)?.[1] ?? 'x', exchange?.body.match(/code_verifier=([\w-]+)/)?.[1] ?? 'x'];
    for (const secret of secrets) expect(stdout + stderr).not.toContain(secret);
    expect(report.tokens['access_token']).toMatch(/…/);
  });

  it('client credentials, then introspect and revoke; the text narration shows each step with its timing', async () => {
    server = await startTestServer();
    const { code, stdout, stderr } = await flow(server, ['--grant', 'client-credentials', '--scope', 'api', '--then', 'introspect,revoke']);
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/▸ Client credentials {3}POST http:\/\/127\.0\.0\.1:\d+\/token\n {2}→ 200 OK {2}\d+ ms/);
    expect(stderr).toContain('▸ Introspection');
    expect(stderr).toContain('▸ Revocation');
    expect(stdout).toMatch(/✓ http:\/\/127\.0\.0\.1:\d+ issued an access token/);
  });

  it('refresh shows the rotation; replaying the old refresh token is diagnosed as reuse from the ledger', async () => {
    server = await startTestServer();
    const env = ledgerEnv();
    const first = await flow(server, ['--authorize', 'http', '--scope', 'api', '--then', 'refresh', '--json', '--show-secrets'], env);
    expect(first.code, first.stderr).toBe(0);
    const report = JSON.parse(first.stdout) as { rotation: { from: string; to: string } };
    expect(report.rotation.from).not.toBe(report.rotation.to);
    expect(first.stderr).toContain('the refresh token was rotated');
    const replay = await flow(server, ['--grant', 'refresh', '--json'], { ...env, OAUTH2_REFRESH_TOKEN: report.rotation.from });
    expect(replay.code).toBe(1);
    const diagnosis = (JSON.parse(replay.stdout) as { diagnosis: { problem: { code: string }; causes: { id: string; likelihood: string }[] } }).diagnosis;
    expect(diagnosis.problem.code).toBe('oauth2:invalid_grant');
    expect(diagnosis.causes[0]).toMatchObject({ id: 'reuse', likelihood: 'certain' });
    // A refresh carries no code: redirect_uri and PKCE are out of the question.
    expect(diagnosis.causes.filter((c) => c.id === 'redirect-mismatch' || c.id === 'pkce-verifier-mismatch').map((c) => c.likelihood)).toEqual(['unlikely', 'unlikely']);
    // The newest token of the family is refused next: the family was revoked after the replay.
    const newest = await flow(server, ['--grant', 'refresh', '--json'], { ...env, OAUTH2_REFRESH_TOKEN: report.rotation.to });
    const causes = (JSON.parse(newest.stdout) as { diagnosis: { causes: { id: string; likelihood: string }[] } }).diagnosis.causes;
    expect(causes[0]).toMatchObject({ id: 'refresh-family-revoked', likelihood: 'certain' });
  });

  it('a wrong client secret is invalid_client; a 200 with an error body is still a refusal', async () => {
    server = await startTestServer({ errorsWith200: true });
    const { code, stdout } = await flow(server, ['--grant', 'client-credentials', '--json'], { OAUTH2_CLIENT_SECRET: 'wrong-secret' });
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { steps: { name: string; response: { status: number } }[]; diagnosis: { problem: { code: string }; causes: { id: string }[] } };
    expect(report.steps.at(-1)?.response.status).toBe(200);
    expect(report.diagnosis.problem.code).toBe('oauth2:invalid_client');
    expect(report.diagnosis.causes[0]?.id).toBe('client-authentication');
  });

  it('PAR is used when the server requires it (RFC 9126)', async () => {
    server = await startTestServer({ requirePar: true });
    const { code, stdout, stderr } = await flow(server, ['--authorize', 'http', '--scope', 'api', '--json']);
    expect(code, stderr).toBe(0);
    expect((JSON.parse(stdout) as { steps: { name: string }[] }).steps.map((s) => s.name)).toEqual(['discovery', 'par', 'authorize', 'callback', 'token']);
    expect(server.log.find((l) => l.path === '/authorize')?.body).toBe('');
  });

  it('an iss from another server stops the run before the code is exchanged (RFC 9207)', async () => {
    server = await startTestServer({ callbackIss: 'wrong' });
    const { code, stdout } = await flow(server, ['--authorize', 'http', '--json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { diagnosis: { problem: { code: string }; causes: { id: string }[] } };
    expect(report.diagnosis.problem.code).toBe('flow:iss-mismatch');
    expect(report.diagnosis.causes[0]?.id).toBe('host-mismatch');
    expect(server.log.some((l) => l.path === '/token')).toBe(false);
  });

  it('an ID token with another nonce fails its nonce check alone', async () => {
    server = await startTestServer({ idTokenNonce: 'wrong' });
    const { code, stdout } = await flow(server, ['--authorize', 'http', '--scope', 'openid', '--json']);
    expect(code).toBe(1);
    const step = (JSON.parse(stdout) as { steps: { name: string; notes: string[] }[] }).steps.find((s) => s.name === 'jwks');
    expect(step?.notes.filter((n) => n.startsWith('✗'))).toEqual(['✗ nonce: nonce differs from the one sent']);
  });

  it('device grant: user code shown, authorization_pending polled at the server’s interval, then tokens', async () => {
    server = await startTestServer({ devicePending: 2 });
    const { code, stdout, stderr } = await flow(server, ['--grant', 'device', '--json']);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('enter the code WDJB-MJHT');
    const steps = (JSON.parse(stdout) as { steps: { name: string; notes: string[] }[] }).steps;
    expect(steps.map((s) => s.name)).toEqual(['discovery', 'device-authorization', 'device-token', 'device-token', 'device-token', 'jwks']);
    expect(steps[2]?.notes[0]).toMatch(/^authorization_pending/);
  });

  it('device grant: access_denied is diagnosed as the person saying no', async () => {
    server = await startTestServer({ deviceDeny: true });
    const { code, stdout } = await flow(server, ['--grant', 'device', '--json']);
    expect(code).toBe(1);
    expect((JSON.parse(stdout) as { diagnosis: { problem: { code: string } } }).diagnosis.problem.code).toBe('oauth2:access_denied');
  });

  it('--authorize browser: the redirect reaches the loopback listener on a free 127.0.0.1 port, matched by state (RFC 8252 §7.3)', async () => {
    server = await startTestServer();
    const browser = `${process.execPath} ${fileURLToPath(new URL('../flow/fake-browser.mjs', import.meta.url))}`;
    const { code, stdout, stderr } = await flow(server, ['--authorize', 'browser', '--json'], { BROWSER: browser });
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('Opened in your browser');
    const authorize = (JSON.parse(stdout) as { steps: { name: string; request?: { url: string } }[] }).steps.find((s) => s.name === 'authorize');
    expect(new URL(authorize?.request?.url ?? '').searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
  });

  it('without a terminal, a code grant that needs a person fails at once, exit 2, naming the flags', async () => {
    server = await startTestServer();
    const { code, stderr } = await flow(server, []);
    expect(code).toBe(2);
    expect(stderr).toContain('--authorize http');
    expect(server.log).toEqual([]);
  });

  it('--save writes the session, mode 0600, secrets masked', async () => {
    server = await startTestServer();
    const dir = mkdtempSync(join(tmpdir(), 'od-save-'));
    const { code } = await runInProcess(['flow', '--issuer', server.issuer, '--client-id', server.clientId, '--grant', 'client-credentials', '--save', 'run.json'], { cwd: dir, env: { OAUTH2_CLIENT_SECRET: server.clientSecret, ...ledgerEnv() } });
    expect(code).toBe(0);
    const text = readFileSync(join(dir, 'run.json'), 'utf8');
    expect(text).not.toContain(server.clientSecret);
    expect(JSON.parse(text)).toMatchObject({ format: 'oauth-doctor-session', protocol: 'oauth2', ok: true });
  });
});
