// An OAuth 2.0 client's credentials never leave oauth-doctor in the clear:
// not the secret, not the Basic credentials made of it (RFC 6749 §2.3.1 — the
// base64 of id:secret, as replayable as the secret), not a client assertion.
// Run through the built CLI against `serve --oauth2` on 127.0.0.1, with
// --verbose (request headers shown) and --json (the steps' requests).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { serveOAuth2, type ServeProcess } from '../provider-oauth2/serve-process.js';

let serve: ServeProcess;
let issuer = '';
let clientId = '';
let secret = '';

beforeAll(async () => {
  serve = await serveOAuth2(['--auto-approve']);
  issuer = serve.line.issuer;
  clientId = serve.line.clients[0]?.clientId ?? '';
  secret = serve.line.clients[0]?.secret ?? '';
}, 30_000);
afterAll(async () => {
  await serve.stop();
});

/** Every spelling of the credentials a leak could take. */
function spellings(): string[] {
  const basic = Buffer.from(`${clientId}:${secret}`).toString('base64');
  return [secret, basic, basic.slice(0, 24), encodeURIComponent(secret)];
}

describe('OAuth 2.0 client credentials in flow output', () => {
  it.each(['basic', 'post', 'client-secret-jwt'])('--client-auth %s: the run succeeds and no spelling of the secret is printed', async (auth) => {
    const run = await runBin(['flow', '--issuer', issuer, '--client-id', clientId, '--client-auth', auth, '--grant', 'client-credentials', '--verbose', '--json'], {
      env: { OAUTH2_CLIENT_SECRET: secret },
      timeoutMs: 40_000,
    });
    expect(run.code, run.stderr).toBe(0);
    const steps = (JSON.parse(run.stdout) as { steps: { name: string }[] }).steps.map((s) => s.name);
    expect(steps).toEqual(['discovery', 'client-credentials']);
    for (const leak of spellings()) {
      expect(run.stdout.includes(leak), `stdout carries ${leak.slice(0, 4)}…`).toBe(false);
      expect(run.stderr.includes(leak), `stderr carries ${leak.slice(0, 4)}…`).toBe(false);
    }
    // The header is still shown, masked: the reader sees which authentication was sent.
    if (auth === 'basic') expect(run.stderr).toMatch(/authorization: Basic \S+/);
  });
});

describe('OAuth 2.0 credentials that travel besides the client secret', () => {
  it('the code flow under --verbose: the authorization code in Location and the login cookies are shown masked', async () => {
    const run = await runBin(['flow', '--issuer', issuer, '--client-id', clientId, '--authorize', 'http', '--scope', 'openid', '--verbose'], { env: { OAUTH2_CLIENT_SECRET: secret }, timeoutMs: 40_000 });
    expect(run.code, run.stderr).toBe(0);
    const codes = [...run.stderr.matchAll(/[?&]code=([^&\s"]+)/g)].map((m) => m[1] ?? '');
    expect(codes.length).toBeGreaterThan(0);
    // RFC 6749 §10.5: a code is a credential until it is exchanged.
    for (const code of codes) expect(code).toMatch(/…/);
    const cookies = [...run.stderr.matchAll(/^\s*(?:set-cookie|cookie): (.*)$/gim)].map((m) => m[1] ?? '');
    expect(cookies.length).toBeGreaterThan(0);
    // oidc-provider's cookies are _interaction, _interaction.sig, _session…: each value masked, its attributes (path=…) kept.
    for (const line of cookies) expect(line).not.toMatch(/_[\w.]+=(?!…)[^;\s]+/);
  });

  it('the code flow under --json: the steps’ headers carry the login cookies masked too', async () => {
    const run = await runBin(['flow', '--issuer', issuer, '--client-id', clientId, '--authorize', 'http', '--scope', 'openid', '--json'], { env: { OAUTH2_CLIENT_SECRET: secret }, timeoutMs: 40_000 });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/"(?:set-cookie|cookie)"/);
    expect(run.stdout).not.toMatch(/_interaction[\w.]*=(?!…)[^;\s"]+/);
  });

  it('a credential given as --token-param is masked like the one given by its own flag', async () => {
    const canary = 'tokparam-canary-9f3k2m';
    const run = await runBin(['flow', '--issuer', issuer, '--client-id', clientId, '--client-auth', 'post', '--grant', 'client-credentials', '--token-param', `client_assertion=${canary}`, '--verbose', '--json'], {
      env: { OAUTH2_CLIENT_SECRET: secret },
      timeoutMs: 40_000,
    });
    expect(run.stdout).not.toBe('');
    expect(run.stdout.includes(canary) || run.stderr.includes(canary)).toBe(false);
  });
});
