// Issue 18's leftovers, each through the built CLI against a server on
// 127.0.0.1 (the test server of test-server.ts, or serve --oauth2): the
// client authentication chosen from the metadata (RFC 8414 §2), a preset's
// refused PKCE method, the ID token's one heading.
import { mkdtempSync } from 'node:fs';
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

const ledger = () => ({ OAUTH_DOCTOR_LEDGER: join(mkdtempSync(join(tmpdir(), 'od-left-')), 'ledger.json') });
const flow = (s: TestServer, args: string[], env: Record<string, string> = {}) =>
  runBin(['flow', '--issuer', s.issuer, '--client-id', s.clientId, ...args], { env: { OAUTH2_CLIENT_SECRET: s.clientSecret, ...ledger(), ...env }, timeoutMs: 30_000 });

describe('client authentication from the metadata when --client-auth is not given (RFC 8414 §2)', () => {
  it('a server that lists only client_secret_post gets the secret in the body, and the step says why', async () => {
    server = await startTestServer({ authMethods: ['client_secret_post'] });
    const result = await flow(server, ['--grant', 'client-credentials', '--scope', 'api']);
    expect(result.code, result.stderr).toBe(0);
    const sent = server.log.find((l) => l.path === '/token');
    expect(sent?.authorization).toBeUndefined();
    expect(sent?.body).toMatch(/(^|&)client_secret=/);
    expect(result.stderr).toContain('client auth client_secret_post: token_endpoint_auth_methods_supported (client_secret_post) does not list client_secret_basic');
    expect(result.stderr).toMatch(/client auth +client_secret_post \(chosen from the metadata/);
    expect(result.stdout + result.stderr).not.toContain(server.clientSecret);
  });

  it('no list in the metadata: client_secret_basic, its default, and the step says so', async () => {
    server = await startTestServer({ authMethods: null });
    const result = await flow(server, ['--grant', 'client-credentials', '--scope', 'api']);
    expect(result.code, result.stderr).toBe(0);
    expect(server.log.find((l) => l.path === '/token')?.authorization).toMatch(/^Basic /);
    expect(result.stderr).toContain('whose default is client_secret_basic (RFC 8414 §2)');
  });

  it('--client-auth wins over the metadata (and the lint warns)', async () => {
    server = await startTestServer({ authMethods: ['client_secret_post'] });
    const result = await flow(server, ['--grant', 'client-credentials', '--scope', 'api', '--client-auth', 'basic', '--json']);
    expect(result.code).toBe(1);
    expect(server.log.find((l) => l.path === '/token')?.authorization).toMatch(/^Basic /);
    const report = JSON.parse(result.stdout) as { steps: { name: string; notes: string[] }[] };
    expect(report.steps[0]?.notes.join('\n')).toContain('does not list client_secret_basic');
  });
});

describe('presets refuse what their provider refuses, from the data', () => {
  it('--provider github --pkce plain: GitHub takes S256 only (exit 2, before anything is sent)', async () => {
    const result = await runBin(['flow', '--provider', 'github', '--client-id', 'Iv1.x', '--pkce', 'plain', '--authorize', 'http', '--authorization-endpoint', 'http://127.0.0.1:9/authorize', '--token-endpoint', 'http://127.0.0.1:9/token'], { env: { OAUTH2_CLIENT_SECRET: 'sek' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/takes PKCE with S256 only, not plain/);
  });
});

describe('the ID token step', () => {
  it('prints its heading once', async () => {
    server = await startTestServer();
    const result = await flow(server, ['--authorize', 'http', '--scope', 'openid']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr.match(/^▸ ID token/gm)).toHaveLength(1);
    expect(result.stderr).not.toMatch(/^▸ JWKS/m);
  });
});


describe('microsoft --tenant consumers: the metadata names the consumer tenant’s issuer (Microsoft documents it)', () => {
  it('discovery takes the documented issuer, and the ID token’s iss is checked against it', async () => {
    server = await startTestServer({ mountPath: '/consumers/v2.0', issuerPath: '/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0' });
    const result = await runBin(['flow', '--provider', 'microsoft', '--tenant', 'consumers', '--issuer', `${server.issuer}/consumers/v2.0`, '--client-id', server.clientId, '--authorize', 'http', '--scope', 'openid', '--json'], { env: { OAUTH2_CLIENT_SECRET: server.clientSecret, ...ledger() }, timeoutMs: 30_000 });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { steps: { name: string; ok: boolean; notes: string[] }[] };
    expect(report.steps[0]?.notes.join('\n')).toContain('/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0", the issuer microsoft documents for this tenant');
    expect(report.steps.find((s) => s.name === 'jwks')?.notes).toContain('✓ iss: iss is the issuer');
  });

  it('another tenant’s issuer is still refused (RFC 8414 §3.3)', async () => {
    server = await startTestServer({ mountPath: '/contoso.example/v2.0', issuerPath: '/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0' });
    const result = await runBin(['flow', '--provider', 'microsoft', '--tenant', 'contoso.example', '--issuer', `${server.issuer}/contoso.example/v2.0`, '--client-id', server.clientId, '--authorize', 'http', '--json'], { env: { OAUTH2_CLIENT_SECRET: server.clientSecret, ...ledger() }, timeoutMs: 30_000 });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('(RFC 8414 §3.3)');
  });
});

describe('a default scope for an OpenID Connect server', () => {
  it('no --scope on the code grant: openid alone is asked, the step says so, and an ID token is verified', async () => {
    server = await startTestServer();
    const result = await flow(server, ['--authorize', 'http', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { steps: { name: string; notes: string[]; request?: { url: string } }[] };
    expect(report.steps[0]?.notes).toContain('scope openid: no --scope was given, and the server speaks OpenID Connect (--scope chooses another)');
    expect(new URL(report.steps.find((s) => s.name === 'authorize')?.request?.url ?? 'http://x').searchParams.get('scope')).toBe('openid');
    expect(report.steps.map((s) => s.name)).toContain('jwks');
  });

  it('client credentials keep no scope (no person, no ID token)', async () => {
    server = await startTestServer();
    const result = await flow(server, ['--grant', 'client-credentials']);
    expect(result.code, result.stderr).toBe(0);
    expect(server.log.find((l) => l.path === '/token')?.body).toBe('grant_type=client_credentials');
  });
});
