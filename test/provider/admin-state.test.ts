import { mkdtempSync, readFileSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProvider, type RunningProvider } from '../../src/provider/index.js';
import { ProviderContext } from '../../src/provider/context.js';
import { handleAdmin } from '../../src/provider/endpoints/admin.js';
import { Store } from '../../src/provider/store.js';
import { call, fullFlow } from './helpers.js';
import { isDoctorError } from '../../src/errors.js';

const APP = { key: 'app', secret: 'app-secret' };
const form = (body: Record<string, string>) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body).toString() });

describe('admin endpoints (HTTP) for tests and flow', () => {
  let provider: RunningProvider;
  beforeAll(async () => {
    provider = await startProvider({ consumers: [APP] });
  });
  afterAll(() => provider.close());

  it('GET /admin/state lists consumers and tokens without any secret', async () => {
    const flow = await fullFlow(provider, APP);
    const text = await (await fetch(`${provider.url}/admin/state`)).text();
    const state = JSON.parse(text) as { consumers: { key: string }[]; accessTokens: { token: string }[] };
    expect(state.consumers.map((c) => c.key)).toEqual(['app']);
    expect(state.accessTokens.map((t) => t.token)).toContain(flow.access.token);
    for (const secret of [APP.secret, flow.access.secret, flow.temporary.secret, flow.verifier, flow.sessionHandle]) expect(text).not.toContain(secret);
  });

  it('POST /admin/revoke revokes an access token (→ token_revoked)', async () => {
    const flow = await fullFlow(provider, APP);
    const response = await fetch(`${provider.url}/admin/revoke`, form({ token: flow.access.token }));
    expect(await response.json()).toEqual({ revoked: 'access-token' });
    const me = await call(provider, { method: 'GET', path: '/api/me', client: APP, token: flow.access });
    expect(me.form.get('oauth_problem')).toBe('token_revoked');
    expect((await fetch(`${provider.url}/admin/revoke`, form({ token: 'nope' }))).status).toBe(404);
  });

  it('POST /admin/consumer throttles and restores a consumer', async () => {
    await fetch(`${provider.url}/admin/consumer`, form({ key: 'app', status: 'throttled' }));
    const refused = await call(provider, { path: '/oauth/request_token', client: APP, callback: 'oob' });
    expect([refused.status, refused.form.get('oauth_problem')]).toEqual([503, 'consumer_key_refused']);
    expect(refused.headers.get('retry-after')).toBe('30');
    await fetch(`${provider.url}/admin/consumer`, form({ key: 'app', status: 'active' }));
    expect((await call(provider, { path: '/oauth/request_token', client: APP, callback: 'oob' })).status).toBe(200);
    expect((await fetch(`${provider.url}/admin/consumer`, form({ key: 'app', status: 'sleepy' }))).status).toBe(400);
  });

  it('POST /admin/settings switches dialect and clock skew at run time', async () => {
    const response = await fetch(`${provider.url}/admin/settings`, form({ dialect: 'x', clockSkewSec: '900' }));
    expect(response.status).toBe(200);
    try {
      const answer = await call(provider, { path: '/oauth/request_token', client: APP, callback: 'oob' });
      expect(JSON.parse(answer.body)).toEqual({ errors: [{ code: 135, message: 'Timestamp out of bounds.' }] });
    } finally {
      await fetch(`${provider.url}/admin/settings`, form({ dialect: 'problem-reporting', clockSkewSec: '0' }));
    }
    expect((await fetch(`${provider.url}/admin/settings`, form({ dialect: 'klingon' }))).status).toBe(400);
  });

  it('POST /admin/expire expires a request token now', async () => {
    const answer = await call(provider, { path: '/oauth/request_token', client: APP, callback: 'oob' });
    await fetch(`${provider.url}/admin/expire`, form({ token: answer.form.get('oauth_token') ?? '' }));
    const page = await fetch(`${provider.endpoints.authorize}?oauth_token=${answer.form.get('oauth_token')}`);
    expect(page.headers.get('www-authenticate')).toContain('oauth_problem="token_expired"');
  });

  it('answers loopback clients only', () => {
    const context = new ProviderContext(new Store(), {} as never, {} as never);
    const request = { method: 'GET', target: '/admin/state', host: 'x', headers: {}, body: Buffer.alloc(0) };
    expect(handleAdmin('/admin/state', { ...request, remoteAddress: '192.0.2.7' }, context).status).toBe(403);
    expect(handleAdmin('/admin/state', { ...request, remoteAddress: '::ffff:127.0.0.1' }, context).status).toBe(200);
  });
});

describe('--state FILE', () => {
  const dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-state-'));

  it('is written with mode 0600, reloaded on start, and the tokens of the first run work in the second', async () => {
    const file = join(dir, 'state.json');
    const first = await startProvider({ stateFile: file });
    const consumer = first.consumer;
    const flow = await fullFlow(first, consumer);
    await first.close();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: 1 });

    const second = await startProvider({ stateFile: file });
    try {
      expect(second.consumer).toEqual(consumer);
      const me = await call(second, { method: 'GET', path: '/api/me', client: consumer, token: flow.access });
      expect(me.status, me.body).toBe(200);
      const again = await call(second, { path: '/oauth/access_token', client: consumer, token: flow.temporary, verifier: flow.verifier });
      expect(again.form.get('oauth_problem')).toBe('token_used');
    } finally {
      await second.close();
    }
  });

  it('is never half-written: read while requests change it, it always parses; no temporary files are left', async () => {
    const file = join(dir, 'busy.json');
    const provider = await startProvider({ stateFile: file });
    let reads = 0;
    let stop = false;
    const reader = (async () => {
      while (!stop) {
        JSON.parse(readFileSync(file, 'utf8'));
        reads++;
        await new Promise((r) => setImmediate(r));
      }
    })();
    try {
      for (let i = 0; i < 30; i++) await call(provider, { path: '/oauth/request_token', client: provider.consumer, callback: 'oob' });
    } finally {
      stop = true;
      await reader;
      await provider.close();
    }
    expect(reads).toBeGreaterThan(0);
    expect((JSON.parse(readFileSync(file, 'utf8')) as { requestTokens: unknown[] }).requestTokens).toHaveLength(30);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('refuses a file that is not a provider state file, and leaves it alone', async () => {
    const file = join(dir, 'not-state.json');
    writeFileSync(file, '{"hello":"world"}');
    const error = await startProvider({ stateFile: file }).catch((e: unknown) => e);
    expect(isDoctorError(error) && error.code).toBe('state-file-invalid');
    expect(readFileSync(file, 'utf8')).toBe('{"hello":"world"}');
  });
});
