import { describe, expect, it } from 'vitest';
import { statusInWords, withoutStatedStatuses } from '../../src/diagnose/extract/status.js';
import { extract } from '../../src/diagnose/extract/index.js';
import { readProblemFromText } from '../../src/diagnose/read-problem.js';

describe('an HTTP status stated inside free text (issue 12)', () => {
  it.each([
    ['HTTP Error 401: Unauthorized getting https://api.example.com/oauth/request_token', 401],
    ['java.io.IOException: Server returned HTTP response code: 401 for URL: https://api.example.com/x', 401],
    ['Error: Server returned HTTP 411', 411],
    ['AxiosError: Request failed with status code 403', 403],
    ['{:status=>401, :body=>"Invalid consumer key"}', 401],
    ['requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://api.example.com/oauth/access_token', 401],
    ['System.Net.WebException: The remote server returned an error: (401) Unauthorized.', 401],
    ["{ message: '401: Unauthorized', code: 0 }", 401],
    ['Client error: `POST https://x.example/token` resulted in a `400 Bad Request` response', 400],
    ["token_request': 401 Unauthorized (OAuth::Unauthorized)", 401],
    ['StatusCodeError: 401 - {"error":"invalid_token"}', 401],
    ['OAuth::Unauthorized (Unauthorized (401))', 401],
    ["Response{code=401, message='Authorization Required', body='null'}", 401],
    ['the server responded with a status of 429 (Too Many Requests)', 429],
    ['first HTTP 302, then status code 401', 401],
  ])('%s → %i', (text, status) => {
    expect(statusInWords(text)).toBe(status);
    expect(extract(text).status).toBe(status);
  });

  it.each(['at line 401 col 3', 'connect to port 443 failed', 'error code 32', 'error 401', 'x:401', 'status 4015', 'version 401.2', 'http://host:403/x', 'https://host/401/Unauthorized', 'took 404 ms, not found', 'status code 401.5', '404notfound', '401 Not Found', 'ticket 500 Bad Gateway? no, ticket #500', 'line 401: Unauthorized use of variable', 'The response code is 500 ms slower than before', 'item 404 - Not Found in the cart', 'status 401 bytes long'])('not a status: %s', (text) => {
    expect(statusInWords(text)).toBeUndefined();
  });

  it('counts as the status of the answer: a paste that only states it reads as that status, as a status line would', () => {
    expect(readProblemFromText('urllib.error.HTTPError: HTTP Error 401: Unauthorized')).toMatchObject({ code: 'http:401', status: 401, source: 'status-only' });
    expect(readProblemFromText('Error: Server returned HTTP 411')).toMatchObject({ code: 'http:411', status: 411 });
    // Beside words that name a code, the status rides along.
    expect(readProblemFromText('{:status=>401, :body=>"Invalid consumer key"}')).toMatchObject({ status: 401 });
    expect(readProblemFromText('HTTP Error 401: oauth_problem=signature_invalid')).toMatchObject({ code: 'signature_invalid', status: 401 });
  });

  it("the number's own reason phrase is the status's name, not the provider's words", () => {
    // "Authorization Required" read as words was a missing parameter; "Unauthorized" was permission_unknown.
    expect(readProblemFromText('requests.exceptions.HTTPError: 401 Client Error: Authorization Required for url: https://api.twitter.com/oauth/request_token')?.code).toBe('http:401');
    expect(readProblemFromText("consumer.rb:219:in `token_request': 401 Unauthorized (OAuth::Unauthorized)")?.code).toBe('http:401');
    const blanked = withoutStatedStatuses('x 401 Unauthorized y');
    expect(blanked).toHaveLength('x 401 Unauthorized y'.length);
    expect(blanked.trim().split(/\s+/)).toEqual(['x', 'y']);
    // A bare status stays (a JSON body around it must still parse); a phrase that is not the number's stays too.
    expect(withoutStatedStatuses('{"status":401,"message":"Unauthorized"}')).toBe('{"status":401,"message":"Unauthorized"}');
    expect(withoutStatedStatuses('status 401 Not Found')).toBe('status 401 Not Found');
  });
});

describe('a code before a colon is read by the provider\'s own wording (review of issue 12)', () => {
  it('two providers\' rows for one code that the words do not tell apart: neither is mapped', () => {
    const problem = readProblemFromText('PERMISSION_DENIED: Missing or insufficient permissions.');
    expect(problem?.providerCode).not.toBe('evernote:EDAM-3');
  });

  it('a registered OAuth 2.0 code in capitals with a description about any API is heuristic; about OAuth things, mapped', () => {
    expect(readProblemFromText('INVALID_REQUEST: Request is not well-formed, syntactically incorrect, or violates schema.')?.confidence).toBe('heuristic');
    expect(readProblemFromText('INVALID_GRANT: authorization code expired')).toMatchObject({ code: 'oauth2:invalid_grant', confidence: 'mapped' });
  });
});
