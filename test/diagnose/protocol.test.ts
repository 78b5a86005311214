import { describe, expect, it } from 'vitest';
import { protocolTranslations, protocolWords, providerProtocols } from '../../src/knowledge/protocol-words.js';
import { providers } from '../../src/knowledge/providers.js';
import { decide, protocolEvidenceIn, withProvider } from '../../src/diagnose/read/protocol.js';
import { readProblem, readProblemFromText } from '../../src/diagnose/read-problem.js';

describe('which protocol a paste is: evidence rows (issue 12)', () => {
  it('every row names its source; provider rows name providers that exist or a product named in words', () => {
    for (const row of [...protocolWords(), ...providerProtocols(), ...protocolTranslations()]) expect(row.source.length, JSON.stringify(row)).toBeGreaterThan(10);
    const known = new Set(providers().map((p) => p.id));
    for (const row of providerProtocols()) expect(known.has(row.provider) || row.names !== undefined, row.provider).toBe(true);
  });

  it('finds each protocol\'s own words and decides: one, the other, both, or none', () => {
    expect(decide(protocolEvidenceIn('oauth_consumer_key="abc", oauth_signature="x"'))).toBe('oauth1');
    expect(decide(protocolEvidenceIn('POST /oauth2/token grant_type=refresh_token&client_id=abc'))).toBe('oauth2');
    expect(protocolEvidenceIn('POST /oauth2/token grant_type=refresh_token').tokenEndpoint).toBe(true);
    expect(decide(protocolEvidenceIn('oauth_token=abc and a Bearer token'))).toBe('both');
    // Words both protocols use say nothing: token, access token, signature, nonce, unauthorized.
    expect(decide(protocolEvidenceIn('401 Unauthorized: invalid access token, bad signature, nonce reused'))).toBe('none');
    // X's OAuth 1.0a endpoint is no OAuth 2.0 access_token parameter.
    expect(decide(protocolEvidenceIn('POST https://api.x.com/oauth/access_token'))).toBe('none');
    expect(decide(protocolEvidenceIn('Trello::Error: invalid token'))).toBe('oauth1');
    expect(decide(protocolEvidenceIn('googleapi: Error 401: Invalid Credentials, authError'))).toBe('oauth2');
    expect(decide(protocolEvidenceIn('OAuthException2 in oauth-php/library/OAuthRequester.php'))).toBe('oauth1');
  });

  it('a provider that speaks one protocol is evidence for it; one that speaks both (X) for neither', () => {
    const none = protocolEvidenceIn('invalid token');
    expect(decide(withProvider(none, 'flickr'))).toBe('oauth1');
    expect(decide(withProvider(none, 'google'))).toBe('oauth2');
    expect(decide(withProvider(none, 'x'))).toBe('none');
  });
});

describe('OAuth 2.0 errors in providers\' own shapes read as OAuth 2.0, OAuth 1.0a pastes stay OAuth 1.0a (issue 12)', () => {
  it.each([
    ['a field/code list', '{"errors":[{"code":"invalid","field":"access_token","resource":"Athlete"}],"message":"Authorization Error"}', 'oauth2:invalid_token'],
    ['a status/message object', '{"status":401,"message":"Access token expired"}', 'oauth2:invalid_token'],
    ['a statusCode/error/message object about a refresh token', '{"statusCode":400,"error":"Bad Request","message":"invalid refresh token"}', 'oauth2:invalid_grant'],
    ['a success/errorCode object', '{"success":false,"errorCode":"INVALID_AUTH","errorMessage":"Invalid authentication token"}', 'oauth2:invalid_token'],
    ['an Apigee fault', '{"fault":{"faultstring":"Invalid Access Token","detail":{"errorcode":"keymanagement.service.invalid_access_token"}}}', 'oauth2:invalid_token'],
    ['a GraphQL error', '{"errors":[{"message":"Invalid token","extensions":{"code":"UNAUTHENTICATED"}}]}', 'oauth2:invalid_token'],
    ['an HTML page', '<html><body><h1>401</h1><p>The access token provided is invalid</p></body></html>', 'oauth2:invalid_token'],
    ['a sentence', 'Token has expired or has been revoked', 'oauth2:invalid_token'],
    ['Google\'s Invalid Credentials', 'googleapi: Error 401: Invalid Credentials, authError', 'oauth2:invalid_token'],
    ['a missing scope', 'Insufficient scope: requires activity:read', 'oauth2:insufficient_scope'],
    ['a bare 401 beside an access_token', 'HTTP/1.1 401 Unauthorized\n\n{"message":"Unauthorized"}\nGET /v1/me?access_token=abc', 'oauth2:invalid_token'],
  ])('%s', (_kind, text, code) => {
    const problem = readProblemFromText(text);
    expect(problem?.code, text).toBe(code);
    expect(problem?.confidence).toBe('heuristic');
  });

  it.each([
    ['an oauth_* parameter beside the words', 'Invalid token. oauth_token=abc', 'token_rejected'],
    ['a consumer key', 'Invalid consumer key', 'consumer_key_unknown'],
    ['a request token', '{"message":"Invalid request token"}', 'token_rejected'],
    ['an OAuth 1.0a-only provider by name', 'Trello::Error: invalid token', 'token_rejected'],
    ['a signature, OAuth 1.0a\'s own', 'The OAuth signature was invalid.', 'signature_invalid'],
    ['an exact oauth_problem', 'oauth_problem=token_expired', 'token_expired'],
    ['an OAuth 1.0a library', "Uncaught exception 'OAuthException2' with message 'Request failed with code 401: OAuth error. Invalid access token: '", 'token_rejected'],
  ])('%s stays OAuth 1.0a', (_kind, text, code) => {
    expect(readProblemFromText(text)?.code, text).toBe(code);
  });

  it('a caller with no paste (flow, inspect) keeps the words as read; a Bearer request says OAuth 2.0', () => {
    expect(readProblem({ status: 401, body: 'Invalid token' })?.code).toBe('token_rejected');
    expect(readProblem({ status: 401, body: 'Invalid token', requestHeaders: { Authorization: 'Bearer abc' } })?.code).toBe('oauth2:invalid_token');
  });
});

