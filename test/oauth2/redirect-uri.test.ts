// One rule for what a redirect URI may be (src/oauth2/redirect-uri.ts):
// RFC 6749 §3.1.2 (absolute, no fragment), no userinfo (RFC 3986 §3.2.1,
// §7.6), http(s) or a private-use scheme in reverse domain name notation
// (RFC 8252 §7.1). The table first, then the built CLI: flow --callback and
// an OAuth 2.0 profile's redirectUri, against the test server on 127.0.0.1.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { redirectUriKind } from '../../src/oauth2/redirect-uri.js';
import { runBin } from '../helpers/cli.js';
import { startTestServer, type TestServer } from './test-server.js';
import { serveOAuth2 } from '../provider-oauth2/serve-process.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const dir = mkdtempSync(join(tmpdir(), 'od-redirect-'));
let files = 0;
function profile(content: unknown): string {
  const path = join(dir, `p${++files}.json`);
  writeFileSync(path, JSON.stringify(content, null, 2));
  chmodSync(path, 0o600);
  return path;
}
const ledger = () => ({ OAUTH_DOCTOR_LEDGER: join(dir, `ledger-${++files}.json`) });

describe('redirectUriKind', () => {
  const cases: [string, string][] = [
    ['https://app.example.com/cb', 'http'],
    ['http://127.0.0.1:8400/callback', 'http'],
    ['https://app.example.com/cb?tenant=a@b', 'http'],
    ['com.example.app:/callback', 'private-use'],
    ['com.googleusercontent.apps.123-abc:/oauth2redirect', 'private-use'],
    ['com.example.app://callback', 'private-use'],
    ['https://app.example.com/cb#frag', 'fragment'],
    ['https://app.example.com/cb#', 'fragment'],
    ['https://user@app.example.com/cb', 'user name'],
    ['https://user:pw@app.example.com/cb', 'user name'],
    ['https://@app.example.com/cb', 'user name'],
    ['https://app.example.com@evil.example/cb', 'user name'],
    ['com.example.app://user@host/cb', 'user name'],
    ['myapp:/callback', 'reverse domain'],
    ['javascript:alert(1)', 'reverse domain'],
    ['file:///etc/passwd', 'reverse domain'],
    ['/callback', 'absolute'],
    ['not a uri', 'absolute'],
    // URL would mend these into http://127.0.0.1/cb; the provider compares the string as registered.
    ['http:/127.0.0.1/cb', 'must follow "//"'],
    ['http:127.0.0.1/cb', 'must follow "//"'],
    ['http:\\\\127.0.0.1\\cb', 'must follow "//"'],
    ['https://app.example.com\\cb', 'paths use "/"'],
    ['http://127.0.0.1:99999/cb', 'has port 99999, and a port is at most 65535'],
    ['http://127.0.0.1:80a/cb', 'has a port that is not a number'],
    ['http://[::1]:70000/cb', 'has port 70000'],
    ['http://[::1]:8080/cb', 'http'],
    // URL drops these too (a tab or line break anywhere, a space or control at an end).
    ['http://127.0.0.1/ca\tllback', 'a tab, a line break'],
    ['http://127.0.0.1/call\nback', 'a tab, a line break'],
    [' http://127.0.0.1/callback', 'at an end'],
    ['com.example.app:/cb\u0000', 'at an end'],
  ];
  it.each(cases)('%s → %s', (value, expected) => {
    const reading = redirectUriKind(value);
    if ('kind' in reading) expect(reading.kind).toBe(expected);
    else expect(reading.problem).toContain(expected);
  });
});

