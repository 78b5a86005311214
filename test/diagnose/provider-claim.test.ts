import { describe, expect, it } from 'vitest';
import { readProblemFromText } from '../../src/diagnose/read-problem.js';

/**
 * A provider's code is claimed only with that provider's evidence (issue 12): its host, its name in the paste, or its own
 * wording. Words any server may send (an HTTP reason phrase, the code restated) beside a standard code are the standard code.
 */
describe('library exceptions with a standard code and generic words claim no provider (issue 12)', () => {
  it.each([
    ['oauthlib', 'oauthlib.oauth2.rfc6749.errors.InvalidGrantError: (invalid_grant) Bad Request', 'oauth2:invalid_grant'],
    ['authlib', 'authlib.integrations.base_client.errors.OAuthError: invalid_grant: Bad Request', 'oauth2:invalid_grant'],
    ['golang.org/x/oauth2', 'oauth2: cannot fetch token: 400 Bad Request\nResponse: {"error":"invalid_grant","error_description":"Bad Request"}', 'oauth2:invalid_grant'],
    ['Spring Security', 'org.springframework.security.oauth2.core.OAuth2AuthenticationException: [invalid_grant] Bad Request', 'oauth2:invalid_grant'],
    ['MSAL.NET', 'Microsoft.Identity.Client.MsalServiceException: invalid_grant Bad Request', 'oauth2:invalid_grant'],
    ['a bare JSON answer', '{"error":"invalid_client","error_description":"Unauthorized"}', 'oauth2:invalid_client'],
    ['oauthlib, a restated code', 'oauthlib.oauth2.rfc6749.errors.InvalidGrantError: (invalid_grant) Invalid refresh token', 'oauth2:invalid_grant'],
  ])('%s', (_library, text, code) => {
    const problem = readProblemFromText(text);
    expect(problem?.code).toBe(code);
    expect(problem?.providerCode, text).toBeUndefined();
    expect(problem?.provider).toBeUndefined();
  });

  it.each([
    ['its host', 'POST https://oauth2.googleapis.com/token\n{"error":"invalid_grant","error_description":"Bad Request"}', 'google:invalid_grant:bad-request'],
    ['its library named', "google.auth.exceptions.RefreshError: ('invalid_grant: Bad Request', {'error': 'invalid_grant', 'error_description': 'Bad Request'})", 'google:invalid_grant:bad-request'],
    ['its API in the URL of a Go error', 'Get "https://www.googleapis.com/drive/v3/files": oauth2: cannot fetch token: 400 Bad Request\nResponse: {"error":"invalid_grant","error_description":"Bad Request"}', 'google:invalid_grant:bad-request'],
    ['a host-only row on its host', 'POST https://accounts.spotify.com/api/token\n{"error":"invalid_grant","error_description":"Invalid refresh token"}', 'spotify:invalid_grant:refresh'],
    ['its own wording', 'Error: invalid_grant - authentication failure', 'salesforce:invalid_grant:authentication-failure'],
    ['its own punctuation and member', '{"reason":"Invalid Token!","error":"invalid_grant"}', 'zoom:invalid_grant:token'],
  ])('with the provider\'s evidence (%s) its row stands', (_evidence, text, providerCode) => {
    expect(readProblemFromText(text)?.providerCode).toBe(providerCode);
  });

  it('oauthlib\'s OAuth 2.0 TokenExpiredError is an expired access token (RFC 6750 §3.1), not OAuth 1.0a\'s token_expired', () => {
    expect(readProblemFromText('oauthlib.oauth2.rfc6749.errors.TokenExpiredError: (token_expired)')?.code).toBe('oauth2:invalid_token');
    expect(readProblemFromText('TokenExpiredError: (token_expired)')?.code).toBe('oauth2:invalid_token');
  });

  it('Spring\'s `[code] description` (OAuth2Error.toString) is read as the code it names', () => {
    expect(readProblemFromText('[invalid_grant] Invalid authorization code')?.code).toBe('oauth2:invalid_grant');
  });
});
