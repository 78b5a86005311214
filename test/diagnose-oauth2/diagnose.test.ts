import { describe, expect, it } from 'vitest';
import { fingerprintToken } from '../../src/diagnose/fingerprint.js';
import { diagnoseOAuth2, pkceChallenge, challengeForEvidence, type OAuth2Evidence } from '../../src/diagnose/oauth2/index.js';
import { readProblem } from '../../src/diagnose/read-problem.js';
import { diagnosisJson } from '../../src/diagnose/render.js';
import type { CauseId, DetectedProblem } from '../../src/diagnose/types.js';

/** The one wire answer oidc-provider gives for every invalid_grant drill (oidc-provider 8.8.1's lib/helpers/errors.js: InvalidGrant with its error_description). */
function wire(status: number, error: string, description: string): DetectedProblem {
  const problem = readProblem({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error, error_description: description }) });
  if (!problem) throw new Error('not read');
  return problem;
}
const INVALID_GRANT = wire(400, 'invalid_grant', 'grant request is invalid');
const INVALID_CLIENT = wire(401, 'invalid_client', 'client authentication failed');

const T0 = Date.UTC(2026, 11, 3, 9, 0, 0);
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'; // RFC 7636 Appendix B
const CODE = fingerprintToken('SplxlOBeZQQYbYS6WxSbIA');
const REFRESH = fingerprintToken('tGzv3JOkF0XG5Qx2TlKWIA');

/** A healthy code exchange: each drill changes one thing. */
const BASE: OAuth2Evidence = {
  observedAt: T0 + 5_000,
  issuer: 'http://127.0.0.1:9000',
  failedStep: 'token',
  oauth2Request: true,
  clockOffsetSec: 0,
  authorize: { at: T0, redirectUri: 'http://127.0.0.1:53682/callback', state: 'xyz', codeChallenge: CHALLENGE, codeChallengeMethod: 'S256', scope: 'openid profile' },
  callback: { at: T0 + 3_000, state: 'xyz', code: CODE },
  token: { at: T0 + 4_000, grantType: 'authorization_code', code: CODE, redirectUri: 'http://127.0.0.1:53682/callback', verifierChallenge: pkceChallenge(VERIFIER), clientAuth: 'client_secret_basic', status: 400 },
  ledger: {},
  metadata: { issuer: 'http://127.0.0.1:9000', tokenEndpoint: 'http://127.0.0.1:9000/token', tokenEndpointAuthMethods: ['client_secret_basic', 'client_secret_post', 'private_key_jwt'] },
};

function top(evidence: OAuth2Evidence, problem = INVALID_GRANT): { id: CauseId; likelihood: string; evidence: readonly string[] } {
  const cause = diagnoseOAuth2(evidence, problem).causes[0];
  if (!cause) throw new Error('no cause');
  return cause;
}

interface Drill {
  readonly name: string;
  readonly evidence: OAuth2Evidence;
  readonly problem?: DetectedProblem;
  readonly expect: CauseId;
  readonly likelihood?: 'certain' | 'likely';
}

