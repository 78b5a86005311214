import { describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { startCallbackListener } from '../../src/flow/callback-listener.js';
import { DoctorError } from '../../src/errors.js';

function get(url: string, host = '127.0.0.1'): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = request({ host, port: target.port, path: target.pathname + target.search, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function failure(promise: Promise<unknown>): Promise<DoctorError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DoctorError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('the loopback callback listener', () => {
  const signal = () => new AbortController().signal;

  it('listens on 127.0.0.1 only, on the port asked for or a free one', async () => {
    const listener = await startCallbackListener({ signal: signal(), now: Date.now });
    expect(listener.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    const port = new URL(listener.url).port;
    await expect(get(`http://localhost:${port}/callback`, '::1')).rejects.toThrow();
    await listener.close();
  });

  it('accepts exactly one callback whose oauth_token matches, turns others away, then stops', async () => {
    const listener = await startCallbackListener({ signal: signal(), now: Date.now });
    const waiting = listener.wait('good-token', 5000);
    const wrong = await get(`${listener.url}?oauth_token=other-token&oauth_verifier=v`);
    expect(wrong.status).toBe(400);
    const elsewhere = await get(listener.url.replace('/callback', '/elsewhere'));
    expect(elsewhere.status).toBe(404);
    const right = await get(`${listener.url}?oauth_token=good-token&oauth_verifier=the-verifier`);
    expect(right.status).toBe(200);
    expect(right.body).toContain('You can close this tab');
    expect(right.body).not.toContain('the-verifier');
    expect(right.headers['content-security-policy']).toContain("default-src 'none'");
    const received = await waiting;
    expect(received.url).toContain('oauth_verifier=the-verifier');
    expect(received.ignored).toEqual(['a callback for another request token', 'a request for another path (/elsewhere)']);
    // Closed after the one callback: nothing listens any more.
    await new Promise((r) => setTimeout(r, 100));
    await expect(get(`${listener.url}?oauth_token=good-token&oauth_verifier=again`)).rejects.toThrow();
  });

  it('turns away a request for another host name (DNS rebinding), and keeps waiting', async () => {
    const listener = await startCallbackListener({ signal: signal(), now: Date.now });
    const waiting = listener.wait('good-token', 5000);
    const port = Number(new URL(listener.url).port);
    const rebound = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/callback?oauth_token=good-token&oauth_verifier=v', headers: { host: `attacker.example:${port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(rebound).toBe(421);
    expect((await get(`${listener.url}?oauth_token=good-token&oauth_verifier=v`)).status).toBe(200);
    expect((await waiting).ignored).toEqual([`a request for another host name (attacker.example:${port})`]);
  });

  it('HTML-escapes what it shows, and shows none of the request', async () => {
    const listener = await startCallbackListener({ signal: signal(), now: Date.now });
    const waiting = listener.wait('t', 5000);
    const hostile = await get(`${listener.url.replace('/callback', '/<script>alert(1)</script>')}`);
    expect(hostile.body).not.toContain('<script>');
    await get(`${listener.url}?oauth_token=t&oauth_verifier=v`);
    await waiting;
  });

  it('times out with a timeout-class error (exit 4) naming what it turned away, and closes', async () => {
    const listener = await startCallbackListener({ signal: signal(), now: Date.now });
    const waiting = listener.wait('t', 300);
    await get(`${listener.url}?oauth_token=stale&oauth_verifier=v`);
    const error = await failure(waiting);
    expect(error.code).toBe('callback-timeout');
    expect(error.exitCode).toBe(4);
    expect(error.hint).toContain('another request token');
    await new Promise((r) => setTimeout(r, 100));
    await expect(get(listener.url)).rejects.toThrow();
  });

  it('stops on Ctrl-C (exit 130) and closes', async () => {
    const controller = new AbortController();
    const listener = await startCallbackListener({ signal: controller.signal, now: Date.now });
    const waiting = listener.wait('t', 5000);
    setTimeout(() => controller.abort(), 50);
    const error = await failure(waiting);
    expect(error.exitCode).toBe(130);
    await new Promise((r) => setTimeout(r, 100));
    await expect(get(listener.url)).rejects.toThrow();
  });

  it('closing it ends a pending wait at once (no timer left to hold the process)', async () => {
    const listener = await startCallbackListener({ signal: signal(), now: Date.now });
    const waiting = listener.wait('t', 60_000);
    await listener.close();
    const error = await failure(waiting);
    expect(error.code).toBe('callback-abandoned');
  });

  it('a port in use is a usage error naming --callback-port', async () => {
    const first = await startCallbackListener({ signal: signal(), now: Date.now });
    const port = Number(new URL(first.url).port);
    const error = await failure(startCallbackListener({ port, signal: signal(), now: Date.now }));
    expect(error.code).toBe('callback-port-in-use');
    expect(error.hint).toContain('--callback-port');
    await first.close();
  });

  it('a denied authorisation is accepted as the answer', async () => {
    const listener = await startCallbackListener({ signal: signal(), now: Date.now });
    const waiting = listener.wait('t', 5000);
    const page = await get(`${listener.url}?denied=t`);
    expect(page.body).toContain('denied');
    expect((await waiting).url).toContain('denied=t');
  });
});
