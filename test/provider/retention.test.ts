import fc from 'fast-check';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startProvider, type ProviderState, type RunningProvider } from '../../src/provider/index.js';
import { accessTokenForgetAt, requestTokenForgetAt, retentionFor } from '../../src/provider/retention.js';
import type { AccessTokenRecord, RequestTokenRecord, SessionRecord } from '../../src/provider/state.js';
import { Store, SWEEP_INTERVAL_MS, type StoreRetention } from '../../src/provider/store.js';
import { approve, call, requestToken } from './helpers.js';
import { propertyRuns } from '../helpers/property-runs.js';

const APP = { key: 'retention-app', secret: 'retention-app-secret' };
const HOUR = 3_600_000;
const MINUTE = 60_000;

function requestTokenRecord(token: string, issuedAt: number, ttlMs = 10 * MINUTE): RequestTokenRecord {
  return { token, secret: `${token}-secret`, consumerKey: APP.key, callback: 'oob', scopes: [], issuedAt, expiresAt: issuedAt + ttlMs, decision: 'pending', verifier: undefined, grantedScopes: [], used: false, revoked: false, authorizeVisited: false };
}

function accessTokenRecord(token: string, issuedAt: number, sessionHandle: string): AccessTokenRecord {
  return { token, secret: `${token}-secret`, consumerKey: APP.key, scopes: [], issuedAt, expiresAt: undefined, revoked: false, sessionHandle, userId: '1', screenName: 'u' };
}

describe('the retention rule (pure)', () => {
  it('is max(1 h, 6 × lifetime) unless chosen', () => {
    expect(retentionFor(10 * MINUTE, undefined)).toBe(HOUR);
    expect(retentionFor(undefined, undefined)).toBe(HOUR);
    expect(retentionFor(30 * MINUTE, undefined)).toBe(3 * HOUR);
    expect(retentionFor(30 * MINUTE, 5 * MINUTE)).toBe(5 * MINUTE);
  });

  it('counts a request token from its expiry, whatever happened to it; one without a lifetime is only capped', () => {
    const record = requestTokenRecord('t', 1000, 10 * MINUTE);
    expect(requestTokenForgetAt(record, HOUR)).toBe(1000 + 10 * MINUTE + HOUR);
    expect(requestTokenForgetAt({ ...record, used: true }, HOUR)).toBe(1000 + 10 * MINUTE + HOUR);
    expect(requestTokenForgetAt({ ...record, expiresAt: undefined }, HOUR)).toBe(Infinity);
  });

  it('keeps an expired access token as long as its session can still renew it', () => {
    const token = { ...accessTokenRecord('a', 0, 'h'), expiresAt: HOUR };
    const session: SessionRecord = { handle: 'h', consumerKey: APP.key, expiresAt: 10 * HOUR, revoked: false, currentToken: 'a' };
    expect(accessTokenForgetAt(token, undefined, HOUR)).toBe(2 * HOUR);
    expect(accessTokenForgetAt(token, session, HOUR)).toBe(11 * HOUR);
    expect(accessTokenForgetAt(token, { ...session, currentToken: 'other' }, HOUR)).toBe(2 * HOUR);
    expect(accessTokenForgetAt({ ...token, revoked: true, revokedAt: 5 }, session, HOUR)).toBe(5 + HOUR);
    expect(accessTokenForgetAt({ ...token, expiresAt: undefined }, undefined, HOUR)).toBe(Infinity);
  });
});

