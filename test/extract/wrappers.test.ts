import { describe, expect, it } from 'vitest';
import { extract } from '../../src/diagnose/extract/index.js';
import { looseObjectToJson } from '../../src/diagnose/extract/loose-object.js';
import { withoutLogPrefixes, withoutPlaceholders, withoutStackFrames } from '../../src/diagnose/extract/noise.js';
import { readProblemFromText } from '../../src/diagnose/read-problem.js';

const json = (text: string) => extract(text).fragments.filter((f) => f.kind === 'json').map((f) => JSON.parse(f.text) as unknown);

describe('codes before a colon (issue 12)', () => {
  it('a provider code two providers share is the one whose documented wording the description shares', () => {
    // Salesforce's INVALID_LOGIN read as token_rejected ("security token … invalid") before.
    expect(readProblemFromText('INVALID_LOGIN: Invalid username, password, security token; or user locked out.')).toMatchObject({ code: 'salesforce:INVALID_LOGIN', provider: 'salesforce', confidence: 'mapped' });
    expect(readProblemFromText("exceptionCode='INVALID_LOGIN'\n exceptionMessage='Invalid username, password, security token; or user locked out.'")?.provider).toBe('salesforce');
    // NetSuite's INVALID_LOGIN stays NetSuite's.
    expect(readProblemFromText('INVALID_LOGIN: Invalid login attempt.')?.provider).toBe('netsuite');
    // A code no row lists is left to the words; a description that shares nothing with the rows' wording too.
    expect(readProblemFromText('NOT_LISTED: The signature is invalid')?.code).toBe('signature_invalid');
    expect(readProblemFromText('INVALID_LOGIN: the nonce was already used')?.code).toBe('nonce_used');
  });

  it("a registered OAuth 2.0 code in enum spelling, then its description, reads as that code", () => {
    expect(readProblemFromText('INVALID_CLIENT: Invalid client')).toMatchObject({ code: 'oauth2:invalid_client', confidence: 'mapped', asSent: 'INVALID_CLIENT' });
    // Not a code followed by more words without a colon: no longer read as sent (its words may still read heuristically).
    expect(readProblemFromText('INVALID_CLIENT was logged')).not.toMatchObject({ confidence: 'mapped', asSent: 'INVALID_CLIENT' });
  });

  it("a message field that is 'code: description' reads by its code", () => {
    expect(readProblemFromText('{"message":"invalid_grant: authentication failure"}')?.code).toBe('oauth2:invalid_grant');
  });
});

