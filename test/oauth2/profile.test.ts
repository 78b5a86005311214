// OAuth 2.0 JSON profiles (`flow --provider FILE`, issue 18 item 5), through
// the built CLI against the test server on 127.0.0.1: the server, the client
// and how the run goes come from the file; the secret from a variable or a
// file it names; flags win; every problem is one line with its place, and
// no line quotes the file.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
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

const dir = mkdtempSync(join(tmpdir(), 'od-o2profile-'));
let files = 0;
function profile(content: unknown): string {
  const path = join(dir, `p${++files}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  chmodSync(path, 0o600);
  return path;
}
const ledger = () => ({ OAUTH_DOCTOR_LEDGER: join(dir, `ledger-${++files}.json`) });

describe('flow --provider FILE with an OAuth 2.0 profile', () => {
  it('issuer, client id, scope list and grant from the file; the secret from the variable it names, never printed', async () => {
    server = await startTestServer();
    const file = profile({ protocol: 'oauth2', name: 'acme', issuer: server.issuer, clientId: server.clientId, clientSecretEnv: 'ACME_SECRET', scope: ['api', 'openid'], grant: 'client-credentials' });
    const result = await runBin(['flow', '--provider', file, '--json'], { env: { ACME_SECRET: server.clientSecret, ...ledger() } });
    expect(result.code, result.stderr).toBe(0);
    const token = server.log.find((l) => l.path === '/token');
    expect(token?.body).toBe('grant_type=client_credentials&scope=api+openid');
    expect(token?.authorization).toMatch(/^Basic /);
    expect(result.stdout + result.stderr).not.toContain(server.clientSecret);
    expect((JSON.parse(result.stdout) as { provider: string }).provider).toBe('acme');
  });

  it('endpoints one by one, clientSecretFile and clientAuth post, the code grant over --authorize http; a flag wins over the file', async () => {
    server = await startTestServer();
    const secretFile = join(dir, 'secret.txt');
    writeFileSync(secretFile, `${server.clientSecret}\n`);
    chmodSync(secretFile, 0o600);
    const file = profile({
      endpoints: { authorization: `${server.issuer}/authorize`, token: `${server.issuer}/token` },
      clientId: server.clientId,
      clientSecretFile: 'secret.txt',
      clientAuth: 'client_secret_post',
      scope: 'profile',
      pkce: 'S256',
      authorizeParams: { prompt: 'consent' },
    });
    const result = await runBin(['flow', '--provider', file, '--authorize', 'http', '--scope', 'api', '--json'], { env: ledger() });
    expect(result.code, result.stderr).toBe(0);
    const authorize = server.log.find((l) => l.path === '/authorize');
    expect(authorize).toBeDefined();
    const token = server.log.find((l) => l.path === '/token');
    expect(token?.authorization).toBeUndefined();
    expect(token?.body).toMatch(/client_secret=/);
    const report = JSON.parse(result.stdout) as { steps: { name: string; request?: { url: string } }[] };
    const url = new URL(report.steps.find((s) => s.name === 'authorize')?.request?.url ?? 'http://x');
    expect(url.searchParams.get('scope')).toBe('api');
    expect(url.searchParams.get('prompt')).toBe('consent');
    expect(result.stdout + result.stderr).not.toContain(server.clientSecret);
  });

  it('every problem at once, one line each with line and column; no line quotes the file (a secret typed into the wrong field stays unsaid)', async () => {
    const planted = 'hunter2-PLANTED-secret';
    const file = profile(`{
  "protocol": "oauth2",
  "issuer": "not a url",
  "clientId": "${planted}x",
  "clientAuth": "${planted}",
  "token_endpoint": "https://as.example.com/token",
  "endpoints": { "tokn": "https://as.example.com/t" },
  "scope": 7,
  "pkce": "S512"
}`);
    const result = await runBin(['flow', '--provider', file]);
    expect(result.code).toBe(2);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/has 6 problems/);
    expect(lines.slice(1)).toEqual([
      `  ${file}:3:3: "issuer" must be an absolute http(s) URL`,
      `  ${file}:5:3: "clientAuth" must be basic, post, none, private-key-jwt, client-secret-jwt`,
      `  ${file}:6:3: unknown field "token_endpoint" (did you mean endpoints.token?)`,
      `  ${file}:7:18: "endpoints.tokn" is not authorization, token, deviceAuthorization, par, revocation, introspection, userinfo, jwks`,
      `  ${file}:8:3: "scope" must be a string or a list of strings without spaces`,
      `  ${file}:9:3: "pkce" must be S256, plain, off`,
    ]);
    expect(result.stderr).not.toContain(planted);
    expect(result.stderr).not.toContain('not a url');
  });

  it('broken JSON is told by place, without quoting it', async () => {
    const file = profile('{\n  "protocol": "oauth2",\n  "clientSecret": s3cr3t-value\n}');
    const result = await runBin(['flow', '--provider', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}:3:19: expected`);
    expect(result.stderr).not.toContain('s3cr3t');
  });
});