describe('the store under a flood (in-process, counting entries)', () => {
  let clock = Date.UTC(2026, 0, 1, 12);
  const retention = (overrides: Partial<StoreRetention> = {}): StoreRetention => ({ now: () => clock, requestTokenMs: HOUR, accessTokenMs: HOUR, sessionMs: HOUR, maxRequestTokens: 10_000, maxAccessTokens: 10_000, ...overrides });

  it('holds the request-token cap through 100,000 request tokens, forgetting the oldest first', () => {
    const store = new Store(() => undefined, retention());
    let largest = 0;
    for (let i = 0; i < 100_000; i++) {
      store.putRequestToken(requestTokenRecord(`rt-${i}`, clock));
      largest = Math.max(largest, store.counts().requestTokens);
    }
    expect(largest).toBe(10_000);
    expect(store.requestToken('rt-0')).toBeUndefined();
    expect(store.requestToken('rt-89999')).toBeUndefined();
    expect(store.requestToken('rt-90000')?.token).toBe('rt-90000');
    expect(store.requestToken('rt-99999')?.token).toBe('rt-99999');
  });

  it('without a policy (unit tests of the rules) it keeps everything: the cap is what bounds it', () => {
    const store = new Store();
    for (let i = 0; i < 20_000; i++) store.putRequestToken(requestTokenRecord(`rt-${i}`, clock));
    expect(store.counts().requestTokens).toBe(20_000);
  });

  it('a flood of request tokens does not push out access tokens; the access cap takes the session handle along', () => {
    const store = new Store(() => undefined, retention({ maxRequestTokens: 100, maxAccessTokens: 10 }));
    for (let i = 0; i < 25; i++) {
      store.putSession({ handle: `h-${i}`, consumerKey: APP.key, expiresAt: undefined, revoked: false, currentToken: `at-${i}` });
      store.putAccessToken(accessTokenRecord(`at-${i}`, clock, `h-${i}`));
    }
    for (let i = 0; i < 1000; i++) store.putRequestToken(requestTokenRecord(`rt-${i}`, clock));
    expect(store.counts()).toMatchObject({ requestTokens: 100, accessTokens: 10, sessions: 10 });
    expect(store.accessToken('at-14')).toBeUndefined();
    expect(store.session('h-14')).toBeUndefined();
    expect(store.accessToken('at-15')?.token).toBe('at-15');
    expect(store.session('h-24')?.currentToken).toBe('at-24');
  });

  it('sweeps on its own (amortised): tokens past retention leave the store without being looked up', () => {
    const changes: number[] = [];
    const store = new Store(() => changes.push(clock), retention());
    for (let i = 0; i < 50; i++) store.putRequestToken(requestTokenRecord(`old-${i}`, clock));
    clock += 10 * MINUTE + HOUR + 1;
    store.putRequestToken(requestTokenRecord('new', clock));
    expect(store.counts().requestTokens).toBe(1);
    expect(changes.at(-1)).toBe(clock);
  });

  it('does not sweep on every operation: a token is kept between sweeps only until it is looked up', () => {
    const store = new Store(() => undefined, retention());
    store.putRequestToken(requestTokenRecord('a', clock));
    clock += 10 * MINUTE + HOUR + 1;
    store.putRequestToken(requestTokenRecord('b', clock)); // sweeps: the interval passed
    store.putRequestToken(requestTokenRecord('c', clock, 0));
    clock += HOUR + 1; // c is past its retention, b is not
    expect(store.counts().requestTokens).toBe(2);
    expect(store.requestToken('c')).toBeUndefined();
    expect(store.requestToken('b')?.token).toBe('b');
  });
});

describe('the promise, as a property', () => {
  type Step = { put: number } | { advance: number } | { lookup: number };
  // Few distinct durations, so the clock lands exactly on the boundaries; 60 s makes a sweep due.
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ put: fc.constantFrom(0, 1, 500, 1000) }),
    fc.record({ advance: fc.constantFrom(0, 1, 499, 500, 1000, 60_000) }),
    fc.record({ lookup: fc.nat() }),
  );

  it('never more than the cap; a token is found while within retention and among the newest cap issued, never after retention', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 200 }), fc.integer({ min: 1, max: 8 }), (steps, cap) => {
        let clock = 0;
        const retentionMs = 1000;
        const store = new Store(() => undefined, { now: () => clock, requestTokenMs: retentionMs, accessTokenMs: retentionMs, sessionMs: retentionMs, maxRequestTokens: cap, maxAccessTokens: cap });
        const issued: RequestTokenRecord[] = [];
        for (const s of steps) {
          if ('put' in s) {
            const record = requestTokenRecord(`t${issued.length}`, clock, s.put);
            issued.push(record);
            store.putRequestToken(record);
          } else if ('advance' in s) {
            clock += s.advance;
          } else if (issued.length > 0) {
            const index = s.lookup % issued.length;
            const record = issued[index];
            if (!record) continue;
            const found = store.requestToken(record.token);
            const withinRetention = clock <= (record.expiresAt ?? Infinity) + retentionMs;
            if (!withinRetention) expect(found).toBeUndefined();
            if (withinRetention && index >= issued.length - cap) expect(found).toBe(record);
          }
          expect(store.counts().requestTokens).toBeLessThanOrEqual(cap);
        }
      }),
      { numRuns: propertyRuns(1000) },
    );
  });
});

