import { generateKeyPairSync } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startProvider, type RunningProvider } from '../../src/provider/index.js';
import { approve, call, fullFlow, parseChallenge, requestToken } from './helpers.js';

const APP = { key: 'app', secret: 'app-secret' };

describe('the three legs and the protected resource', () => {
  let provider: RunningProvider;
  beforeAll(async () => {
    provider = await startProvider({ consumers: [APP] });
  });
  afterAll(() => provider.close());

  it('request_token answers oauth_token, oauth_token_secret and oauth_callback_confirmed=true (RFC 5849 §2.1)', async () => {
    const answer = await call(provider, { path: '/oauth/request_token', client: APP, callback: 'http://127.0.0.1:9/cb' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect([...answer.form.keys()]).toEqual(['oauth_token', 'oauth_token_secret', 'oauth_callback_confirmed']);
    expect(answer.form.get('oauth_callback_confirmed')).toBe('true');
  });

  it('authorize redirects to the callback with oauth_token and oauth_verifier, keeping the callback query', async () => {
    const temporary = await requestToken(provider, APP, 'http://127.0.0.1:9/cb?state=a%20b');
    const response = await fetch(`${provider.endpoints.authorize}?oauth_token=${temporary.token}&action=approve`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.pathname).toBe('/cb');
    expect(location.searchParams.get('state')).toBe('a b');
    expect(location.searchParams.get('oauth_token')).toBe(temporary.token);
    expect(location.searchParams.get('oauth_verifier')).toMatch(/^[\w-]{20}$/);
  });

  it('access_token answers the token, its secret and the Session extension handle; /api/me accepts it', async () => {
    const flow = await fullFlow(provider, APP);
    expect(flow.response.form.get('oauth_session_handle')).toBeTruthy();
    expect(flow.response.form.get('oauth_expires_in')).toBeNull();
    for (const method of ['GET', 'POST']) {
      const me = await call(provider, { method, path: '/api/me', client: APP, token: flow.access });
      expect(me.status, me.body).toBe(200);
      expect(JSON.parse(me.body)).toMatchObject({ consumer_key: 'app', scopes: ['read', 'write'], method });
    }
  });

  it.each(['body', 'query'] as const)('accepts the protocol parameters in the %s (RFC 5849 §3.5.2, §3.5.3)', async (location) => {
    const answer = await call(provider, { path: '/oauth/request_token', client: APP, callback: 'oob', location, form: [['scope', 'read']] });
    expect(answer.status, answer.body).toBe(200);
  });

  it('signs query and form parameters alongside the protocol ones (RFC 5849 §3.4.1.3.1)', async () => {
    const flow = await fullFlow(provider, APP);
    const me = await call(provider, { method: 'POST', path: '/api/me?b5=%3D%253D&a3=a&c%40=&a2=r%20b', client: APP, token: flow.access, form: [['c2', ''], ['a3', '2 q'], ['名前', 'ユーザー']] });
    expect(me.status, me.body).toBe(200);
  });

  it('the oob callback shows the PIN on a page', async () => {
    const temporary = await requestToken(provider, APP, 'oob');
    const response = await fetch(`${provider.endpoints.authorize}?oauth_token=${temporary.token}&action=approve`);
    const html = await response.text();
    expect(response.status).toBe(200);
    const pin = /<code id="oauth_verifier">(\d{7})<\/code>/.exec(html)?.[1];
    expect(pin).toBeDefined();
    const access = await call(provider, { path: '/oauth/access_token', client: APP, token: temporary, verifier: pin ?? '' });
    expect(access.status, access.body).toBe(200);
  });

  it('without a decision the authorise page asks the person, and its form posts the decision back', async () => {
    const temporary = await requestToken(provider, APP, 'http://127.0.0.1:9/cb');
    const page = await (await fetch(`${provider.endpoints.authorize}?oauth_token=${temporary.token}`)).text();
    expect(page).toContain('<form method="post" action="/oauth/authorize">');
    expect(page).toContain(`name="oauth_token" value="${temporary.token}"`);
    const posted = await fetch(provider.endpoints.authorize, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `oauth_token=${temporary.token}&grant=read&action=approve`,
      redirect: 'manual',
    });
    expect(posted.status).toBe(302);
    expect(new URL(posted.headers.get('location') ?? '').searchParams.get('oauth_verifier')).toBeTruthy();
  });

  it('a denial is sent to the callback as oauth_problem=permission_denied', async () => {
    const temporary = await requestToken(provider, APP, 'http://127.0.0.1:9/cb');
    const response = await fetch(`${provider.endpoints.authorize}?oauth_token=${temporary.token}&action=deny`, { redirect: 'manual' });
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.searchParams.get('oauth_problem')).toBe('permission_denied');
    expect(location.searchParams.get('oauth_verifier')).toBeNull();
  });

  it('an early exchange without any verifier is told permission_unknown, not parameter_absent', async () => {
    const temporary = await requestToken(provider, APP, 'oob');
    const answer = await call(provider, { path: '/oauth/access_token', client: APP, token: temporary });
    expect(new URLSearchParams(answer.body).get('oauth_problem')).toBe('permission_unknown');
  });

  it('a request token is not an access token, and an access token is not a request token', async () => {
    const flow = await fullFlow(provider, APP);
    const asAccess = await call(provider, { method: 'GET', path: '/api/me', client: APP, token: flow.temporary });
    expect(asAccess.form.get('oauth_problem')).toBe('token_rejected');
    const asRequest = await call(provider, { path: '/oauth/access_token', client: APP, token: flow.access, verifier: flow.verifier });
    expect(asRequest.form.get('oauth_problem')).toBe('token_rejected');
  });

  it("another consumer's token is unknown to this consumer", async () => {
    const other = await startProvider({ consumers: [APP, { key: 'other', secret: 'other-secret' }] });
    try {
      const flow = await fullFlow(other, APP);
      const answer = await call(other, { method: 'GET', path: '/api/me', client: { key: 'other', secret: 'other-secret' }, token: flow.access });
      expect(answer.form.get('oauth_problem')).toBe('token_rejected');
    } finally {
      await other.close();
    }
  });
});

