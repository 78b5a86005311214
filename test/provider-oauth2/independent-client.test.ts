// Issue 19's done-when: an independent OAuth 2 client on every endpoint and
// grant of `serve --oauth2`. drills.py (Authlib, PyJWT, requests from Debian)
// runs what fault-switches.test.ts does not: PAR (RFC 9126), private_key_jwt
// (RFC 7523 §2.2) with the client's JWK Set given to serve, client_secret_jwt,
// the device grant to the end (RFC 8628: the person on the verification page,
// then the poll gets tokens), a person on the login and consent pages, and the
// refusals of userinfo, introspection and revocation. Every refusal is read
// twice: on the wire, and as the engine's own reason (/admin/state's
// groundTruth), so a drill fails when a wrong key or secret would be accepted.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDrills, type Drill } from './run-drills.js';
import { serveOAuth2, type ServeProcess } from './serve-process.js';

const SECRET = 'drill-secret-0123456789abcdef0123456789';
const KEY_CLIENT = 'drill-keys';

/** A key pair: the public JWK for serve's --client-jwks, the private PEM for the Python client. */
function keyPair(type: 'rsa' | 'ec', kid: string) {
  const { publicKey, privateKey } = type === 'rsa' ? generateKeyPairSync('rsa', { modulusLength: 2048 }) : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { jwk: { ...publicKey.export({ format: 'jwk' }), kid, alg: type === 'rsa' ? 'RS256' : 'ES256', use: 'sig' }, pem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() };
}

const DRILL_NAMES = ['private-key-jwt', 'client-secret-jwt', 'par', 'par-required', 'device-complete', 'person-code-flow', 'endpoint-refusals'] as const;

