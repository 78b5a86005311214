// Issue 15, quirks of real providers that flow did not handle (items 15–20), each against
// a provider on 127.0.0.1 that behaves as documented and checks every signature.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli.js';
import { startQuirkProvider, type QuirkOptions, type QuirkProvider } from '../helpers/quirk-provider.js';

async function withProvider<T>(options: QuirkOptions, body: (p: QuirkProvider) => Promise<T>): Promise<T> {
  const provider = await startQuirkProvider(options);
  try {
    return await body(provider);
  } finally {
    await provider.close();
  }
}

const flow = (p: QuirkProvider, extra: string[] = [], endpoints = p.endpoints) =>
  runCli(['flow', '--request-token-url', endpoints.requestToken, '--authorize-url', endpoints.authorize, '--access-token-url', endpoints.accessToken, '--resource-url', endpoints.resource, '--authorize', 'http', ...extra], {
    env: { OAUTH_CONSUMER_KEY: p.consumer.key, OAUTH_CONSUMER_SECRET: p.consumer.secret },
  });

describe('issue 15 item 15: gzip token responses', () => {
  it('are decoded, sent unasked as they are by some providers', async () => {
    await withProvider({ gzip: true }, async (p) => {
      const r = await flow(p);
      expect(r.code, r.stderr + r.stdout).toBe(0);
      expect(r.stdout).toContain('granted an access token');
      expect(r.stdout).toContain('user_id');
    });
  });
});

describe('issue 15 item 16: an authorise page that sets a session cookie and redirects to a confirm page', () => {
  it('--authorize http keeps the cookie across its redirects', async () => {
    await withProvider({ cookieConfirm: true }, async (p) => {
      const r = await flow(p);
      expect(r.code, r.stderr + r.stdout).toBe(0);
      expect(p.seen.find((s) => s.path === '/confirm')?.cookie).toMatch(/^sid=/);
    });
  });
});

describe('issue 15 item 17: an OAuth 1.0 (not 1.0a) provider', () => {
  it('completes without oauth_callback_confirmed or a verifier, said as a protocol note, not a failure', async () => {
    await withProvider({ oauth10: true }, async (p) => {
      const r = await flow(p);
      expect(r.code, r.stderr + r.stdout).toBe(0);
      expect(r.stderr).toContain('protocol note: no oauth_callback_confirmed, so this provider speaks OAuth 1.0');
      expect(r.stderr).toContain('protocol note: no oauth_verifier (OAuth 1.0)');
      expect(p.seen.find((s) => s.path === '/access_token')?.verifier).toBeUndefined();
    });
  });
});

describe('issue 15: OAuth 1.0 out of band, where there is no PIN (OAuth Core 1.0 §6.2.3)', () => {
  it('--authorize http: a page with no PIN and no form is the approval; the access token is asked for without a verifier', async () => {
    await withProvider({ oauth10: true }, async (p) => {
      const r = await flow(p, ['--callback', 'oob']);
      expect(r.code, r.stderr + r.stdout).toBe(0);
      expect(r.stderr).toContain('a page with no PIN and no form');
      expect(r.stderr).toContain('OAuth 1.0 out of band has no PIN');
      expect(p.seen.find((s) => s.path === '/access_token')?.verifier).toBeUndefined();
    });
  });

  it('a person: approves in the browser, presses Enter (an empty line), and the flow completes without a verifier', async () => {
    await withProvider({ oauth10: true }, async (p) => {
      const args = ['flow', '--request-token-url', p.endpoints.requestToken, '--authorize-url', p.endpoints.authorize, '--access-token-url', p.endpoints.accessToken, '--resource-url', p.endpoints.resource, '--authorize', 'print', '--callback', 'oob'];
      const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', LANG: 'C', OAUTH_CONSUMER_KEY: p.consumer.key, OAUTH_CONSUMER_SECRET: p.consumer.secret } });
      let stderr = '';
      let stdout = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      const approved = new Promise<void>((resolve, reject) => {
        child.stderr.setEncoding('utf8').on('data', (d: string) => {
          stderr += d;
          const url = /http:\/\/127\.0\.0\.1:\d+\/authorize\?\S+/.exec(stderr)?.[0];
          if (url && !stderr.includes('approved-by-test')) {
            stderr += 'approved-by-test';
            // The person approves (the quirk page's Allow button), then presses Enter.
            fetch(`${url}&action=approve`).then(() => child.stdin.end('\n'), reject);
            resolve();
          }
        });
      });
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      await approved;
      expect(code, stderr + stdout).toBe(0);
      expect(stderr).toContain('OAuth 1.0 out of band has no PIN');
      expect(stdout).toContain('granted an access token');
      expect(p.seen.find((s) => s.path === '/access_token')?.verifier).toBeUndefined();
    });
  });
});

