import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, sendHttp, type HttpRequest, type SendOptions } from '../../src/http/index.js';
import { DoctorError } from '../../src/errors.js';
import { makeSelfSignedCert, refusedUrl, startFaultServer, startSilentServer, startTlsServer, type RunningServer } from '../helpers/fault-server.js';

let faults: RunningServer;
let otherHost: RunningServer;

beforeAll(async () => {
  faults = await startFaultServer();
  otherHost = await startFaultServer('127.0.0.2');
});
afterAll(async () => {
  await faults.close();
  await otherHost.close();
});

function options(overrides: Partial<SendOptions> = {}): SendOptions {
  const timeoutMs = overrides.timeoutMs ?? 2000;
  return { dispatcher: createDispatcher({ env: {}, timeoutMs }), timeoutMs, signal: new AbortController().signal, now: () => 1_700_000_000_000, ...overrides };
}

const get = (url: string, headers: Record<string, string> = {}): HttpRequest => ({ method: 'GET', url, headers });

async function failure(promise: Promise<unknown>): Promise<DoctorError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DoctorError) return error;
    throw new Error(`not a DoctorError: ${String(error)}`);
  }
  throw new Error('expected a failure, got a response');
}

describe('sendHttp: records what was sent and what came back', () => {
  it('returns status, headers, body and timings', async () => {
    const exchange = await sendHttp({ method: 'POST', url: `${faults.url}/echo`, headers: { authorization: 'OAuth x="1"', 'content-type': 'text/plain' }, body: 'hello' }, options());
    expect(exchange.response.status).toBe(200);
    expect(exchange.response.headers['content-type']).toBe('application/json');
    expect(JSON.parse(exchange.response.body)).toMatchObject({ method: 'POST', body: 'hello' });
    expect(exchange.request.headers['user-agent']).toMatch(/^oauth-doctor\//);
    expect(exchange.startedAt).toBe(1_700_000_000_000);
    expect(exchange.totalMs).toBeGreaterThanOrEqual(exchange.headersMs);
    expect(exchange.response.encoding).toBe('utf-8');
  });

  it('keeps 5xx HTML bodies as they are', async () => {
    const exchange = await sendHttp(get(`${faults.url}/html-503`), options());
    expect(exchange.response.status).toBe(503);
    expect(exchange.response.body).toContain('<h1>Service Unavailable</h1>');
  });
});

describe('sendHttp: bodies', () => {
  it('caps a 12 MB body: keeps 1 MiB, counts the rest', async () => {
    const exchange = await sendHttp(get(`${faults.url}/huge?mb=12`), options({ timeoutMs: 10_000 }));
    expect(exchange.response.keptBytes).toBe(1024 * 1024);
    expect(exchange.response.bodyBytes).toBe(12 * 1024 * 1024);
    expect(exchange.response.truncated).toBe(true);
    expect(exchange.response.body.length).toBe(1024 * 1024);
  });

  it('stops an endless body past the hard limit with body-too-large', async () => {
    const error = await failure(sendHttp(get(`${faults.url}/endless`), options({ limits: { keepBytes: 1024, maxBytes: 4 * 1024 * 1024 } })));
    expect(error.code).toBe('body-too-large');
    expect(error.exitCode).toBe(3);
  });

  it('decodes invalid UTF-8 without throwing and says so', async () => {
    const exchange = await sendHttp(get(`${faults.url}/invalid-utf8`), options());
    expect(exchange.response.encoding).toBe('invalid-utf-8');
    expect(exchange.response.body).toBe('ok \ufffd\ufffd\ufffd( end');
  });

  it('recognises a binary body', async () => {
    const exchange = await sendHttp(get(`${faults.url}/binary`), options());
    expect(exchange.response.encoding).toBe('binary');
    expect(exchange.response.bodyBytes).toBe(20);
  });
});

describe('sendHttp: redirects', () => {
  it('follows a redirect to another host without the Authorization header', async () => {
    const before = otherHost.seen.length;
    const target = `${otherHost.url}/echo`;
    const exchange = await sendHttp(get(`${faults.url}/redirect?to=${encodeURIComponent(target)}`, { authorization: 'OAuth oauth_token="secret-token"', 'x-kept': 'yes' }), options({ maxRedirects: 5 }));
    expect(exchange.response.status).toBe(200);
    expect(exchange.redirects).toHaveLength(1);
    expect(exchange.redirects[0]?.authorizationDropped).toBe(true);
    const seen = otherHost.seen[before];
    expect(seen?.headers['authorization']).toBeUndefined();
    expect(seen?.headers['x-kept']).toBe('yes');
  });

  it('keeps the Authorization header on a same-origin redirect', async () => {
    const before = faults.seen.length;
    await sendHttp(get(`${faults.url}/redirect?to=/echo`, { authorization: 'OAuth a="b"' }), options({ maxRedirects: 5 }));
    expect(faults.seen[before]?.headers['authorization']).toBe('OAuth a="b"');
  });

  it('turns a POST into a GET on 303 and keeps it on 307', async () => {
    const post: HttpRequest = { method: 'POST', url: `${faults.url}/redirect?status=303&to=/echo`, headers: { 'content-type': 'text/plain' }, body: 'x=1' };
    const after303 = await sendHttp(post, options({ maxRedirects: 1 }));
    expect(JSON.parse(after303.response.body)).toMatchObject({ method: 'GET', body: '' });
    const after307 = await sendHttp({ ...post, url: `${faults.url}/redirect?status=307&to=/echo` }, options({ maxRedirects: 1 }));
    expect(JSON.parse(after307.response.body)).toMatchObject({ method: 'POST', body: 'x=1' });
  });

  it('does not follow redirects unless asked: the 3xx is the answer', async () => {
    const exchange = await sendHttp(get(`${faults.url}/redirect?to=/echo`), options());
    expect(exchange.response.status).toBe(302);
    expect(exchange.redirects).toHaveLength(0);
  });

  it('stops after the redirect limit', async () => {
    const loop = `${faults.url}/redirect?to=${encodeURIComponent(`${faults.url}/redirect?to=/ok`)}`;
    const exchange = await sendHttp(get(loop), options({ maxRedirects: 1 }));
    expect(exchange.response.status).toBe(302);
    expect(exchange.redirects).toHaveLength(1);
  });
});

describe('sendHttp: the network misbehaves (one clear error, class network, no hang)', () => {
  it('connection refused → network-refused', async () => {
    const error = await failure(sendHttp(get(await refusedUrl()), options()));
    expect(error.code).toBe('network-refused');
    expect(error.exitCode).toBe(3);
    expect(error.message).toMatch(/connection refused by 127\.0\.0\.1:\d+/);
  });

  it('reset mid-body → network-reset', async () => {
    const error = await failure(sendHttp(get(`${faults.url}/reset-mid-body`), options()));
    expect(error.code).toBe('network-reset');
    expect(error.exitCode).toBe(3);
  });

  it('a server that never answers → network-timeout after the timeout', async () => {
    const error = await failure(sendHttp(get(`${faults.url}/hang`), options({ timeoutMs: 300 })));
    expect(error.code).toBe('network-timeout');
    expect(error.message).toContain('300 ms');
    expect(error.exitCode).toBe(3);
  });

  it('a silent TCP server (no HTTP at all) → network-timeout', async () => {
    const silent = await startSilentServer();
    try {
      const error = await failure(sendHttp(get(`${silent.url}/`), options({ timeoutMs: 300 })));
      expect(error.code).toBe('network-timeout');
    } finally {
      await silent.close();
    }
  });

  it('a body that trickles for ever → network-timeout', async () => {
    const error = await failure(sendHttp(get(`${faults.url}/trickle`), options({ timeoutMs: 400 })));
    expect(error.code).toBe('network-timeout');
  });

  it('a name under .invalid → network-dns', async () => {
    const error = await failure(sendHttp(get('http://oauth-doctor-test.invalid/'), options({ timeoutMs: 5000 })));
    expect(error.code).toBe('network-dns');
    expect(error.message).toContain('oauth-doctor-test.invalid');
  });

  it('Ctrl-C while waiting → interrupted (exit 130)', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await failure(sendHttp(get(`${faults.url}/hang`), options({ timeoutMs: 5000, signal: controller.signal })));
    expect(error.code).toBe('interrupted');
    expect(error.exitCode).toBe(130);
  });
});

describe('sendHttp: TLS (needs the openssl CLI; .ci/run installs it)', () => {
  it('a self-signed certificate → network-tls with advice about --ca; trusted with the CA', async () => {
    const cert = makeSelfSignedCert();
    const server = await startTlsServer(cert);
    try {
      const error = await failure(sendHttp(get(`${server.url}/`), options()));
      expect(error.code).toBe('network-tls');
      expect(error.message).toContain('self-signed');
      expect(error.hint).toContain('--ca');
      const trusted = await sendHttp(get(`${server.url}/`), options({ dispatcher: createDispatcher({ env: {}, timeoutMs: 2000, ca: cert.certPem }) }));
      expect(trusted.response.body).toBe('ok over tls');
    } finally {
      await server.close();
      cert.cleanup();
    }
  });

  it('plain http on an https URL → network-tls naming the mismatch', async () => {
    const error = await failure(sendHttp(get(faults.url.replace('http:', 'https:') + '/ok'), options()));
    expect(error.code).toBe('network-tls');
  });
});
