/**
 * A deliberately indiscreet OAuth 1.0a provider on 127.0.0.1 for the canary
 * test (issue 7, "secrets never leak"). It issues the canary values as its
 * tokens, verifier and session handle, and when it refuses it echoes back
 * everything it was sent — the Authorization header, a debug_sbs base string
 * holding the token and verifier, the form body — as some real providers
 * do. It checks no signature: the test is about what oauth-doctor prints
 * and saves, not about signing.
 *
 * Paths: `/<mode>/oauth/request_token`, `/<mode>/oauth/authorize`,
 * `/<mode>/oauth/access_token`, `/<mode>/api/me`, where mode is
 *   ok              every leg succeeds
 *   refuse-request  request_token → 401 with everything echoed
 *   refuse-access   access_token → 401 token_rejected, debug_sbs, echo
 *   refuse-resource the resource → 401 token_rejected, echo
 *   cut-preview     request_token → 401 whose body is padded so that a
 *                   600-character preview ends inside oauth_token_secret
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { parseAuthorizationHeader } from '../../src/oauth/authorization-header.js';
import { serializeForm, type Pair } from '../../src/oauth/form.js';
import { percentEncode } from '../../src/oauth/percent-encode.js';
import { CANARY } from './canaries.js';
import { readBody } from '../helpers/fault-server.js';

type CanaryMode = 'ok' | 'refuse-request' | 'refuse-access' | 'refuse-resource' | 'cut-preview';

export interface CanaryProvider {
  readonly url: string;
  /** Endpoint flags for `flow` in the given mode. */
  endpoints(mode: CanaryMode): string[];
  close(): Promise<void>;
}

const form = (pairs: readonly Pair[]) => serializeForm(pairs, percentEncode);

/** A refusal that repeats every secret it was sent, in a header and in the body. */
function indiscreetRefusal(res: ServerResponse, req: IncomingMessage, body: string, problem: string): void {
  const authorization = req.headers.authorization ?? '';
  const sent = parseAuthorizationHeader(authorization)?.parameters ?? [];
  const sbs = `POST&${percentEncode(`http://127.0.0.1${req.url ?? ''}`)}&${percentEncode(form(sent))}`;
  res.writeHead(401, {
    'content-type': 'application/x-www-form-urlencoded',
    'www-authenticate': `OAuth realm="canary", oauth_problem="${problem}"`,
    'x-echo-authorization': authorization,
  });
  res.end(form([['oauth_problem', problem], ['oauth_problem_advice', `you sent ${authorization} and ${body}`], ['debug_sbs', sbs]]));
}

export async function startCanaryProvider(): Promise<CanaryProvider> {
  const sockets = new Set<Socket>();
  let callback = 'oob';
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const [, mode = '', ...rest] = url.pathname.split('/');
    const path = `/${rest.join('/')}`;
    const body = await readBody(req);
    if (path === '/oauth/request_token') {
      if (mode === 'refuse-request') return indiscreetRefusal(res, req, body, 'signature_invalid');
      if (mode === 'cut-preview') {
        const head = 'oauth_problem=token_rejected&pad=';
        const secretAt = 590 - '&oauth_token_secret='.length;
        res.writeHead(401, { 'content-type': 'application/x-www-form-urlencoded' });
        return void res.end(`${head}${'x'.repeat(secretAt - head.length)}&${form([['oauth_token_secret', CANARY.tokenSecret], ['oauth_verifier', CANARY.verifier]])}`);
      }
      const sent = parseAuthorizationHeader(req.headers.authorization ?? '')?.parameters ?? [];
      callback = sent.find(([n]) => n === 'oauth_callback')?.[1] ?? 'oob';
      res.writeHead(200, { 'content-type': 'application/x-www-form-urlencoded' });
      return void res.end(form([['oauth_token', CANARY.requestToken], ['oauth_token_secret', CANARY.requestTokenSecret], ['oauth_callback_confirmed', 'true']]));
    }
    if (path === '/oauth/authorize') {
      if (callback === 'oob') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return void res.end(`<html><body><p>Your PIN:</p><code id="oauth_verifier">${CANARY.verifier}</code></body></html>`);
      }
      const target = new URL(callback);
      target.searchParams.set('oauth_token', url.searchParams.get('oauth_token') ?? '');
      target.searchParams.set('oauth_verifier', CANARY.verifier);
      res.writeHead(302, { location: target.href });
      return void res.end();
    }
    if (path === '/oauth/access_token') {
      if (mode === 'refuse-access') return indiscreetRefusal(res, req, body, 'token_rejected');
      res.writeHead(200, { 'content-type': 'application/x-www-form-urlencoded' });
      return void res.end(form([['oauth_token', CANARY.accessToken], ['oauth_token_secret', CANARY.tokenSecret], ['oauth_session_handle', CANARY.sessionHandle], ['user_id', '42']]));
    }
    if (path === '/api/me') {
      if (mode === 'refuse-resource') return indiscreetRefusal(res, req, body, 'token_rejected');
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
    url,
    endpoints: (mode) => [
      '--request-token-url', `${url}/${mode}/oauth/request_token`,
      '--authorize-url', `${url}/${mode}/oauth/authorize`,
      '--access-token-url', `${url}/${mode}/oauth/access_token`,
      '--resource-url', `${url}/${mode}/api/me`,
    ],
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
