import { describe, expect, it } from 'vitest';
import { braceSpans, extract } from '../../src/diagnose/extract/index.js';
import { decodeBackslashQuotes, decodeHtmlEntities } from '../../src/diagnose/extract/decode.js';
import { looseObjectToJson } from '../../src/diagnose/extract/loose-object.js';
import { readProblemFromText } from '../../src/diagnose/read-problem.js';

const json = (text: string) => extract(text).fragments.filter((f) => f.kind === 'json').map((f) => JSON.parse(f.text) as unknown);

describe('the tolerant extractor finds structure inside text', () => {
  it('JSON after a prefix, with its offset', () => {
    const text = 'Error calling CreateOrder: {"errors":[{"code":89,"message":"Invalid or expired token."}]}';
    const [fragment] = extract(text).fragments;
    expect(fragment).toMatchObject({ kind: 'json', at: text.indexOf('{'), decoded: [] });
    expect(JSON.parse(fragment?.text ?? '')).toEqual({ errors: [{ code: 89, message: 'Invalid or expired token.' }] });
  });

  it('JSON inside a log line and an exception message, two in one paste', () => {
    const text = '2026-11-22T09:00:00Z WARN client: retrying {"a":1}\nTraceback: HTTPError(\'401 {"error":"invalid_token"}\')';
    expect(json(text)).toEqual([{ a: 1 }, { error: 'invalid_token' }]);
  });

  it('a Python dict repr with single quotes, True/None', () => {
    expect(json("TokenRequestDenied: {'error': 'invalid_grant', 'ok': False, 'uri': None}")).toEqual([{ error: 'invalid_grant', ok: false, uri: null }]);
  });

  it("a b'…' byte repr holding escaped JSON", () => {
    const text = "response.content = b'{\"errors\":[{\"message\":\"Could not authenticate you\",\"code\":32}]}\\n'";
    expect(json(text)).toContainEqual({ errors: [{ message: 'Could not authenticate you', code: 32 }] });
    const inner = "body: b'{\\'error\\': \\'invalid_client\\'}'";
    expect(extract(inner).fragments.find((f) => f.decoded.includes('bytes-repr'))?.text).toBe('{"error":"invalid_client"}');
  });

  it('Ruby hashes with symbols and string keys', () => {
    expect(json('OAuth::Unauthorized: {:error=>"invalid_grant", :status=>401, :x=>nil}')).toEqual([{ error: 'invalid_grant', status: 401, x: null }]);
    expect(json('{"error"=>"invalid_request", "error_description"=>"Missing code"}')).toEqual([{ error: 'invalid_request', error_description: 'Missing code' }]);
  });

  it('a Java toString()', () => {
    expect(json('com.x.OAuthException: OAuthException{code=89, message=Invalid or expired token}')).toEqual([{ code: 89, message: 'Invalid or expired token' }]);
  });

  it('JSON whose quotes arrive backslash-escaped, and HTML-escaped', () => {
    const escaped = extract('payload="{\\"error\\":\\"invalid_grant\\"}"').fragments.find((f) => f.kind === 'json');
    expect(escaped).toMatchObject({ text: '{"error":"invalid_grant"}', decoded: ['backslash-escapes'] });
    const entities = extract('<pre>{&quot;error&quot;:&quot;invalid_grant&quot;,&quot;d&quot;:&quot;a &amp;amp; b&quot;}</pre>').fragments.find((f) => f.kind === 'json');
    expect(entities?.decoded).toEqual(['html-entities']);
    expect(JSON.parse(entities?.text ?? '')).toEqual({ error: 'invalid_grant', d: 'a & b' });
  });

  it('a body printed as a string literal keeps its line breaks as \\n and \\t: read between the tokens as spaces', () => {
    // google-auth's RefreshError repr: a tuple whose second item is the JSON body, newlines escaped.
    expect(json(`RefreshError: ('invalid_grant: Bad Request', '{\\n  "error": "invalid_grant",\\n\\t"error_description": "Bad Request"\\n}')`)).toContainEqual({ error: 'invalid_grant', error_description: 'Bad Request' });
    // An escaped backslash before an n is a backslash and an n, not a line break.
    expect(decodeBackslashQuotes('path \\\\note \\"x\\"')).toBe('path \\note "x"');
    // A word after a backslash (a Windows path) is nothing to undo.
    expect(decodeBackslashQuotes('C:\\temp\\new')).toBeUndefined();
  });

  it('form parameters joined by commas or quoted, re-encoded as one form string', () => {
    const commas = extract('oauth_problem=timestamp_refused,oauth_acceptable_timestamps=1700000000-1700000300').fragments;
    expect(commas).toContainEqual({ kind: 'form', text: 'oauth_problem=timestamp_refused&oauth_acceptable_timestamps=1700000000-1700000300', at: 0, decoded: ['comma-separated'] });
    const quoted = extract('server said oauth_problem="signature_invalid", oauth_problem_advice="Check the key"').fragments;
    expect(quoted.find((f) => f.kind === 'form')?.text).toBe('oauth_problem=signature_invalid&oauth_problem_advice=Check%20the%20key');
  });

  it('URLs with a query, status lines and header lines', () => {
    const text = 'GET https://app.example/cb?denied=abc, then\nHTTP/1.1 401 Unauthorized\nWWW-Authenticate: OAuth oauth_problem="token_expired"\nbody';
    const found = extract(text);
    expect(found.fragments).toContainEqual({ kind: 'url', text: 'https://app.example/cb?denied=abc', at: 4, decoded: [] });
    expect(found.status).toBe(401);
    expect(found.headers['www-authenticate']).toEqual(['OAuth oauth_problem="token_expired"']);
    expect(extract('request failed with statusCode=404').status).toBe(404);
  });

  it('XML and HTML are handed on from where they start', () => {
    expect(extract('got: <?xml version="1.0"?><rsp stat="fail"/>').fragments).toContainEqual({ kind: 'xml', text: '<?xml version="1.0"?><rsp stat="fail"/>', at: 5, decoded: [] });
    expect(extract('page: <html><body>x</body></html>').fragments[0]).toMatchObject({ kind: 'html', at: 6 });
  });

  it('tells a HAR, a curl command and a curl -v transcript apart', () => {
    expect(extract('{"log":{"version":"1.2","entries":[]}}').shape).toBe('har');
    expect(extract('curl -H "Authorization: OAuth x" https://api.example/').shape).toBe('curl-command');
    const verbose = extract('> GET / HTTP/1.1\n> Host: a\n>\n< HTTP/1.1 503 Service Unavailable\n< Retry-After: 30\n<\nslow down');
    expect(verbose).toMatchObject({ shape: 'curl-verbose', status: 503, headers: { 'retry-after': ['30'] }, body: 'slow down' });
  });

  it('prose with apostrophes and unbalanced braces yields no fragment and does not swallow later JSON', () => {
    expect(extract("don't { worry it's fine").fragments).toEqual([]);
    expect(json('{{{ unbalanced, and then {"error":"invalid_token"}')).toEqual([{ error: 'invalid_token' }]);
    expect(braceSpans("it's {'a': 'b'} ok").map((s) => s.text)).toEqual(["{'a': 'b'}"]);
  });

  it('decoders say when there is nothing to undo', () => {
    expect(decodeBackslashQuotes('plain')).toBeUndefined();
    expect(decodeHtmlEntities('a & b')).toBeUndefined();
    expect(decodeHtmlEntities('&#x22;&#34;&#0;')).toBe('""&#0;');
    expect(looseObjectToJson('{a=1')).toBeUndefined();
    expect(looseObjectToJson('not an object')).toBeUndefined();
  });
});

