// Issue 14 item 1: a `curl -v` transcript was read whole (the file's bytes and
// its text as one string, then every message) even when inspected as a
// stream. Now it is read a block at a time (src/capture/curl-verbose.ts
// CurlVerboseReader), each message handed on once the next request line
// shows it complete. Here: the readers given a text cut anywhere (at every
// byte offset of a small capture, UTF-8 characters and CRLFs split) find
// what they find given it whole, raw HTTP bodies (Content-Length, chunked,
// gzip, up to the next message) included; the built CLI's streamed report
// of a transcript past the 1 MB block is the whole one, byte for byte; and
// what it keeps grows by far less than the file.
import { StringDecoder } from 'node:string_decoder';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { retainedMB } from '../helpers/retained-memory.js';
import { CurlVerboseCaptureReader, parseCurlVerbose } from '../../src/capture/curl-verbose.js';
import { parseRawHttp, RawHttpReader } from '../../src/capture/raw-http.js';
import type { Capture, CapturedExchange } from '../../src/capture/types.js';

const dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-streamed-verbose-'));
const file = (name: string) => join(dir, name);
const PAD = 'p'.repeat(4_000);

/** A `curl -v` transcript of `count` calls, each refused with a 4 KB body (curl prints it after the headers). */
function transcript(count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) {
    text += `*   Trying 127.0.0.1:443...\n* Connected to api.example.com (127.0.0.1) port 443\n* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384\n`;
    text += `> GET /1.1/items/${i}.json HTTP/1.1\n> Host: api.example.com\n> Authorization: OAuth oauth_consumer_key="ck", oauth_nonce="n${i}", oauth_signature="c2ln", oauth_signature_method="HMAC-SHA1", oauth_timestamp="1700000000", oauth_token="tok", oauth_version="1.0"\n>\n`;
    text += `< HTTP/1.1 401 Unauthorized\n< Content-Type: text/plain\n<\n{ [4100 bytes data]\noauth_problem=signature_invalid&pad=${PAD}\n* Connection #0 to host api.example.com left intact\n`;
  }
  return text;
}

beforeAll(() => {
  writeFileSync(file('small.txt'), transcript(300));
  writeFileSync(file('big.txt'), transcript(3_000));
  // Past the reader's 1 MB block, under the 2 MB from which a file is streamed by default.
  writeFileSync(file('mid.txt'), transcript(350));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A small transcript with what a cut may fall inside: CRLF and a stray CR, UTF-8, a 100 Continue, an http connection, body lines. */
const SMALL_VERBOSE = [
  '* Connected to a.example (10.0.0.1) port 80\r\n',
  '> POST /oauth/request_token HTTP/1.1\r\n> Host: a.example\r\n> Authorization: OAuth oauth_consumer_key="ck", oauth_nonce="é1"\r\n> Content-Length: 3\r\n>\r\n',
  '< HTTP/1.1 100 Continue\r\n< HTTP/1.1 200 OK\r\n< Content-Type: text/plain\r\n<\r\n} [3 bytes data]\r\noauth_token=t&oauth_token_secret=s\r\r\nsecond line é\n',
  '> GET /x HTTP/1.1\n> Host: b.example\n>\n< HTTP/1.1 401 Unauthorized\n<\noauth_problem=token_rejected\n\n\n',
  '> GET https://c.example/y HTTP/1.1\n>\n< HTTP/1.1 200 OK\n<\nend',
].join('');

function verboseInPieces(bytes: Buffer, cuts: readonly number[]): { exchanges: CapturedExchange[]; capture: Capture } {
  const exchanges: CapturedExchange[] = [];
  const reader = new CurlVerboseCaptureReader({ source: 't' }, (e) => exchanges.push(e));
  const decoder = new StringDecoder('utf8');
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    reader.push(decoder.write(bytes.subarray(from, cut)), false);
    from = cut;
  }
  reader.push(decoder.end(), true);
  return { exchanges, capture: reader.capture() };
}

function rawInPieces(bytes: Buffer, cuts: readonly number[]): { exchanges: CapturedExchange[]; capture: Capture } {
  const exchanges: CapturedExchange[] = [];
  const reader = new RawHttpReader({ source: 't' }, (e) => exchanges.push(e));
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    reader.push(bytes.subarray(from, cut), false);
    from = cut;
  }
  reader.push(Buffer.alloc(0), true);
  return { exchanges, capture: reader.capture() };
}

