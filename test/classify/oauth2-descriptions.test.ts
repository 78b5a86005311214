import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';

interface Doc {
  problem: { code: string; confidence: string; status: number | null; source: string; message: string | null };
  causes: { id: string; likelihood: string; evidence: string[] }[];
}

async function explain(args: readonly string[], input?: string): Promise<Doc> {
  const r = await runInProcess(['explain', ...args, '--json'], input === undefined ? {} : { input });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Doc;
}

const grant = (description: string): string => JSON.stringify({ error: 'invalid_grant', error_description: description });

/** An OAuth 2.0 answer's description decides its cause (issue #12 §4); the top cause is never "the endpoint expects OAuth 2.0". */
const DESCRIPTIONS: readonly [string, string][] = [
  ['Code was already redeemed.', 'reuse'],
  ['Code not valid', 'reuse'],
  ['code_already_used', 'reuse'],
  ['This authorization code has been used.', 'reuse'],
  ['Authorization code expired', 'expiry'],
  ['The refresh token has expired', 'expiry'],
  ['Token has been expired or revoked.', 'expiry'],
  ['The authorization grant was revoked', 'revocation'],
  ['Refresh token revoked', 'revocation'],
  ['redirect_uri does not match the one used in the authorization request', 'redirect-mismatch'],
  ['Invalid redirect URI', 'redirect-mismatch'],
  ['PKCE verification failed', 'pkce-verifier-mismatch'],
  ['code_verifier does not match code_challenge', 'pkce-verifier-mismatch'],
  ['Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.', 'clock-skew'],
  ['JWT not active yet (nbf)', 'clock-skew'],
  ['Session not active', 'session-ended'],
  ['AADSTS700082: The refresh token has expired due to inactivity.', 'expiry'],
];

describe('OAuth 2.0 invalid_grant: the description picks the cause', () => {
  it.each(DESCRIPTIONS)('%s → %s', async (description, cause) => {
    const doc = await explain([grant(description)]);
    expect(doc.problem).toMatchObject({ code: 'oauth2:invalid_grant', confidence: 'exact' });
    expect(doc.causes[0]?.id).toBe(cause);
    expect(doc.causes[0]?.likelihood).toBe('likely');
    expect(doc.causes[0]?.evidence.join(' ')).toMatch(/The provider's message says/);
    expect(doc.causes[0]?.id).not.toBe('oauth2-endpoint');
  });

  it('a bare invalid_grant still puts the OAuth 2.0 causes before the endpoint question', async () => {
    const doc = await explain(['{"error":"invalid_grant"}']);
    expect(doc.causes[0]?.id).not.toBe('oauth2-endpoint');
    expect(doc.causes.map((c) => c.id)).toContain('oauth2-endpoint');
  });
});

describe('other OAuth 2.0 errors', () => {
  it('invalid_client: client authentication first; "Invalid client secret provided" says so', async () => {
    const doc = await explain(['-'], 'HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\n\r\n{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided."}');
    expect(doc.problem.code).toBe('oauth2:invalid_client');
    expect(doc.causes[0]).toMatchObject({ id: 'client-authentication', likelihood: 'likely' });
  });

  it('unauthorized_client: the app configuration', async () => {
    const doc = await explain(['{"error":"unauthorized_client","error_description":"The client is not authorized to request an authorization code using this method."}']);
    expect(doc.causes[0]?.id).toBe('app-configuration');
  });

  it('OpenID Connect consent_required, login_required, interaction_required', async () => {
    expect((await explain(['https://app.example.com/cb?error=consent_required&state=xyz'])).causes[0]?.id).toBe('consent-required');
    expect((await explain(['https://app.example.com/cb?error=login_required&state=xyz'])).causes[0]?.id).toBe('session-ended');
    expect((await explain(['https://app.example.com/cb?error=interaction_required&state=xyz'])).causes[0]?.id).toBe('consent-required');
  });

  it('redirect_uri_mismatch (Google, GitHub) is read as OAuth 2.0 and ranks the redirect first', async () => {
    const doc = await explain(['{"error":"redirect_uri_mismatch","error_description":"The redirect_uri MUST match the registered callback URL for this application."}']);
    expect(doc.problem.code).toBe('oauth2:redirect_uri_mismatch');
    expect(doc.causes[0]?.id).toBe('redirect-mismatch');
  });

  it('an error in a 200 body is still read (GitHub answers token errors with 200)', async () => {
    const doc = await explain(['-'], 'HTTP/1.1 200 OK\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\nerror=bad_verification_code&error_description=The+code+passed+is+incorrect+or+expired.&error_uri=https%3A%2F%2Fdocs.github.com');
    expect(doc.problem.code).toBe('oauth2:bad_verification_code');
    expect(doc.causes.slice(0, 2).map((c) => c.id)).toEqual(expect.arrayContaining(['reuse']));
  });

  it('oauthlib invalid_client with "Consumer key refused." stays OAuth 1 and reads as refused', async () => {
    const doc = await explain(['error=invalid_client&error_description=Consumer+key+refused.']);
    expect(doc.problem.code).toBe('consumer_key_refused');
    expect(doc.causes.slice(0, 2).map((c) => c.id)).toContain('app-suspended');
    expect(doc.causes[0]?.id).not.toBe('unknown-consumer');
  });
});

describe('the status when words fail', () => {
  it('404 → the wrong endpoint first, never "a code oauth-doctor does not know", no message of ours', async () => {
    const r = await runInProcess(['explain', '-'], { input: 'HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<html><body><h1>Not Found</h1></body></html>' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Problem: http:404 — Not found \(HTTP 404\)/);
    expect(r.stdout).not.toMatch(/does not know/);
    const doc = await explain(['--status', '404']);
    expect(doc.problem.code).toBe('http:404');
    expect(doc.causes[0]).toMatchObject({ id: 'wrong-endpoint', likelihood: 'likely' });
  });

  it('405 → the wrong method first', async () => {
    const doc = await explain(['-'], 'HTTP/1.1 405 Method Not Allowed\r\nAllow: POST\r\n\r\n');
    expect(doc.problem.code).toBe('http:405');
    expect(doc.causes[0]).toMatchObject({ id: 'wrong-method', likelihood: 'likely' });
  });

  it('429 and 503 with rate words → rate limited; 503 alone → an outage', async () => {
    expect((await explain(['Too many requests', '--status', '429'])).causes[0]?.id).toBe('rate-limited');
    expect((await explain(['Rate limit exceeded, please wait before retrying', '--status', '503'])).causes[0]?.id).toBe('rate-limited');
    expect((await explain(['--status', '503'])).causes[0]?.id).toBe('provider-outage');
  });

  it('words that say little give way to the status: "Service Unavailable" on a 503 is the status reading', async () => {
    const doc = await explain(['-'], 'HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/html\r\n\r\n<h1>Service Unavailable</h1>');
    expect(doc.problem).toMatchObject({ code: 'http:5xx', source: 'status-only' });
  });

  it('nothing recognised: names what was looked at and the next step', async () => {
    const r = await runInProcess(['explain', 'hello there, general kenobi']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Looked for:/);
    expect(r.stderr).toMatch(/--status N for a bare body/);
    expect(r.stderr).toMatch(/oauth-doctor inspect FILE/);
  });
});
