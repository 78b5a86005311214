import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import * as oauth from 'oauth4webapi';
import { describe, expect, it } from 'vitest';
import { applyClientAuth, basicCredentials } from '../../src/oauth2/client-auth.js';
import { lintMetadata, readMetadata, wellKnownUrls } from '../../src/oauth2/discovery.js';
import { encodeForm } from '../../src/oauth2/form.js';
import { checkPkce, codeChallenge, createPkce } from '../../src/oauth2/pkce.js';
import { authorizationPairs, authorizationUrl, codeExchangePairs, formPost } from '../../src/oauth2/requests.js';
import { parseTokenResponse, readCallback } from '../../src/oauth2/responses.js';
import { decodeToken, verifyIdToken } from '../../src/oauth2/jwt.js';
import type { HttpResponse } from '../../src/http/types.js';
import { runPython } from './python.js';

const SCRIPT = fileURLToPath(new URL('./crosscheck.py', import.meta.url));
const response = (status: number, body: string, headers: Record<string, string> = {}): HttpResponse => ({ status, headers, body, encoding: 'utf-8', bodyBytes: body.length, keptBytes: body.length, truncated: false });

interface Crosscheck {
  authlib: string;
  pkce: string[];
  assertions: ({ ok: true; claims: Record<string, unknown>; header: Record<string, unknown> } | { ok: false; error: string })[];
  basic: [string, string][];
}

