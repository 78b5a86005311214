// Issue 14 #12: --json passed raw bidi controls (U+202A–202E, U+2066–2069)
// from provider and capture text, which make a terminal or an editor show
// text in another order than it is ("Trojan Source"). A hostile provider on
// 127.0.0.1 and a capture file, the built CLI, text and --json.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
const ADVICE = `Ask ${BIDI.join('x')} the admin`;
const BODY = `oauth_problem=token_rejected&oauth_problem_advice=${encodeURIComponent(ADVICE)}`;
const RAW = /[\u202a-\u202e\u2066-\u2069]/;

let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((_req, res) => res.writeHead(401, { 'content-type': 'application/x-www-form-urlencoded', 'x-note': 'plain' }).end(BODY));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function expectEscaped(output: string, json: boolean): void {
  expect(output).not.toMatch(RAW);
  if (json) expect(output).toContain('\\u202e');
}

describe('bidi controls from outside are escaped in text and --json', () => {
  it('flow against the provider (text --verbose, --json, --save)', async () => {
    const save = join(mkdtempSync(join(tmpdir(), 'bidi-')), 'run.json');
    const args = ['flow', '--request-token-url', `${base}/rt`, '--authorize-url', `${base}/a`, '--access-token-url', `${base}/at`, '--authorize', 'http', '--callback', 'oob'];
    const env = { OAUTH_CONSUMER_KEY: 'ck', OAUTH_CONSUMER_SECRET: 'bidi-consumer-secret' };
    const text = await runCli([...args, '--verbose'], { env });
    expect(text.code).toBe(1);
    expectEscaped(text.stdout + text.stderr, false);
    const json = await runCli([...args, '--json', '--save', save], { env });
    expect(json.code).toBe(1);
    expectEscaped(json.stdout, true);
    expect(JSON.parse(json.stdout)).toBeTruthy();
    const { readFileSync } = await import('node:fs');
    expectEscaped(readFileSync(save, 'utf8'), true);
  });

  it('explain and inspect of a capture file (text and --json)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bidi-')), 'capture.txt');
    writeFileSync(file, `POST /oauth/request_token HTTP/1.1\r\nHost: api.example.com\r\nAuthorization: OAuth oauth_consumer_key="ck", oauth_nonce="n1", oauth_timestamp="1700000000", oauth_signature_method="HMAC-SHA1", oauth_version="1.0", oauth_signature="c2ln"\r\n\r\nHTTP/1.1 401 Unauthorized\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n${BODY}\r\n`);
    for (const command of ['explain', 'inspect']) {
      const text = await runCli([command, file]);
      expectEscaped(text.stdout + text.stderr, false);
      const json = await runCli([command, file, '--json']);
      expectEscaped(json.stdout, true);
      expect(JSON.parse(json.stdout)).toBeTruthy();
    }
  });
});
