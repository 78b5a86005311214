// serve --oauth2's fault switches (issue 19 item 3), each exercised by an
// independent client: Python's Authlib, requests-oauthlib / oauthlib and
// requests from Debian (drills.py), over 127.0.0.1, against the built CLI.
// Every refusal is checked twice: the answer on the wire, and the engine's
// own reason for it (GET /admin/state's groundTruth, oidc-provider's
// error_detail), which is what the diagnosis is scored against.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDrills as runPython, type Drill } from './run-drills.js';
import { serveOAuth2, type ServeProcess } from './serve-process.js';

// Long enough for HS256 client_secret_jwt (RFC 7518 §3.2: a key of at least the hash size).
const SECRET = 'drill-secret-0123456789abcdef0123456789';

interface Truth {
  readonly event: string;
  readonly step: string;
  readonly error?: string;
  readonly detail?: string;
  readonly status?: number;
  readonly grantId?: string;
}
interface Answer {
  readonly status: number;
  readonly body: { error?: string; error_description?: string; [k: string]: unknown };
  readonly contentType: string;
}

async function runDrills(issuer: string, names: readonly string[]): Promise<Record<string, Drill>> {
  return (await runPython({ issuer, clientId: 'drill-app', secret: SECRET, publicClientId: 'drill-public' }, names)).results;
}

const DRILL_NAMES = [
  'code-pkce', 'oauthlib-code-and-client-credentials', 'code-reuse', 'code-expired', 'pkce-wrong-verifier', 'pkce-lost-verifier',
  'pkce-required', 'public-client-needs-pkce', 'refresh-replay', 'refresh-no-rotation', 'refresh-expired', 'access-token-expired',
  'revoke-grant', 'clock-skew', 'consent-denied', 'redirect-matching', 'device-slow-down', 'token-slow', 'token-outage', 'wrong-secret',
] as const;

let serve: ServeProcess;
let drills: Record<string, Drill>;

beforeAll(async () => {
  serve = await serveOAuth2(['--auto-approve', '--client', `drill-app:${SECRET}`, '--public-client', 'drill-public']);
  drills = await runDrills(serve.line.issuer, DRILL_NAMES);
}, 90_000);
afterAll(async () => {
  await serve?.stop();
});

function drill(name: (typeof DRILL_NAMES)[number]): Drill {
  const result = drills[name];
  expect(result, name).toBeDefined();
  expect(result?.exception, `${name} raised`).toBeUndefined();
  return result ?? {};
}
const details = (truth: unknown): (string | undefined)[] => (truth as Truth[]).map((t) => t.detail);
const invalidGrant = (answer: unknown) => expect(answer).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });

describe('serve --oauth2 against an independent client (Authlib, requests-oauthlib)', () => {
  it('runs code + PKCE, userinfo, introspection, refresh with rotation and revocation (Authlib)', () => {
    expect(drill('code-pkce')).toEqual({ tokenType: 'Bearer', idToken: true, sub: 'alice', active: true, rotated: true, revokeStatus: 200, activeAfterRevoke: false });
  });

  it('runs a confidential code grant and client credentials (requests-oauthlib)', () => {
    expect(drill('oauthlib-code-and-client-credentials')).toEqual({ code: true, clientCredentials: true, ccRefresh: false });
  });
});

