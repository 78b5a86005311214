// Issue 7, "input is hostile": terminal escape sequences and control
// characters a provider sends — in a body, a header, an error message, an
// HTML page, a JSON message, a Location, a token response's extra fields —
// are neutralised in what flow, explain and inspect print, in text, --verbose
// and --json, with colour off and on. A hostile provider cannot retitle the
// window (OSC), clear the screen (CSI 2J), or use the 8-bit CSI (U+009B).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Socket } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliResult } from '../helpers/cli.js';
import { closer, listen } from '../helpers/fault-server.js';

/** Retitle the window, clear the screen, colour, 8-bit CSI, carriage return over the line, backspace, DEL, BEL. */
const EVIL = '\u001b]0;pwned\u0007\u001b[2J\u001b[H\u001b[8mhidden\u009b31m\rX\u0008\u007f\u0007';
const EVIL_FORM = encodeURIComponent(EVIL);

/** Colour off: not one control character but newline and tab. */
const ANY_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
/** Colour on: our palette's SGR codes are the only escapes allowed (src/terminal/sanitize.ts). */
function withoutPalette(text: string): string {
  return text.replace(/\u001b\[(?:1|2|22|31|32|33|36|39)m/g, '');
}
/** And the hostile sequences themselves never pass, in any form a terminal acts on. */
const HOSTILE = /\u001b\]|\u001b\[2J|\u001b\[H|\u001b\[8m|\u009b|\r(?!\n)|\u0008|\u0007/;

function expectNeutralised(what: string, result: CliResult, colour: boolean): void {
  expect(result.signal, what).toBeNull();
  const all = result.stdout + result.stderr;
  expect(all, what).not.toMatch(HOSTILE);
  expect(colour ? withoutPalette(all) : all, what).not.toMatch(ANY_CONTROL);
  tally.runs++;
}
const tally = { runs: 0 };

interface RawServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Writes raw bytes so that headers can carry what node:http would refuse to send. */
function response(status: string, headers: readonly string[], body: string): string {
  return `HTTP/1.1 ${status}\r\n${[...headers, `Content-Length: ${Buffer.byteLength(body)}`, 'Connection: close'].join('\r\n')}\r\n\r\n${body}`;
}

const FORM = 'Content-Type: application/x-www-form-urlencoded';
const ROUTES: Record<string, string> = {
  '/body/rt': response('401 Unauthorized', ['Content-Type: text/plain'], `oauth_problem=token_rejected ${EVIL}`),
  '/advice/rt': response('401 Unauthorized', [FORM], `oauth_problem=signature_invalid&oauth_problem_advice=${EVIL_FORM}&debug_sbs=POST%26${EVIL_FORM}`),
  '/challenge/rt': response('401 Unauthorized', [`WWW-Authenticate: OAuth realm="${EVIL}", oauth_problem="timestamp_refused", oauth_problem_advice="${EVIL}"`, 'Content-Type: text/plain'], 'no'),
  '/header/rt': response('400 Bad Request', [`X-Evil: ${EVIL}`, `Server: ${EVIL}`, 'Content-Type: text/plain'], 'bad'),
  '/html/rt': response('403 Forbidden', ['Content-Type: text/html; charset=utf-8'], `<html><head><title>${EVIL}</title></head><body><h1>Whoa there!</h1><p>The request token for this page is invalid. ${EVIL}</p></body></html>`),
  '/json/rt': response('401 Unauthorized', ['Content-Type: application/json'], JSON.stringify({ errors: [{ code: 32, message: `Could not authenticate you ${EVIL}` }] })),
  '/location/rt': response('302 Found', [`Location: http://127.0.0.1:1/${EVIL}`], ''),
  '/status/rt': `HTTP/1.1 401 ${EVIL}\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\nno`,
  // A whole flow whose every answer carries the sequences: request token, authorise page (PIN), access token with extra fields, resource.
  '/flow/rt': response('200 OK', [FORM], `oauth_token=tok-1234&oauth_token_secret=sec-1234&oauth_callback_confirmed=true&note=${EVIL_FORM}`),
  '/flow/authorize': response('200 OK', ['Content-Type: text/html; charset=utf-8'], `<html><title>${EVIL}</title><body>${EVIL}<code id="oauth_verifier">pin-12345</code></body></html>`),
  '/flow/at': response('200 OK', [FORM], `oauth_token=acc-1234&oauth_token_secret=accsec-1234&screen_name=${EVIL_FORM}&user_id=${EVIL_FORM}`),
  '/flow/me': response('200 OK', ['Content-Type: application/json'], JSON.stringify({ screen_name: EVIL })),
  '/flow-refused/rt': response('200 OK', [FORM], 'oauth_token=tok-1234&oauth_token_secret=sec-1234&oauth_callback_confirmed=true'),
  '/flow-refused/authorize': response('200 OK', ['Content-Type: text/html'], '<code id="oauth_verifier">pin-12345</code>'),
  '/flow-refused/at': response('401 Unauthorized', [FORM, `WWW-Authenticate: OAuth oauth_problem="token_rejected"`], `oauth_problem=token_rejected&oauth_problem_advice=${EVIL_FORM}`),
};

async function startRawServer(): Promise<RawServer> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let head = '';
    socket.on('data', (chunk: Buffer) => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      const path = (head.split(' ')[1] ?? '/').split('?')[0] ?? '/';
      socket.end(ROUTES[path] ?? response('404 Not Found', [], 'not found'));
      head = '';
    });
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}`, close: closer(server, sockets) };
}

let raw: RawServer;
let dir: string;
beforeAll(async () => {
  raw = await startRawServer();
  dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-terminal-'));
});
afterAll(async () => {
  await raw.close();
  rmSync(dir, { recursive: true, force: true });
});

const ENV = { OAUTH_CONSUMER_KEY: 'key', OAUTH_CONSUMER_SECRET: 'terminal-secret' };
const COLOURS = [
  ['colour off', {}],
  ['colour on', { FORCE_COLOR: '1' }],
] as const;
const MODES = [['text', []], ['--verbose', ['--verbose']], ['--json', ['--json']]] as const;

function flow(prefix: string, flags: readonly string[], env: Record<string, string>): Promise<CliResult> {
  return runCli(['flow', '--request-token-url', `${raw.url}/${prefix}/rt`, '--authorize-url', `${raw.url}/${prefix}/authorize`, '--access-token-url', `${raw.url}/${prefix}/at`, '--resource-url', `${raw.url}/${prefix}/me`, '--authorize', 'http', '--callback', 'oob', '--timeout', '3000', ...flags], { env: { ...ENV, ...env } });
}

describe('flow: what a hostile provider sends is neutralised', () => {
  const carriers = ['body', 'advice', 'challenge', 'header', 'html', 'json', 'location', 'status'];
  for (const [colour, colourEnv] of COLOURS) {
    for (const [mode, flags] of MODES) {
      it.each(carriers)(`in the %s (${mode}, ${colour})`, async (carrier) => {
        const result = await flow(carrier, flags, colourEnv);
        expect([1, 3]).toContain(result.code);
        expectNeutralised(`${carrier} ${mode} ${colour}`, result, colour === 'colour on');
        if (mode === '--json') expect(() => JSON.parse(result.stdout) as unknown).not.toThrow();
      });
    }
    it(`a whole flow whose every answer carries them, success (${colour}, --verbose)`, async () => {
      const result = await flow('flow', ['--verbose'], colourEnv);
      expect(result.code, result.stderr).toBe(0);
      expectNeutralised(`flow success ${colour}`, result, colour === 'colour on');
      // Shown, as visible escapes: the person can see something odd was sent.
      expect(result.stdout + result.stderr).toContain('\\x1b]0;pwned');
    });
    it(`a refusal on the access-token leg (${colour})`, async () => {
      const result = await flow('flow-refused', [], colourEnv);
      expect(result.code).toBe(1);
      expectNeutralised(`flow refused ${colour}`, result, colour === 'colour on');
    });
  }
});

describe('explain: pasted or piped text is neutralised', () => {
  const inputs: [string, string][] = [
    ['a raw response', `HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: OAuth oauth_problem="token_rejected", oauth_problem_advice="${EVIL}"\r\nX-Evil: ${EVIL}\r\n\r\noauth_problem=token_rejected&oauth_problem_advice=${EVIL_FORM}`],
    ['an HTML page', `<html><title>${EVIL}</title><body>The request token for this page is invalid. ${EVIL}</body></html>`],
    ['a JSON error', JSON.stringify({ errors: [{ code: 89, message: `Invalid or expired token. ${EVIL}` }] })],
    ['an unknown oauth_problem', `oauth_problem=${EVIL_FORM}`],
    ['text nothing recognises', `${EVIL} nothing here`],
  ];
  for (const [colour, colourEnv] of COLOURS) {
    it.each(inputs)(`%s, as an argument, on stdin and in a file (${colour}, text and --json)`, async (what, text) => {
      const path = join(dir, `${what.replace(/\W+/g, '-')}.txt`);
      writeFileSync(path, text);
      for (const args of [[text], ['-'], [path], [path, '--json'], [text, '--lang', 'ja']]) {
        const result = await runCli(['explain', ...args], { input: text, env: colourEnv });
        expect([0, 1]).toContain(result.code);
        expectNeutralised(`explain ${what} ${args.slice(1).join(' ')}`, result, colour === 'colour on');
      }
    });
  }
});

describe('inspect: a capture full of them is neutralised', () => {
  const header = (name: string, value: string) => ({ name, value });
  const har = JSON.stringify({
    log: {
      version: '1.2',
      creator: { name: EVIL, version: EVIL },
      entries: [
        {
          startedDateTime: '2026-11-22T09:00:00.000Z',
          time: 5,
          request: { method: 'POST', url: `https://api.example.com/oauth/request_token?x=${EVIL_FORM}`, httpVersion: 'HTTP/1.1', headers: [header('Authorization', `OAuth oauth_consumer_key="${EVIL}", oauth_signature_method="HMAC-SHA1", oauth_signature="${EVIL}", oauth_timestamp="1", oauth_nonce="${EVIL}", oauth_callback="oob"`)], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
          response: { status: 401, statusText: EVIL, httpVersion: 'HTTP/1.1', headers: [header('WWW-Authenticate', `OAuth oauth_problem="signature_invalid", oauth_problem_advice="${EVIL}"`), header('X-Evil', EVIL)], cookies: [], content: { size: 10, mimeType: 'text/plain', text: `oauth_problem=signature_invalid&oauth_problem_advice=${EVIL_FORM}&debug_sbs=${EVIL_FORM}` }, redirectURL: '', headersSize: -1, bodySize: 10 },
          cache: {},
          timings: { send: 0, wait: 5, receive: 0 },
        },
      ],
    },
  });
  const rawHttp = `POST /oauth/access_token HTTP/1.1\r\nHost: api.example.com\r\nAuthorization: OAuth oauth_consumer_key="k", oauth_token="${EVIL}", oauth_signature_method="PLAINTEXT", oauth_signature="a%26b", oauth_verifier="${EVIL}"\r\n\r\nHTTP/1.1 401 ${EVIL}\r\nContent-Type: text/html\r\n\r\n<title>${EVIL}</title>${EVIL}\r\n`;
  const curl = `curl -X POST 'https://api.example.com/oauth/request_token?e=${EVIL_FORM}' -H 'Authorization: OAuth oauth_consumer_key="${EVIL}", oauth_signature_method="HMAC-SHA1", oauth_signature="x", oauth_timestamp="1", oauth_nonce="n"' -H 'X-Evil: ${EVIL}'`;
  for (const [colour, colourEnv] of COLOURS) {
    it.each([
      ['a HAR file', 'evil.har', har],
      ['raw HTTP', 'evil.http', rawHttp],
      ['a curl command', 'evil.sh', curl],
    ])(`%s (${colour}, text and --json, with and without --show-secrets)`, async (what, name, content) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      for (const flags of [[], ['--json'], ['--show-secrets'], ['--lang', 'ja']]) {
        const result = await runCli(['inspect', path, ...flags], { env: { ...colourEnv, OAUTH_CONSUMER_SECRET: 'terminal-secret' } });
        expect([0, 1, 2]).toContain(result.code);
        expectNeutralised(`inspect ${what} ${flags.join(' ')}`, result, colour === 'colour on');
      }
    });
  }
});

describe('summary', () => {
  it('runs checked', () => {
    console.log(`terminal escapes: ${tally.runs} runs of flow, explain and inspect checked, none let a control sequence through`);
    expect(tally.runs).toBeGreaterThanOrEqual(90);
  });
});
