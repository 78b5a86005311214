// Issue 7: the embedded provider survives malformed requests, oversized
// headers and bodies and slow clients, and keeps serving. These are the cases
// test/provider/robustness.test.ts does not cover: many slowloris clients at
// once, bodies that dribble or never end, clients that vanish mid-request,
// pipelined garbage, oversized request lines, NUL and control bytes, and a
// burst of every kind of bad request while good ones are served.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Socket } from 'node:net';
import { startProvider, type RunningProvider } from '../../src/provider/index.js';
import { call, rawRequest, statusOf } from '../provider/helpers.js';

const APP = { key: 'hostile-app', secret: 'hostile-app-secret' };
let provider: RunningProvider;
beforeAll(async () => {
  provider = await startProvider({ consumers: [APP], maxBodyBytes: 64 * 1024, headersTimeoutMs: 400, requestTimeoutMs: 800, maxHeaderBytes: 8 * 1024 });
});
afterAll(() => provider.close());

const tally = { tried: 0, survived: 0 };

async function stillServing(): Promise<void> {
  const answer = await call(provider, { path: '/oauth/request_token', client: APP, callback: 'oob' });
  expect(answer.status, answer.body).toBe(200);
}

/** Runs one hostile case, then checks the provider still answers a good request. */
async function survives(what: string, attack: () => Promise<void>): Promise<void> {
  tally.tried++;
  await attack();
  await stillServing();
  tally.survived++;
  void what;
}

/** A socket that sends `head` and then one byte every `everyMs` until destroyed; resolves with what the server answered when it closes. */
function dribbler(head: string, everyMs = 30): { socket: Socket; answered: Promise<string> } {
  const socket = connect(provider.port, '127.0.0.1');
  let received = '';
  socket.setEncoding('latin1');
  socket.on('data', (d: string) => (received += d));
  const timer = setInterval(() => {
    if (socket.writable) socket.write('a');
  }, everyMs);
  const answered = new Promise<string>((resolve) => {
    socket.on('close', () => {
      clearInterval(timer);
      resolve(received);
    });
    socket.on('error', () => undefined);
  });
  socket.write(head);
  return { socket, answered };
}

describe('slow clients (slowloris) are cut off and never starve the others', () => {
  it('40 clients dribbling their headers for ever: good requests are served meanwhile; every slow one is cut off (408)', async () => {
    await survives('slowloris headers', async () => {
      const slow = Array.from({ length: 40 }, (_, i) => dribbler(`GET /oauth/authorize?i=${i} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: `));
      // While they hang on, the provider answers others.
      await stillServing();
      await stillServing();
      const answers = await Promise.all(slow.map((s) => s.answered));
      expect(answers.map(statusOf).every((status) => status === 408 || status === 0)).toBe(true);
      expect(answers.filter((a) => statusOf(a) === 408).length).toBeGreaterThan(0);
    });
  });

  it('a body that dribbles and never reaches its Content-Length is cut off by the request timeout', async () => {
    await survives('slow body', async () => {
      const slow = dribbler(`POST /oauth/request_token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\n`);
      await stillServing();
      const answer = await slow.answered;
      expect([0, 408]).toContain(statusOf(answer));
    });
  });

  it('a chunked body that never ends, from a client that never reads: the provider drops the connection', async () => {
    await survives('endless chunked body, client not reading', async () => {
      const socket = connect(provider.port, '127.0.0.1');
      socket.pause();
      const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
      socket.on('error', () => undefined);
      socket.write(`POST /oauth/request_token HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n`);
      const timer = setInterval(() => socket.writable && socket.write('1\r\nx\r\n'), 20);
      // Only the server can end this: the client never reads and never stops writing.
      await closed;
      clearInterval(timer);
    });
  });

  it('a client that connects and never sends a byte gets a 408 and is dropped', async () => {
    await survives('silent client', async () => {
      const answer = await rawRequest(provider.port, '');
      expect(statusOf(answer)).toBe(408);
    });
  });
});

