import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCurl } from '../../src/capture/curl.js';
import { splitShellCommands } from '../../src/capture/shell-words.js';
import { firstHeaderValue } from '../../src/http/headers.js';
import { isDoctorError } from '../../src/errors.js';
import { thrown } from '../helpers/thrown.js';
import { checkSignature } from '../../src/inspect/signature/check.js';
import { viewRequest } from '../../src/exchange/request-view.js';
import { signRequest } from '../../src/oauth/sign-request.js';
import { curlCommand } from '../../src/commands/sign/render.js';
import { propertyRuns } from '../helpers/property-runs.js';

const one = (line: string, readFile?: (path: string) => string) => {
  const capture = parseCurl(line, { source: 'test', readFile });
  const exchange = capture.exchanges[0];
  if (!exchange) throw new Error('no exchange');
  return exchange.request;
};

describe('shell words', () => {
  it('splits like bash: quotes, $-quotes, escapes, continuations, comments, operators', () => {
    const words = splitShellCommands(`curl 'a b' "c \\"d\\" \\$e" $'f\\tg\\x41\\u00e9\\'' h\\ i \\\n  j # comment\ncurl k; curl l && curl m | jq .`, 't');
    expect(words.map((w) => w.map((x) => x.text))).toEqual([['curl', 'a b', 'c "d" $e', "f\tgAé'", 'h i', 'j'], ['curl', 'k'], ['curl', 'l'], ['curl', 'm'], ['jq', '.']]);
    expect(words[0]?.[5]).toMatchObject({ line: 2, column: 3 });
  });
});

describe('curl command lines', () => {
  it('reads method, URL, headers and a form body (-d), with curl defaults', () => {
    const request = one(`curl -X POST 'https://api.example.com/oauth/request_token' -H 'Authorization: OAuth oauth_consumer_key="k"' -d 'oauth_callback=oob'`);
    expect(request).toMatchObject({ method: 'POST', url: 'https://api.example.com/oauth/request_token', body: { contentType: 'application/x-www-form-urlencoded', text: 'oauth_callback=oob' } });
    expect(firstHeaderValue(request.headers, 'authorization')).toBe('OAuth oauth_consumer_key="k"');
    expect(firstHeaderValue(request.headers, 'host')).toBe('api.example.com');
  });

  it('joins several -d with &, and POSTs by default with data', () => {
    expect(one(`curl https://a.example/x -d a=1 --data b=2 --data-raw @c --data-binary 'd=4'`)).toMatchObject({ method: 'POST', body: { text: 'a=1&b=2&@c&d=4' } });
  });

  it('encodes --data-urlencode as curl 7.88 does (space as +, * as %2A, ~ kept)', () => {
    // Observed with curl 7.88.1 against a local echo server: q=a+b%2Bc%26d~%2A&x+y&plain+z
    expect(one(`curl https://a.example/x --data-urlencode 'q=a b+c&d~*' --data-urlencode '=x y' --data-urlencode 'plain z'`).body?.text).toBe('q=a+b%2Bc%26d~%2A&x+y&plain+z');
  });

  it('-G moves the data into the query', () => {
    expect(one(`curl -G https://a.example/x?y=1 -d a=1 --data-urlencode 'b=c d'`)).toMatchObject({ method: 'GET', url: 'https://a.example/x?y=1&a=1&b=c+d', body: undefined });
  });

  it('--json, -F, -I, -u, -A, -e, -b and an explicit Content-Type', () => {
    const json = one(`curl --json '{"a":1}' https://a.example/x`);
    expect(json).toMatchObject({ method: 'POST', body: { contentType: 'application/json', text: '{"a":1}' } });
    expect(firstHeaderValue(json.headers, 'accept')).toBe('application/json');
    expect(one(`curl -F 'status=hi' -F 'media=@x.png' https://a.example/x`).body).toMatchObject({ contentType: 'multipart/form-data', multipartFields: [['status', 'hi'], ['media', '@x.png']] });
    expect(one(`curl -I https://a.example/x`).method).toBe('HEAD');
    const headers = one(`curl -u user:pw -A agent -e https://ref.example -b 'a=b' https://a.example/x -H 'Content-Type: text/plain' -d hi`).headers;
    expect(firstHeaderValue(headers, 'authorization')).toBe(`Basic ${Buffer.from('user:pw').toString('base64')}`);
    expect(firstHeaderValue(headers, 'user-agent')).toBe('agent');
    expect(firstHeaderValue(headers, 'content-type')).toBe('text/plain');
  });

  it('clusters short options, attaches values, ignores output-only flags', () => {
    const request = one(`curl -sSLkXPUT -H'X-A: 1' --compressed -o /dev/null -w '%{http_code}' --max-time 5 https://a.example/x`);
    expect(request).toMatchObject({ method: 'PUT' });
    expect(firstHeaderValue(request.headers, 'x-a')).toBe('1');
  });

  it('reads Chrome "Copy as cURL (bash)" with $\'…\' and continuations', () => {
    const line = `curl 'https://api.x.com/oauth/access_token' \\\n  -H 'authorization: OAuth oauth_token="t"' \\\n  -H 'content-type: application/x-www-form-urlencoded' \\\n  --data-raw $'oauth_verifier=abc&note=it\\'s' \\\n  --compressed`;
    expect(one(line)).toMatchObject({ method: 'POST', url: 'https://api.x.com/oauth/access_token', body: { text: "oauth_verifier=abc&note=it's" } });
  });

  it('assumes http:// without a scheme, keeps the host as typed in Host, and reads @files through the reader', () => {
    expect(one(`curl Example.COM/path`)).toMatchObject({ url: 'http://Example.COM/path' });
    expect(firstHeaderValue(one(`curl https://API.Example.com:443/x`).headers, 'host')).toBe('API.Example.com');
    expect(one(`curl https://a.example/x -d @body.txt`, () => 'a=1\nb=2\n').body?.text).toBe('a=1b=2');
    expect(one(`curl https://a.example/x --data-binary @body.txt`, () => 'a=1\n').body?.text).toBe('a=1\n');
  });

  it('reads several commands, one exchange each, ignoring a $ prompt', () => {
    const capture = parseCurl(`$ curl https://a.example/1\n\ncurl https://a.example/2 -X DELETE\n`, { source: 't' });
    expect(capture.exchanges.map((e) => [e.request.method, e.request.url, e.origin])).toEqual([
      ['GET', 'https://a.example/1', 'curl command 1 (line 1)'],
      ['DELETE', 'https://a.example/2', 'curl command 2 (line 3)'],
    ]);
  });

  it('gives curl lines from `oauth-doctor sign` back exactly: their signatures verify', () => {
    const signed = signRequest({ method: 'POST', url: 'https://api.example.com/1/statuses/update.json?include_entities=true', client: { consumerKey: 'ck', consumerSecret: 'cs' }, token: { token: 'tk', tokenSecret: 'ts' }, signatureMethod: 'HMAC-SHA1', timestamp: '1318622958', nonce: "n'o n*e", body: { contentType: 'application/x-www-form-urlencoded', content: "status=it's%20a%20test%21" } });
    const capture = parseCurl(curlCommand(signed), { source: 'sign' });
    const exchange = capture.exchanges[0];
    if (!exchange) throw new Error('no exchange');
    expect(checkSignature({ view: viewRequest(exchange), consumerSecret: 'cs', tokenSecret: 'ts' })).toMatchObject({ status: 'match', expectedBaseString: signed.baseString });
  });
});

