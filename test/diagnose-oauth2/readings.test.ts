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

describe('a login page\'s conditional destinations are no answer (issue 12)', () => {
  it('Facebook\'s login URL carries cancel_url=…?error=access_denied before anyone cancelled: not read as the person denying', () => {
    const url = 'https://www.facebook.com/login.php?skip_api_login=1&next=https%3A%2F%2Fwww.facebook.com%2Fdialog%2Foauth%3Fclient_id%3D1%26redirect_uri%3Dhttps%253A%252F%252Fapp.example%252Fcb&cancel_url=https%3A%2F%2Fapp.example%2Fcb%3Ferror%3Daccess_denied%26error_code%3D200%26error_description%3DPermissions%2Berror%26error_reason%3Duser_denied%26state%3Ds&display=page';
    expect(readProblemFromText(url)?.code ?? 'nothing').not.toMatch(/access_denied|permission_denied/);
  });
});

describe('OAuth 2.0 client authentication in words reads as invalid_client, not OAuth 1.0a\'s consumer key (issue 12, RFC 6749 §5.2)', () => {
  it.each([
    ['RFC 6749\'s own wording, alone', 'Client authentication failed'],
    ['in a JSON message', '{"message":"Client authentication failed.","status_code":500}'],
    ['Box\'s wording, alone', 'The client credentials are invalid'],
    ['an unknown client id beside a token endpoint', 'POST /oauth2/token grant_type=client_credentials -> {"message":"Invalid client id"}'],
  ])('%s', (_label, text) => {
    const r = reading(text);
    expect(r).toMatchObject({ code: 'oauth2:invalid_client', confidence: 'heuristic' });
    expect(r.top[0]).toBe('client-authentication');
  });

  it('"application not authorized" beside a token endpoint is unauthorized_client, with the client\'s credentials among the first causes', () => {
    const r = reading('Request to https://login.example.com/oauth2/token failed: {"message":"application not authorized"}');
    expect(r.code).toBe('oauth2:unauthorized_client');
    expect(r.top).toContain('client-authentication');
  });

  it('OAuth 1.0a words keep the OAuth 1.0a reading', () => {
    expect(reading('Invalid consumer key').code).toBe('consumer_key_unknown');
    expect(reading('oauth_consumer_key=abc: client credentials are invalid').code).not.toBe('oauth2:invalid_client');
  });
});

describe('Google\'s "missing required authentication credential" is no credential sent, not a signature (issue 12)', () => {
  it.each([
    ['alone', 'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.'],
    ['in its JSON', '{"error":{"code":401,"message":"Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.","errors":[{"message":"Login Required.","domain":"global","reason":"required","location":"Authorization","locationType":"header"}],"status":"UNAUTHENTICATED"}}'],
    ['in googleapiclient\'s HttpError', 'googleapiclient.errors.HttpError: <HttpError 401 when requesting https://www.googleapis.com/drive/v3/files returned "Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.". Details: "[{\'message\': \'Login Required.\', \'domain\': \'global\', \'reason\': \'required\'}]">'],
  ])('%s', (_label, text) => {
    const r = reading(text);
    expect(r.code).toBe('google:CREDENTIALS_MISSING');
    expect(r.top).toEqual(['missing-parameter', 'token-type-confusion']);
  });

  it('"Request had invalid authentication credentials" is Google\'s UNAUTHENTICATED, not signature_invalid', () => {
    expect(reading('Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.').code).toBe('google:UNAUTHENTICATED');
  });
});

describe('a refused RFC 7523 JWT assertion brings the clock among the first causes (issue 12)', () => {
  it.each([
    ['JWT is not yet valid', '{"error":"invalid_grant","error_description":"JWT is not yet valid"}'],
    ['Token used before issued', 'invalid_grant: Token used before issued'],
    ['not valid before', '{"error":"invalid_grant","error_description":"The JWT is not valid before 2024-01-01T00:00:00Z"}'],
    ['exp too far in the future', '{"error":"invalid_client","error_description":"The client_assertion token has an expiration too far in the future."}'],
    ['a bare invalid_grant to a jwt-bearer grant', 'POST /oauth2/token grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=eyJ… -> {"error":"invalid_grant"}'],
    ['a bare invalid_client to a client assertion', 'client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer -> 401 {"error":"invalid_client"}'],
    ['a JWT library\'s exception', 'io.jsonwebtoken.PrematureJwtException: JWT must not be accepted before 2024-01-01T00:00:00Z.'],
  ])('%s', (_label, text) => {
    expect(reading(text).top).toContain('clock-skew');
  });

  it('the jwt-bearer grant is an OAuth 2.0 sign of its own', () => {
    expect(readProblemFromText('grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer -> {"error":"invalid_grant"}')?.oauth2Signals).toContain('jwt-assertion');
  });
});
