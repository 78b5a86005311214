// The dialect tables of serve --oauth2, as data: every row sourced, every
// cause one the classifier names, the core refusals answered by every
// provider, and the engine's details (oidc-provider 8.8.1) classified.
import { describe, expect, it } from 'vitest';
import { causeOf, dialectAnswer, ENGINE_CAUSES, OAUTH2_DIALECT_WRITERS, refusalOf, type EngineCause, type RefusalFacts } from '../../src/provider/oauth2/dialects/index.js';
import { wantsJson } from '../../src/provider/oauth2/dialects/github.js';
import { OAUTH2_DIALECTS } from '../../src/provider/oauth2/options.js';

const FACTS: RefusalFacts = { clientId: 'demo-1', redirectUri: 'http://127.0.0.1/cb', grantType: 'authorization_code', now: Date.UTC(2026, 11, 7, 1, 2, 3), accept: '' };
const CORE: readonly EngineCause[] = ['code-reused', 'code-expired', 'code-redirect-mismatch', 'pkce-mismatch', 'pkce-missing', 'client-secret-wrong', 'refresh-reused', 'grant-revoked'];

describe('the dialect tables', () => {
  const dialects = Object.values(OAUTH2_DIALECT_WRITERS);

  it('cover every dialect serve --oauth2 offers but rfc6749 (the engine itself)', () => {
    expect(new Set([...dialects.map((d) => d.name), 'rfc6749'])).toEqual(new Set(OAUTH2_DIALECTS));
  });

  it.each(dialects.map((d) => [d.name, d] as const))('%s: every row has a source, a basis and causes the classifier names', (_name, dialect) => {
    expect(dialect.rows.length).toBeGreaterThan(3);
    for (const row of dialect.rows) {
      expect(row.source).toMatch(/^https:\/\/\S+$/);
      expect(['documented', 'observed', 'inferred']).toContain(row.basis);
      for (const cause of row.causes) expect(ENGINE_CAUSES).toContain(cause);
    }
  });

  it.each(dialects.map((d) => [d.name, d] as const))('%s: answers the core refusals (reuse, expiry, redirect, PKCE, secret, refresh replay, revoked grant)', (_name, dialect) => {
    for (const cause of CORE) expect(dialect.answer(cause, FACTS), cause).toBeDefined();
    // A cause no row names keeps the engine's own answer.
    expect(dialect.answer('other', FACTS)).toBeUndefined();
  });
});

describe('the engine cause of a refusal (oidc-provider 8.8.1 details)', () => {
  const cases: [string, string, boolean, EngineCause][] = [
    ['invalid_grant', 'authorization code already consumed', true, 'code-reused'],
    ['invalid_grant', 'authorization code is expired', true, 'code-expired'],
    ['invalid_grant', 'authorization code redirect_uri mismatch', true, 'code-redirect-mismatch'],
    ['invalid_grant', 'PKCE verification failed', true, 'pkce-mismatch'],
    ['invalid_grant', 'PKCE verification failed', false, 'pkce-missing'],
    ['invalid_grant', 'refresh token already used', false, 'refresh-reused'],
    ['invalid_grant', 'refresh token is expired', false, 'refresh-expired'],
    ['invalid_grant', 'grant not found', false, 'grant-revoked'],
    ['invalid_client', 'invalid secret provided', false, 'client-secret-wrong'],
    ['invalid_client', 'jwt not active yet', false, 'assertion-not-yet-valid'],
    ['invalid_client', 'jwt expired', false, 'assertion-expired'],
    ['invalid_client', 'audience (aud) must equal the endpoint url, issuer identifier or token endpoint url', false, 'assertion-invalid'],
    ['authorization_pending', '', false, 'authorization-pending'],
    ['invalid_request', 'requested grant type is not allowed for this client', false, 'grant-not-allowed'],
    ['server_error', 'oops', false, 'other'],
  ];
  it.each(cases)('%s "%s" (verifier sent: %s) is %s', (error, detail, hasCodeVerifier, cause) => {
    expect(causeOf({ error, detail, hasCodeVerifier })).toBe(cause);
  });

  it('reads the detail the engine emits (error_detail), else its description', () => {
    expect(refusalOf({ error: 'invalid_grant', error_description: 'grant request is invalid', error_detail: 'refresh token already used' }, {})).toEqual({ error: 'invalid_grant', detail: 'refresh token already used', hasCodeVerifier: false });
    expect(refusalOf({ error: 'invalid_request', error_description: 'no client authentication mechanism provided' }, { code_verifier: 'v' }).detail).toBe('no client authentication mechanism provided');
  });
});

