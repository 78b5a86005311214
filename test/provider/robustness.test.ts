import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProvider, type RunningProvider } from '../../src/provider/index.js';
import { call, rawRequest, statusOf } from './helpers.js';

const APP = { key: 'app', secret: 'app-secret' };

/** Bad input gets an answer with a problem, never a crash: after each test the provider still serves. */
describe('bad input', () => {
  let provider: RunningProvider;
  beforeAll(async () => {
    provider = await startProvider({ consumers: [APP], maxBodyBytes: 64 * 1024, headersTimeoutMs: 300, requestTimeoutMs: 5_000, maxHeaderBytes: 8 * 1024 });
  });
  afterAll(() => provider.close());

  const stillServing = async () => {
    const answer = await call(provider, { path: '/oauth/request_token', client: APP, callback: 'oob' });
    expect(answer.status, answer.body).toBe(200);
  };
  const problemOf = (raw: string) => /oauth_problem=([a-z_]+)/.exec(raw)?.[1];
  const post = (headers: string, body: string | Buffer = '') => {
    const head = `POST /oauth/request_token HTTP/1.1\r\nHost: 127.0.0.1:${provider.port}\r\nConnection: close\r\n${headers}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`;
    return rawRequest(provider.port, Buffer.concat([Buffer.from(head, 'latin1'), Buffer.isBuffer(body) ? body : Buffer.from(body)]));
  };

  it.each([
    ['an unterminated quoted value', 'OAuth oauth_consumer_key="app, oauth_nonce="x"'],
    ['garbage after the scheme', 'OAuth ===,,,"'],
    ['a value with a stray quote', 'OAuth oauth_consumer_key=app"x"'],
  ])('a malformed Authorization header (%s) → 400 parameter_rejected', async (_name, header) => {
    const raw = await post(`Authorization: ${header}\r\n`);
    expect(statusOf(raw)).toBe(400);
    expect(problemOf(raw)).toBe('parameter_rejected');
    await stillServing();
  });

  it('two Authorization headers → 400 parameter_rejected', async () => {
    const raw = await post('Authorization: OAuth oauth_consumer_key="app"\r\nAuthorization: OAuth oauth_consumer_key="app"\r\n');
    expect(statusOf(raw)).toBe(400);
    expect(problemOf(raw)).toBe('parameter_rejected');
  });

  it('the same protocol parameter twice in the header → 400 parameter_rejected naming it', async () => {
    const answer = await call(provider, { path: '/oauth/request_token', client: APP, callback: 'oob', tamper: (s) => ({ ...s, authorization: `${s.authorization}, oauth_nonce="again"` }) });
    expect(answer.status).toBe(400);
    expect(answer.form.get('oauth_problem')).toBe('parameter_rejected');
    expect(answer.form.get('oauth_parameters_rejected')).toMatch(/^oauth_nonce=[^&]+&oauth_nonce=again$/);
  });

  it('protocol parameters in both the header and the query → 400 parameter_rejected (RFC 5849 §3.5)', async () => {
    const answer = await call(provider, { path: '/oauth/request_token?oauth_nonce=abc', client: APP, callback: 'oob' });
    expect(answer.status).toBe(400);
    expect(answer.form.get('oauth_problem')).toBe('parameter_rejected');
    expect(answer.form.get('oauth_problem_advice')).toContain('header and query');
  });

  it('protocol parameters twice in the body → 400 parameter_rejected', async () => {
    const answer = await call(provider, { path: '/oauth/request_token', client: APP, callback: 'oob', location: 'body', form: [['oauth_token', 'a'], ['oauth_token', 'b']] });
    expect(answer.form.get('oauth_problem')).toBe('parameter_rejected');
  });

  it('a non-oauth parameter in the Authorization header → 400 parameter_rejected', async () => {
    const answer = await call(provider, { path: '/oauth/request_token', client: APP, callback: 'oob', tamper: (s) => ({ ...s, authorization: `${s.authorization}, scope="read"` }) });
    expect(answer.form.get('oauth_problem')).toBe('parameter_rejected');
    expect(answer.form.get('oauth_parameters_rejected')).toBe('scope=read');
  });

  it('a body over the cap → 413 with a problem, and the provider keeps serving', async () => {
    const big = 'a=' + 'x'.repeat(200 * 1024);
    const response = await fetch(provider.endpoints.requestToken, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: big });
    expect(response.status).toBe(413);
    expect(new URLSearchParams(await response.text()).get('oauth_problem')).toBe('parameter_rejected');
    await stillServing();
  });

  it('a chunked body over the cap (no Content-Length) → 413', async () => {
    const chunk = 'x'.repeat(16 * 1024);
    const chunks = Array.from({ length: 8 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`).join('');
    const raw = await rawRequest(provider.port, `POST /oauth/request_token HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nTransfer-Encoding: chunked\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n${chunks}0\r\n\r\n`);
    expect(statusOf(raw)).toBe(413);
    await stillServing();
  });

  it('a form body that is not UTF-8 → 400 parameter_rejected', async () => {
    const raw = await post('Content-Type: application/x-www-form-urlencoded\r\n', Buffer.from([0x61, 0x3d, 0xff, 0xfe, 0x80]));
    expect(statusOf(raw)).toBe(400);
    expect(problemOf(raw)).toBe('parameter_rejected');
    await stillServing();
  });

  it('percent-escapes that decode to invalid UTF-8 (%FF) → 400 parameter_rejected', async () => {
    const answer = await call(provider, { path: '/oauth/request_token?name=%FF%FE', client: APP, callback: 'oob' });
    expect(answer.status).toBe(400);
    expect(answer.form.get('oauth_problem')).toBe('parameter_rejected');
    expect(answer.form.get('oauth_problem_advice')).toContain('UTF-8');
  });

  it('headers over the limit → 431, and the provider keeps serving', async () => {
    const raw = await post(`X-Padding: ${'p'.repeat(16 * 1024)}\r\n`);
    expect(statusOf(raw)).toBe(431);
    await stillServing();
  });

  it('a request that is not HTTP → 400', async () => {
    const raw = await rawRequest(provider.port, 'HELLO WORLD\r\n\r\n');
    expect(statusOf(raw)).toBe(400);
    await stillServing();
  });

  it('a client that never finishes its headers is cut off (408) and does not block others', async () => {
    const slow = rawRequest(provider.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: `);
    await stillServing();
    const raw = await slow;
    expect(statusOf(raw)).toBe(408);
  });

  it('an unknown path is 404 and a wrong method 405 with Allow', async () => {
    expect((await fetch(`${provider.url}/nope`)).status).toBe(404);
    const wrong = await fetch(provider.endpoints.requestToken);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
  });

  it('a Host header that makes no URL → 400 parameter_rejected', async () => {
    const raw = await rawRequest(provider.port, `POST /oauth/request_token HTTP/1.1\r\nHost: a b\r\nConnection: close\r\nAuthorization: OAuth oauth_consumer_key="app"\r\nContent-Length: 0\r\n\r\n`);
    expect([400]).toContain(statusOf(raw));
    await stillServing();
  });
});