describe('issue 15 item 18: per-leg method and parameter placement', () => {
  it('token endpoints that take GET only: --request-token-method GET --access-token-method GET', async () => {
    await withProvider({ tokenMethods: ['GET'] }, async (p) => {
      const refused = await flow(p);
      expect(refused.code).toBe(1);
      const r = await flow(p, ['--request-token-method', 'GET', '--access-token-method', 'GET']);
      expect(r.code, r.stderr + r.stdout).toBe(0);
      expect(p.seen.filter((s) => s.path.endsWith('_token') && s.in !== 'refused').map((s) => s.method)).toEqual(['GET', 'GET']);
    });
  });

  it('a provider that wants the OAuth parameters in the query: --oauth-params query', async () => {
    await withProvider({ paramsIn: 'query' }, async (p) => {
      const r = await flow(p, ['--oauth-params', 'query']);
      expect(r.code, r.stderr + r.stdout).toBe(0);
      expect(p.seen.filter((s) => s.path !== '/authorize').map((s) => s.in)).toEqual(['query', 'query', 'query']);
    });
  });

  it('--oauth-params body puts them in a form body', async () => {
    await withProvider({}, async (p) => {
      const r = await flow(p, ['--oauth-params', 'body', '--resource-method', 'POST']);
      expect(r.code, r.stderr + r.stdout).toBe(0);
      expect(p.seen.filter((s) => s.path !== '/authorize').map((s) => s.in)).toEqual(['body', 'body', 'body']);
    });
  });

  it('the same in a profile ("legs"), and a GET with a body placement is refused naming the flag', async () => {
    await withProvider({ tokenMethods: ['GET'] }, async (p) => {
      const { mkdtempSync, writeFileSync } = await import('node:fs');
      const { join } = await import('node:path');
      const { tmpdir } = await import('node:os');
      const dir = mkdtempSync(join(tmpdir(), 'quirk-'));
      const file = join(dir, 'p.json');
      writeFileSync(file, JSON.stringify({ requestTokenUrl: p.endpoints.requestToken, authorizeUrl: p.endpoints.authorize, accessTokenUrl: p.endpoints.accessToken, legs: { requestToken: { method: 'GET' }, accessToken: { method: 'get', placement: 'query' } } }));
      const r = await runCli(['flow', '--provider', file, '--authorize', 'http'], { env: { OAUTH_CONSUMER_KEY: p.consumer.key, OAUTH_CONSUMER_SECRET: p.consumer.secret } });
      expect(r.code, r.stderr + r.stdout).toBe(0);
      expect(p.seen.filter((s) => s.path === '/access_token').map((s) => s.in)).toEqual(['query']);
      const bad = await runCli(['flow', '--provider', file, '--oauth-params', 'body'], { env: { OAUTH_CONSUMER_KEY: 'k', OAUTH_CONSUMER_SECRET: 's' } });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('has no body for the OAuth parameters');
    });
  });
});

describe('issue 15 item 19: authorise URLs that need more than oauth_token', () => {
  it('E*TRADE: a templated authorise URL with key={consumer_key}&token={oauth_token}, GET token legs, oob', async () => {
    await withProvider({ etrade: true, tokenMethods: ['GET'] }, async (p) => {
      const r = await flow(p, ['--request-token-method', 'GET', '--access-token-method', 'GET', '--callback', 'oob']);
      expect(r.code, r.stderr + r.stdout).toBe(0);
    });
  });

  it('the etrade preset has the template, GET legs and oob', async () => {
    const { findPreset } = await import('../../src/presets/index.js');
    const preset = findPreset('etrade');
    expect(preset?.authorizeUrl).toBe('https://us.etrade.com/e/t/etws/authorize?key={consumer_key}&token={oauth_token}');
    expect(preset?.transports).toEqual({ requestToken: { method: 'GET' }, accessToken: { method: 'GET' } });
    expect(preset?.callback).toBe('oob');
  });

  it('Garmin: without oauth_callback on the authorise URL the person lands on the portal’s callback; the garmin preset sends it', async () => {
    await withProvider({ registeredCallback: 'http://127.0.0.1:9/registered' }, async (p) => {
      const { findPreset } = await import('../../src/presets/index.js');
      expect(findPreset('garmin')?.authorizeCallback).toBe(true);
      const { mkdtempSync, writeFileSync } = await import('node:fs');
      const { join } = await import('node:path');
      const { tmpdir } = await import('node:os');
      const file = join(mkdtempSync(join(tmpdir(), 'quirk-')), 'garmin.json');
      writeFileSync(file, JSON.stringify({ extends: 'garmin', requestTokenUrl: p.endpoints.requestToken, authorizeUrl: p.endpoints.authorize, accessTokenUrl: p.endpoints.accessToken, resourceUrl: p.endpoints.resource }));
      const r = await runCli(['flow', '--provider', file, '--authorize', 'http'], { env: { OAUTH_CONSUMER_KEY: p.consumer.key, OAUTH_CONSUMER_SECRET: p.consumer.secret } });
      expect(r.code, r.stderr + r.stdout).toBe(0);
    });
  });
});

describe('issue 15 item 20: a callback registered as localhost while the listener is 127.0.0.1', () => {
  it('the refusal names the mismatch, and --callback-host localhost completes', async () => {
    await withProvider({ callbackHost: 'localhost' }, async (p) => {
      const refused = await flow(p);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toContain('--callback-host localhost');
      const r = await flow(p, ['--callback-host', 'localhost']);
      expect(r.code, r.stderr + r.stdout).toBe(0);
    });
  });
});

describe('issue 15 item 6 (flow’s part): --authorize http on a page that waits for a person', () => {
  it('is named as an approval page with the modes that work, not as an unknown code', async () => {
    await withProvider({ approvalPage: true }, async (p) => {
      const r = await flow(p);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('flow:approval-page');
      expect(r.stdout).toContain('The authorise page waits for a person');
      expect(r.stdout).toContain('--authorize browser');
      expect(r.stdout).toContain('--auto-approve');
      expect(r.stdout).not.toContain('does not know');
    });
  });
});
