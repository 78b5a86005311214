import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { DoctorError } from '../errors.js';
import { callbackPage } from './html.js';

export const CALLBACK_PATH = '/callback';

export type CallbackHost = '127.0.0.1' | 'localhost';

/** How many turned-away requests are described one by one; the rest are counted. */
export const TURNED_AWAY_SHOWN = 5;

/**
 * Requests the listener turned away: a count and the first few, so 40,000
 * bad requests are one short line, not 2.5 MB (issue 14 #13).
 */
export class TurnedAway {
  private readonly firstFew: string[] = [];
  private total = 0;

  add(what: string): void {
    this.total++;
    if (this.firstFew.length < TURNED_AWAY_SHOWN) this.firstFew.push(what);
  }

  get count(): number {
    return this.total;
  }

  get first(): readonly string[] {
    return this.firstFew;
  }

  /** `a; b (and 39,998 more)`, or '' when none. */
  summary(): string {
    const more = this.total - this.firstFew.length;
    return this.firstFew.join('; ') + (more > 0 ? ` (and ${more.toLocaleString('en-US')} more)` : '');
  }
}

/** What arrived at the callback URL: the full URL, for parseCallbackUrl. */
export interface ReceivedCallback {
  readonly url: string;
  /** The first few requests turned away before it (wrong path, wrong token, not loopback). */
  readonly ignored: readonly string[];
  /** How many were turned away in all. */
  readonly ignoredCount: number;
  /** `ignored` and the count, as one line. */
  readonly ignoredSummary: string;
  /** Milliseconds from starting to wait until it arrived. */
  readonly waitedMs: number;
}

export interface CallbackListener {
  /** http://127.0.0.1:PORT/callback — what goes in oauth_callback. */
  readonly url: string;
  /** Resolves with the first callback whose oauth_token is `expectedToken`. */
  wait(expectedToken: string, timeoutMs: number): Promise<ReceivedCallback>;
  close(): Promise<void>;
}

export interface ListenerOptions {
  /** 0 or undefined: a free port. */
  readonly port?: number | undefined;
  /**
   * The host name written in oauth_callback (issue 15 item 20): providers
   * compare it as text with the registered callback, so `localhost` and
   * `127.0.0.1` differ. The listener binds 127.0.0.1 either way.
   */
  readonly host?: CallbackHost | undefined;
  /** Ctrl-C: stop waiting and close. */
  readonly signal: AbortSignal;
  readonly now: () => number;
}

const SECURITY_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  connection: 'close',
};

function answer(res: ServerResponse, status: number, title: string, lines: readonly string[]): void {
  res.writeHead(status, SECURITY_HEADERS).end(callbackPage(title, lines));
}

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::ffff:127.0.0.1';
}

/** The Host a browser sends when it follows our own callback URL; anything else is a DNS-rebinding attempt. */
function isOwnHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/**
 * The loopback callback listener (RFC 8252 §7.3's pattern, applied to OAuth
 * 1.0a): bound to 127.0.0.1 only, it accepts exactly one callback whose
 * oauth_token matches the pending request token, answers the browser with a
 * page saying the tab can be closed, and stops. Anything else is turned
 * away and noted. It closes on success, on timeout and on Ctrl-C.
 */