describe('a JSON error body is read as structure: the text readers read only what the JSON does not carry itself (issue 12)', () => {
  it('its keys are no words: a member named like a code is no code', () => {
    expect(readProblemFromText('{"code":"ERR","message":"Request failed","data":{"invalid_grant":true}}')?.code).not.toBe('oauth2:invalid_grant');
  });

  it('an RFC 6749 §5.2 error object stands as the JSON reader read it: no second answer from its members read as prose', () => {
    expect(readProblemFromText('{"error":"bad_verification_code","error_description":"The code passed is incorrect or expired."}')).toMatchObject({ code: 'oauth2:bad_verification_code', source: 'json-body', confidence: 'exact' });
    expect(readProblemFromText('{"error":"invalid_request","error_description":"netsuite:invalid_token"}')?.code).toBe('oauth2:invalid_request');
  });

  it('a field/code object is one sentence ("access_token invalid"); separate members are separate sentences', () => {
    expect(readProblemFromText('{"message":"Authorization Error","errors":[{"resource":"Athlete","field":"access_token","code":"invalid"}]}')?.code).toBe('oauth2:invalid_token');
    // "Unauthorized" (the error member) and "Invalid OAuth token" (the message) are not one sentence about an unauthorised token.
    expect(readProblemFromText('{"error":"Unauthorized","status":401,"message":"Invalid OAuth token"}')?.code).toBe('oauth2:invalid_token');
  });

  it('the providers\' code patterns written for JSON text still read it whole (AWS __type)', () => {
    expect(readProblemFromText('{"__type":"com.amazon.coral.service#ExpiredTokenException","message":"The security token included in the request is expired"}')?.code).toBe('aws:ExpiredToken');
  });

  it('a code word claimed for an OAuth 1.0a-only provider on its spelling alone gives way; beside the provider\'s own name it stands', () => {
    expect(readProblemFromText('{"success":false,"errorCode":"INVALID_AUTH","errorMessage":"Invalid authentication token"}')?.providerCode).toBeUndefined();
    expect(readProblemFromText('EDAMUserException(errorCode:INVALID_AUTH, parameter:consumerKey)')?.providerCode).toBe('evernote:EDAM-8');
  });
});

describe('bare words and bare statuses from OAuth 2.0-only providers (issue 12)', () => {
  it('a bare lowercase word in a code field is no provider\'s code without its host (Box\'s "unauthorized" was LinkedIn v1\'s row)', () => {
    expect(readProblemFromText('{"type":"error","status":401,"code":"unauthorized","message":"Unauthorized","request_id":"abc"}')?.providerCode).toBeUndefined();
  });

  it('a bare 401 from an OAuth 2.0-only provider\'s host leans to RFC 6750 invalid_token; from X (both protocols) or Flickr (OAuth 1.0a) it stays the status', () => {
    expect(readProblemFromText('{"type":"error","status":401,"code":"unauthorized","message":"Unauthorized"} GET https://api.box.com/2.0/users/me')?.code).toBe('oauth2:invalid_token');
    expect(readProblemFromText('HTTP 401 from https://api.x.com/2/users/me')?.code).toBe('http:401');
    expect(readProblemFromText('HTTP 401 from https://www.flickr.com/services/rest')?.code).toBe('http:401');
  });
});

describe('without a paste, OAuth 2.0 is never the default (issue 12)', () => {
  it('a flow or capture against X (both protocols) keeps OAuth 1.0a words; against Google (OAuth 2.0 only) they are OAuth 2.0\'s', () => {
    expect(readProblem({ status: 401, body: 'Invalid token', url: 'https://api.x.com/1.1/account/verify_credentials.json' })?.code).toBe('token_rejected');
    expect(readProblem({ status: 401, body: 'Invalid token', url: 'https://www.googleapis.com/drive/v3/files' })?.code).toBe('oauth2:invalid_token');
  });
});