const DRILLS: readonly Drill[] = [
  { name: 'code used twice (ledger across runs)', evidence: { ...BASE, ledger: { code: { uses: [T0 - 60_000] } } }, expect: 'reuse', likelihood: 'certain' },
  { name: 'code used three times', evidence: { ...BASE, ledger: { code: { uses: [T0 - 60_000, T0 - 30_000] } } }, expect: 'reuse', likelihood: 'certain' },
  { name: 'code past the provider lifetime', evidence: { ...BASE, codeLifetimeSec: 60, token: { ...BASE.token, at: T0 + 3_000 + 120_000 } }, expect: 'expiry', likelihood: 'certain' },
  { name: 'code past RFC 6749 10 minutes, lifetime unknown', evidence: { ...BASE, token: { ...BASE.token, at: T0 + 3_000 + 11 * 60_000 } }, expect: 'expiry', likelihood: 'likely' },
  { name: 'redirect_uri differs (port)', evidence: { ...BASE, token: { ...BASE.token, redirectUri: 'http://127.0.0.1:53683/callback' } }, expect: 'redirect-mismatch', likelihood: 'certain' },
  { name: 'redirect_uri differs (trailing slash)', evidence: { ...BASE, token: { ...BASE.token, redirectUri: 'http://127.0.0.1:53682/callback/' } }, expect: 'redirect-mismatch', likelihood: 'certain' },
  { name: 'redirect_uri missing at the token leg', evidence: { ...BASE, token: { ...BASE.token, redirectUri: undefined } }, expect: 'redirect-mismatch', likelihood: 'certain' },
  { name: 'verifier regenerated', evidence: { ...BASE, token: { ...BASE.token, verifierChallenge: pkceChallenge('another-verifier-another-verifier-another-v') } }, expect: 'pkce-verifier-mismatch', likelihood: 'certain' },
  { name: 'verifier lost (none sent)', evidence: { ...BASE, token: { ...BASE.token, verifierChallenge: null } }, expect: 'pkce-verifier-mismatch', likelihood: 'certain' },
  { name: 'plain verifier mismatch', evidence: { ...BASE, authorize: { ...BASE.authorize, codeChallenge: challengeForEvidence('abc', 'plain'), codeChallengeMethod: 'plain' }, token: { ...BASE.token, verifierChallenge: pkceChallenge('abd', 'plain') } }, expect: 'pkce-verifier-mismatch', likelihood: 'certain' },
  {
    name: 'rotated refresh token replayed',
    evidence: { observedAt: T0, failedStep: 'refresh', oauth2Request: true, token: { at: T0, grantType: 'refresh_token', refreshToken: REFRESH }, ledger: { refreshToken: { uses: [T0 - 10_000], rotated: true } } },
    expect: 'reuse',
    likelihood: 'certain',
  },
  {
    name: 'newest refresh token after its family was replayed',
    evidence: { observedAt: T0, failedStep: 'refresh', oauth2Request: true, token: { at: T0, grantType: 'refresh_token', refreshToken: REFRESH }, ledger: { refreshToken: { uses: [], familyReplayedAt: T0 - 5_000 } } },
    expect: 'refresh-family-revoked',
    likelihood: 'certain',
  },
  {
    name: 'refresh token revoked by oauth-doctor (RFC 7009)',
    evidence: { observedAt: T0, failedStep: 'refresh', oauth2Request: true, token: { at: T0, grantType: 'refresh_token', refreshToken: REFRESH }, ledger: { refreshToken: { uses: [T0 - 50_000], revokedAt: T0 - 20_000 } } },
    expect: 'revocation',
    likelihood: 'certain',
  },
  {
    name: 'two refreshes racing in one session',
    evidence: { observedAt: T0, failedStep: 'refresh', oauth2Request: true, token: { at: T0, grantType: 'refresh_token', refreshToken: REFRESH }, refreshes: [{ at: T0 - 800, sent: REFRESH, issued: fingerprintToken('new'), status: 200 }, { at: T0, sent: REFRESH, status: 400 }] },
    expect: 'reuse',
    likelihood: 'likely',
  },
  {
    name: 'auth method the metadata does not list',
    problem: INVALID_CLIENT,
    evidence: { ...BASE, token: { ...BASE.token, clientAuth: 'client_secret_jwt' } },
    expect: 'client-authentication',
    likelihood: 'certain',
  },
  {
    name: 'client assertion from a clock 120 s behind the server (iat in the past is fine) — exp passed',
    problem: INVALID_CLIENT,
    evidence: { ...BASE, clockOffsetSec: 400, token: { ...BASE.token, clientAuth: 'private_key_jwt', assertion: { iat: (T0 + 4_000) / 1000, exp: (T0 + 4_000) / 1000 + 60, aud: 'http://127.0.0.1:9000' } } },
    expect: 'clock-skew',
    likelihood: 'certain',
  },
  {
    name: 'client assertion from a clock ahead of the server (iat in the future)',
    problem: INVALID_CLIENT,
    evidence: { ...BASE, clockOffsetSec: -120, token: { ...BASE.token, clientAuth: 'private_key_jwt', assertion: { iat: (T0 + 4_000) / 1000, exp: (T0 + 4_000) / 1000 + 60, aud: 'http://127.0.0.1:9000' } } },
    expect: 'clock-skew',
    likelihood: 'certain',
  },
  {
    name: 'client assertion with a foreign aud',
    problem: INVALID_CLIENT,
    evidence: { ...BASE, token: { ...BASE.token, clientAuth: 'private_key_jwt', assertion: { iat: (T0 + 4_000) / 1000, exp: (T0 + 4_000) / 1000 + 60, aud: 'https://other.example/token' } } },
    expect: 'client-authentication',
  },
  {
    name: 'scope asked but not granted, resource refuses',
    problem: wire(403, 'insufficient_scope', 'insufficient scope'),
    evidence: { ...BASE, failedStep: 'resource', authorize: { ...BASE.authorize, scope: 'openid profile email' }, scopeGranted: 'openid profile' },
    expect: 'insufficient-scope',
    likelihood: 'certain',
  },
  {
    name: 'consent denied on the authorize page',
    problem: wire(400, 'access_denied', 'End-User aborted interaction'),
    evidence: { ...BASE, failedStep: 'callback', callback: { at: T0 + 3_000, state: 'xyz', error: 'access_denied' }, token: undefined },
    expect: 'user-denied',
    likelihood: 'certain',
  },
  {
    name: 'state came back different',
    problem: { code: 'flow:state-mismatch', source: 'capture-check', confidence: 'exact', parameters: {} },
    evidence: { ...BASE, failedStep: 'callback', callback: { at: T0 + 3_000, state: 'abc', code: CODE }, token: undefined },
    expect: 'state-mismatch',
    likelihood: 'certain',
  },
  {
    name: 'device flow polled faster than the interval',
    problem: wire(400, 'slow_down', 'slow down'),
    evidence: { observedAt: T0 + 6_000, failedStep: 'device-token', oauth2Request: true, device: { issuedAt: T0, intervalSec: 5, expiresInSec: 600, polls: [{ at: T0 + 1_000 }, { at: T0 + 2_000 }, { at: T0 + 3_000 }] } },
    expect: 'rate-limited',
    likelihood: 'certain',
  },
  {
    name: 'device code expired',
    problem: wire(400, 'expired_token', 'device code expired'),
    evidence: { observedAt: T0 + 700_000, failedStep: 'device-token', oauth2Request: true, device: { issuedAt: T0, intervalSec: 5, expiresInSec: 600, polls: [{ at: T0 + 700_000 }] } },
    expect: 'expiry',
    likelihood: 'certain',
  },
  {
    name: 'device: person not done yet',
    problem: wire(400, 'authorization_pending', 'authorization pending'),
    evidence: { observedAt: T0 + 10_000, failedStep: 'device-token', oauth2Request: true, device: { issuedAt: T0, intervalSec: 5, polls: [{ at: T0 + 5_000 }, { at: T0 + 10_000 }] } },
    expect: 'not-yet-authorized',
    likelihood: 'certain',
  },
];

