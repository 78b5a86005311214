// Issue 14 #5: any valid consumer could send 1 MB nonces, each remembered
// for the whole timestamp window (400 of them: +436 MB). Oversized
// protocol parameters are now refused with parameter_rejected before
// anything is remembered, and the nonce table is bounded in bytes.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProvider, type RunningProvider } from '../../src/provider/index.js';
import { MAX_PARAMETER_CHARS } from '../../src/provider/enforce.js';
import { Store } from '../../src/provider/store.js';
import { BIN } from '../helpers/cli.js';
import { call, type TestClient } from '../provider/helpers.js';

const APP: TestClient = { key: 'nonce-app', secret: 'nonce-app-secret' };
let provider: RunningProvider;
beforeAll(async () => {
  provider = await startProvider({ consumers: [APP] });
});
afterAll(() => provider.close());

const MiB = 1024 * 1024;

describe('oversized protocol parameters are refused before they are remembered', () => {
  it('a validly signed 1 MB nonce (in the body) is parameter_rejected naming oauth_nonce, and the answer is short', async () => {
    const answer = await call(provider, { path: '/oauth/request_token', client: APP, callback: 'oob', nonce: 'n'.repeat(MiB - 4096), location: 'body' });
    expect(answer.status).toBe(400);
    expect(answer.form.get('oauth_problem')).toBe('parameter_rejected');
    expect(answer.form.get('oauth_parameters_rejected')).toBe('oauth_nonce');
    expect(answer.body.length).toBeLessThan(1024);
  });

  it('a nonce of the longest allowed length passes; one more character is refused', async () => {
    const max = MAX_PARAMETER_CHARS['oauth_nonce'] ?? 0;
    expect((await call(provider, { path: '/oauth/request_token', client: APP, callback: 'oob', nonce: 'a'.repeat(max), location: 'body' })).status).toBe(200);
    const over = await call(provider, { path: '/oauth/request_token', client: APP, callback: 'oob', nonce: 'b'.repeat(max + 1), location: 'body' });
    expect([over.status, over.form.get('oauth_parameters_rejected')]).toEqual([400, 'oauth_nonce']);
  });

  it('other oversized parameters too: a 64 KiB oauth_callback (stored with each token) and an unknown oauth_ parameter', async () => {
    const callback = await call(provider, { path: '/oauth/request_token', client: APP, callback: `http://127.0.0.1/${'c'.repeat(64 * 1024)}`, location: 'body' });
    expect([callback.status, callback.form.get('oauth_problem'), callback.form.get('oauth_parameters_rejected')]).toEqual([400, 'parameter_rejected', 'oauth_callback']);
    const stray = await call(provider, { path: '/oauth/request_token', client: APP, callback: 'oob', extra: [['oauth_padding', 'p'.repeat(100_000)]], location: 'body' });
    expect([stray.status, stray.form.get('oauth_parameters_rejected')]).toEqual([400, 'oauth_padding']);
  });
});

describe('the nonce table is bounded in bytes', () => {
  it('past maxNonceBytes the oldest nonces are forgotten; recent ones are still refused as replays', () => {
    const now = Date.now();
    const cap = 256 * 1024;
    const store = new Store(() => undefined, { requestTokenMs: 1, accessTokenMs: 1, sessionMs: 1, maxRequestTokens: 10, maxAccessTokens: 10, now: () => now, maxNonceBytes: cap });
    const key = (i: number) => `app&&${now}&${String(i).padStart(250, '0')}`;
    for (let i = 0; i < 5000; i++) expect(store.rememberNonce(key(i), now, now + 600_000)).toBe(true);
    expect(store.nonceTableBytes()).toBeLessThanOrEqual(cap);
    expect(store.counts().nonces).toBeLessThan(5000);
    expect(store.rememberNonce(key(4999), now, now + 600_000)).toBe(false);
  });
});

function rssMB(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
}

describe('memory of `serve` under the flood (built CLI, real process)', () => {
  // Two floods of 100: the first lets the heap settle at the size this Node's GC keeps for
  // short-lived 1 MB strings (Node 20 stays under +60 MB, Node 24 and 26 reach +65 to 74 MB);
  // the second must not add what it sent, as it did when nonces were kept (over 100 MB per flood).
  it('100 signed 1 MB nonces leave the resident set about where it was (it grew by over 100 MB before)', { timeout: 120_000 }, async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--json'], { env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', LANG: 'C', OAUTH_DOCTOR_CONSUMERS: `${APP.key}:${APP.secret}` } });
    try {
      let out = '';
      child.stdout.setEncoding('utf8');
      for await (const chunk of child.stdout) {
        out += chunk as string;
        if (out.includes('\n')) break;
      }
      const served = { url: (JSON.parse(out.split('\n')[0] ?? '{}') as { url: string }).url } as RunningProvider;
      const filler = 'n'.repeat(MiB - 4096);
      const flood = async (round: number) => {
        for (let i = 0; i < 100; i++) {
          const answer = await call(served, { path: '/oauth/request_token', client: APP, callback: 'oob', nonce: `${round}-${i}-${filler}`, location: 'body' });
          expect(answer.form.get('oauth_problem')).toBe('parameter_rejected');
        }
      };
      const before = rssMB(child.pid ?? 0);
      await flood(1);
      const settled = rssMB(child.pid ?? 0);
      expect(settled - before).toBeLessThan(90);
      await flood(2);
      expect(rssMB(child.pid ?? 0) - settled).toBeLessThan(40);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'close');
    }
  });
});