export async function startCallbackListener(options: ListenerOptions): Promise<CallbackListener> {
  const sockets = new Set<Socket>();
  const ignored = new TurnedAway();
  let expected: string | undefined;
  let accept: ((url: string) => void) | undefined;
  let done = false;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!isLoopback(req.socket.remoteAddress)) {
      ignored.add(`a request from ${req.socket.remoteAddress ?? 'an unknown address'}`);
      return answer(res, 403, 'Forbidden', ['This listener only answers this computer.']);
    }
    if (!isOwnHost(req.headers.host, req.socket.localPort ?? 0)) {
      ignored.add(`a request for another host name (${(req.headers.host ?? '').slice(0, 60)})`);
      return answer(res, 421, 'Misdirected request', ['This listener only answers requests for 127.0.0.1.']);
    }
    if (url.pathname !== CALLBACK_PATH) {
      if (url.pathname !== '/favicon.ico') ignored.add(`a request for another path (${url.pathname.slice(0, 60)})`);
      return answer(res, 404, 'Not found', ['oauth-doctor is waiting for the OAuth callback on another path.']);
    }
    if (done) return answer(res, 410, 'Already received', ['oauth-doctor has already received the callback. You can close this tab.']);
    const token = url.searchParams.get('oauth_token');
    // X answers a refusal with denied=<the request token>: it must match too, or any page could end the wait.
    const deniedToken = url.searchParams.get('denied');
    const denied = deniedToken !== null && deniedToken === expected;
    if (!denied && (expected === undefined || token !== expected)) {
      ignored.add(token === null && deniedToken === null ? 'a callback without oauth_token' : 'a callback for another request token');
      return answer(res, 400, 'Not the callback oauth-doctor is waiting for', [
        'This callback is for a request token oauth-doctor did not ask for (an old tab or another attempt?).',
        'oauth-doctor is still waiting for the right one.',
      ]);
    }
    done = true;
    if (denied) answer(res, 200, 'Authorisation denied', ['You denied access. oauth-doctor has noted it; you can close this tab.']);
    else answer(res, 200, 'oauth-doctor received the callback', ['You can close this tab and go back to the terminal.']);
    accept?.(`http://${options.host ?? '127.0.0.1'}:${port}${req.url ?? ''}`);
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 10_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new DoctorError('callback-port-in-use', 'usage', `port ${options.port} on 127.0.0.1 is already in use`, { hint: 'choose another --callback-port, or leave it out for a free one' })
          : error,
      ),
    );
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  let closed: Promise<void> | undefined;
  /** Ends a pending wait (its timer too) when the listener closes before the callback came. */
  let abandonWait: (() => void) | undefined;
  const close = (): Promise<void> => {
    abandonWait?.();
    closed ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      // Let the answer page reach the browser, then drop idle keep-alive sockets.
      setTimeout(() => {
        for (const socket of sockets) socket.destroy();
      }, 50).unref();
    });
    return closed;
  };

  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}${CALLBACK_PATH}`,
    close,
    wait(expectedToken: string, timeoutMs: number): Promise<ReceivedCallback> {
      expected = expectedToken;
      const started = options.now();
      const waiting = waitForCallback({ url: `http://${options.host ?? '127.0.0.1'}:${port}${CALLBACK_PATH}`, ignored, signal: options.signal, close }, timeoutMs);
      accept = waiting.accept;
      abandonWait = waiting.abandon;
      return waiting.received.then((url) => ({ url, ignored: [...ignored.first], ignoredCount: ignored.count, ignoredSummary: ignored.summary(), waitedMs: options.now() - started }));
    },
  };
}

/** What a listener's wait needs: its address (for the timeout message), what it turned away, the run's signal, and how to close it. */
export interface CallbackWaitContext {
  readonly url: string;
  readonly ignored: TurnedAway;
  readonly signal: AbortSignal;
  readonly close: () => Promise<void>;
}

/**
 * The one wait of a loopback listener (OAuth 1.0a callback, OAuth 2.0
 * redirect): `received` resolves with the URL given to `accept`, or rejects
 * on the timeout, on Ctrl-C or on `abandon`; whichever comes first settles
 * it and closes the listener.
 */
export function waitForCallback(context: CallbackWaitContext, timeoutMs: number): { received: Promise<string>; accept(url: string): void; abandon(): void } {
  let settle: ((outcome: { url: string } | { error: DoctorError }) => void) | undefined;
  const received = new Promise<string>((resolve, reject) => {
    settle = (outcome) => {
      settle = undefined;
      clearTimeout(timer);
      context.signal.removeEventListener('abort', onAbort);
      void context.close();
      if ('url' in outcome) resolve(outcome.url);
      else reject(outcome.error);
    };
  });
  const timer = setTimeout(() => {
    const { ignored } = context;
    settle?.({
      error: new DoctorError('callback-timeout', 'timeout', `no callback arrived at ${context.url} within ${Math.round(timeoutMs / 1000)} s`, {
        hint: ignored.count > 0 ? `turned away ${ignored.count}: ${ignored.summary()}` : 'finish the authorisation in the browser sooner, or raise --wait-timeout',
      }),
    });
  }, timeoutMs);
  const onAbort = () => settle?.({ error: new DoctorError('interrupted', 'interrupted', 'interrupted while waiting for the callback') });
  if (context.signal.aborted) onAbort();
  else context.signal.addEventListener('abort', onAbort, { once: true });
  return {
    received,
    accept: (url) => settle?.({ url }),
    abandon: () => settle?.({ error: new DoctorError('callback-abandoned', 'interrupted', 'stopped waiting for the callback') }),
  };
}