describe('bracketed and wrapped forms (issue 12)', () => {
  it("Node's util.inspect of an Error: `{ [name: message] prop: value }`", () => {
    expect(JSON.parse(looseObjectToJson("{ [invalid_grant: authentication failure] name: 'invalid_grant' }") ?? 'null')).toEqual({ message: 'invalid_grant: authentication failure', name: 'invalid_grant' });
    expect(JSON.parse(looseObjectToJson("{ [Error: socket hang up] code: 'ECONNRESET' }") ?? 'null')).toEqual({ message: 'Error: socket hang up', code: 'ECONNRESET' });
    expect(readProblemFromText("{ [invalid_grant: authentication failure] name: 'invalid_grant' }")?.code).toBe('oauth2:invalid_grant');
  });

  it('a key-value list in square brackets (a toString of a map), two pairs at least', () => {
    expect(json('AuthorizationException: [error: invalid_client, description: null]')).toContainEqual({ error: 'invalid_client', description: null });
    expect(json('[code=401, message=Unauthorized]')).toContainEqual({ code: 401, message: 'Unauthorized' });
    expect(json('[invalid_grant: authentication failure]')).toEqual([]);
    expect(json('see items[0] and [1, 2]')).toEqual([]);
    expect(readProblemFromText('[error: invalid_client, description: null]')?.code).toBe('oauth2:invalid_client');
  });

  it('a value a logger printed over several stamped lines is read without the stamps', () => {
    const log = "Jan 9 02:27:25 PM    data: {\nJan 9 02:27:25 PM      error: 'invalid_client',\nJan 9 02:27:25 PM      error_description: 'Client authentication failed'\nJan 9 02:27:25 PM    }";
    expect(extract(log).fragments.find((f) => f.decoded.includes('log-prefixes'))?.text).toBe('{"error":"invalid_client","error_description":"Client authentication failed"}');
    const iso = '2023-04-01T10:00:00.123Z ERROR {\n2023-04-01T10:00:00.124Z ERROR   "error": "invalid_grant"\n2023-04-01T10:00:00.125Z ERROR }';
    expect(json(iso)).toContainEqual({ error: 'invalid_grant' });
    expect(withoutLogPrefixes('web_1  | {\nweb_1  |   "a": 1\nweb_1  | }')).toBe('{\n  "a": 1\n}');
    // One stamped line is read as it is (its object is whole on its line).
    expect(withoutLogPrefixes('2023-04-01 10:00:00,123 ERROR oauth: {"error":"x"}')).toBeUndefined();
  });

  it('stack frames say where the code was, not what the provider said: blanked before the words are read', () => {
    const java = 'com.x.OAuthException: Invalid signature\n\tat org.scribe.oauth.OAuth10aServiceImpl.getRequestToken(OAuth10aServiceImpl.java:64)\n\tat java.base/java.lang.Thread.run(Thread.java:829)\n\t... 12 more\nCaused by: java.io.IOException: boom';
    const blanked = withoutStackFrames(java);
    expect(blanked).toHaveLength(java.length);
    expect(blanked).not.toContain('getRequestToken');
    expect(blanked).toContain('Invalid signature');
    expect(blanked).toContain('Caused by: java.io.IOException: boom');
    const python = 'Traceback (most recent call last):\n  File "app.py", line 3, in <module>\n    token = fetch_request_token(url)\nValueError: Token request failed';
    const py = withoutStackFrames(python);
    expect(py).not.toContain('fetch_request_token');
    expect(py).toContain('ValueError: Token request failed');
    const node = 'Error: invalid_grant\n    at OAuth2._postParams (/app/node_modules/jsforce/lib/oauth2.js:233:19)\n    at async Connection.loginByOAuth2 (/app/node_modules/jsforce/lib/connection.js:375:21)';
    expect(withoutStackFrames(node).trim()).toBe('Error: invalid_grant');
    const ruby = "consumer.rb:219:in `token_request': 401 Unauthorized (OAuth::Unauthorized)\nfrom /gems/oauth-0.4.5/lib/oauth/consumer.rb:139:in `get_request_token'";
    expect(withoutStackFrames(ruby)).toContain('401 Unauthorized (OAuth::Unauthorized)');
    expect(withoutStackFrames(ruby)).not.toContain('get_request_token');
    // A frame's words ("request token") do not become the reading.
    expect(readProblemFromText('Error: Something broke\n    at TokenRequest.expired (/app/token.js:1:2)')?.code).not.toBe('token_expired');
  });
});

describe("a template's unfilled parameters (issue 12)", () => {
  it('are blanked, and a named one keeps its name', () => {
    expect(withoutPlaceholders('The signature {0} is invalid for %s and %1$s, %1')).toBe('The signature     is invalid for    and     ,   ');
    expect(withoutPlaceholders('Client {{client_id}} / ${user.name}')).toBe('Client   client_id   /   user.name ');
    // Percent-encoding is no parameter (RFC 3986 §2.1).
    expect(withoutPlaceholders('oauth_signature=abc%2Fdef%3D%20x')).toBe('oauth_signature=abc%2Fdef%3D%20x');
  });

  it('the template reads by its fixed words', () => {
    expect(readProblemFromText('{"message":"Signature method %1 is not supported","parameters":["HMAC-SHA1"]}')?.code).toBe('signature_method_rejected');
    // A client_id named beside client words is OAuth 2.0's invalid_client (read/oauth2.ts clientWordsFinding); either way the client is unknown.
    expect(readProblemFromText('Client {{client_id}} is not registered')?.code).toMatch(/^(?:consumer_key_unknown|oauth2:invalid_client)$/);
    expect(readProblemFromText('The nonce {0} has already been used')?.code).toBe('nonce_used');
  });
});

describe('a version-like word is no oauth_version rejection (issue 12)', () => {
  it.each(['Error: unsupported API version 2', 'Client v1.0 is not supported', 'This SDK version is invalid', 'oauth 1.0a request failed: unsupported version of the app'])('%s', (text) => {
    expect(readProblemFromText(text)?.code).not.toBe('version_rejected');
  });
  it('but a text about oauth_version is', () => {
    expect(readProblemFromText('oauth_version is not supported')?.code).toBe('version_rejected');
    expect(readProblemFromText('Unsupported OAuth version')?.code).toBe('version_rejected');
  });
});