describe('readers get the fragments', () => {
  it.each([
    ['Error calling CreateOrder: {"errors":[{"code":89,"message":"Invalid or expired token."}]}', 'token_rejected', 'x:89', 'json'],
    ['oauth_problem=\\"token_rejected\\"&oauth_problem_advice=\\"bad\\"', 'token_rejected', undefined, 'form'],
    ['E/OAuth: oauth_problem=timestamp_refused,oauth_acceptable_timestamps=1700000000-1700000300', 'timestamp_refused', undefined, 'form'],
    ["requests_oauthlib TokenRequestDenied: {'error': 'invalid_grant', 'error_description': 'Code already redeemed'}", 'oauth2:invalid_grant', undefined, 'json'],
    ['{:error=>"invalid_grant", :error_description=>"Bad code"}', 'oauth2:invalid_grant', undefined, 'json'],
    ['{&quot;error&quot;:&quot;invalid_grant&quot;}', 'oauth2:invalid_grant', undefined, 'json'],
  ])('%s', (text, code, providerCode, fragment) => {
    const problem = readProblemFromText(text);
    expect(problem?.code).toBe(code);
    expect(problem?.providerCode).toBe(providerCode);
    expect(problem?.extracted?.fragment).toBe(fragment);
    expect(problem?.confidence).not.toBe('heuristic');
  });

  it('the comma-separated companion parameter is kept, not folded into the code', () => {
    expect(readProblemFromText('oauth_problem=timestamp_refused,oauth_acceptable_timestamps=1-2')?.parameters).toEqual({ oauth_acceptable_timestamps: '1-2' });
  });

  it('a whole response that already reads is not changed by the extractor', () => {
    const problem = readProblemFromText('HTTP/1.1 401 Unauthorized\nWWW-Authenticate: OAuth oauth_problem="token_rejected"\n\n');
    expect(problem).toMatchObject({ code: 'token_rejected', source: 'www-authenticate', confidence: 'exact' });
    expect(problem?.extracted).toBeUndefined();
  });

  it('a status line in a log gives the status when the words say nothing', () => {
    const problem = readProblemFromText('[worker] upstream replied HTTP/1.1 429 Too Many Requests (retry later)');
    expect(problem).toMatchObject({ code: 'http:429', status: 429 });
  });
});
