// Issue 14 item 1: a large curl file or raw HTTP capture is read from the file
// a block at a time, each command or message parsed as its bytes come and
// handed on as it ends: the text was read whole first (the file's bytes, and
// for curl the whole text as one string beside them, held for the whole
// parse). Here: the heap and external memory left after a full GC, sampled
// while the built CLI runs, grow by less than the file between a small and a
// 13 MB capture (before: by the file, twice for curl); the readers given the
// text a few bytes at a time find the same exchanges and the same errors (at
// the same line and column) as given it whole; and the CLI's streamed report
// of such a file is the whole one, byte for byte.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { retainedMB } from '../helpers/retained-memory.js';
import { CurlReader, parseCurl } from '../../src/capture/curl.js';
import { parseRawHttp, RawHttpReader } from '../../src/capture/raw-http.js';
import type { Capture, CapturedExchange } from '../../src/capture/types.js';
import { isDoctorError } from '../../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-streamed-text-'));
const file = (name: string) => join(dir, name);
const PAD = 'p'.repeat(4_000);

const auth = (i: number) => `OAuth oauth_consumer_key="ck", oauth_signature_method="HMAC-SHA1", oauth_timestamp="1718704800", oauth_nonce="n${i}", oauth_version="1.0", oauth_signature="c2lnbmF0dXJl"`;
/** `count` curl commands, each with a 4 KB body: many bytes a command, little kept of one (a nonce, a flow). */
function curlText(count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) text += `curl -X POST 'https://api.example.com/1.1/items/${i}.json' -H 'Authorization: ${auth(i)}' --data-raw 'pad=${PAD}'\n`;
  return text;
}
function rawText(count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) {
    const body = `pad=${PAD}`;
    text += `POST /1.1/items/${i}.json HTTP/1.1\r\nHost: api.example.com:443\r\nAuthorization: ${auth(i)}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n${body}\r\nHTTP/1.1 401 Unauthorized\r\nContent-Length: 24\r\n\r\noauth_problem=nonce_used\r\n\r\n`;
  }
  return text;
}

