import { describe, expect, it } from 'vitest';
import { libraryWrapperIn } from '../../src/diagnose/read/library-wrapper.js';
import { decide, protocolEvidenceIn } from '../../src/diagnose/read/protocol.js';
import { readProblemFromText } from '../../src/diagnose/read-problem.js';

describe('OAuth 1.0a\'s own words decide the protocol, also in Japanese and inside a library\'s exception (issue 12)', () => {
  it.each([
    ['Invalid request token', 'oauth1'],
    ['InternalOAuthError: Failed to obtain request token', 'oauth1'],
    ['Invalid OAuth verifier', 'oauth1'],
    ["OAuthException: Response body is incorrect. Can't extract token and secret from this: 'x'", 'oauth1'],
    ['リクエストトークンの有効期限が切れています', 'oauth1'],
    ['リクエスト・トークンが無効です', 'oauth1'],
    ['コンシューマーキーが無効です', 'oauth1'],
    ['アクセストークンシークレットが違います', 'oauth1'],
    // The verb, a status phrase, PKCE's verifier: not OAuth 1.0a's.
    ['Failed to request token: the access token expired', 'none'],
    ['Unable to request token from the identity provider', 'none'],
    ['400 Bad Request token expired', 'none'],
    ['トークンの有効期限が切れています', 'none'],
  ])('%s → %s', (text, decision) => {
    expect(decide(protocolEvidenceIn(text))).toBe(decision);
  });

  it.each([
    ["com.github.scribejava.core.exceptions.OAuthException: Response body is incorrect. Can't extract token and secret from this: 'Invalid request token'", 'token_rejected', 'Invalid request token'],
    ['リクエストトークンの有効期限が切れています', 'token_expired', undefined],
    ['リクエストトークンが無効です', 'token_rejected', undefined],
    ["org.scribe.exceptions.OAuthException: Response body is incorrect. Can't extract token and secret from this: 'リクエストトークンが無効です'", 'token_rejected', undefined],
  ])('%s reads %s, never oauth2:*', (text, code, message) => {
    const problem = readProblemFromText(text);
    expect(problem?.code).toBe(code);
    if (message !== undefined) expect(problem?.message).toBe(message);
  });
});

describe('a library\'s wrapper is not the provider\'s words (issue 12)', () => {
  it('finds passport\'s status and data, and blanks only the library\'s words', () => {
    const text = 'InternalOAuthError: Failed to obtain request token (status: 401 data: oauth_problem=signature_invalid)\n    at Strategy.OAuthStrategy._createOAuthError (/app/node_modules/passport-oauth1/lib/strategy.js:396:17)';
    const wrapped = libraryWrapperIn(text);
    expect(wrapped?.status).toBe(401);
    expect(wrapped?.body).toBe('oauth_problem=signature_invalid');
    expect(wrapped?.code).toBe('passport:request-token-failed');
    expect(wrapped?.rest.length).toBe(text.length);
    expect(wrapped?.rest).not.toMatch(/InternalOAuthError|Failed to obtain/);
  });

  it('reads passport\'s printed error object: statusCode and a quoted, escaped data string', () => {
    const wrapped = libraryWrapperIn("{ name: 'InternalOAuthError',\n  message: 'Failed to obtain request token',\n  oauthError: { statusCode: 307, data: '<HTML>\\n<TITLE>Temporary Redirect</TITLE>\\n</HTML>\\n' } }");
    expect(wrapped?.status).toBe(307);
    expect(wrapped?.body).toBe('<HTML>\n<TITLE>Temporary Redirect</TITLE>\n</HTML>\n');
  });

  it('reads ScribeJava\'s quoted answer up to its last quote before the stack trace', () => {
    const wrapped = libraryWrapperIn("OAuthException: Response body is incorrect. Can't extract a token from this: 'signature_invalid\nbase_string:GET&x\n\n'\n    at org.scribe.extractors.TokenExtractorImpl.extract(TokenExtractorImpl.java:36)");
    expect(wrapped?.body).toBe('signature_invalid\nbase_string:GET&x\n\n');
    expect(wrapped?.status).toBeUndefined();
  });

  it('with nothing of the provider\'s answer: the step the library names, no invented status, no quoted wrapper words', () => {
    for (const text of ['InternalOAuthError: Failed to obtain request token', 'InternalOAuthError: failed to obtain request token\n    at /app/node_modules/passport-oauth/lib/passport-oauth/strategies/oauth.js:155:36']) {
      const problem = readProblemFromText(text);
      expect(problem?.code, text).toBe('passport:request-token-failed');
      expect(problem?.status).toBeUndefined();
      expect(problem?.message).toBeUndefined();
    }
  });

  it('with the provider\'s answer in the data: that answer, with the status the wrapper states', () => {
    const problem = readProblemFromText('InternalOAuthError: Failed to obtain request token (status: 401 data: oauth_problem=signature_invalid)');
    expect(problem?.code).toBe('signature_invalid');
    expect(problem?.confidence).toBe('exact');
    expect(problem?.status).toBe(401);
    const x = readProblemFromText('InternalOAuthError: Failed to obtain request token (status: 401 data: {"errors":[{"code":32,"message":"Could not authenticate you."}]})');
    expect(x?.providerCode).toBe('x:32');
    expect(x?.status).toBe(401);
  });

  it('a status only where the paste states one: a 401 body of one word keeps the step and the status', () => {
    const problem = readProblemFromText('failed to obtain access token (status: 401 data: Unauthorized)');
    expect(problem?.code).toBe('passport:access-token-failed');
    expect(problem?.status).toBe(401);
  });

  it('never throws on hostile wrappers (unclosed quotes, no data, huge input)', () => {
    for (const text of ["Can't extract token and secret from this: '", 'InternalOAuthError data: "unclosed', `InternalOAuthError: Failed to obtain request token (status: 401 data: ${'x'.repeat(300_000)}`, "Response body is incorrect. Can't extract a token from this: ''"]) {
      expect(() => readProblemFromText(text)).not.toThrow();
      expect(() => libraryWrapperIn(text)).not.toThrow();
    }
  });
});