describe('each fault switch gives the documented answer, and the engine names the real cause', () => {
  it('a reused code: invalid_grant, "authorization code already consumed", and the tokens of its first use revoked (RFC 6749 §4.1.2)', () => {
    const d = drill('code-reuse');
    expect(d['first']).toBe(200);
    invalidGrant(d['second']);
    expect(details(d['truth'])).toEqual(['authorization code already consumed']);
    expect(d['firstTokenActive']).toBe(false);
    expect((d['revoked'] as Truth[]).map((t) => t.event)).toEqual(['grant.revoked']);
  });

  it('codeTtlSec: a code older than its lifetime is "authorization code is expired"', () => {
    const d = drill('code-expired');
    invalidGrant(d['answer']);
    expect(details(d['truth'])).toEqual(['authorization code is expired']);
  });

  it('a wrong or a lost code_verifier: invalid_grant, "PKCE verification failed" (RFC 7636 §4.6)', () => {
    for (const name of ['pkce-wrong-verifier', 'pkce-lost-verifier'] as const) {
      const d = drill(name);
      invalidGrant(d['answer']);
      expect(details(d['truth']), name).toEqual(['PKCE verification failed']);
    }
  });

  it('pkceRequired: a confidential client without PKCE is sent back invalid_request; with PKCE it gets a code; a public client always needs it', () => {
    const d = drill('pkce-required');
    expect(d['without']).toMatchObject({ error: 'invalid_request', error_description: expect.stringContaining('requires PKCE') });
    expect(d['withPkce']).toBe(true);
    expect((d['truth'] as Truth[]).map((t) => [t.event, t.error])).toEqual([['authorization.error', 'invalid_request']]);
    expect(drill('public-client-needs-pkce')['without']).toMatchObject({ error: 'invalid_request' });
  });

  it('rotation with reuse detection: a replayed rotated refresh token is "refresh token already used", revokes the grant, and the newest token of the family fails too (RFC 9700 §4.14.2)', () => {
    const d = drill('refresh-replay');
    expect(d['rotated']).toBe(true);
    invalidGrant(d['replay']);
    expect(details(d['replayTruth'])).toEqual(['refresh token already used']);
    expect((d['revoked'] as Truth[]).length).toBe(1);
    invalidGrant(d['family']);
    expect(details(d['familyTruth'])).toEqual(['refresh token not found']);
  });

  it('rotateRefreshToken false: the same refresh token comes back and works again', () => {
    expect(drill('refresh-no-rotation')).toEqual({ first: 200, sameToken: true, second: 200 });
  });

  it('refreshTokenTtlSec: "refresh token is expired"; accessTokenTtlSec: userinfo answers 401 invalid_token (RFC 6750 §3.1)', () => {
    const r = drill('refresh-expired');
    invalidGrant(r['answer']);
    expect(details(r['truth'])).toEqual(['refresh token is expired']);
    const a = drill('access-token-expired');
    expect(a['status']).toBe(401);
    expect(a['wwwAuthenticate']).toMatch(/^Bearer .*error="invalid_token"/);
    expect((a['truth'] as Truth[]).map((t) => [t.event, t.error])).toEqual([['userinfo.error', 'invalid_token']]);
  });

  it('POST /admin/revoke-grant: the refresh token and access token of the grant stop working; a second revoke is 404', () => {
    const d = drill('revoke-grant');
    expect(d['revoked']).toBe(200);
    invalidGrant(d['refresh']);
    expect(d['active']).toBe(false);
    expect(d['again']).toBe(404);
  });

  it('clockSkewSec: the Date header and ID token iat are the provider\'s; an assertion from its future is "jwt not active yet", one long expired by its clock is "jwt expired"', () => {
    const d = drill('clock-skew');
    expect(Math.abs((d['dateOffset'] as number) + 600)).toBeLessThanOrEqual(2);
    expect(Math.abs((d['idTokenIatOffset'] as number) - 600)).toBeLessThanOrEqual(2);
    expect(d['behind']).toMatchObject({ ok: false, error: 'invalid_client' });
    expect(details(d['behindTruth'])).toEqual(['jwt not active yet']);
    expect(d['ahead']).toMatchObject({ ok: false, error: 'invalid_client' });
    expect(details(d['aheadTruth'])).toEqual(['jwt expired']);
    // client_secret_jwt itself works for a client registered with a secret (RFC 7523 §2.2).
    expect(d['inTime']).toEqual({ ok: true });
  });

  it('consentDenied: the redirect carries access_denied, state and iss (RFC 6749 §4.1.2.1, RFC 9207)', () => {
    const d = drill('consent-denied');
    expect(d['query']).toMatchObject({ error: 'access_denied', state: expect.any(String), iss: serve.line.issuer });
    expect((d['truth'] as Truth[]).map((t) => t.error)).toEqual(['access_denied']);
  });

  it('redirectMatching: loopback-any-port takes any port (RFC 8252 §7.3); exact refuses it on a page, not a redirect, and takes the registered URI', () => {
    const d = drill('redirect-matching');
    expect(d['anyPort']).toBe(true);
    expect(d['exactOtherPort']).toMatchObject({ page: 400, body: expect.stringContaining('invalid_redirect_uri') });
    expect(d['exactRegistered']).toBe(true);
    expect((d['truth'] as Truth[]).map((t) => t.error)).toEqual(['invalid_redirect_uri']);
  });

  it('deviceIntervalSec: the interval is sent, a poll sooner than it gets slow_down, and the interval grows by 5 s (RFC 8628 §3.5)', () => {
    const d = drill('device-slow-down');
    expect(d['interval']).toBe(2);
    expect(d['first']).toBe('authorization_pending');
    expect(d['second']).toMatchObject({ status: 400, body: { error: 'slow_down' } });
    expect((d['second'] as Answer).body.error_description).toMatch(/wait 7 s/);
    expect(d['third']).toBe('slow_down');
    expect((d['truth'] as Truth[]).filter((t) => t.error === 'slow_down').map((t) => t.detail)).toEqual([expect.stringContaining('interval raised to 7 s'), expect.stringContaining('interval raised to 12 s')]);
  });

  it('tokenSlowMs delays the token endpoint; tokenFailure answers a 5xx HTML page', () => {
    const slow = drill('token-slow');
    expect(slow['status']).toBe(200);
    expect(slow['seconds']).toBeGreaterThanOrEqual(0.69);
    const outage = drill('token-outage');
    expect(outage).toMatchObject({ status: 502, contentType: expect.stringContaining('text/html') });
    expect((outage['truth'] as Truth[]).map((t) => t.status)).toEqual([502]);
  });

  it('a wrong client secret: 401 invalid_client, "invalid secret provided"', () => {
    const d = drill('wrong-secret');
    expect(d['answer']).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect(details(d['truth'])).toEqual(['invalid secret provided']);
  });
});