describe('signature methods (RFC 5849 §3.4)', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = { public: publicKey.export({ type: 'spki', format: 'pem' }).toString(), private: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
  let provider: RunningProvider;
  beforeAll(async () => {
    provider = await startProvider({ consumers: [APP, { key: 'rsa-app', publicKey: pem.public }] });
  });
  afterAll(() => provider.close());

  it.each(['HMAC-SHA1', 'HMAC-SHA256', 'PLAINTEXT'] as const)('%s: the whole flow', async (signatureMethod) => {
    const temporary = await call(provider, { path: '/oauth/request_token', client: APP, callback: 'oob', signatureMethod });
    expect(temporary.status, temporary.body).toBe(200);
    const token = { token: temporary.form.get('oauth_token') ?? '', secret: temporary.form.get('oauth_token_secret') ?? '' };
    const verifier = /<code id="oauth_verifier">(\d+)</.exec(await (await fetch(`${provider.endpoints.authorize}?oauth_token=${token.token}&action=approve`)).text())?.[1] ?? '';
    const access = await call(provider, { path: '/oauth/access_token', client: APP, token, verifier, signatureMethod });
    expect(access.status, access.body).toBe(200);
  });

  it('PLAINTEXT may leave out oauth_timestamp and oauth_nonce (RFC 5849 §3.1)', async () => {
    const { dropProtocol } = await import('./helpers.js');
    const answer = await call(provider, {
      path: '/oauth/request_token',
      client: APP,
      callback: 'oob',
      signatureMethod: 'PLAINTEXT',
      tamper: (s) => dropProtocol('oauth_nonce')(dropProtocol('oauth_timestamp')(s)),
    });
    expect(answer.status, answer.body).toBe(200);
  });

  it('RSA-SHA1 verifies with the registered public key', async () => {
    const rsa = { key: 'rsa-app', secret: '', privateKey: pem.private };
    const answer = await call(provider, { path: '/oauth/request_token', client: rsa, callback: 'oob', signatureMethod: 'RSA-SHA1' });
    expect(answer.status, answer.body).toBe(200);
    const forged = await call(provider, { path: '/oauth/request_token', client: rsa, callback: 'oob', signatureMethod: 'RSA-SHA1', tamper: (s) => ({ ...s, authorization: s.authorization.replace('oauth_nonce="', 'oauth_nonce="x') }) });
    expect(forged.form.get('oauth_problem')).toBe('signature_invalid');
  });

  it('an RSA consumer signing with HMAC, or an HMAC consumer with RSA, is signature_method_rejected', async () => {
    const hmacForRsa = await call(provider, { path: '/oauth/request_token', client: { key: 'rsa-app', secret: '' }, callback: 'oob' });
    expect(hmacForRsa.form.get('oauth_problem')).toBe('signature_method_rejected');
    const rsaForHmac = await call(provider, { path: '/oauth/request_token', client: { ...APP, privateKey: pem.private }, callback: 'oob', signatureMethod: 'RSA-SHA1' });
    expect(rsaForHmac.form.get('oauth_problem')).toBe('signature_method_rejected');
  });

  it('methods left out of signatureMethods are signature_method_rejected', async () => {
    const strict = await startProvider({ consumers: [APP], signatureMethods: ['HMAC-SHA1'] });
    try {
      const answer = await call(strict, { path: '/oauth/request_token', client: APP, callback: 'oob', signatureMethod: 'PLAINTEXT' });
      expect(answer.form.get('oauth_problem')).toBe('signature_method_rejected');
    } finally {
      await strict.close();
    }
  });
});