describe('slow responses and shutdown', () => {
  it('slowMs holds answers back; close() cancels them instead of waiting', async () => {
    const provider = await startProvider({ consumers: [APP], slowMs: 60_000 });
    const pending = fetch(`${provider.url}/`).then(
      (r) => r.status,
      () => 'cut off',
    );
    await new Promise((r) => setTimeout(r, 50));
    await provider.close();
    expect(await pending).toBe('cut off');
  });

  it('an absolute-form request-target (through a proxy) is verified against that URL', async () => {
    const provider = await startProvider({ consumers: [APP] });
    try {
      const { signRequest } = await import('../../src/oauth/sign-request.js');
      const signed = signRequest({ method: 'POST', url: `${provider.endpoints.requestToken}?via=proxy`, client: { consumerKey: APP.key, consumerSecret: APP.secret }, signatureMethod: 'HMAC-SHA1', timestamp: String(Math.floor(Date.now() / 1000)), nonce: 'proxy-nonce', callback: 'oob' });
      const raw = await rawRequest(provider.port, `POST ${signed.url} HTTP/1.1\r\nHost: 127.0.0.1:${provider.port}\r\nConnection: close\r\nAuthorization: ${signed.authorization}\r\nContent-Length: 0\r\n\r\n`);
      expect(statusOf(raw), raw).toBe(200);
    } finally {
      await provider.close();
    }
  });
});