describe('the switches as flags, and the admin endpoints\' guard', () => {
  it('each flag sets its switch, read back at /admin/state and seen by the client', async () => {
    const flagged = await serveOAuth2(['--auto-approve', '--client', `drill-app:${SECRET}`, '--public-client', 'drill-public', '--code-ttl', '30s', '--access-token-ttl', '2m', '--refresh-token-ttl', '1h', '--no-rotate-refresh', '--require-pkce', '--redirect-matching', 'exact', '--clock-skew', '-10m', '--device-interval', '3s', '--slow', '300ms']);
    try {
      const state = (await (await fetch(`${flagged.line.issuer}/admin/state`)).json()) as { settings: Record<string, unknown> };
      expect(state.settings).toMatchObject({ codeTtlSec: 30, accessTokenTtlSec: 120, refreshTokenTtlSec: 3600, rotateRefreshToken: false, pkceRequired: true, redirectMatching: 'exact', clockSkewSec: -600, deviceIntervalSec: 3, tokenSlowMs: 300, consentDenied: false });
      const d = (await runDrills(flagged.line.issuer, ['as-started']))['as-started'] ?? {};
      expect(d.exception).toBeUndefined();
      expect(d['withoutPkce']).toMatchObject({ error: 'invalid_request' });
      expect(d['otherPort']).toBe(400);
      expect(d['registered']).toEqual(['code', 'iss', 'state']);
      expect(Math.abs((d['dateOffset'] as number) + 600)).toBeLessThanOrEqual(2);
      expect(d['interval']).toBe(3);
      expect(d['ccStatus']).toBe(200);
      expect(d['ccSeconds']).toBeGreaterThanOrEqual(0.29);
      expect(d['ccExpiresIn']).toBe(120);
    } finally {
      await flagged.stop();
    }
  }, 60_000);

  it('--consent-denied, --outage and --require-par as flags', async () => {
    const flagged = await serveOAuth2(['--auto-approve', '--consent-denied', '--outage', '502', '--require-par']);
    try {
      const state = (await (await fetch(`${flagged.line.issuer}/admin/state`)).json()) as { settings: Record<string, unknown> };
      expect(state.settings).toMatchObject({ consentDenied: true, tokenFailure: 502, parRequired: true });
      const metadata = (await (await fetch(`${flagged.line.issuer}/.well-known/oauth-authorization-server`)).json()) as Record<string, unknown>;
      expect(metadata['require_pushed_authorization_requests']).toBe(true);
    } finally {
      await flagged.stop();
    }
  }, 30_000);

  it('admin endpoints refuse a foreign Host or Origin, as the OAuth 1.0a ones do; a bad setting changes nothing', async () => {
    const { issuer } = serve.line;
    const foreignOrigin = await fetch(`${issuer}/admin/settings`, { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, body: 'consentDenied=true' });
    expect(foreignOrigin.status).toBe(403);
    const bad = await fetch(`${issuer}/admin/settings`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'consentDenied=true&codeTtlSec=soon' });
    expect(bad.status).toBe(400);
    const state = (await (await fetch(`${issuer}/admin/state`)).json()) as { settings: Record<string, unknown>; groundTruth: Truth[] };
    expect(state.settings['consentDenied']).toBe(false);
    // No credential in the ground truth: codes, tokens and secrets are never kept there.
    expect(JSON.stringify(state.groundTruth)).not.toContain(SECRET);
  });
});