describe('curl errors name where it broke', () => {
  const cases: [string, string, RegExp][] = [
    ['unclosed quote', `curl 'https://a.example/x`, /a single quote is never closed; it opens at line 1, column 6/],
    ['unclosed double quote on line 2', `curl https://a.example/x \\\n  -H "Authorization: OAuth`, /a double quote is never closed; it opens at line 2, column 6/],
    ['unknown option', `curl --frobnicate https://a.example/x`, /unknown curl option --frobnicate at line 1, column 6/],
    ['missing value', `curl https://a.example/x -H`, /the option -H needs a value at line 1, column 26/],
    ['no URL', `curl -X POST`, /has no URL/],
    ['two URLs', `curl https://a.example/x https://b.example/y`, /several URLs; the second, "https:\/\/b.example\/y", is at line 1, column 26/],
    ['shell variable', `curl "https://a.example/x?t=$TOKEN"`, /shell expansion .* at line 1, column 29/],
    ['cmd.exe', `curl ^"https://a.example/x^"`, /Windows cmd.exe/],
    ['@file without a reader', `curl https://a.example/x -d @body.txt`, /reads the file "body.txt"/],
    ['not curl', `wget https://a.example/x`, /expected a curl command but found "wget"/],
    ['header without colon', `curl https://a.example/x -H 'Authorization'`, /the header "Authorization" has no ":"/],
    ['not http', `curl ftp://a.example/x`, /is not an http\(s\) URL/],
  ];
  for (const [name, line, message] of cases) {
    it(name, () => {
      const error = thrown(() => parseCurl(line, { source: 'test' }));
      expect(error.message).toMatch(message);
      expect(error.exitCode).toBe(2);
    });
  }
});

describe('curl parser properties (fast-check)', () => {
  const word = fc.oneof(
    fc.constantFrom('curl', '-X', 'POST', '-H', '-d', '--data-urlencode', '-G', '--json', '-F', '-u', '-sS', '--url', 'https://a.example/x?y=1', "'", '"', '\\', '$', '$\'', '#', ';', '|', '&&', '\n', '^', '-', '--', '@f', '=', 'Authorization: OAuth a="b"'),
    fc.string({ maxLength: 8 }),
  );
  it('returns a capture or a DoctorError for any input, never anything else', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.array(word, { maxLength: 14 }).map((w) => w.join(' '))), (text) => {
        try {
          parseCurl(text, { source: 'p' });
        } catch (error) {
          if (!isDoctorError(error)) throw error;
        }
      }),
      { numRuns: propertyRuns(1000), seed: 42 },
    );
  });
});
