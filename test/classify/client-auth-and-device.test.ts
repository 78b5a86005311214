import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnose/diagnose.js';
import { readProblemFromText } from '../../src/diagnose/read-problem.js';
import type { DetectedProblem } from '../../src/diagnose/types.js';

const read = (text: string): { code: string | undefined; causes: string[] } => {
  const problem = readProblemFromText(text);
  if (problem === undefined) return { code: undefined, causes: [] };
  return { code: problem.code, causes: diagnose(problem as DetectedProblem, {}, { lang: 'en' }).causes.map((c) => c.id) };
};

describe('client authentication words (RFC 6749 §5.2 invalid_client), from servers and libraries', () => {
  it.each([
    'invalid_client: Invalid client: client is invalid',
    'Invalid client: cannot retrieve client credentials',
    'client_secret is required',
    'The client_secret is required',
    'missing client_id',
    'Missing client_id parameter.',
    'OAuth2Error: Invalid or missing client_id parameter',
    'Client credentials were not found in the headers or body',
  ])('%s reads invalid_client, client authentication first', (text) => {
    const r = read(text);
    expect(r.code).toBe('oauth2:invalid_client');
    expect(r.causes[0]).toBe('client-authentication');
  });

  it('"unsupported authentication method" is the client\'s authentication, never the HTTP method (RFC 6749 §5.2)', () => {
    const r = read('{"error":"invalid_client","error_description":"Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method."}');
    expect(r.causes.slice(0, 2)).toEqual(['client-authentication', 'unknown-consumer']);
    expect(r.causes).not.toContain('wrong-method');
    // A method the server does not allow still is the HTTP method.
    expect(read('HTTP method not allowed').causes[0]).toBe('wrong-method');
  });
});

describe('an expired device or verification code is expiry (RFC 8628 §3.5), not PKCE', () => {
  it.each(['AADSTS70019: Verification code expired.', '{"error":"expired_token","error_description":"AADSTS70019: Verification code expired."}', 'The device code has expired'])('%s', (text) => {
    const r = read(text);
    expect(r.causes[0]).toBe('expiry');
    expect(r.causes.slice(0, 2)).not.toContain('pkce-verifier-mismatch');
  });

  it('a code_verifier that does not match still is PKCE (AADSTS50148, AADSTS501481)', () => {
    expect(read('{"error":"invalid_grant","error_description":"AADSTS501481: The Code_Verifier does not match the code_challenge supplied in the authorization request."}').causes[0]).toBe('pkce-verifier-mismatch');
    expect(read('AADSTS50148: The code_verifier does not match the code_challenge supplied in the authorization request for PKCE.').causes[0]).toBe('pkce-verifier-mismatch');
  });
});
