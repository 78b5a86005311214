// A client assertion from a clock 10 minutes ahead (RFC 7523 §3: nbf/iat in
// the provider's future), refused by the engine as "jwt not active yet", in
// each dialect: one `serve --oauth2 --client-jwks` of the built CLI, the
// dialect switched live through the admin endpoint, raw HTTP from the test.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { serveOAuth2, type ServeProcess } from './serve-process.js';

const CLIENT = 'skewed-app';
let serve: ServeProcess;
let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

beforeAll(async () => {
  const pair = await generateKeyPair('ES256');
  privateKey = pair.privateKey;
  const dir = mkdtempSync(join(tmpdir(), 'dialect-assertion-'));
  const jwks = join(dir, 'jwks.json');
  writeFileSync(jwks, JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), alg: 'ES256', use: 'sig', kid: 'k1' }] }));
  serve = await serveOAuth2(['--client-jwks', `${CLIENT}:${jwks}`]);
}, 30_000);

afterAll(async () => {
  await serve.stop();
});

async function refusedAssertion(dialect: string): Promise<{ status: number; contentType: string; body: string }> {
  const set = await fetch(`${serve.line.endpoints['admin']}/settings`, { method: 'POST', body: new URLSearchParams({ dialect }) });
  expect(set.status).toBe(200);
  const token = serve.line.endpoints['token'] ?? '';
  const ahead = Math.floor(Date.now() / 1000) + 600;
  const assertion = await new SignJWT({})
    .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
    .setIssuer(CLIENT)
    .setSubject(CLIENT)
    .setAudience(token)
    .setJti(crypto.randomUUID())
    .setIssuedAt(ahead)
    .setNotBefore(ahead)
    .setExpirationTime(ahead + 300)
    .sign(privateKey);
  const answer = await fetch(token, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: CLIENT, client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: assertion }),
  });
  return { status: answer.status, contentType: answer.headers.get('content-type') ?? '', body: await answer.text() };
}

const EXPECTED: [dialect: string, status: number, error: string, description: RegExp][] = [
  ['rfc6749', 401, 'invalid_client', /^client authentication failed$/],
  ['google', 400, 'invalid_grant', /^Invalid JWT: Token must be a short-lived token \(60 minutes\) and in a reasonable timeframe\./],
  ['entra', 401, 'invalid_client', /^AADSTS700024: Client assertion is not within its valid time range\. Current time: \S+Z, assertion valid from \S+Z, expiry time of assertion \S+Z\./],
  ['keycloak', 400, 'invalid_client', /^Client authentication with signed JWT failed: Token is not active$/],
  ['auth0', 401, 'access_denied', /^Unauthorized$/],
  ['x', 401, 'unauthorized_client', /^Missing valid authorization header$/],
];

describe('a client assertion from a clock ahead, in each dialect', () => {
  it.each(EXPECTED)('%s answers %i %s', async (dialect, status, error, description) => {
    const answer = await refusedAssertion(dialect);
    expect(answer.status, answer.body).toBe(status);
    const body = JSON.parse(answer.body) as { error: string; error_description: string };
    expect(body.error).toBe(error);
    expect(body.error_description).toMatch(description);
    // Entra prints the assertion's own times: valid from 10 minutes after the current time.
    if (dialect === 'entra') {
      const [, now, from] = /Current time: (\S+), assertion valid from (\S+),/.exec(body.error_description) ?? [];
      expect(Date.parse(from ?? '') - Date.parse(now ?? '')).toBeGreaterThan(590_000);
    }
    // explain: where the provider's words speak of time, the clock is the first suspect.
    if (['google', 'entra', 'keycloak'].includes(dialect)) {
      const read = await runCli(['explain', '-', '--json'], { input: `HTTP/1.1 ${answer.status} X\r\nContent-Type: ${answer.contentType}\r\n\r\n${answer.body}` });
      const causes = (JSON.parse(read.stdout) as { causes: { id: string }[] }).causes.map((c) => c.id);
      expect(causes[0], causes.join(', ')).toBe('clock-skew');
    }
  });
});

// An authorization request whose redirect_uri the client never registered: no redirect is allowed
// (RFC 6749 §4.1.2.1), so each provider shows its own page — GitHub instead redirects to the callback
// that is registered, with the error.
const PAGES: [dialect: string, status: number, shows: RegExp | null][] = [
  ['rfc6749', 400, /invalid_redirect_uri/],
  ['google', 400, /Error 400: redirect_uri_mismatch/],
  ['entra', 400, /AADSTS50011: The redirect URI (?:&#39;|&#x27;|')http:\/\/attacker\.example\/cb(?:&#39;|&#x27;|') specified in the request does not match/],
  ['keycloak', 400, /Invalid parameter: redirect_uri/],
  ['auth0', 400, /Callback URL mismatch\./],
  ['github', 302, null],
];

describe('an unregistered redirect_uri at the authorization endpoint, in each dialect', () => {
  it.each(PAGES)('%s answers %i', async (dialect, status, shows) => {
    await fetch(`${serve.line.endpoints['admin']}/settings`, { method: 'POST', body: new URLSearchParams({ dialect }) });
    const url = new URL(serve.line.endpoints['authorization'] ?? '');
    for (const [k, v] of Object.entries({ client_id: CLIENT, response_type: 'code', scope: 'openid', redirect_uri: 'http://attacker.example/cb', state: 's-1', code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256' })) url.searchParams.set(k, v);
    const answer = await fetch(url, { redirect: 'manual', headers: { accept: 'text/html' } });
    const body = await answer.text();
    expect(answer.status, body).toBe(status);
    if (shows === null) {
      // GitHub: back to the registered callback (the loopback default), never to the unregistered one.
      const location = new URL(answer.headers.get('location') ?? '');
      expect(`${location.origin}${location.pathname}`).toBe('http://127.0.0.1/callback');
      expect(Object.fromEntries(location.searchParams)).toEqual({ error: 'redirect_uri_mismatch', error_description: 'The redirect_uri MUST match the registered callback URL for this application.', error_uri: 'https://docs.github.com/apps/managing-oauth-apps/troubleshooting-authorization-request-errors/#redirect-uri-mismatch', state: 's-1' });
      const read = await runCli(['explain', location.search.slice(1), '--json']);
      expect((JSON.parse(read.stdout) as { causes: { id: string }[] }).causes[0]?.id).toBe('redirect-mismatch');
      return;
    }
    expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
    expect(body).toMatch(shows);
    if (dialect === 'rfc6749') return;
    const read = await runCli(['explain', '-', '--json'], { input: `HTTP/1.1 ${status} X\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${body}` });
    const causes = (JSON.parse(read.stdout) as { causes: { id: string }[] }).causes.map((c) => c.id);
    // Auth0's page has no OAuth 2.0 code in it; its redirect words in an OAuth 2.0 page read as the redirect_uri mismatch.
    expect(causes, `${dialect}: ${causes.join(', ')}`).toContain('redirect-mismatch');
  });
});
