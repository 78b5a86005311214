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

