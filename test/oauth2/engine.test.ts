import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runOAuth2Flow } from '../../src/flow/oauth2/engine.js';
import type { OAuth2FlowConfig, OAuth2Io } from '../../src/flow/oauth2/types.js';
import type { HttpExchange, HttpRequest } from '../../src/http/types.js';

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);

function exchangeOf(request: HttpRequest, status: number, body: unknown, now: number): HttpExchange {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return { request, response: { status, headers: { 'content-type': 'application/json' }, body: text, encoding: text === '' ? 'empty' : 'utf-8', bodyBytes: text.length, keptBytes: text.length, truncated: false }, redirects: [], startedAt: now, headersMs: 1, totalMs: 1 };
}

/** A scripted world: each request answered by `answer`, time moved only by sleep. */
function world(answer: (request: HttpRequest, form: URLSearchParams) => [number, unknown], extra: Partial<OAuth2Io> = {}): OAuth2Io & { sleeps: number[]; sent: HttpRequest[] } {
  let now = T0;
  const sleeps: number[] = [];
  const sent: HttpRequest[] = [];
  return {
    sleeps,
    sent,
    now: () => now,
    random: (n) => randomBytes(n),
    send: async (request) => {
      sent.push(request);
      const [status, body] = answer(request, new URLSearchParams(request.body ?? ''));
      return exchangeOf(request, status, body, now);
    },
    startLoopback: async () => {
      throw new Error('no listener in this world');
    },
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    openBrowser: async () => false,
    askCallbackUrl: async () => {
      throw new Error('nobody to ask');
    },
    // The wait for the person bounds device polling too (withinWait): an hour of this world's time, past every code here.
    waitTimeoutMs: 3_600_000,
    ...extra,
  };
}

const base: OAuth2FlowConfig = {
  provider: 'custom',
  endpoints: { token: 'https://as.example/token', deviceAuthorization: 'https://as.example/device', authorization: 'https://as.example/authorize' },
  client: { clientId: 'c' },
  clientAuth: 'none',
  assertionAudience: 'token-endpoint',
  grant: 'device',
  pkce: 'S256',
  callback: { kind: 'url', url: 'https://app.example/cb' },
  authorize: 'print',
  then: [],
  par: 'auto',
};

const device = { device_code: 'dc-1234', user_code: 'ABCD-EFGH', verification_uri: 'https://as.example/activate', expires_in: 60, interval: 5 };

describe('the OAuth 2.0 engine with a scripted server', () => {
  it('device grant: waits interval, +5 s after slow_down for every later poll (RFC 8628 §3.5)', async () => {
    const errors = ['authorization_pending', 'slow_down', 'authorization_pending'];
    const io = world((request) => (request.url.endsWith('/device') ? [200, device] : errors.length > 0 ? [400, { error: errors.shift() }] : [200, { access_token: 'at-1', token_type: 'Bearer' }]));
    const outcome = await runOAuth2Flow(base, io);
    expect(outcome.ok).toBe(true);
    expect(io.sleeps).toEqual([5000, 5000, 10_000, 10_000]);
    expect(outcome.evidence.device?.polls?.map((p) => p.error)).toEqual(['authorization_pending', 'slow_down', 'authorization_pending', undefined]);
  });

  it('device grant: stops when the code would expire before the next poll, as expired_token', async () => {
    const io = world((request) => (request.url.endsWith('/device') ? [200, { ...device, expires_in: 12 }] : [400, { error: 'authorization_pending' }]));
    const outcome = await runOAuth2Flow(base, io);
    expect(outcome.failure?.refusal.error).toBe('expired_token');
    expect(io.sleeps).toEqual([5000, 5000]);
  });

  it('device grant: --wait-timeout stops the polling when the next poll would come after it, a timeout error (exit 4)', async () => {
    const io = world((request) => (request.url.endsWith('/device') ? [200, { ...device, expires_in: 600 }] : [400, { error: 'authorization_pending' }]), { waitTimeoutMs: 15_000 });
    const outcome = await runOAuth2Flow(base, io);
    // Polls at 5, 10 and 15 s; the fourth would come at 20 s, past the wait.
    expect(io.sleeps).toEqual([5000, 5000, 5000]);
    expect(outcome.failure).toBeUndefined();
    expect(outcome.error).toMatchObject({ code: 'device-wait-timeout', errorClass: 'timeout', exitCode: 4 });
    expect(outcome.steps.at(-1)).toMatchObject({ name: 'device-token', ok: false, error: { code: 'device-wait-timeout' } });
  });

  it('code grant with a registered redirect URI: the pasted URL is checked for state; a code exchanged with the same redirect_uri and the verifier', async () => {
    let authorizeUrl = '';
    const io = world((request, form) => {
      expect(form.get('redirect_uri')).toBe('https://app.example/cb');
      expect(form.get('code_verifier')).toMatch(/^[\w-]{43}$/);
      return [200, { access_token: 'at', token_type: 'bearer', refresh_token: 'rt' }];
    }, {
      observer: { authorizeUrl: (url) => void (authorizeUrl = url) },
      askCallbackUrl: async () => `https://app.example/cb?code=the-code&state=${new URL(authorizeUrl).searchParams.get('state') ?? ''}`,
    });
    const outcome = await runOAuth2Flow({ ...base, grant: 'code' }, io);
    expect(outcome.ok).toBe(true);
    expect(new URL(authorizeUrl).searchParams.get('code_challenge_method')).toBe('S256');
    expect(outcome.steps.map((s) => s.name)).toEqual(['authorize', 'callback', 'token']);
  });

  it('a pasted callback with another state is refused before anything is sent, and diagnosed as state-mismatch', async () => {
    const io = world(() => [500, ''], { askCallbackUrl: async () => 'https://app.example/cb?code=x&state=from-another-tab' });
    const outcome = await runOAuth2Flow({ ...base, grant: 'code' }, io);
    expect(outcome.failure?.refusal.error).toBe('flow:state-mismatch');
    expect(io.sent).toEqual([]);
    const { diagnoseOAuth2Outcome } = await import('../../src/flow/oauth2/diagnosis.js');
    expect(diagnoseOAuth2Outcome(outcome, 'en')?.causes[0]).toMatchObject({ id: 'state-mismatch', likelihood: 'certain' });
  });

  it('--then refresh without a refresh token says so instead of sending an empty one', async () => {
    const io = world(() => [200, { access_token: 'at', token_type: 'Bearer' }]);
    const outcome = await runOAuth2Flow({ ...base, grant: 'client-credentials', then: ['refresh'] }, io);
    expect(outcome.failure?.refusal.error).toBe('no-refresh-token');
    expect(io.sent).toHaveLength(1);
  });

  it('--step: one pause before each step that goes on the wire, not one per poll', async () => {
    const paused: string[] = [];
    let polls = 0;
    const io = world(
      (request) => {
        if (request.url.endsWith('/device')) return [200, device];
        if (request.url.endsWith('/token')) return ++polls < 3 ? [400, { error: 'authorization_pending' }] : [200, { access_token: 'at', token_type: 'Bearer' }];
        return [200, { active: true }];
      },
      { pause: async (name) => void paused.push(name) },
    );
    const outcome = await runOAuth2Flow({ ...base, endpoints: { ...base.endpoints, introspection: 'https://as.example/introspect' }, then: ['introspect'] }, io);
    expect(outcome.ok).toBe(true);
    expect(polls).toBe(3);
    expect(paused).toEqual(['device-authorization', 'device-token', 'introspection']);
  });
});
