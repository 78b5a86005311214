// Issue 7: the loopback callback listener accepts only 127.0.0.1, only a
// callback whose oauth_token (or X's denied=) matches the pending request
// token, only once; it reflects nothing it was sent; it closes on timeout, on
// Ctrl-C and after the callback even with idle connections open.
// test/flow/callback-listener.test.ts covers the basics; these are the
// hostile cases it does not.
import { describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { connect } from 'node:net';
import { startCallbackListener, type CallbackListener } from '../../src/flow/callback-listener.js';
import { DoctorError } from '../../src/errors.js';

interface Page {
  readonly status: number;
  readonly body: string;
}

function get(url: string, options: { localAddress?: string; method?: string; headers?: Record<string, string> } = {}): Promise<Page> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = request({ host: '127.0.0.1', port: target.port, path: target.pathname + target.search, method: options.method ?? 'GET', localAddress: options.localAddress, headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function listen(): Promise<{ listener: CallbackListener; controller: AbortController }> {
  const controller = new AbortController();
  return { listener: await startCallbackListener({ signal: controller.signal, now: Date.now }), controller };
}

async function rejection(promise: Promise<unknown>): Promise<DoctorError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DoctorError) return error;
    throw error;
  }
  throw new Error('expected the wait to fail');
}

const settle = () => new Promise((r) => setTimeout(r, 100));

describe('the callback listener against hostile callers', () => {
  it('a connection from another loopback address (127.0.0.2) is refused with 403 and noted', async () => {
    const { listener } = await listen();
    const waiting = listener.wait('tok', 2000);
    const page = await get(`${listener.url}?oauth_token=tok&oauth_verifier=v`, { localAddress: '127.0.0.2' });
    expect(page.status).toBe(403);
    const right = await get(`${listener.url}?oauth_token=tok&oauth_verifier=v`);
    expect(right.status).toBe(200);
    expect((await waiting).ignored).toEqual(['a request from 127.0.0.2']);
  });

  it('X-style denied= must name the pending request token too: a stray denied= does not end the wait', async () => {
    const { listener } = await listen();
    const waiting = listener.wait('tok', 2000);
    expect((await get(`${listener.url}?denied=someone-else`)).status).toBe(400);
    expect((await get(`${listener.url}?denied=`)).status).toBe(400);
    expect((await get(`${listener.url}?denied=tok`)).status).toBe(200);
    const received = await waiting;
    expect(received.url).toContain('denied=tok');
    expect(received.ignored).toEqual(['a callback for another request token', 'a callback for another request token']);
  });

  it('nothing the caller sent is reflected: hostile path, query and headers', async () => {
    const { listener } = await listen();
    const waiting = listener.wait('pending-Zq81', 2000);
    const hostile = `"><script>alert(1)</script><img src=x onerror=alert(2)>`;
    const pages = [
      await get(`${listener.url}?oauth_token=${encodeURIComponent(hostile)}&oauth_verifier=${encodeURIComponent(hostile)}`),
      await get(`${listener.url.replace('/callback', `/${encodeURIComponent(hostile)}`)}`),
      await get(`${listener.url}?denied=${encodeURIComponent(hostile)}`, { headers: { 'x-evil': 'javascript:alert(3)', referer: hostile } }),
      await get(`${listener.url}?oauth_token=pending-Zq81&oauth_verifier=${encodeURIComponent(hostile)}`),
    ];
    await waiting;
    for (const page of pages) {
      expect(page.body).not.toMatch(/<script|<img|onerror|javascript:|alert\(/);
      expect(page.body).not.toContain('pending-Zq81');
    }
  });

  it('only once, even when two matching callbacks race', async () => {
    const { listener } = await listen();
    const waiting = listener.wait('tok', 2000);
    const outcomes = await Promise.allSettled([get(`${listener.url}?oauth_token=tok&oauth_verifier=first`), get(`${listener.url}?oauth_token=tok&oauth_verifier=second`)]);
    const statuses = outcomes.map((o) => (o.status === 'fulfilled' ? o.value.status : 'refused'));
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 200).every((s) => s === 410 || s === 'refused')).toBe(true);
    const received = await waiting;
    expect(received.url).toMatch(/oauth_verifier=(first|second)$/);
  });

  it('a callback before wait() (no pending request token yet) is turned away', async () => {
    const { listener } = await listen();
    expect((await get(`${listener.url}?oauth_token=tok&oauth_verifier=v`)).status).toBe(400);
    const waiting = listener.wait('tok', 2000);
    expect((await get(`${listener.url}?oauth_token=tok&oauth_verifier=v`)).status).toBe(200);
    await waiting;
  });

  it('an idle keep-alive connection does not keep it open after the callback', async () => {
    const { listener } = await listen();
    const port = Number(new URL(listener.url).port);
    const idle = connect(port, '127.0.0.1');
    const idleClosed = new Promise<void>((resolve) => idle.on('close', () => resolve()));
    idle.on('error', () => undefined);
    await new Promise<void>((resolve) => idle.once('connect', () => resolve()));
    const waiting = listener.wait('tok', 2000);
    await get(`${listener.url}?oauth_token=tok&oauth_verifier=v`);
    await waiting;
    await listener.close();
    await idleClosed;
    await expect(get(listener.url)).rejects.toThrow();
  });

  it('a slow client dribbling its request does not hold the wait past its timeout', async () => {
    const { listener } = await listen();
    const port = Number(new URL(listener.url).port);
    const slow = connect(port, '127.0.0.1');
    slow.on('error', () => undefined);
    const dribble = setInterval(() => slow.write('X'), 20);
    slow.write('GET /callback?oauth_token=tok HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    try {
      const error = await rejection(listener.wait('tok', 300));
      expect(error.exitCode).toBe(4);
      await settle();
      await expect(get(listener.url)).rejects.toThrow();
    } finally {
      clearInterval(dribble);
      slow.destroy();
    }
  });

  it('Ctrl-C while a caller is connected: 130, and closed', async () => {
    const { listener, controller } = await listen();
    const port = Number(new URL(listener.url).port);
    const idle = connect(port, '127.0.0.1');
    idle.on('error', () => undefined);
    const waiting = listener.wait('tok', 5000);
    setTimeout(() => controller.abort(), 50);
    expect((await rejection(waiting)).exitCode).toBe(130);
    await settle();
    await expect(get(listener.url)).rejects.toThrow();
    idle.destroy();
  });
});