describe('a capture read a piece at a time, cut anywhere', () => {
  it('curl -v: the same exchanges and notes as read whole, at every byte offset', () => {
    const bytes = Buffer.from(SMALL_VERBOSE, 'utf8');
    const whole = parseCurlVerbose(SMALL_VERBOSE, { source: 't' });
    expect(whole.exchanges.map((e) => [e.request.url, e.response?.status])).toEqual([
      ['http://a.example/oauth/request_token', 200],
      ['http://b.example/x', 401],
      ['https://c.example/y', 200],
    ]);
    expect(whole.exchanges[0]?.response?.body).toBe('oauth_token=t&oauth_token_secret=s\nsecond line é');
    const expected = { exchanges: whole.exchanges, capture: { ...whole, exchanges: [] } };
    for (let cut = 0; cut <= bytes.length; cut++) expect(verboseInPieces(bytes, [cut])).toEqual(expected);
    for (const most of [1, 2, 3, 7]) expect(verboseInPieces(bytes, Array.from({ length: Math.ceil(bytes.length / most) }, (_, i) => i * most))).toEqual(expected);
  });

  it('raw HTTP: a body cut at the block boundary (Content-Length, chunked, gzip, up to the next message) reads as whole, at every byte offset', () => {
    const gz = gzipSync(Buffer.from('oauth_token=t&oauth_token_secret=s'));
    const bytes = Buffer.concat([
      Buffer.from('\ufeffPOST /oauth/request_token HTTP/1.1\r\nHost: a.example\r\nAuthorization: OAuth oauth_consumer_key="ck", oauth_nonce="n1"\r\nContent-Length: 6\r\n\r\na=é&b\r\n'),
      Buffer.from(`HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: ${gz.length}\r\n\r\n`),
      gz,
      Buffer.from('\r\nGET /x HTTP/1.1\nHost: a.example\n\nHTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n5\r\noauth\r\n6\r\n_token\r\n0\r\n\r\n'),
      Buffer.from('GET /y HTTP/1.1\nHost: a.example\n\nHTTP/1.1 401 Unauthorized\nContent-Type: text/plain\n\nline one é\nline two\n\n\nGET /z HTTP/1.1\nHost: a.example\nContent-Length: 99\n\nshort body\n\nHTTP/1.1 200 OK\n\nend'),
    ]);
    const exchanges: CapturedExchange[] = [];
    const capture = parseRawHttp(bytes, { source: 't' }, (e) => exchanges.push(e));
    expect(exchanges.map((e) => e.response?.body)).toEqual(['oauth_token=t&oauth_token_secret=s', 'oauth_token', 'line one é\nline two', 'end']);
    expect(capture.notes.join(' ')).toMatch(/Content-Length says 99 bytes/);
    for (let cut = 0; cut <= bytes.length; cut++) expect(rawInPieces(bytes, [cut])).toEqual({ exchanges, capture });
  });
});

describe('inspect of a curl -v transcript read as a stream', () => {
  it('is the whole report, byte for byte (text and --json)', async () => {
    expect(statSync(file('mid.txt')).size).toBeGreaterThan(1024 * 1024);
    for (const args of [[], ['--json']]) {
      const inspected = await runBin(['inspect', file('mid.txt'), ...args], { env: { NO_COLOR: '1' }, timeoutMs: 120_000 });
      const streamed = await runBin(['inspect', file('mid.txt'), ...args], { env: { NO_COLOR: '1', OAUTH_DOCTOR_STREAM_MIN_BYTES: '0' }, timeoutMs: 120_000 });
      expect(inspected.stdout).toContain(args.length === 0 ? ' in all, ' : '"entries": 350');
      expect(streamed.code).toBe(inspected.code);
      expect(streamed.stdout).toBe(inspected.stdout);
      expect(streamed.stderr).toBe(inspected.stderr);
    }
  }, 300_000);

  it('holds a block, not the file: what is retained grows by far less than the file (13 MB) from 300 to 3,000 calls', async () => {
    const retained = (name: string) => retainedMB(['inspect', file(name)], { env: { NO_COLOR: '1', OAUTH_DOCTOR_STREAM_MIN_BYTES: '0' }, withExternal: true, everyMs: 50 });
    const fileMB = statSync(file('big.txt')).size / 1048576;
    expect(fileMB).toBeGreaterThan(12);
    const small = await retained('small.txt');
    const large = await retained('big.txt');
    expect(small).toBeGreaterThan(0);
    // Read whole, the file's bytes and its text (13 MB each) were held; a block, a message and a nonce an exchange are under 4 MB.
    expect(large - small).toBeLessThan(fileMB / 3);
  }, 300_000);
});
