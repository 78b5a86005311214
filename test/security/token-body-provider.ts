/**
 * An OAuth 1.0a provider on 127.0.0.1 whose token responses and out-of-band
 * page take the shapes of issue 14 items 7 and 8: it checks no signature,
 * only that the access-token leg brings the verifier its page showed.
 *
 * Paths `/<mode>/request_token`, `/<mode>/authorize`, `/<mode>/access_token`,
 * `/<mode>/me`, where mode is
 *   padded        both token bodies have 70 KiB of padding before oauth_token_secret
 *   padded-large  the same with 960 KiB (under the 1 MiB a response body is kept to)
 *   over-encoded  both token bodies spell the tokens and secrets with every character percent-encoded (%4C for L)
 *   mixed-encoded the same with lower-case hex on every other character, the rest as is
 *   json          both token responses are JSON objects
 *   json-nested   JSON, the access-token answer with the credentials inside {"data": {…}} too, and numbers
 *   short         form bodies with the 1- to 3-character tokens and secrets of SHORT (issue 14 item 11)
 *   pin-code      the PIN page is `<p>Your PIN: <code>V</code></p>`
 *   hostile-pin   the PIN page is `PIN` and 1 MiB of spaces (no PIN)
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { parseAuthorizationHeader } from '../../src/oauth/authorization-header.js';
import { serializeForm, type Pair } from '../../src/oauth/form.js';
import { percentEncode } from '../../src/oauth/percent-encode.js';
import { CANARY } from './canaries.js';
import { readBody } from '../helpers/fault-server.js';

export type TokenBodyMode = 'short' | 'padded' | 'padded-large' | 'over-encoded' | 'mixed-encoded' | 'json' | 'json-nested' | 'pin-code' | 'hostile-pin';

export interface TokenBodyProvider {
  endpoints(mode: TokenBodyMode): string[];
  /** The oauth_verifier each access-token request carried, in order. */
  readonly verifiers: string[];
  close(): Promise<void>;
}

const form = (pairs: readonly Pair[]) => serializeForm(pairs, percentEncode);
/** Every octet as %XX (upper-case hex): a spelling any decoder accepts (RFC 3986 §2.3 says not to, providers do). */
export const everyCharEncoded = (value: string) => [...Buffer.from(value)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
/** Every other character as %xx with lower-case hex (RFC 3986 §2.1: the same octet), the rest as is. */
export const mixedEncoded = (value: string) => [...value].map((c, i) => (i % 2 === 0 ? everyCharEncoded(c).toLowerCase() : c)).join('');

const PADDING: Partial<Record<TokenBodyMode, number>> = { padded: 70 * 1024, 'padded-large': 960 * 1024 };
const SPELLING: Partial<Record<TokenBodyMode, (value: string) => string>> = { 'over-encoded': everyCharEncoded, 'mixed-encoded': mixedEncoded };

function answer(res: ServerResponse, mode: TokenBodyMode, pairs: readonly Pair[]): void {
  if (mode === 'json' || mode === 'json-nested') {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    const object: Record<string, unknown> = Object.fromEntries(pairs.map(([n, v]) => [n, n === 'oauth_callback_confirmed' ? v === 'true' : n === 'user_id' ? Number(v) : v]));
    return void res.end(JSON.stringify(mode === 'json-nested' ? { ...object, data: { ...object } } : object));
  }
  res.writeHead(200, { 'content-type': 'application/x-www-form-urlencoded' });
  const padding = PADDING[mode];
  const spell = SPELLING[mode];
  const body = spell ? pairs.map(([n, v]) => `${n}=${n === 'user_id' || n === 'oauth_callback_confirmed' ? v : spell(v)}`).join('&') : form(pairs);
  res.end(padding === undefined ? body : `padding=${'x'.repeat(padding)}&${body}`);
}

/** Tokens and secrets of 1 to 3 characters, as sandboxes and tests hand out (issue 14 item 11). */
export const SHORT = { requestToken: 'r7k', requestTokenSecret: 'q', accessToken: 'a9', tokenSecret: 'z', verifier: 'k3' } as const;

export async function startTokenBodyProvider(): Promise<TokenBodyProvider> {
  const sockets = new Set<Socket>();
  const verifiers: string[] = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const [, modeName = '', path = ''] = url.pathname.split('/');
    const mode = modeName as TokenBodyMode;
    await readBody(req);
    const issued = mode === 'short' ? SHORT : CANARY;
    if (path === 'request_token') return answer(res, mode, [['oauth_token', issued.requestToken], ['oauth_token_secret', issued.requestTokenSecret], ['oauth_callback_confirmed', 'true']]);
    if (path === 'authorize') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      if (mode === 'hostile-pin') return void res.end(`<html><body>PIN${' '.repeat(1024 * 1024)}</body></html>`);
      if (mode === 'pin-code') return void res.end(`<html><body><p>Your PIN: <code>${CANARY.verifier}</code></p></body></html>`);
      return void res.end(`<html><body><code id="oauth_verifier">${issued.verifier}</code></body></html>`);
    }
    if (path === 'access_token') {
      const sent = parseAuthorizationHeader(req.headers.authorization ?? '')?.parameters ?? [];
      const verifier = sent.find(([n]) => n === 'oauth_verifier')?.[1] ?? '';
      verifiers.push(verifier);
      if (verifier !== issued.verifier) {
        res.writeHead(401, { 'content-type': 'application/x-www-form-urlencoded' });
        return void res.end(form([['oauth_problem', 'verifier_invalid']]));
      }
      return answer(res, mode, [['oauth_token', issued.accessToken], ['oauth_token_secret', issued.tokenSecret], ['user_id', '42']]);
    }
    if (path === 'me') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ screen_name: 'canary_user' }));
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    verifiers,
    endpoints: (mode) => [
      '--request-token-url', `${url}/${mode}/request_token`,
      '--authorize-url', `${url}/${mode}/authorize`,
      '--access-token-url', `${url}/${mode}/access_token`,
      '--resource-url', `${url}/${mode}/me`,
    ],
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