describe('malformed and oversized requests get an answer, never a crash', () => {
  it.each([
    ['binary garbage', Buffer.from([0x16, 0x03, 0x01, 0x00, 0xff, 0x00, 0x00, 0x80, 0x1b, 0x9b])],
    ['a TLS ClientHello on the plain port', Buffer.from('160301020001000200030300', 'hex')],
    ['a request line 100 kB long', `GET /${'a'.repeat(100 * 1024)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`],
    ['a NUL byte in a header value', 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-A: a\u0000b\r\n\r\n'],
    ['an escape sequence in a header value', 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-A: \u001b]0;pwned\u0007\r\n\r\n'],
    ['a header without a colon', 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nno colon here\r\n\r\n'],
    ['a bad Content-Length', 'POST /oauth/request_token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -5\r\n\r\n'],
    ['two different Content-Lengths', 'POST /oauth/request_token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab'],
    ['Content-Length and chunked together (request smuggling)', 'POST /oauth/request_token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'],
    ['a bad chunk size', 'POST /oauth/request_token HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nx\r\n0\r\n\r\n'],
    ['an unknown HTTP version', 'GET / HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n'],
    ['an absurd method', `${'M'.repeat(5000)} / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`],
    ['2,000 tiny headers (the extra ones are dropped)', `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n${'X: y\r\n'.repeat(2000)}\r\n`],
  ])('%s → an answer that is not a 5xx (or a closed connection), and the provider keeps serving', async (what, bytes) => {
    await survives(what, async () => {
      const answer = await rawRequest(provider.port, bytes, { endAfterWrite: true });
      const status = statusOf(answer);
      expect(status === 0 || (status >= 200 && status < 500), `${what}: ${answer.slice(0, 80)}`).toBe(true);
    });
  });

  it.each([
    ['%ZZ in the query', '/oauth/request_token?a=%ZZ&b=%'],
    ['%00 in the query', '/oauth/request_token?a=%00'],
    ['a path full of encoded slashes and dots', '/oauth/%2e%2e/%2e%2e/admin/state'],
    ['a query of 5,000 parameters', `/oauth/request_token?${'a=1&'.repeat(5000)}`],
  ])('a signed request with %s → an OAuth answer, never a 500', async (what, path) => {
    await survives(what, async () => {
      const answer = await call(provider, { path, client: APP, callback: 'oob' }).catch(() => undefined);
      if (answer) expect(answer.status, answer.body).toBeLessThan(500);
    });
  });

  it('a client that vanishes mid-body, fifty times over', async () => {
    await survives('vanishing clients', async () => {
      await Promise.all(
        Array.from({ length: 50 }, () => {
          const socket = connect(provider.port, '127.0.0.1');
          socket.on('error', () => undefined);
          socket.write('POST /oauth/request_token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\nhalf');
          return new Promise<void>((resolve) => setTimeout(() => socket.destroy(), 10) && socket.on('close', () => resolve()));
        }),
      );
    });
  });

  it('pipelined: a good request, then garbage, on one connection', async () => {
    await survives('pipelined garbage', async () => {
      const answer = await rawRequest(provider.port, `GET /nope HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGARBAGE\u0000\r\n\r\n`, { endAfterWrite: true });
      // 404 for the good one, or 400 at once when the garbage arrived in the same packet.
      expect([400, 404]).toContain(statusOf(answer));
    });
  });

  it('a burst of 200 bad requests of every kind alongside good ones', async () => {
    await survives('burst', async () => {
      const bad = [
        () => rawRequest(provider.port, 'HELLO\r\n\r\n', { endAfterWrite: true }),
        () => rawRequest(provider.port, `GET / HTTP/1.1\r\nX: ${'p'.repeat(16 * 1024)}\r\n\r\n`, { endAfterWrite: true }),
        () => fetch(provider.endpoints.requestToken, { method: 'POST', body: 'a='.padEnd(100 * 1024, 'x') }).then((r) => r.text()),
        () => fetch(provider.endpoints.requestToken, { method: 'POST', headers: { authorization: 'OAuth ===,,,"' } }).then((r) => r.text()),
      ];
      const results = await Promise.allSettled([
        ...Array.from({ length: 200 }, (_, i) => (bad[i % bad.length] as () => Promise<unknown>)()),
        ...Array.from({ length: 10 }, () => call(provider, { path: '/oauth/request_token', client: APP, callback: 'oob' }).then((a) => expect(a.status).toBe(200))),
      ]);
      expect(results.slice(200).every((r) => r.status === 'fulfilled')).toBe(true);
    });
  });
});

describe('summary', () => {
  it('hostile requests tried and survived', () => {
    console.log(`provider: ${tally.tried} hostile cases tried, survived ${tally.survived} (answered a good request after each)`);
    expect(tally.survived).toBe(tally.tried);
    expect(tally.tried).toBeGreaterThanOrEqual(20);
  });
});
