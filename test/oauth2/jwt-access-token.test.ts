// Issue 18 item 4, JWT access tokens: flow decodes one (header and claims,
// the signature left out, the token itself masked) and verifies it with the
// ID token's code against the issuer's JWKS, times by the server's clock;
// an opaque token stays opaque. Built CLI against test-server.ts on 127.0.0.1.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAccessToken, verifyIdToken } from '../../src/oauth2/jwt.js';
import { runBin } from '../helpers/cli.js';
import { startTestServer, type TestServer } from './test-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const ledger = () => ({ OAUTH_DOCTOR_LEDGER: join(mkdtempSync(join(tmpdir(), 'od-atjwt-')), 'ledger.json') });
const flow = (s: TestServer, args: string[]) => runBin(['flow', '--issuer', s.issuer, '--client-id', s.clientId, ...args], { env: { OAUTH2_CLIENT_SECRET: s.clientSecret, ...ledger() }, timeoutMs: 30_000 });

interface Report { ok: boolean; steps: { name: string; ok: boolean; notes: string[]; working?: { label: string; value: string }[] }[]; tokens?: { access_token?: string } }

describe('a JWT access token in flow (RFC 9068)', () => {
  it('client credentials: the header and claims shown, the signature, iss and times verified against the JWKS', async () => {
    server = await startTestServer({ jwtAccessToken: 'signed' });
    const result = await flow(server, ['--grant', 'client-credentials', '--scope', 'api']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('Access token (JWT)');
    expect(result.stderr).toMatch(/header +\{"alg":"RS256","kid":"test-key","typ":"at\+jwt"\}/);
    expect(result.stderr).toMatch(/claims +\{.*"client_id":"test-client".*"aud":"https:\/\/api\.example"/);
    expect(result.stderr).toMatch(/signature +256 bytes \(not shown\)/);
    expect(result.stderr).toContain('typ at+jwt: a JWT access token by RFC 9068 §2.1');
    expect(result.stderr).toContain('✓ signature: RS256 with key test-key verifies');
    expect(result.stderr).toContain('✓ iss: iss is the issuer');
    expect(result.stderr).toMatch(/✓ exp: expires in (29\d|30\d) s/);
    // The token itself is never printed: only its decoded parts.
    expect(result.stderr + result.stdout).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]{20,}/);
  });

  it('a token signed with a key the JWKS lacks is reported, and the run goes on (exit 0): the resource server judges it', async () => {
    server = await startTestServer({ jwtAccessToken: 'wrong-key' });
    const result = await flow(server, ['--grant', 'client-credentials', '--scope', 'api', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    const step = report.steps.find((s) => s.name === 'access-token');
    expect(step?.notes.join('\n')).toMatch(/signature: does not verify \(ERR_JWS_SIGNATURE_VERIFICATION_FAILED\)/);
    expect(step?.notes.join('\n')).toContain("an access token is its resource server's to judge");
    // The JWKS was fetched once, under this step (no ID token in a client-credentials answer).
    expect(server.log.filter((l) => l.path === '/jwks')).toHaveLength(1);
    expect(result.stdout).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]{20,}/);
  });

  it("times are judged by the server's clock (Date): a token valid there but expired by this machine's clock passes", async () => {
    server = await startTestServer({ jwtAccessToken: 'signed', clockSkewSec: -600 });
    const result = await flow(server, ['--grant', 'client-credentials', '--scope', 'api']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/✓ exp: expires in (29\d|30\d) s \(by the server's clock, -(59\d|60\d) s from this one\)/);
    expect(result.stderr).toMatch(/✓ iat: issued (\d s ago|1 s ahead of the server's clock, within the 30 s allowed) \(by the server's clock/);
  });

  it('code grant with openid: one JWKS fetch serves the ID token and the access token', async () => {
    server = await startTestServer({ jwtAccessToken: 'signed' });
    const result = await flow(server, ['--grant', 'code', '--authorize', 'http', '--scope', 'openid api', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.steps.map((s) => s.name)).toEqual(expect.arrayContaining(['jwks', 'access-token']));
    expect(server.log.filter((l) => l.path === '/jwks')).toHaveLength(1);
    expect(report.steps.find((s) => s.name === 'access-token')?.notes.join('\n')).toContain('signature: RS256 with key test-key verifies');
  });

  it('refresh: the new access token is decoded too', async () => {
    server = await startTestServer({ jwtAccessToken: 'signed' });
    const result = await flow(server, ['--grant', 'code', '--authorize', 'http', '--scope', 'api', '--then', 'refresh', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.steps.filter((s) => s.name === 'access-token')).toHaveLength(2);
  });

  it('an opaque access token stays opaque: no decoding step, no JWKS fetch', async () => {
    server = await startTestServer();
    const result = await flow(server, ['--grant', 'client-credentials', '--scope', 'api', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.steps.map((s) => s.name)).not.toContain('access-token');
    expect(server.log.filter((l) => l.path === '/jwks')).toHaveLength(0);
  });
});

describe('one verifier for both kinds of token (pure)', () => {
  it('the same iss and time checks, the ID token adding aud and nonce', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' }] };
    const now = 1_800_000_000;
    const token = await new SignJWT({ sub: 'a' }).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setIssuer('https://as.example').setAudience('c1').setIssuedAt(now - 10).setExpirationTime(now - 100).sign(privateKey);
    const access = await verifyAccessToken(token, jwks, { issuer: 'https://as.example', now, algorithms: ['ES256'] });
    const id = await verifyIdToken(token, jwks, { issuer: 'https://as.example', clientId: 'c1', now, algorithms: ['ES256'] });
    expect(access.map((c) => `${c.check}:${c.ok}`)).toEqual(['signature:true', 'iss:true', 'exp:false', 'iat:true']);
    expect(id.map((c) => `${c.check}:${c.ok}`)).toEqual(['signature:true', 'iss:true', 'aud:true', 'exp:false', 'iat:true']);
    expect(access.find((c) => c.check === 'exp')?.detail).toBe(id.find((c) => c.check === 'exp')?.detail);
    // Without an issuer to judge by, iss is shown in the claims, not checked.
    expect((await verifyAccessToken(token, jwks, { now: now - 200 })).map((c) => c.check)).toEqual(['signature', 'exp', 'iat']);
  });
});

describe('a JWT access token in request --bearer / --as', () => {
  const tokenFrom = async (s: TestServer): Promise<string> => {
    const basic = `Basic ${Buffer.from(`${s.clientId}:${s.clientSecret}`).toString('base64')}`;
    const answer = await fetch(`${s.issuer}/token`, { method: 'POST', headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials&scope=openid' });
    return ((await answer.json()) as { access_token: string }).access_token;
  };
  const profileOf = (s: TestServer): string => {
    const dir = mkdtempSync(join(tmpdir(), 'od-atjwt-p-'));
    const file = join(dir, 'as.json');
    writeFileSync(file, JSON.stringify({ protocol: 'oauth2', issuer: s.issuer, clientId: s.clientId }), { mode: 0o600 });
    return file;
  };

  it('--provider FILE naming the issuer: discovered, the JWKS fetched, the token verified; never printed', async () => {
    server = await startTestServer({ jwtAccessToken: 'signed', clockSkewSec: -600 });
    const token = await tokenFrom(server);
    const result = await runBin(['request', '--bearer', token, '--provider', profileOf(server), `${server.issuer}/userinfo`]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/Access token \(JWT\) {2}issuer http:\/\/127\.0\.0\.1:\d+/);
    expect(result.stderr).toMatch(/header +\{"alg":"RS256","kid":"test-key","typ":"at\+jwt"\}/);
    expect(result.stderr).toContain('✓ signature: RS256 with key test-key verifies');
    expect(result.stderr).toMatch(/✓ exp: expires in \d+ s \(by the server's clock, -(59\d|60\d) s from this one\)/);
    expect(server.log.map((l) => l.path)).toEqual(['/token', '/userinfo', '/.well-known/openid-configuration', '/jwks']);
    expect(result.stderr + result.stdout).not.toContain(token);
  });

  it('--json: the decoded token and its checks; a wrong key is a failed check, not a failed call', async () => {
    server = await startTestServer({ jwtAccessToken: 'wrong-key' });
    const token = await tokenFrom(server);
    const result = await runBin(['request', '--json', '--bearer', token, '--provider', profileOf(server), `${server.issuer}/userinfo`]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { accessToken: { header: { typ: string }; claims: { client_id: string }; checks: { check: string; ok: boolean }[] } };
    expect(report.accessToken.header.typ).toBe('at+jwt');
    expect(report.accessToken.claims.client_id).toBe('test-client');
    expect(report.accessToken.checks.find((c) => c.check === 'signature')?.ok).toBe(false);
    expect(result.stdout).not.toContain(token);
  });

  it('no issuer known: decoded, and said not verified; an opaque token: nothing decoded (accessToken null)', async () => {
    server = await startTestServer({ jwtAccessToken: 'signed' });
    const token = await tokenFrom(server);
    const jwt = await runBin(['request', '--bearer', token, `${server.issuer}/userinfo`]);
    expect(jwt.code, jwt.stderr).toBe(0);
    expect(jwt.stderr).toContain('not verified: no issuer known to verify it against');
    await server.close();
    server = await startTestServer();
    const opaque = await runBin(['request', '--json', '--bearer', await tokenFrom(server), `${server.issuer}/userinfo`]);
    expect(opaque.code, opaque.stderr).toBe(0);
    expect((JSON.parse(opaque.stdout) as { accessToken: unknown }).accessToken).toBeNull();
    expect(server.log.some((l) => l.path === '/jwks')).toBe(false);
  });
});