describe('lifetimes and the clock (injected, no waiting)', () => {
  let clock = Date.UTC(2026, 0, 1, 12);
  const providers: RunningProvider[] = [];
  const start = async (options: Parameters<typeof startProvider>[0]) => {
    const provider = await startProvider({ consumers: [APP], now: () => clock, ...options });
    providers.push(provider);
    return provider;
  };
  const ts = () => String(Math.floor(clock / 1000));
  afterEach(async () => {
    for (const p of providers.splice(0)) await p.close();
  });

  it('a request token past requestTokenTtlMs is token_expired at access_token', async () => {
    const provider = await start({ requestTokenTtlMs: 2000 });
    const temporary = await requestToken(provider, APP, 'oob', { timestamp: ts() });
    const page = await (await fetch(`${provider.endpoints.authorize}?oauth_token=${temporary.token}&action=approve`)).text();
    const verifier = /id="oauth_verifier">(\d+)</.exec(page)?.[1] ?? '';
    clock += 2001;
    const answer = await call(provider, { path: '/oauth/access_token', client: APP, token: temporary, verifier, timestamp: ts() });
    expect(answer.form.get('oauth_problem')).toBe('token_expired');
  });

  it('an expired request token is refused at the authorise page too', async () => {
    const provider = await start({ requestTokenTtlMs: 1000 });
    const temporary = await requestToken(provider, APP, 'oob', { timestamp: ts() });
    clock += 1001;
    const response = await fetch(`${provider.endpoints.authorize}?oauth_token=${temporary.token}`);
    expect(parseChallenge(response.headers.get('www-authenticate')).get('oauth_problem')).toBe('token_expired');
  });

  it('clockSkewSec moves the server clock: a correct client is now timestamp_refused, with the acceptable range', async () => {
    const provider = await start({ clockSkewSec: 600 });
    const answer = await call(provider, { path: '/oauth/request_token', client: APP, callback: 'oob', timestamp: ts() });
    expect(answer.form.get('oauth_problem')).toBe('timestamp_refused');
    const serverNow = Math.floor(clock / 1000) + 600;
    expect(answer.form.get('oauth_acceptable_timestamps')).toBe(`${serverNow - 300}-${serverNow + 300}`);
  });

  it('the timestamp window is inclusive at ±timestampWindowSec', async () => {
    const provider = await start({ timestampWindowSec: 60 });
    const now = Math.floor(clock / 1000);
    for (const [offset, ok] of [[-60, true], [60, true], [-61, false], [61, false]] as const) {
      const answer = await call(provider, { path: '/oauth/request_token', client: APP, callback: 'oob', timestamp: String(now + offset) });
      expect(answer.status === 200, `offset ${offset}: ${answer.body}`).toBe(ok);
    }
  });

  it('access tokens expire (oauth_expires_in) and renew with oauth_session_handle; the old one is then revoked', async () => {
    const provider = await start({ accessTokenTtlMs: 3_600_000, sessionTtlMs: 86_400_000 });
    const temporary = await requestToken(provider, APP, 'http://127.0.0.1:9/cb', { timestamp: ts() });
    const verifier = await approve(provider, temporary.token);
    const access = await call(provider, { path: '/oauth/access_token', client: APP, token: temporary, verifier, timestamp: ts() });
    expect(access.form.get('oauth_expires_in')).toBe('3600');
    expect(access.form.get('oauth_authorization_expires_in')).toBe('86400');
    const token = { token: access.form.get('oauth_token') ?? '', secret: access.form.get('oauth_token_secret') ?? '' };
    const handle = access.form.get('oauth_session_handle') ?? '';
    clock += 3_600_001;
    const expired = await call(provider, { method: 'GET', path: '/api/me', client: APP, token, timestamp: ts() });
    expect(expired.form.get('oauth_problem')).toBe('token_expired');
    const renewed = await call(provider, { path: '/oauth/access_token', client: APP, token, extra: [['oauth_session_handle', handle]], timestamp: ts() });
    expect(renewed.status, renewed.body).toBe(200);
    expect(renewed.form.get('oauth_session_handle')).toBe(handle);
    const fresh = { token: renewed.form.get('oauth_token') ?? '', secret: renewed.form.get('oauth_token_secret') ?? '' };
    expect((await call(provider, { method: 'GET', path: '/api/me', client: APP, token: fresh, timestamp: ts() })).status).toBe(200);
    const old = await call(provider, { path: '/oauth/access_token', client: APP, token, extra: [['oauth_session_handle', handle]], timestamp: ts() });
    expect(old.form.get('oauth_problem')).toBe('token_revoked');
  });

  it('renewal is refused with token_not_renewable for a wrong handle or an expired session', async () => {
    const provider = await start({ accessTokenTtlMs: 1000, sessionTtlMs: 5000 });
    const temporary = await requestToken(provider, APP, 'http://127.0.0.1:9/cb', { timestamp: ts() });
    const verifier = await approve(provider, temporary.token);
    const access = await call(provider, { path: '/oauth/access_token', client: APP, token: temporary, verifier, timestamp: ts() });
    const token = { token: access.form.get('oauth_token') ?? '', secret: access.form.get('oauth_token_secret') ?? '' };
    const wrong = await call(provider, { path: '/oauth/access_token', client: APP, token, extra: [['oauth_session_handle', 'not-the-handle']], timestamp: ts() });
    expect(wrong.form.get('oauth_problem')).toBe('token_not_renewable');
    clock += 5001;
    const late = await call(provider, { path: '/oauth/access_token', client: APP, token, extra: [['oauth_session_handle', access.form.get('oauth_session_handle') ?? '']], timestamp: ts() });
    expect(late.form.get('oauth_problem')).toBe('token_not_renewable');
  });

  it('authorizeRateLimit refuses the address past the limit (user_refused, 503)', async () => {
    const provider = await start({ authorizeRateLimit: { max: 2, windowMs: 60_000 } });
    const temporary = await requestToken(provider, APP, 'oob', { timestamp: ts() });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`${provider.endpoints.authorize}?oauth_token=${temporary.token}`)).status);
    expect(statuses).toEqual([200, 200, 503]);
  });
});
