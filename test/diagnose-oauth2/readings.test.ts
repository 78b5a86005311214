import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnose/diagnose.js';
import { readProblemFromText } from '../../src/diagnose/read-problem.js';
import type { DetectedProblem } from '../../src/diagnose/types.js';

/** The problem code, confidence and the first two cause ids explain would show. */
function reading(text: string): { code: string | undefined; confidence: string | undefined; top: string[] } {
  const problem = readProblemFromText(text);
  if (!problem) return { code: undefined, confidence: undefined, top: [] };
  const d = diagnose(problem as DetectedProblem, {}, { lang: 'en' });
  return { code: problem.code, confidence: problem.confidence, top: d.causes.slice(0, 2).map((c) => c.id) };
}

describe('an API key is not a Bearer token (issue 12)', () => {
  it('a 401 in a paste that names only x-api-key is the key refused, not RFC 6750 invalid_token', () => {
    const bare = reading('HTTP/1.1 401 Unauthorized\ncontent-type: application/json\n\n{"message":"Unauthorized"}\n(sent with the x-api-key header)');
    expect(bare.code).toBe('consumer_key_unknown');
    expect(bare.top[0]).toBe('unknown-consumer');
    expect(reading('API request failed: 401 {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}').code).toBe('consumer_key_unknown');
    // Words about a token beside an API key stay away from invalid_token too.
    expect(reading('status 401: {"detail":"Invalid token"} (sent x-api-key: abc)').code).not.toBe('oauth2:invalid_token');
  });

  it('a Bearer token or a JWT named beside the key still leans to OAuth 2.0', () => {
    expect(reading('HTTP/1.1 401 Unauthorized\n\n{"message":"Unauthorized"}\n(sent a JWT as Bearer, and x-api-key)').code).toBe('oauth2:invalid_token');
  });
});

describe('cloud APIs\' PascalCase codes read as their own, not as an OAuth 2.0 code spelt in PascalCase (issue 12)', () => {
  it.each([
    ['AccessDenied', 'aws:AccessDenied', 'insufficient-scope'],
    ['AccessDeniedException', 'aws:AccessDenied', 'insufficient-scope'],
    ['ExpiredToken', 'aws:ExpiredToken', 'expiry'],
    ['SignatureDoesNotMatch', 'aws:SignatureDoesNotMatch', 'wrong-secret'],
    ['InvalidAuthenticationToken', 'azure:InvalidAuthenticationToken', 'token-type-confusion'],
    ['AuthorizationFailed', 'azure:AuthorizationFailed', 'insufficient-scope'],
  ])('explain %s', (typed, code, cause) => {
    const r = reading(typed);
    expect(r).toMatchObject({ code, confidence: 'mapped' });
    expect(r.top).toContain(cause);
  });

  it('a bare PascalCase spelling of an OAuth 2.0 code is only a hint; a namespaced or SCREAMING_CASE one stays mapped', () => {
    expect(reading('InvalidClient')).toMatchObject({ code: 'oauth2:invalid_client', confidence: 'heuristic' });
    expect(reading('OAuthError.InvalidClient')).toMatchObject({ code: 'oauth2:invalid_client', confidence: 'mapped' });
    expect(reading('INVALID_CLIENT')).toMatchObject({ code: 'oauth2:invalid_client', confidence: 'mapped' });
  });

  it.each([
    ['S3 XML', '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>R</RequestId></Error>', 'aws:AccessDenied'],
    ['botocore', 'botocore.exceptions.ClientError: An error occurred (ExpiredToken) when calling the GetCallerIdentity operation: The security token included in the request is expired', 'aws:ExpiredToken'],
    ['aws-sdk-go-v2', 'operation error STS: GetCallerIdentity, https response error StatusCode: 403, RequestID: r, api error ExpiredToken: The security token included in the request is expired', 'aws:ExpiredToken'],
    ['Java SDK', 'AmazonS3Exception: Access Denied (Service: Amazon S3; Status Code: 403; Error Code: AccessDenied; Request ID: R)', 'aws:AccessDenied'],
    ['JSON __type', '{"__type":"com.amazon.coral.service#ExpiredTokenException","message":"The security token included in the request is expired"}', 'aws:ExpiredToken'],
    ['API Gateway', '{"message":"Missing Authentication Token"}', 'aws:MissingAuthenticationToken'],
    ['ARM JSON', '{"error":{"code":"AuthorizationFailed","message":"The client \'c\' with object id \'o\' does not have authorization to perform action \'a\' over scope \'s\' or the scope is invalid."}}', 'azure:AuthorizationFailed'],
    ['Graph JSON', '{"error":{"code":"InvalidAuthenticationToken","message":"Access token is empty.","innerError":{"request-id":"r"}}}', 'azure:InvalidAuthenticationToken'],
    ['Azure CLI', 'ERROR: (AuthorizationFailed) The client \'c\' with object id \'o\' does not have authorization to perform action', 'azure:AuthorizationFailed'],
  ])('%s names its code', (_label, text, code) => {
    expect(reading(text).code).toBe(code);
  });
});

describe('an error in a redirect URL, however it is wrapped (issue 12, RFC 6749 §4.1.2.1)', () => {
  it.each([
    ['quoted', 'https://app.example/callback?error=%22access_denied%22&error_description=%22The+user+denied%22&state=s', 'oauth2:access_denied'],
    ['inside another URL, encoded once', 'https://app.example/login?next=https%3A%2F%2Fapp.example%2Fcb%3Ferror%3Dinvalid_scope%26state%3Ds', 'oauth2:invalid_scope'],
    ['inside another URL, encoded twice', 'https://accounts.example/signin?continue=https%253A%252F%252Fapp.example%252Fcb%253Ferror%253Dinvalid_scope%2526state%253Dx', 'oauth2:invalid_scope'],
    ['a path inside another URL', 'https://localhost:44300/Account/Login?ReturnUrl=%2FAccount%2FExternalLoginCallback%3Ferror%3Dconsent_required%26state%3Ds', 'oauth2:consent_required'],
    ['a single-page app route in the fragment', 'http://localhost:4200/#/auth/callback?error=login_required&state=abc', 'oauth2:login_required'],
    ['a fragment', 'http://localhost:3000/callback#error=interaction_required&state=xyz', 'oauth2:interaction_required'],
    ['with a sub-code', 'https://example.com/cb?error=consent_required&error_subcode=cancel&state=abc', 'oauth2:consent_required'],
    ['quoted in a request line', 'GET /signin-oidc?error=%22invalid_request%22&error_description=%22redirect_uri%20mismatch%22&state=abc HTTP/1.1', 'oauth2:invalid_request'],
  ])('%s', (_label, text, code) => {
    expect(reading(text).code).toBe(code);
  });

  it('a URL whose nested parameter holds no error is nothing', () => {
    expect(readProblemFromText('https://app.example/login?next=https%3A%2F%2Fapp.example%2Fhome%3Ftab%3D1')).toBeUndefined();
  });
});