describe('over HTTP, with the clock driven (no waiting)', () => {
  let clock = Date.UTC(2026, 0, 1, 12);
  const providers: RunningProvider[] = [];
  const start = async (options: Parameters<typeof startProvider>[0] = {}) => {
    const provider = await startProvider({ consumers: [APP], now: () => clock, ...options });
    providers.push(provider);
    return provider;
  };
  const ts = () => String(Math.floor(clock / 1000));
  afterEach(async () => {
    for (const p of providers.splice(0)) await p.close();
  });

  async function exchanged(provider: RunningProvider) {
    const temporary = await requestToken(provider, APP, 'http://127.0.0.1:9/cb', { timestamp: ts() });
    const verifier = await approve(provider, temporary.token);
    const access = await call(provider, { path: '/oauth/access_token', client: APP, token: temporary, verifier, timestamp: ts() });
    expect(access.status, access.body).toBe(200);
    return { temporary, verifier, access: { token: access.form.get('oauth_token') ?? '', secret: access.form.get('oauth_token_secret') ?? '' }, handle: access.form.get('oauth_session_handle') ?? '' };
  }
  const exchangeAgain = (provider: RunningProvider, flow: Awaited<ReturnType<typeof exchanged>>) =>
    call(provider, { path: '/oauth/access_token', client: APP, token: flow.temporary, verifier: flow.verifier, timestamp: ts() });
  const me = (provider: RunningProvider, token: { token: string; secret: string }) => call(provider, { method: 'GET', path: '/api/me', client: APP, token, timestamp: ts() });

  it('follows a clock skew changed at run time: a token issued after update({ clockSkewSec: -7200 }) is still found (review point 1)', async () => {
    const provider = await start();
    provider.update({ clockSkewSec: -7200 });
    const temporary = await requestToken(provider, APP, 'oob', { timestamp: String(Math.floor(clock / 1000) - 7200) });
    const page = await fetch(`${provider.endpoints.authorize}?oauth_token=${encodeURIComponent(temporary.token)}`);
    await page.text();
    expect(page.status).toBe(200);
    expect(provider.state().requestTokens.map((t) => t.token)).toContain(temporary.token);
  });

  it('a used request token is token_used until the retention period after its expiry, then token_rejected', async () => {
    const provider = await start();
    const flow = await exchanged(provider);
    expect((await exchangeAgain(provider, flow)).form.get('oauth_problem')).toBe('token_used');
    clock += 10 * MINUTE + HOUR; // the 10-minute lifetime, then max(1 h, 6 × 10 min)
    expect((await exchangeAgain(provider, flow)).form.get('oauth_problem')).toBe('token_used');
    clock += 1;
    expect((await exchangeAgain(provider, flow)).form.get('oauth_problem')).toBe('token_rejected');
    expect(provider.state().requestTokens.map((t) => t.token)).not.toContain(flow.temporary.token);
    expect((await me(provider, flow.access)).status).toBe(200);
  });

  it('an expired request token is token_expired for the retention period, then token_rejected', async () => {
    const provider = await start({ requestTokenTtlMs: 20 * MINUTE });
    const temporary = await requestToken(provider, APP, 'oob', { timestamp: ts() });
    clock += 20 * MINUTE + 2 * HOUR; // 6 × 20 min = 2 h
    const expired = await call(provider, { path: '/oauth/access_token', client: APP, token: temporary, verifier: '0000000', timestamp: ts() });
    expect(expired.form.get('oauth_problem')).toBe('token_expired');
    clock += 1;
    const forgotten = await call(provider, { path: '/oauth/access_token', client: APP, token: temporary, verifier: '0000000', timestamp: ts() });
    expect(forgotten.form.get('oauth_problem')).toBe('token_rejected');
  });

  it('a revoked access token is token_revoked for the retention period from its revocation, then token_rejected', async () => {
    const provider = await start();
    const flow = await exchanged(provider);
    expect(provider.revokeToken(flow.access.token)).toBe('access-token');
    expect((await me(provider, flow.access)).form.get('oauth_problem')).toBe('token_revoked');
    clock += HOUR;
    expect((await me(provider, flow.access)).form.get('oauth_problem')).toBe('token_revoked');
    clock += 1;
    expect((await me(provider, flow.access)).form.get('oauth_problem')).toBe('token_rejected');
    expect(provider.state().sessions).toEqual([]);
  });

  it('a revoked token nobody asks about is forgotten by a sweep a retention period later', async () => {
    const provider = await start();
    const flow = await exchanged(provider);
    provider.revokeToken(flow.access.token);
    clock += 2 * MINUTE;
    await requestToken(provider, APP, 'oob', { timestamp: ts() }); // a sweep is due
    clock += HOUR + 1;
    expect((await me(provider, flow.access)).form.get('oauth_problem')).toBe('token_rejected');
  });

  it('a revocation counts from when it happened, not from when a sweep or lookup first saw it (review point 2)', async () => {
    const provider = await start();
    const flow = await exchanged(provider);
    provider.revokeToken(flow.access.token);
    clock += 30 * MINUTE;
    await requestToken(provider, APP, 'oob', { timestamp: ts() }); // a sweep is due
    expect((await me(provider, flow.access)).form.get('oauth_problem')).toBe('token_revoked');
    clock += 30 * MINUTE + 1; // one retention period and 1 ms after the revocation
    expect((await me(provider, flow.access)).form.get('oauth_problem')).toBe('token_rejected');
  });

  it('a renewal revokes the old token at the renewal: it is forgotten a retention period later', async () => {
    const provider = await start({ accessTokenTtlMs: 10 * MINUTE }); // retention max(1 h, 6 × 10 min)
    const flow = await exchanged(provider);
    const renewed = await call(provider, { path: '/oauth/access_token', client: APP, token: flow.access, extra: [['oauth_session_handle', flow.handle]], timestamp: ts() });
    expect(renewed.status, renewed.body).toBe(200);
    clock += HOUR;
    expect((await me(provider, flow.access)).form.get('oauth_problem')).toBe('token_revoked');
    clock += 1;
    expect((await me(provider, flow.access)).form.get('oauth_problem')).toBe('token_rejected');
  });

  it('a state file from before revocation times: revoked without a time counts as revoked when loaded', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'oauth-doctor-retention-')), 'state.json');
    const first = await start({ stateFile: file });
    const flow = await exchanged(first);
    await first.close();
    const saved = JSON.parse(readFileSync(file, 'utf8')) as ProviderState;
    for (const record of [...saved.accessTokens, ...saved.sessions]) record.revoked = true;
    writeFileSync(file, JSON.stringify(saved));
    clock += 5 * HOUR;
    const second = await start({ stateFile: file });
    clock += HOUR;
    expect((await me(second, flow.access)).form.get('oauth_problem')).toBe('token_revoked');
    clock += 1;
    expect((await me(second, flow.access)).form.get('oauth_problem')).toBe('token_rejected');
  });

  it('tokenRetentionMs shortens it (serve --token-retention)', async () => {
    const provider = await start({ tokenRetentionMs: 5 * MINUTE });
    const flow = await exchanged(provider);
    clock += 10 * MINUTE + 5 * MINUTE + 1;
    expect((await exchangeAgain(provider, flow)).form.get('oauth_problem')).toBe('token_rejected');
  });

  it('an expired access token whose session lives on is kept: it still renews long after the retention period', async () => {
    const provider = await start({ accessTokenTtlMs: HOUR });
    const flow = await exchanged(provider);
    clock += 24 * HOUR;
    expect((await me(provider, flow.access)).form.get('oauth_problem')).toBe('token_expired');
    const renewed = await call(provider, { path: '/oauth/access_token', client: APP, token: flow.access, extra: [['oauth_session_handle', flow.handle]], timestamp: ts() });
    expect(renewed.status, renewed.body).toBe(200);
    // The old token was revoked by the renewal: remembered as such for the retention period.
    expect((await me(provider, flow.access)).form.get('oauth_problem')).toBe('token_revoked');
  });

  it('--state round-trips after pruning: what was forgotten stays forgotten, what was kept still diagnoses', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'oauth-doctor-retention-')), 'state.json');
    const first = await start({ stateFile: file });
    const old = await exchanged(first);
    clock += 10 * MINUTE + HOUR + 1;
    const recent = await exchanged(first); // its calls sweep: the old request token goes
    await first.close();
    const saved = JSON.parse(readFileSync(file, 'utf8')) as ProviderState;
    expect(saved.requestTokens.map((t) => t.token)).toEqual([recent.temporary.token]);
    expect(saved.accessTokens).toHaveLength(2);

    const second = await start({ stateFile: file });
    expect((await exchangeAgain(second, recent)).form.get('oauth_problem')).toBe('token_used');
    expect((await exchangeAgain(second, old)).form.get('oauth_problem')).toBe('token_rejected');
    expect((await me(second, old.access)).status).toBe(200);
  });

  it('a quiet provider is swept on a timer, and the state file loses what was forgotten (review point 3)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'oauth-doctor-retention-')), 'state.json');
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const provider = await start({ stateFile: file });
      const temporary = await requestToken(provider, APP, 'oob', { timestamp: ts() });
      clock += 10 * MINUTE + HOUR + 1; // past its retention; nobody calls
      vi.advanceTimersByTime(SWEEP_INTERVAL_MS);
      await new Promise((resolve) => setImmediate(resolve)); // the coalesced save
      const saved = JSON.parse(readFileSync(file, 'utf8')) as ProviderState;
      expect(saved.requestTokens.map((t) => t.token)).not.toContain(temporary.token);
      expect(provider.state().requestTokens).toEqual([]);
      await provider.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('a state file holding more tokens than the cap is trimmed on load, oldest first', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'oauth-doctor-retention-')), 'state.json');
    const first = await start({ stateFile: file });
    const tokens: string[] = [];
    for (let i = 0; i < 5; i++) tokens.push((await requestToken(first, APP, 'oob', { timestamp: ts() })).token);
    await first.close();
    const second = await start({ stateFile: file, maxRequestTokens: 2 });
    expect(second.state().requestTokens.map((t) => t.token)).toEqual(tokens.slice(3));
  });
});