let dir: string;
let serve: ServeProcess;
let drills: Record<string, Drill>;
let seconds: Record<string, number>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'op2-drills-'));
  const rsa = keyPair('rsa', 'rsa-1');
  const ec = keyPair('ec', 'ec-1');
  // Same type and kid as the registered RSA key: only the signature can tell them apart.
  const wrong = keyPair('rsa', 'rsa-1');
  const jwks = join(dir, 'client-jwks.json');
  writeFileSync(jwks, JSON.stringify({ keys: [rsa.jwk, ec.jwk] }));
  serve = await serveOAuth2(['--auto-approve', '--client', `drill-app:${SECRET}`, '--public-client', 'drill-public', '--client-jwks', `${KEY_CLIENT}:${jwks}`]);
  ({ results: drills, seconds } = await runDrills(
    { issuer: serve.line.issuer, clientId: 'drill-app', secret: SECRET, publicClientId: 'drill-public', keyClientId: KEY_CLIENT, keys: { rsa: rsa.pem, ec: ec.pem, wrong: wrong.pem } },
    DRILL_NAMES,
  ));
}, 90_000);
afterAll(async () => {
  await serve?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function drill(name: (typeof DRILL_NAMES)[number]): Drill {
  const result = drills[name];
  expect(result, name).toBeDefined();
  expect(result?.exception, `${name} raised`).toBeUndefined();
  return result ?? {};
}
const refused = (status: number, error: string) => ({ status, error });
const INVALID_CLIENT = refused(401, 'invalid_client');

describe('client authentication by assertion (RFC 7523 §2.2), from Authlib and PyJWT', () => {
  it('the start line names private_key_jwt for the client registered with --client-jwks', () => {
    expect(serve.line.clients.find((c) => c.clientId === KEY_CLIENT)).toMatchObject({ public: false, authMethods: ['private_key_jwt'] });
  });

  it('private_key_jwt: client credentials, a code grant with PKCE, introspection and revocation (Authlib, RS256); ES256 from PyJWT', () => {
    const d = drill('private-key-jwt');
    expect(d).toMatchObject({ clientCredentials: true, code: ['access_token', 'id_token', 'refresh_token'], active: true, revoke: 200, refreshAfterRevoke: 'invalid_grant', es256: 200 });
  });

  it('private_key_jwt refusals: a key serve was never given, another audience, an expired or replayed assertion, a guessed secret — each invalid_client with the engine\'s reason', () => {
    const d = drill('private-key-jwt');
    expect(d['refusals']).toEqual({ wrongKey: INVALID_CLIENT, wrongAudience: INVALID_CLIENT, expired: INVALID_CLIENT, replayedJti: INVALID_CLIENT, secretInstead: INVALID_CLIENT });
    expect(d['truth']).toEqual([
      'signature verification failed',
      'audience (aud) must equal the endpoint url, issuer identifier or token endpoint url',
      'jwt expired',
      'client assertion tokens must only be used once',
      'the provided authentication mechanism does not match the registered client authentication method',
    ]);
  });

  it('client_secret_jwt (Authlib, HS256): a code grant, introspection, revocation; an assertion signed with another secret is refused', () => {
    expect(drill('client-secret-jwt')).toEqual({ code: true, active: true, revoke: 200, activeAfterRevoke: false, wrong: INVALID_CLIENT, truth: ['signature verification failed'] });
  });
});

describe('PAR (RFC 9126)', () => {
  it('pushes the request (client_secret_basic; private_key_jwt with the issuer as audience), then authorizes by request_uri alone and exchanges the code', () => {
    const d = drill('par');
    expect(d).toMatchObject({ pushed: 201, requestUri: true, query: ['code', 'iss', 'state'], state: 'par-state', token: true, keyPushed: 201, keyCode: true });
    expect(d['expiresIn']).toBeGreaterThan(0);
  });

  it('refuses a wrong secret, a wrong key, an unregistered redirect URI and a made-up request_uri, each with the engine\'s reason', () => {
    const d = drill('par');
    expect(d['refusals']).toEqual({ wrongSecret: INVALID_CLIENT, wrongKey: INVALID_CLIENT, unregisteredRedirect: refused(400, 'invalid_request') });
    // No redirect for a request_uri the provider never issued: the redirect URI is not known (RFC 9126 §4, RFC 6749 §4.1.2.1).
    expect(d['madeUp']).toEqual([400, true]);
    expect(d['truth']).toEqual([
      ['par', 'invalid_client', 'invalid secret provided'],
      ['par', 'invalid_client', 'signature verification failed'],
      ['par', 'invalid_request', "redirect_uri did not match any of the client's registered redirect_uris"],
      ['authorize', 'invalid_request_uri', 'request_uri is invalid, expired, or was already used'],
    ]);
  });
});

describe('PAR required (RFC 9126 §5), the switch live through POST /admin/settings', () => {
  it('discovery says so, a plain authorization request comes back invalid_request, a pushed one gets a code that exchanges; switched off, both work again', () => {
    const d = drill('par-required');
    expect(d['discovery']).toBe(true);
    expect(d['plain']).toMatchObject({ error: 'invalid_request', state: expect.any(String), iss: serve.line.issuer });
    expect(d['truth']).toEqual([['authorize', 'invalid_request', 'Pushed Authorization Request must be used']]);
    expect(d).toMatchObject({ pushedCode: true, token: 200, after: null, plainAfter: true });
  });
});

describe('the device grant to the end (RFC 8628), a person on the verification page', () => {
  it('pending, then a wrong code on the page (said so, and in the ground truth), the right one, sign-in and consent; the next poll gets tokens, a replay is refused', () => {
    const d = drill('device-complete');
    expect(d['pending']).toBe('authorization_pending');
    expect(d['pages']).toEqual(['Connect a device', 'Connect a device', 'Confirm the device', 'Sign in to the oauth-doctor test provider', 'Allow access?', 'Device connected']);
    expect((d['texts'] as string[])[1]).toMatch(/^That code was not found/);
    expect(d).toMatchObject({ tokens: 200, tokenKeys: ['access_token', 'expires_in', 'id_token', 'refresh_token', 'scope', 'token_type'], refreshed: 200 });
    expect(d['replay']).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect((d['truth'] as { detail?: string; error?: string }[]).map((t) => t.detail ?? t.error)).toEqual(['authorization_pending', 'the code was not found', 'device code already consumed']);
  });

  it('a person who aborts on the confirm page is told so, and the device (authenticated by private_key_jwt) gets access_denied', () => {
    const d = drill('device-complete');
    expect(d['otherHasCode']).toBe(true);
    expect(d['abortedPages']).toEqual(['Submitting Callback', 'Confirm the device', 'Device refused']);
    expect(d['abortedText']).toMatch(/^You aborted: the device is told access was denied/);
    expect(d['aborted']).toMatchObject({ status: 400, body: { error: 'access_denied' } });
    expect((d['abortedTruth'] as { event: string; error?: string; detail?: string }[]).map((t) => [t.event, t.error, t.detail])).toEqual([
      ['code_verification.error', 'access_denied', 'the interaction was aborted'],
      ['grant.error', 'access_denied', undefined],
    ]);
  });
});

describe('the login and consent pages, used by a person (no --auto-approve)', () => {
  it('a wrong account is told the only account; the consent page lists each scope and what it means; Allow gives a code that exchanges', () => {
    const d = drill('person-code-flow');
    expect(d['pages']).toEqual(['Sign in to the oauth-doctor test provider', 'Sign in to the oauth-doctor test provider', 'Allow access?']);
    expect((d['texts'] as string[])[1]).toMatch(/^There is no account bob here ?: the only account is alice ?\./);
    expect(d).toMatchObject({ query: ['code', 'iss', 'state'], token: 200, idToken: true });
    const consent = d['consentPage'] as { title: string; text: string };
    expect(consent.title).toBe('Allow access?');
    expect(consent.text).toContain('openid : know who you are');
    expect(consent.text).toContain('offline_access : keep access while you are away (a refresh token)');
  });

  it('Deny on the consent page and Cancel on the login page both come back access_denied with state and iss', () => {
    const d = drill('person-code-flow');
    for (const name of ['denied', 'cancelled']) expect(d[name], name).toMatchObject({ error: 'access_denied', state: expect.any(String), iss: serve.line.issuer });
    expect((d['truth'] as { error?: string }[]).map((t) => t.error)).toEqual(['access_denied', 'access_denied']);
  });
});

describe('userinfo, introspection and revocation refusals (requests)', () => {
  it('answer what the RFCs say, each refusal with the engine\'s reason', () => {
    const d = drill('endpoint-refusals');
    expect((d['bogus'] as [number, string])[0]).toBe(401);
    expect((d['bogus'] as [number, string])[1]).toMatch(/^Bearer .*error="invalid_token"/);
    expect((d['none'] as [number, string])[0]).toBe(400);
    expect(d).toMatchObject({ introWrong: [401, 'invalid_client'], revokeWrong: [401, 'invalid_client'], stillWorks: 200, unknownIntrospection: { active: false }, unknownRevocation: 200, revoked: 200, afterRevoke: 401 });
    expect(d['truth']).toEqual([
      ['userinfo', 'invalid_token', 'access token not found'],
      ['userinfo', 'invalid_request', null],
      ['introspection', 'invalid_client', 'invalid secret provided'],
      ['revocation', 'invalid_client', 'invalid secret provided'],
    ]);
  });

  it('every drill ran, and how long each took is known', () => {
    expect(Object.keys(seconds).sort()).toEqual([...DRILL_NAMES].sort());
  });
});