beforeAll(() => {
  writeFileSync(file('small.curl'), curlText(300));
  writeFileSync(file('big.curl'), curlText(3_000));
  writeFileSync(file('small.http'), rawText(300));
  writeFileSync(file('big.http'), rawText(3_000));
  // Past the reader's 1 MB block, under the 2 MB from which a file is streamed by default.
  writeFileSync(file('mid.curl'), curlText(350));
  writeFileSync(file('mid.http'), rawText(300));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The largest heap plus external memory left after a full GC, sampled every 50 ms while `inspect` runs (it yields between blocks). */
const retained = (capture: string) => retainedMB(['inspect', capture, '--scheme', 'https'], { env: { NO_COLOR: '1', OAUTH_DOCTOR_STREAM_MIN_BYTES: '0' }, withExternal: true, everyMs: 50 });

describe('inspect of a large curl file or raw HTTP capture holds a block, not the file', () => {
  for (const format of ['curl', 'http']) {
    it(`${format}: what is retained grows by far less than the file (13 MB) from 300 to 3,000 exchanges`, async () => {
      const fileMB = statSync(file(`big.${format}`)).size / 1048576;
      expect(fileMB).toBeGreaterThan(12);
      const small = await retained(file(`small.${format}`));
      const large = await retained(file(`big.${format}`));
      expect(small).toBeGreaterThan(0);
      // Held whole, the file alone is 13 MB (curl: and its text beside it); a block, a nonce and a flow an exchange is under 4 MB.
      expect(large - small).toBeLessThan(fileMB / 3);
    }, 300_000);
  }
});

/** The exchanges of a text given in pieces of at most `most` characters (curl) or bytes (raw HTTP), or the error's message. */
function inPieces(format: 'curl' | 'http', text: string, most: number): { exchanges: CapturedExchange[]; capture?: Capture; error?: string } {
  const exchanges: CapturedExchange[] = [];
  try {
    if (format === 'curl') {
      const reader = new CurlReader({ source: 't' }, (e) => exchanges.push(e));
      for (let i = 0; i < text.length; i += most) reader.push(text.slice(i, i + most), false);
      reader.push('', true);
      return { exchanges, capture: reader.capture() };
    }
    const bytes = Buffer.from(text, 'utf8');
    const reader = new RawHttpReader({ source: 't' }, (e) => exchanges.push(e));
    for (let i = 0; i < bytes.length; i += most) reader.push(bytes.subarray(i, i + most), false);
    reader.push(Buffer.alloc(0), true);
    return { exchanges, capture: reader.capture() };
  } catch (error) {
    if (!isDoctorError(error)) throw error;
    return { exchanges, error: error.message };
  }
}

function whole(format: 'curl' | 'http', text: string): { exchanges: CapturedExchange[]; capture?: Capture; error?: string } {
  const exchanges: CapturedExchange[] = [];
  try {
    const capture = format === 'curl' ? parseCurl(text, { source: 't' }, (e) => exchanges.push(e)) : parseRawHttp(text, { source: 't' }, (e) => exchanges.push(e));
    return { exchanges, capture };
  } catch (error) {
    if (!isDoctorError(error)) throw error;
    return { exchanges, error: error.message };
  }
}

describe('the curl and raw HTTP readers given the text a piece at a time', () => {
  const curl = [
    `\ufeff$ curl 'https://a.example/oauth/request_token' -X POST \\\n  -H "Authorization: OAuth oauth_consumer_key=\\"ck\\", oauth_nonce=\\"n1\\"" # a comment 'with quotes'\n`,
    `curl $'https://a.example/x?q=\\x41\\u00e9\\U0001F600\\'' -d 'a=1\nb=2' --data-urlencode "c=d e"; curl https://a.example/2 && curl https://a.example/3 | jq .\r\n`,
    `curl https://a.example/é/${'w'.repeat(300)} -H 'X: ${'y'.repeat(5000)}'\n`,
  ].join('');
  const raw = [
    '\ufeffPOST /oauth/request_token HTTP/1.1\r\nHost: a.example\r\nAuthorization: OAuth oauth_consumer_key="ck"\r\nX-Folded: one\r\n two\r\nContent-Length: 5\r\n\r\na=é\r\n',
    'HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n5\r\noauth\r\n6\r\n_token\r\n0\r\n\r\n',
    `GET /x HTTP/1.1\nHost: a.example\n\nHTTP/1.1 401 Unauthorized\nContent-Type: text/plain\n\n${'body line\n'.repeat(50)}\n\nGET https://b.example/y HTTP/1.1\nHost: b.example\n\n`,
  ].join('');

  it('finds the same exchanges as given the text whole, whatever the pieces', () => {
    for (const [format, text] of [['curl', curl], ['http', raw]] as const) {
      const expected = whole(format, text);
      expect(expected.error).toBeUndefined();
      expect(expected.capture?.totalEntries).toBeGreaterThanOrEqual(3);
      for (const most of [1, 2, 3, 5, 7, 64, 1000]) {
        const got = inPieces(format, text, most);
        expect(got.error).toBeUndefined();
        expect(got.exchanges).toEqual(expected.exchanges);
        expect(got.capture).toEqual(expected.capture);
      }
    }
  });

  it('reports a damaged text with the same message, line and column', () => {
    const damaged: [format: 'curl' | 'http', text: string][] = [
      ['curl', `curl https://a.example/1\ncurl 'https://a.example/2\n -H x\n`],
      ['curl', `curl https://a.example/1\ncurl "https://a.example/$HOME"\n`],
      ['curl', `curl https://a.example/1 -H "X: y\ncurl https://a.example/3\n`],
      ['curl', `curl https://a.example/1\ncurl $'https://a.example/\\xzz'\n`],
      ['curl', `curl https://a.example/1 > out\n`],
      ['http', 'GET /a HTTP/1.1\nHost: a.example\n\nHTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n10\nshort\n'],
      ['http', 'GET /a HTTP/1.1\nHost: a.example\nno colon here\n\n'],
      ['http', 'GET /a HTTP/1.1\nHost: a.example\n\nHTTP/1.1 200 OK\n\nHTTP/1.1 200 OK\n\n'],
    ];
    for (const [format, text] of damaged) {
      const expected = whole(format, text);
      expect(expected.error).toBeDefined();
      for (const most of [1, 2, 3, 7, 64]) expect(inPieces(format, text, most)).toEqual(expected);
    }
  });
});

describe('the streamed report of a curl file or raw HTTP capture past the 1 MB block', () => {
  it('is the whole report, byte for byte (text and --json)', async () => {
    for (const name of ['mid.curl', 'mid.http']) {
      expect(statSync(file(name)).size).toBeGreaterThan(1024 * 1024);
      expect(statSync(file(name)).size).toBeLessThan(2 * 1024 * 1024);
      for (const args of [[], ['--json']]) {
        const inspected = await runBin(['inspect', file(name), '--scheme', 'https', ...args], { env: { NO_COLOR: '1' }, timeoutMs: 120_000 });
        const streamed = await runBin(['inspect', file(name), '--scheme', 'https', ...args], { env: { NO_COLOR: '1', OAUTH_DOCTOR_STREAM_MIN_BYTES: '0' }, timeoutMs: 120_000 });
        expect(inspected.stdout).toContain(args.length === 0 ? ' in all, ' : '"entries"');
        expect(streamed.code).toBe(inspected.code);
        expect(streamed.stdout).toBe(inspected.stdout);
        expect(streamed.stderr).toBe(inspected.stderr);
      }
    }
  }, 300_000);
});