describe('wire shapes', () => {
  it('Google: two-space JSON, as oauth2.googleapis.com prints it', () => {
    const answer = OAUTH2_DIALECT_WRITERS.google.answer('code-reused', FACTS);
    expect(answer).toEqual({ status: 400, contentType: 'application/json; charset=utf-8', body: '{\n  "error": "invalid_grant",\n  "error_description": "Bad Request"\n}' });
  });

  it('Entra: the AADSTS envelope with Trace ID, Correlation ID and Timestamp lines', () => {
    const answer = OAUTH2_DIALECT_WRITERS.entra.answer('assertion-not-yet-valid', { ...FACTS, assertion: { iat: 1796000000, nbf: 1796000000, exp: 1796000300 } });
    expect(answer?.status).toBe(401);
    const body = JSON.parse(answer?.body ?? '{}') as Record<string, unknown>;
    expect(body['error']).toBe('invalid_client');
    expect(body['error_codes']).toEqual([700024]);
    expect(body['timestamp']).toBe('2026-12-07 01:02:03Z');
    expect(body['error_uri']).toBe('https://login.microsoftonline.com/error?code=700024');
    expect(body['error_description']).toMatch(/^AADSTS700024: Client assertion is not within its valid time range\. Current time: 2026-12-07T01:02:03\.0000000Z, assertion valid from 2026-11-30T\d\d:\d\d:\d\d\.0000000Z, expiry time of assertion .*\r\nTrace ID: [0-9a-f-]{36}\r\nCorrelation ID: [0-9a-f-]{36}\r\nTimestamp: 2026-12-07 01:02:03Z$/s);
    expect(String(body['error_description'])).toContain(`Trace ID: ${String(body['trace_id'])}`);
  });

  it('GitHub: status 200, a form body unless JSON is asked for', () => {
    const form = OAUTH2_DIALECT_WRITERS.github.answer('code-reused', FACTS);
    expect(form?.status).toBe(200);
    expect(form?.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    expect(Object.fromEntries(new URLSearchParams(form?.body))).toEqual({ error: 'bad_verification_code', error_description: 'The code passed is incorrect or expired.', error_uri: 'https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#bad-verification-code' });
    const json = OAUTH2_DIALECT_WRITERS.github.answer('client-secret-wrong', { ...FACTS, accept: 'application/json' });
    expect(JSON.parse(json?.body ?? '{}')).toMatchObject({ error: 'incorrect_client_credentials' });
    expect(wantsJson('application/vnd.github+json')).toBe(true);
    expect(wantsJson('*/*')).toBe(false);
  });

  it('the denial redirect: GitHub adds its description and error_uri, Google sends the code alone', () => {
    expect(OAUTH2_DIALECT_WRITERS.github.redirect('access-denied', FACTS)).toEqual({ error: 'access_denied', error_description: 'The user has denied your application access.', error_uri: 'https://docs.github.com/apps/managing-oauth-apps/troubleshooting-authorization-request-errors/#access-denied' });
    expect(OAUTH2_DIALECT_WRITERS.google.redirect('access-denied', FACTS)).toEqual({ error: 'access_denied' });
    expect(OAUTH2_DIALECT_WRITERS.x.redirect('access-denied', FACTS)).toBeUndefined();
  });

  it('outside the token and device endpoints only client authentication is rewritten, and never as GitHub', () => {
    expect(dialectAnswer(OAUTH2_DIALECT_WRITERS.google, 'revocation', 'client-secret-wrong', FACTS)?.status).toBe(401);
    expect(dialectAnswer(OAUTH2_DIALECT_WRITERS.google, 'revocation', 'code-reused', FACTS)).toBeUndefined();
    expect(dialectAnswer(OAUTH2_DIALECT_WRITERS.github, 'introspection', 'client-secret-wrong', FACTS)).toBeUndefined();
  });
});
