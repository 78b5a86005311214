/**
 * An OAuth 1.0a provider on 127.0.0.1 whose token responses and out-of-band
 * page take the shapes of issue 14 items 7 and 8: it checks no signature,
 * only that the access-token leg brings the verifier its page showed.
 *
 * Paths `/<mode>/request_token`, `/<mode>/authorize`, `/<mode>/access_token`,
 * `/<mode>/me`, where mode is
 *   padded        the access-token body has 70 KiB before oauth_token_secret
 *   over-encoded  the access-token body spells the secret with every character percent-encoded (%4C for L)
 *   json          both token responses are JSON objects
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

export type TokenBodyMode = 'padded' | 'over-encoded' | 'json' | 'pin-code' | 'hostile-pin';

export interface TokenBodyProvider {
  endpoints(mode: TokenBodyMode): string[];
  /** The oauth_verifier each access-token request carried, in order. */
  readonly verifiers: string[];
  close(): Promise<void>;
}

const form = (pairs: readonly Pair[]) => serializeForm(pairs, percentEncode);
const everyCharEncoded = (value: string) => [...Buffer.from(value)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');

function answer(res: ServerResponse, mode: TokenBodyMode, pairs: readonly Pair[]): void {
  if (mode === 'json') {
    res.writeHead(200, { 'content-type': 'application/json' });
    return void res.end(JSON.stringify(Object.fromEntries(pairs.map(([n, v]) => [n, n === 'oauth_callback_confirmed' ? v === 'true' : v]))));
  }
  res.writeHead(200, { 'content-type': 'application/x-www-form-urlencoded' });
  res.end(form(pairs));
}

export async function startTokenBodyProvider(): Promise<TokenBodyProvider> {
  const sockets = new Set<Socket>();
  const verifiers: string[] = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const [, modeName = '', path = ''] = url.pathname.split('/');
    const mode = modeName as TokenBodyMode;
    await readBody(req);
    if (path === 'request_token') return answer(res, mode, [['oauth_token', CANARY.requestToken], ['oauth_token_secret', CANARY.requestTokenSecret], ['oauth_callback_confirmed', 'true']]);
    if (path === 'authorize') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      if (mode === 'hostile-pin') return void res.end(`<html><body>PIN${' '.repeat(1024 * 1024)}</body></html>`);
      if (mode === 'pin-code') return void res.end(`<html><body><p>Your PIN: <code>${CANARY.verifier}</code></p></body></html>`);
      return void res.end(`<html><body><code id="oauth_verifier">${CANARY.verifier}</code></body></html>`);
    }
    if (path === 'access_token') {
      const sent = parseAuthorizationHeader(req.headers.authorization ?? '')?.parameters ?? [];
      const verifier = sent.find(([n]) => n === 'oauth_verifier')?.[1] ?? '';
      verifiers.push(verifier);
      if (verifier !== CANARY.verifier) {
        res.writeHead(401, { 'content-type': 'application/x-www-form-urlencoded' });
        return void res.end(form([['oauth_problem', 'verifier_invalid']]));
      }
      const pairs: Pair[] = [['oauth_token', CANARY.accessToken], ['oauth_token_secret', CANARY.tokenSecret], ['user_id', '42']];
      if (mode === 'padded') {
        res.writeHead(200, { 'content-type': 'application/x-www-form-urlencoded' });
        return void res.end(`padding=${'x'.repeat(70 * 1024)}&${form(pairs)}`);
      }
      if (mode === 'over-encoded') {
        res.writeHead(200, { 'content-type': 'application/x-www-form-urlencoded' });
        return void res.end(pairs.map(([n, v]) => `${n}=${n === 'user_id' ? v : everyCharEncoded(v)}`).join('&'));
      }
      return answer(res, mode, pairs);
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