describe('flow --callback URL and a profile\'s redirectUri', () => {
  it('a callback with userinfo or a fragment is refused before anything is sent: exit 2, one line naming the rule', async () => {
    server = await startTestServer();
    const cases = [
      ['https://me:pw@app.example.com/cb', 'https://…@app.example.com/cb', 'RFC 3986 §3.2.1'],
      ['https://app.example.com/cb#x', 'https://app.example.com/cb#x', 'RFC 6749 §3.1.2'],
      ['myapp:/cb', 'myapp:/cb', 'RFC 8252 §7.1'],
    ] as const;
    for (const [callback, shown, rule] of cases) {
      const result = await runBin(['flow', '--issuer', server.issuer, '--client-id', server.clientId, '--callback', callback, '--authorize', 'http'], { env: { OAUTH2_CLIENT_SECRET: server.clientSecret, ...ledger() } });
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain(`--callback "${shown}"`);
      expect(result.stderr).not.toContain('me:pw');
      expect(result.stderr).toContain(rule);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    expect(server.log).toEqual([]);
  });

  it('a private-use scheme (RFC 8252 §7.1) is a callback: the code grant over --authorize http reaches it and completes', async () => {
    server = await startTestServer();
    const result = await runBin(['flow', '--issuer', server.issuer, '--client-id', server.clientId, '--callback', 'com.example.app:/oauth2redirect', '--authorize', 'http', '--json'], { env: { OAUTH2_CLIENT_SECRET: server.clientSecret, ...ledger() } });
    expect(result.code, result.stderr).toBe(0);
    const token = server.log.find((l) => l.path === '/token');
    expect(new URLSearchParams(token?.body).get('redirect_uri')).toBe('com.example.app:/oauth2redirect');
    expect((JSON.parse(result.stdout) as { ok: boolean }).ok).toBe(true);
  });

  it('a profile: redirectUri with userinfo or a fragment is a problem line; clientAuth and token_endpoint_auth_method disagreeing is one too', async () => {
    const file = profile({ protocol: 'oauth2', issuer: 'https://as.example.com', clientId: 'app', redirectUri: 'https://me:pw@app.example.com/cb', clientAuth: 'basic', token_endpoint_auth_method: 'client_secret_post' });
    const result = await runBin(['flow', '--provider', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/has 2 problems/);
    expect(result.stderr).toContain('"redirectUri" has a user name or password before the host');
    expect(result.stderr).toContain('"clientAuth" and "token_endpoint_auth_method" name different client authentications');
    // The value is never quoted (a password typed into it stays unsaid).
    expect(result.stderr).not.toContain('me:pw');
  });

  it('a profile: a private-use redirectUri and token_endpoint_auth_method (RFC 7591 §2) are taken; client_secret_post puts the secret in the body', async () => {
    server = await startTestServer();
    const file = profile({ protocol: 'oauth2', issuer: server.issuer, clientId: server.clientId, redirectUri: 'com.example.app:/cb', token_endpoint_auth_method: 'client_secret_post', clientSecretEnv: 'APP_SECRET' });
    const result = await runBin(['flow', '--provider', file, '--authorize', 'http'], { env: { APP_SECRET: server.clientSecret, ...ledger() } });
    expect(result.code, result.stderr).toBe(0);
    const token = server.log.find((l) => l.path === '/token');
    expect(token?.authorization).toBeUndefined();
    const form = new URLSearchParams(token?.body);
    expect(form.get('client_secret')).toBe(server.clientSecret);
    expect(form.get('redirect_uri')).toBe('com.example.app:/cb');
    expect(result.stdout + result.stderr).not.toContain(server.clientSecret);
  });
});

describe('serve --oauth2 --redirect-uri and the generated demo client', () => {
  it('with no --client, the demo client is registered with the given redirect URI, and the loopback default is gone', async () => {
    const serve = await serveOAuth2(['--auto-approve', '--redirect-uri', 'https://app.example.com/cb']);
    try {
      const client = serve.line.clients[0];
      expect(client?.generated).toBe(true);
      expect((client as { redirectUris?: string[] } | undefined)?.redirectUris).toEqual(['https://app.example.com/cb']);
      const ask = (redirectUri: string) => fetch(`${serve.line.endpoints['authorization'] ?? ''}?${new URLSearchParams({ client_id: client?.clientId ?? '', response_type: 'code', scope: 'openid', redirect_uri: redirectUri })}`, { redirect: 'manual' });
      const given = await ask('https://app.example.com/cb');
      expect(given.status).toBeGreaterThanOrEqual(300);
      expect(given.status).toBeLessThan(400);
      const loopback = await ask('http://127.0.0.1/callback');
      expect(loopback.status).toBe(400);
      expect(loopback.headers.get('location')).toBeNull();
    } finally {
      await serve.stop();
    }
  }, 40_000);
});

describe('serve --oauth2 and a redirect URI with userinfo', () => {
  it('--redirect-uri with user@ is refused at start (one line, the user part not quoted); an authorize request naming one is not redirected to', async () => {
    const refused = await runBin(['serve', '--oauth2', '--json', '--redirect-uri', 'http://alice:pw@127.0.0.1/callback'], { timeoutMs: 15_000 });
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toEqual([expect.stringContaining('--redirect-uri "http://…@127.0.0.1/callback" has a user name or password before the host')]);
    expect(refused.stderr).not.toContain('alice:pw');

    const serve = await serveOAuth2(['--auto-approve']);
    try {
      const clientId = serve.line.clients[0]?.clientId ?? '';
      const ask = (redirectUri: string) => fetch(`${serve.line.endpoints['authorization'] ?? ''}?${new URLSearchParams({ client_id: clientId, response_type: 'code', scope: 'openid', redirect_uri: redirectUri, code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256' })}`, { redirect: 'manual' });
      // The registered loopback URI (any port, RFC 8252 §7.3) is redirected to; the same with a user part before the host is not.
      const good = await ask('http://127.0.0.1:51234/callback');
      expect(good.status).toBeGreaterThanOrEqual(300);
      expect(good.status).toBeLessThan(400);
      const bad = await ask('http://evil@127.0.0.1:51234/callback');
      expect(bad.status).toBe(400);
      expect(bad.headers.get('location')).toBeNull();
    } finally {
      await serve.stop();
    }
  }, 40_000);
});
