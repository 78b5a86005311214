import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { createDispatcher, sendHttp } from '../../src/http/index.js';
import { startFaultServer, type RunningServer } from '../helpers/fault-server.js';

/** A minimal CONNECT proxy on 127.0.0.1 that records which targets it tunnelled to. */
function startConnectProxy(): Promise<{ url: string; targets: string[]; close(): Promise<void> }> {
  const targets: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req, client: Socket) => {
    targets.push(req.url ?? '');
    // Every target name resolves to 127.0.0.1 here, so a name under .invalid proves the proxy did the lookup.
    const port = (req.url ?? '').split(':')[1];
    const upstream = connect(Number(port), '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client).pipe(upstream);
    });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        targets,
        close: () => new Promise<void>((done) => {
          for (const s of sockets) s.destroy();
          server.close(() => done());
        }),
      }),
    ),
  );
}

let target: RunningServer;
beforeAll(async () => {
  target = await startFaultServer();
});
afterAll(async () => {
  await target.close();
});

describe('proxies from the injected environment', () => {
  it('HTTP_PROXY routes the request through the proxy', async () => {
    const proxy = await startConnectProxy();
    try {
      const dispatcher = createDispatcher({ env: { HTTP_PROXY: proxy.url }, timeoutMs: 2000 });
      const exchange = await sendHttp({ method: 'GET', url: `http://api.provider.invalid:${target.port}/ok`, headers: {} }, { dispatcher, timeoutMs: 2000, signal: new AbortController().signal, now: Date.now });
      expect(exchange.response.body).toBe('ok');
      expect(proxy.targets).toEqual([`api.provider.invalid:${target.port}`]);
    } finally {
      await proxy.close();
    }
  });

  it('NO_PROXY lists hosts that go direct (here: a name that then does not resolve)', async () => {
    const proxy = await startConnectProxy();
    try {
      const dispatcher = createDispatcher({ env: { http_proxy: proxy.url, NO_PROXY: '.provider.invalid' }, timeoutMs: 2000 });
      const error = await sendHttp({ method: 'GET', url: `http://api.provider.invalid:${target.port}/ok`, headers: {} }, { dispatcher, timeoutMs: 2000, signal: new AbortController().signal, now: Date.now }).catch((e: unknown) => e);
      expect((error as { code?: string }).code).toBe('network-dns');
      expect(proxy.targets).toEqual([]);
    } finally {
      await proxy.close();
    }
  });

  it('loopback always goes direct: a proxy cannot reach the callback listener', async () => {
    const proxy = await startConnectProxy();
    try {
      const dispatcher = createDispatcher({ env: { HTTP_PROXY: proxy.url }, timeoutMs: 2000 });
      const exchange = await sendHttp({ method: 'GET', url: `${target.url}/ok`, headers: {} }, { dispatcher, timeoutMs: 2000, signal: new AbortController().signal, now: Date.now });
      expect(exchange.response.body).toBe('ok');
      expect(proxy.targets).toEqual([]);
    } finally {
      await proxy.close();
    }
  });

  it('process.env is not consulted: the injected environment decides', async () => {
    const dispatcher = createDispatcher({ env: {}, timeoutMs: 2000 });
    const saved = process.env['HTTP_PROXY'];
    process.env['HTTP_PROXY'] = 'http://127.0.0.1:9';
    try {
      const exchange = await sendHttp({ method: 'GET', url: `${target.url}/ok`, headers: {} }, { dispatcher, timeoutMs: 2000, signal: new AbortController().signal, now: Date.now });
      expect(exchange.response.status).toBe(200);
    } finally {
      if (saved === undefined) delete process.env['HTTP_PROXY'];
      else process.env['HTTP_PROXY'] = saved;
    }
  });
});
