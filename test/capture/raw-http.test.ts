import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseRawHttp } from '../../src/capture/raw-http.js';
import { detectFormat } from '../../src/capture/index.js';
import { firstHeaderValue } from '../../src/http/headers.js';
import { isDoctorError } from '../../src/errors.js';
import { thrown } from '../helpers/thrown.js';
import { propertyRuns } from '../helpers/property-runs.js';

const parse = (text: string | Buffer, scheme?: 'http' | 'https') => parseRawHttp(text, { source: 'raw', scheme });

const REQUEST = 'POST /oauth/request_token HTTP/1.1\r\nHost: api.example.com\r\nAuthorization: OAuth oauth_consumer_key="k"\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 18\r\n\r\noauth_callback=oob';
const RESPONSE = 'HTTP/1.1 401 Unauthorized\r\nDate: Tue, 18 Jun 2024 10:00:00 GMT\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 34\r\n\r\noauth_problem=signature_invalid&x=';

describe('raw HTTP', () => {
  it('reads a request and its response (CRLF)', () => {
    const capture = parse(`${REQUEST}\r\n\r\n${RESPONSE}`);
    expect(capture.exchanges).toHaveLength(1);
    const exchange = capture.exchanges[0];
    expect(exchange?.request).toMatchObject({ method: 'POST', url: 'https://api.example.com/oauth/request_token', body: { contentType: 'application/x-www-form-urlencoded', text: 'oauth_callback=oob' } });
    expect(exchange?.response).toMatchObject({ status: 401, body: 'oauth_problem=signature_invalid&x=' });
    expect(exchange?.origin).toBe('line 1');
  });

  it('reads pasted text whose CRs were lost, noting the length mismatch', () => {
    const capture = parse(`${REQUEST}\n\n${RESPONSE}`.replace(/\r\n/g, '\n').replace('Content-Length: 18', 'Content-Length: 25'));
    expect(capture.exchanges[0]?.request.body?.text).toBe('oauth_callback=oob');
    expect(capture.exchanges[0]?.response?.status).toBe(401);
    expect(capture.notes[0]).toMatch(/Content-Length says 25 bytes/);
  });

  it('reads several exchanges, chunked and gzip bodies, folded headers, absolute-form targets', () => {
    const chunked = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\noauth\r\n6;ext=1\r\n_token\r\n0\r\n\r\n';
    const gzipped = gzipSync('oauth_problem=token_rejected');
    const second = Buffer.concat([
      Buffer.from(`GET http://api.example.com:8080/api/me?x=1 HTTP/1.1\r\nX-Long: a\r\n  b\r\n\r\nHTTP/1.1 401 Unauthorized\r\nContent-Encoding: gzip\r\nContent-Length: ${gzipped.length}\r\n\r\n`),
      gzipped,
    ]);
    const capture = parse(Buffer.concat([Buffer.from(`GET /oauth/authorize?oauth_token=t HTTP/1.1\r\nHost: api.example.com\r\n\r\n${chunked}`), second]));
    expect(capture.exchanges.map((e) => [e.request.method, e.request.url, e.response?.status, e.response?.body])).toEqual([
      ['GET', 'https://api.example.com/oauth/authorize?oauth_token=t', 200, 'oauth_token'],
      ['GET', 'http://api.example.com:8080/api/me?x=1', 401, 'oauth_problem=token_rejected'],
    ]);
    expect(firstHeaderValue(capture.exchanges[1]?.request.headers ?? [], 'x-long')).toBe('a b');
  });

  it('takes the scheme from X-Forwarded-Proto or --scheme, else https', () => {
    expect(parse('GET /x HTTP/1.1\nHost: a.example\nX-Forwarded-Proto: http\n\n').exchanges[0]?.request.url).toBe('http://a.example/x');
    expect(parse('GET /x HTTP/1.1\nHost: a.example\n\n', 'http').exchanges[0]?.request.url).toBe('http://a.example/x');
    expect(parse('GET /x HTTP/1.1\nHost: a.example\n\n').exchanges[0]?.request.url).toBe('https://a.example/x');
  });

  it('tells formats apart', () => {
    expect(detectFormat('x.har', Buffer.from(''))).toBe('har');
    expect(detectFormat('x.txt', Buffer.from('  {"log":{}}'))).toBe('har');
    expect(detectFormat('x.txt', Buffer.from('$ curl https://a'))).toBe('curl');
    expect(detectFormat('x.txt', Buffer.from('curl https://a'))).toBe('curl');
    expect(detectFormat('x.txt', Buffer.from('GET / HTTP/1.1'))).toBe('http');
  });
});

describe('raw HTTP errors name the line', () => {
  const cases: [string, string, RegExp][] = [
    ['not a request line', 'hello world\n', /line 1: expected a request line such as "POST \/oauth\/request_token HTTP\/1\.1"/],
    ['no Host', 'GET /x HTTP/1.1\nAccept: */*\n\n', /line 1: the request has no Host header/],
    ['header without colon', 'GET /x HTTP/1.1\nHost: a\nbroken header\n\n', /line 3: expected a header "Name: value"/],
    ['bad header name', 'GET /x HTTP/1.1\nHost: a\nBad Name: x\n\n', /line 3: "Bad Name" is not a valid header name/],
    ['response first', 'HTTP/1.1 401 Unauthorized\n\n', /line 1: a response with no request before it/],
    ['bad chunk', 'GET /x HTTP/1.1\nHost: a\n\nHTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\nzz\n', /line 7: expected a chunk size in hex/],
    ['bad Content-Length', 'POST /x HTTP/1.1\nHost: a\nContent-Length: ten\n\nabc', /line 1: Content-Length "ten" is not a number/],
    ['empty', '\n\n', /the input is empty/],
  ];
  for (const [name, text, message] of cases) {
    it(name, () => {
      const error = thrown(() => parse(text));
      expect(error.message).toMatch(message);
      expect(error.exitCode).toBe(2);
    });
  }
});

describe('raw HTTP parser properties (fast-check)', () => {
  const line = fc.oneof(fc.constantFrom('GET /x HTTP/1.1', 'POST http://a.example/y HTTP/1.0', 'HTTP/1.1 200 OK', 'Host: a.example', 'Content-Length: 3', 'Content-Length: 99', 'Transfer-Encoding: chunked', 'Content-Encoding: gzip', '0', '5', 'abc', '', ' folded', ':authority: a'), fc.string({ maxLength: 20 }));
  it('returns a capture or a DoctorError for any input, never anything else', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.array(line, { maxLength: 12 }).map((l) => l.join('\r\n')), fc.array(line, { maxLength: 12 }).map((l) => l.join('\n'))), (text) => {
        try {
          parse(text);
        } catch (error) {
          if (!isDoctorError(error)) throw error;
        }
      }),
      { numRuns: propertyRuns(1000), seed: 99 },
    );
  });
});