describe('PKCE (RFC 7636)', () => {
  it('S256 of Appendix B’s verifier is Appendix B’s challenge', () => {
    expect(codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('a pair made here is S256 unless plain is asked, well formed, and checks locally', () => {
    const pair = createPkce(randomBytes(32));
    expect(pair.method).toBe('S256');
    expect(checkPkce(pair.verifier, pair.challenge)).toMatchObject({ matches: true, wellFormed: true });
    expect(checkPkce(createPkce(randomBytes(32)).verifier, pair.challenge).matches).toBe(false);
    const plain = createPkce(randomBytes(32), 'plain');
    expect(plain.challenge).toBe(plain.verifier);
    expect(checkPkce('short', codeChallenge('short')).wellFormed).toBe(false);
  });

  it('agrees with oauth4webapi and with Authlib on 20 random verifiers', async () => {
    const verifiers = Array.from({ length: 20 }, () => createPkce(randomBytes(32 + Math.floor(Math.random() * 64))).verifier);
    const python = await runPython<Crosscheck>(SCRIPT, { pkce: verifiers });
    for (const [i, verifier] of verifiers.entries()) {
      expect(codeChallenge(verifier)).toBe(await oauth.calculatePKCECodeChallenge(verifier));
      expect(codeChallenge(verifier)).toBe(python.pkce[i]);
    }
  });
});

describe('discovery', () => {
  it('builds OIDC’s appended URL and RFC 8414’s inserted one (§3.1), with and without a path', () => {
    expect(wellKnownUrls('https://as.example')).toEqual([
      { kind: 'openid-configuration', url: 'https://as.example/.well-known/openid-configuration' },
      { kind: 'oauth-authorization-server', url: 'https://as.example/.well-known/oauth-authorization-server' },
    ]);
    expect(wellKnownUrls('https://as.example/tenant/v2/').map((w) => w.url)).toEqual([
      'https://as.example/tenant/v2/.well-known/openid-configuration',
      'https://as.example/.well-known/oauth-authorization-server/tenant/v2',
    ]);
  });

  it('compares issuer exactly (RFC 8414 §3.3): a trailing slash is another issuer, as for oauth4webapi', async () => {
    const body = JSON.stringify({ issuer: 'https://as.example/t/', token_endpoint: 'https://as.example/token', grant_types_supported: 'nope' });
    const reading = readMetadata(body, 'https://as.example/t');
    expect(reading).toMatchObject({ ok: true, issuer: 'slash-only' });
    if (reading.ok) expect(reading.metadata.grant_types_supported).toBeUndefined();
    await expect(oauth.processDiscoveryResponse(new URL('https://as.example/t'), new Response(body, { headers: { 'content-type': 'application/json' } }))).rejects.toThrow();
    expect(readMetadata(body, 'https://as.example/t/')).toMatchObject({ ok: true, issuer: 'same' });
    expect(readMetadata(body, 'https://as.example/u')).toMatchObject({ ok: true, issuer: 'different' });
    expect(readMetadata('<html>', 'x')).toEqual({ ok: false, reason: 'not-json' });
    expect(readMetadata('{"token_endpoint":"x"}', 'x')).toEqual({ ok: false, reason: 'no-issuer' });
  });

  it('lints every problem at once against what the run asks', () => {
    const metadata = {
      issuer: 'https://as.example',
      token_endpoint: 'http://as.example/token',
      grant_types_supported: ['authorization_code'],
      token_endpoint_auth_methods_supported: ['client_secret_basic'],
      code_challenge_methods_supported: ['S256'],
      scopes_supported: ['openid'],
      require_pushed_authorization_requests: true,
    };
    const codes = lintMetadata(metadata, { grantType: 'authorization_code', clientAuth: 'private_key_jwt', pkceMethod: 'plain', scopes: ['openid', 'email'], endpoints: ['token_endpoint', 'authorization_endpoint'] }, 'https://as.example/').map((f) => f.code);
    expect(codes.sort()).toEqual(['auth-method-not-offered', 'endpoint-missing', 'endpoint-not-https', 'issuer-mismatch', 'par-required', 'pkce-method-not-offered', 'scope-not-offered']);
    // RFC 8414 §2 defaults: client_secret_basic, authorization_code.
    expect(lintMetadata({ issuer: 'i' }, { grantType: 'client_credentials', clientAuth: 'client_secret_basic', endpoints: [] }).map((f) => f.code)).toEqual(['grant-not-offered']);
    expect(lintMetadata({ issuer: 'i' }, { grantType: 'authorization_code', pkceMethod: 'S256', endpoints: [] }).map((f) => f.code)).toEqual(['pkce-not-advertised']);
  });
});

describe('client authentication', () => {
  const context = { audience: 'token-endpoint' as const, issuer: 'https://as.example', tokenEndpoint: 'https://as.example/token', now: 1_800_000_000, jti: 'jti-1' };

  it('client_secret_basic form-encodes id and secret before base64 (RFC 6749 §2.3.1), read back as a server reads it', async () => {
    const header = basicCredentials('my client:1', 'pa ss/+%=é');
    expect(header).toBe(`Basic ${Buffer.from('my+client%3A1:pa+ss%2F%2B%25%3D%C3%A9').toString('base64')}`);
    const python = await runPython<Crosscheck>(SCRIPT, { basic: [header] });
    expect(python.basic).toEqual([['my client:1', 'pa ss/+%=é']]);
  });

  it('client_secret_post and none put the client in the body', async () => {
    expect((await applyClientAuth('client_secret_post', { clientId: 'c', clientSecret: 's' }, context)).form).toEqual([['client_id', 'c'], ['client_secret', 's']]);
    const none = await applyClientAuth('none', { clientId: 'c' }, context);
    expect(none).toMatchObject({ headers: {}, form: [['client_id', 'c']] });
    expect(formPost('https://as.example/token', [['grant_type', 'x y']], none).body).toBe('grant_type=x+y&client_id=c');
  });

  it('client_secret_jwt (HS256) and private_key_jwt (RS256, ES256, EdDSA) verify with PyJWT, aud as chosen', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const ed = generateKeyPairSync('ed25519');
    const hs = await applyClientAuth('client_secret_jwt', { clientId: 'cid', clientSecret: 'a-secret-of-at-least-32-bytes-long!!' }, context);
    const rs = await applyClientAuth('private_key_jwt', { clientId: 'cid', privateKey: rsa.privateKey, keyId: 'k1' }, { ...context, audience: 'issuer' });
    const es = await applyClientAuth('private_key_jwt', { clientId: 'cid', privateKey: ec.privateKey }, context);
    const eddsa = await applyClientAuth('private_key_jwt', { clientId: 'cid', privateKey: ed.privateKey }, context);
    const pem = (k: typeof rsa.publicKey) => k.export({ type: 'spki', format: 'pem' }).toString();
    const cases = [
      { jwt: hs.assertion?.jwt, key: 'a-secret-of-at-least-32-bytes-long!!', alg: 'HS256', aud: context.tokenEndpoint, iss: 'cid' },
      { jwt: rs.assertion?.jwt, key: pem(rsa.publicKey), alg: 'RS256', aud: context.issuer, iss: 'cid' },
      { jwt: es.assertion?.jwt, key: pem(ec.publicKey), alg: 'ES256', aud: context.tokenEndpoint, iss: 'cid' },
      { jwt: eddsa.assertion?.jwt, key: pem(ed.publicKey), alg: 'EdDSA', aud: context.tokenEndpoint, iss: 'cid' },
      // The audience a server that wants the issuer would check: refused.
      { jwt: es.assertion?.jwt, key: pem(ec.publicKey), alg: 'ES256', aud: context.issuer, iss: 'cid' },
    ];
    const python = await runPython<Crosscheck>(SCRIPT, { assertions: cases });
    expect(python.assertions.slice(0, 4).map((a) => a.ok)).toEqual([true, true, true, true]);
    expect(python.assertions[4]).toEqual({ ok: false, error: 'InvalidAudienceError' });
    const first = python.assertions[1];
    expect(first?.ok && first.claims).toEqual({ iss: 'cid', sub: 'cid', aud: 'https://as.example', jti: 'jti-1', iat: 1_800_000_000, exp: 1_800_000_060 });
    expect(first?.ok && first.header).toMatchObject({ alg: 'RS256', kid: 'k1', typ: 'JWT' });
    expect(rs.form.map(([n]) => n)).toEqual(['client_id', 'client_assertion_type', 'client_assertion']);
  });
});

describe('requests and responses', () => {
  it('builds the authorization URL in a fixed order, keeping the endpoint’s own query', () => {
    const pairs = authorizationPairs({ clientId: 'c', redirectUri: 'http://127.0.0.1:5000/callback', scope: 'openid email', state: 's1', nonce: 'n1', codeChallenge: 'ch' });
    expect(authorizationUrl('https://as.example/authorize?tenant=a', pairs)).toBe(
      'https://as.example/authorize?tenant=a&response_type=code&client_id=c&redirect_uri=http%3A%2F%2F127.0.0.1%3A5000%2Fcallback&scope=openid+email&state=s1&nonce=n1&code_challenge=ch&code_challenge_method=S256',
    );
    expect(encodeForm(codeExchangePairs('a b', 'r', undefined))).toBe('grant_type=authorization_code&code=a+b&redirect_uri=r');
  });

  it('reads a token response; a 200 with an error body is a refusal (GitHub)', () => {
    const ok = parseTokenResponse(response(200, '{"access_token":"at","token_type":"Bearer","expires_in":"3600","refresh_token":"rt","scope":"a b","x":1}'));
    expect(ok.ok && ok.value).toMatchObject({ accessToken: 'at', tokenType: 'Bearer', expiresIn: 3600, refreshToken: 'rt', scope: 'a b', extra: { x: 1 } });
    expect(parseTokenResponse(response(200, '{"error":"bad_verification_code","error_description":"The code passed is incorrect or expired."}'))).toEqual({
      ok: false,
      refusal: { error: 'bad_verification_code', description: 'The code passed is incorrect or expired.', uri: undefined, status: 200 },
    });
    expect(parseTokenResponse(response(400, '{"error":"invalid_grant"}'))).toMatchObject({ ok: false, refusal: { error: 'invalid_grant', status: 400 } });
    expect(parseTokenResponse(response(200, 'access_token=at&token_type=bearer'))).toMatchObject({ ok: true });
    expect(parseTokenResponse(response(200, '<html>'))).toMatchObject({ ok: false, refusal: { error: 'malformed-response' } });
    expect(parseTokenResponse(response(502, 'bad gateway'))).toMatchObject({ ok: false, refusal: { error: 'http-error', status: 502 } });
  });

  it('checks state and iss on the callback as oauth4webapi does (RFC 9207)', () => {
    const expected = { state: 's1', issuer: 'https://as.example', issRequired: true, receivedAt: 1 };
    const cases = [
      ['http://127.0.0.1/callback?code=c1&state=s1&iss=https%3A%2F%2Fas.example', undefined],
      ['http://127.0.0.1/callback?code=c1&state=s2&iss=https%3A%2F%2Fas.example', 'flow:state-mismatch'],
      ['http://127.0.0.1/callback?code=c1&state=s1&iss=https%3A%2F%2Fevil.example', 'flow:iss-mismatch'],
      ['http://127.0.0.1/callback?code=c1&state=s1', 'flow:iss-mismatch'],
      ['http://127.0.0.1/callback?error=access_denied&state=s1&iss=https%3A%2F%2Fas.example', 'access_denied'],
    ] as const;
    const as: oauth.AuthorizationServer = { issuer: 'https://as.example', authorization_response_iss_parameter_supported: true };
    for (const [url, error] of cases) {
      const reading = readCallback(url, expected);
      expect(reading.refusal?.error, url).toBe(error);
      if (error === undefined) expect(reading.code?.code).toBe('c1');
      let theirs: string | undefined;
      try {
        oauth.validateAuthResponse(as, { client_id: 'c' }, new URL(url), 's1');
      } catch (e) {
        theirs = e instanceof oauth.AuthorizationResponseError ? 'refused' : 'check-failed';
      }
      expect(theirs, url).toBe(error === undefined ? undefined : error === 'access_denied' ? 'refused' : 'check-failed');
    }
  });
});

describe('ID token verification', () => {
  it('checks signature, iss, aud, azp, exp, iat, nbf and nonce each on its own, with the server’s clock', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    const other = await generateKeyPair('RS256');
    const now = 1_800_000_000;
    const sign = (claims: Record<string, unknown>, key = privateKey) => new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).sign(key);
    const good = await sign({ iss: 'https://as.example', aud: 'c', sub: 'u', iat: now, exp: now + 300, nonce: 'n1' });
    const expected = { issuer: 'https://as.example', clientId: 'c', nonce: 'n1', now };
    const failed = async (token: string, extra: Partial<typeof expected> & { clockOffsetSec?: number } = {}) => (await verifyIdToken(token, { keys: [jwk] }, { ...expected, ...extra })).filter((c) => !c.ok).map((c) => c.check);
    expect(await failed(good)).toEqual([]);
    expect(await failed(good, { nonce: 'n2' })).toEqual(['nonce']);
    expect(await failed(good, { clockOffsetSec: 400 })).toEqual(['exp']);
    expect(await failed(good, { clockOffsetSec: -400 })).toEqual(['iat']);
    expect(await failed(await sign({ iss: 'https://as.example', aud: 'c', sub: 'u', iat: now, exp: now + 300, nonce: 'n1' }, other.privateKey))).toEqual(['signature']);
    expect(await failed(await sign({ iss: 'https://other', aud: ['c', 'd'], sub: 'u', iat: now, nbf: now + 100, exp: now + 300 }))).toEqual(['iss', 'azp', 'nbf', 'nonce']);
    expect(decodeToken('opaque-token')).toBeUndefined();
    expect(decodeToken(good)?.payload.sub).toBe('u');
  });
});
