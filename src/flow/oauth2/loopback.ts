import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { DoctorError } from '../../errors.js';
import { CALLBACK_PATH, TurnedAway, waitForCallback, type CallbackHost } from '../callback-listener.js';
import { callbackPage } from '../html.js';

/**
 * The OAuth 2.0 loopback redirect (RFC 8252 §7.3): bound to 127.0.0.1 on a
 * port the system picks (or --callback-port), path /callback, it takes the
 * one redirect whose `state` is ours — a code or an error — and closes.
 * Anything else (another path, another state, another Host) is turned away
 * and counted, as the OAuth 1.0a listener does.
 */
export interface LoopbackListener {
  readonly redirectUri: string;
  wait(state: string, timeoutMs: number): Promise<{ url: string; waitedMs: number; ignoredSummary: string }>;
  close(): Promise<void>;
}

const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  connection: 'close',
};

export async function startLoopback(options: { port?: number | undefined; host?: CallbackHost | undefined; signal: AbortSignal; now: () => number }): Promise<LoopbackListener> {
  const sockets = new Set<Socket>();
  const ignored = new TurnedAway();
  let expected: string | undefined;
  let accept: ((url: string) => void) | undefined;
  const host = options.host ?? '127.0.0.1';

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const answer = (status: number, title: string, line: string) => res.writeHead(status, HEADERS).end(callbackPage(title, [line]));
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const port = req.socket.localPort ?? 0;
    if (req.headers.host !== `127.0.0.1:${port}` && req.headers.host !== `localhost:${port}`) {
      ignored.add(`a request for another host name (${(req.headers.host ?? '').slice(0, 60)})`);
      return answer(421, 'Misdirected request', 'This listener only answers requests for 127.0.0.1.');
    }
    if (url.pathname !== CALLBACK_PATH) {
      if (url.pathname !== '/favicon.ico') ignored.add(`a request for another path (${url.pathname.slice(0, 60)})`);
      return answer(404, 'Not found', 'oauth-doctor is waiting for the OAuth callback on another path.');
    }
    // state is what ties the redirect to this run (RFC 6749 §10.12); a redirect without ours is turned away, so a stray tab cannot end the wait.
    if (expected === undefined || url.searchParams.get('state') !== expected) {
      ignored.add(url.searchParams.has('state') ? 'a callback with another state' : 'a callback without state');
      return answer(400, 'Not the callback oauth-doctor is waiting for', 'Its state is not the one this run sent (an old tab or another attempt?).');
    }
    answer(200, url.searchParams.has('error') ? 'Authorisation refused' : 'oauth-doctor received the callback', 'You can close this tab and go back to the terminal.');
    accept?.(`http://${host}:${port}${req.url ?? ''}`);
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new DoctorError('callback-port-in-use', 'usage', `port ${options.port} on 127.0.0.1 is already in use`, { hint: 'choose another --callback-port, or leave it out for a free one' }) : error),
    );
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  let closed: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closed ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      setTimeout(() => {
        for (const socket of sockets) socket.destroy();
      }, 50).unref();
    }));

  return {
    redirectUri: `http://${host}:${port}${CALLBACK_PATH}`,
    close,
    wait(state, timeoutMs) {
      expected = state;
      const started = options.now();
      const waiting = waitForCallback({ url: `http://${host}:${port}${CALLBACK_PATH}`, ignored, signal: options.signal, close }, timeoutMs);
      accept = waiting.accept;
      return waiting.received.then((url) => ({ url, waitedMs: options.now() - started, ignoredSummary: ignored.summary() }));
    },
  };
}
