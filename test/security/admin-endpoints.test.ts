// Issue 14 #2: a page in the user's browser could drive `serve`'s admin
// endpoints (DNS rebinding: Host evil.example resolving to 127.0.0.1; a
// cross-site form POST) and grow its lists with 1 MB bodies. Real sockets.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProvider, type RunningProvider } from '../../src/provider/index.js';
import { ADMIN_MAX_REFUSED_ADDRESSES } from '../../src/provider/endpoints/admin-guard.js';

let provider: RunningProvider;
beforeAll(async () => {
  provider = await startProvider({});
});
afterAll(() => provider.close());

interface Sent {
  readonly status: number;
  readonly body: string;
}

function send(method: string, path: string, headers: Record<string, string>, body = ''): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: provider.port, method, path, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const own = () => ({ host: `127.0.0.1:${provider.port}` });
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe('serve admin endpoints refuse cross-site and DNS-rebinding requests', () => {
  it('Host evil.example (DNS rebinding) is refused for settings and state; the provider is unchanged', async () => {
    const attack = await send('POST', '/admin/settings', { host: 'evil.example', origin: 'https://evil.example', ...FORM }, 'outage=503');
    expect(attack.status).toBe(421);
    expect(JSON.parse(attack.body).code).toBe('foreign-host');
    expect(provider.settings.outage).toBeUndefined();
    expect((await send('GET', '/admin/state', { host: `evil.example:${provider.port}` })).status).toBe(421);
    // Still serving normally.
    expect((await send('GET', '/', own())).status).toBe(200);
  });

  it('a cross-origin or cross-site browser request with our own Host is refused', async () => {
    const origin = await send('POST', '/admin/settings', { ...own(), origin: 'https://evil.example', ...FORM }, 'outage=503');
    expect([origin.status, JSON.parse(origin.body).code]).toEqual([403, 'cross-origin']);
    const site = await send('GET', '/admin/state', { ...own(), 'sec-fetch-site': 'cross-site' });
    expect([site.status, JSON.parse(site.body).code]).toEqual([403, 'cross-site']);
    const nullOrigin = await send('POST', '/admin/revoke', { ...own(), origin: 'null', ...FORM }, 'token=x');
    expect(nullOrigin.status).toBe(403);
    expect(provider.settings.outage).toBeUndefined();
  });

  it('the loopback names, our own origin and tools without Origin still work', async () => {
    for (const host of [`127.0.0.1:${provider.port}`, `localhost:${provider.port}`, `LOCALHOST:${provider.port}`]) {
      expect((await send('GET', '/admin/state', { host })).status, host).toBe(200);
    }
    const same = await send('GET', '/admin/state', { ...own(), origin: `http://localhost:${provider.port}`, 'sec-fetch-site': 'same-origin' });
    expect(same.status).toBe(200);
    // Another port on loopback is another origin.
    expect((await send('GET', '/admin/state', { host: `127.0.0.1:${provider.port + 1}` })).status).toBe(421);
  });

  it('admin bodies are bounded (413) and the refused-address list cannot grow without end', async () => {
    const big = 'address=' + 'a'.repeat(1024 * 1024);
    const before = process.memoryUsage().rss;
    for (let i = 0; i < 20; i++) expect((await send('POST', '/admin/refuse-address', { ...own(), ...FORM }, big)).status).toBe(413);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
    expect((await send('POST', '/admin/refuse-address', { ...own(), ...FORM }, 'address=' + 'b'.repeat(65))).status).toBe(400);
    for (let i = 0; i < ADMIN_MAX_REFUSED_ADDRESSES; i++) provider.refuseAddress(`10.0.${i >> 8}.${i & 255}`);
    const over = await send('POST', '/admin/refuse-address', { ...own(), ...FORM }, 'address=10.9.9.9');
    expect(over.status).toBe(409);
    expect((provider.publicState() as { refusedAddresses: string[] }).refusedAddresses).toHaveLength(ADMIN_MAX_REFUSED_ADDRESSES);
    // Lifting one is always allowed.
    expect((await send('POST', '/admin/refuse-address', { ...own(), ...FORM }, 'address=10.0.0.0&refused=false')).status).toBe(200);
  });
});