describe('diagnoseOAuth2: one wire answer, the evidence decides', () => {
  it.each(DRILLS.map((d) => [d.name, d] as const))('%s', (_name, drill) => {
    const cause = top(drill.evidence, drill.problem);
    expect(cause.id).toBe(drill.expect);
    if (drill.likelihood) expect(cause.likelihood).toBe(drill.likelihood);
    expect(cause.evidence.length).toBeGreaterThan(0);
  });

  it('every drill is told apart: the ranked-first causes of the invalid_grant drills differ as their evidence does', () => {
    const grants = DRILLS.filter((d) => d.problem === undefined).map((d) => top(d.evidence).id);
    expect(new Set(grants)).toEqual(new Set(['reuse', 'expiry', 'redirect-mismatch', 'pkce-verifier-mismatch', 'refresh-family-revoked', 'revocation']));
  });

  it('a clean exchange rules the session causes out and says why', () => {
    const diagnosis = diagnoseOAuth2(BASE, INVALID_GRANT);
    const by = new Map(diagnosis.causes.map((c) => [c.id, c]));
    for (const id of ['reuse', 'expiry', 'redirect-mismatch', 'pkce-verifier-mismatch', 'oauth2-endpoint'] as const) expect(by.get(id)?.likelihood, id).toBe('unlikely');
    expect(by.get('pkce-verifier-mismatch')?.evidence.join(' ')).toContain('RFC 7636 §4.6');
    // what is left in play is what the evidence cannot see: a revoked grant, an ended session
    expect(diagnosis.causes[0]?.likelihood).toBe('possible');
    expect(['revocation', 'session-ended']).toContain(diagnosis.causes[0]?.id);
  });

  it('without evidence, the problem alone ranks (nothing certain)', () => {
    const diagnosis = diagnoseOAuth2({}, INVALID_GRANT);
    expect(diagnosis.causes.every((c) => c.likelihood !== 'certain')).toBe(true);
    expect(diagnosis.problem.code).toBe('oauth2:invalid_grant');
  });

  it('evidence outranks the words: a description saying "expired" does not beat a recorded reuse', () => {
    const said = wire(400, 'invalid_grant', 'The authorization code has expired.');
    const cause = top({ ...BASE, ledger: { code: { uses: [T0 - 60_000] } } }, said);
    expect(cause.id).toBe('reuse');
    expect(cause.likelihood).toBe('certain');
  });

  it('two findings at once are both certain, the first rule first (reuse before redirect)', () => {
    const diagnosis = diagnoseOAuth2({ ...BASE, ledger: { code: { uses: [T0 - 60_000] } }, token: { ...BASE.token, redirectUri: 'http://localhost:53682/callback' } }, INVALID_GRANT);
    const certain = diagnosis.causes.filter((c) => c.likelihood === 'certain').map((c) => c.id);
    expect(certain).toEqual(expect.arrayContaining(['reuse', 'redirect-mismatch']));
  });

  it('a large clock offset makes skew likely for a grant; a small one unlikely', () => {
    const far = diagnoseOAuth2({ ...BASE, clockOffsetSec: 900 }, INVALID_GRANT).causes.find((c) => c.id === 'clock-skew');
    expect(far?.likelihood).toBe('likely');
    const near = diagnoseOAuth2({ ...BASE, clockOffsetSec: 2 }, INVALID_GRANT).causes.find((c) => c.id === 'clock-skew');
    expect(near).toBeUndefined(); // an "unlikely" about a cause the problem does not list is no row
  });

  it('the callback iss naming another issuer (RFC 9207) is found', () => {
    const diagnosis = diagnoseOAuth2({ ...BASE, callback: { ...BASE.callback, iss: 'https://evil.example' } }, INVALID_GRANT);
    expect(diagnosis.causes.find((c) => c.id === 'host-mismatch')?.likelihood).toBe('likely');
  });

  it('code age close to the lifetime is possible, well inside is unlikely', () => {
    const near = diagnoseOAuth2({ ...BASE, codeLifetimeSec: 60, token: { ...BASE.token, at: T0 + 3_000 + 55_000 } }, INVALID_GRANT).causes.find((c) => c.id === 'expiry');
    expect(near?.likelihood).toBe('possible');
  });

  it('speaks Japanese', () => {
    const diagnosis = diagnoseOAuth2({ ...BASE, ledger: { code: { uses: [T0 - 60_000] } } }, INVALID_GRANT, { lang: 'ja' });
    expect(diagnosis.causes[0]?.evidence[0]).toMatch(/認可コード/);
    expect(diagnosis.causes[0]?.title).toMatch(/[\u3040-\u30ff]/);
  });

  it('is pure: the same input gives the same JSON', () => {
    const evidence: OAuth2Evidence = { ...BASE, ledger: { code: { uses: [T0 - 60_000] } } };
    expect(JSON.stringify(diagnosisJson(diagnoseOAuth2(evidence, INVALID_GRANT)))).toBe(JSON.stringify(diagnosisJson(diagnoseOAuth2(evidence, INVALID_GRANT))));
  });

  it('never prints a canary: evidence holds fingerprints and the output has none of the values', () => {
    const canaryCode = 'CANARY-code-7f3a9b';
    const canaryVerifier = 'CANARY-verifier-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
    const evidence: OAuth2Evidence = {
      ...BASE,
      callback: { ...BASE.callback, code: fingerprintToken(canaryCode) },
      token: { ...BASE.token, code: fingerprintToken(canaryCode), verifierChallenge: pkceChallenge(canaryVerifier) },
      ledger: { code: { uses: [T0 - 1_000] } },
    };
    const text = JSON.stringify(diagnosisJson(diagnoseOAuth2(evidence, INVALID_GRANT)));
    expect(text).not.toContain('CANARY');
  });
});

describe('PKCE (RFC 7636)', () => {
  it('S256 of the Appendix B verifier is the Appendix B challenge', () => {
    expect(pkceChallenge(VERIFIER)).toBe(CHALLENGE);
  });
  it('plain is compared by fingerprint on both sides', () => {
    expect(pkceChallenge('abc', 'plain')).toBe(challengeForEvidence('abc', 'plain'));
    expect(pkceChallenge('abc', 'plain')).not.toContain('abc');
  });
});
