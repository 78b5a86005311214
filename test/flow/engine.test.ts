import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProvider, type RunningProvider } from '../../src/provider/index.js';
import { runFlow } from '../../src/flow/engine.js';
import { localConfig, testIo } from './helpers.js';

let provider: RunningProvider;
beforeAll(async () => {
  provider = await startProvider({ autoApprove: true });
});
afterAll(async () => {
  await provider.close();
});

describe('runFlow against the embedded provider', () => {
  it('loopback callback, authorise over http: four legs, every step recorded', async () => {
    const outcome = await runFlow(localConfig(provider), testIo());
    expect(outcome.error).toBeUndefined();
    expect(outcome.failure).toBeUndefined();
    expect(outcome.ok).toBe(true);
    expect(outcome.steps.map((s) => s.name)).toEqual(['request_token', 'authorize', 'callback', 'access_token', 'resource']);
    expect(outcome.steps.every((s) => s.ok)).toBe(true);
    expect(outcome.callback).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(outcome.steps[0]?.notes).toContainEqual({ kind: 'ok', text: 'oauth_callback_confirmed=true' });
    expect(outcome.steps[2]?.notes).toContainEqual({ kind: 'ok', text: 'oauth_token matches the pending request token' });
    expect(outcome.accessToken?.token).toBeTruthy();
    expect(outcome.steps[4]?.exchange?.response.status).toBe(200);
  });

  it('oob callback over http: the PIN is read from the page', async () => {
    const outcome = await runFlow(localConfig(provider, { callback: { kind: 'oob' } }), testIo());
    expect(outcome.ok).toBe(true);
    expect(outcome.steps[1]?.notes).toContainEqual({ kind: 'info', text: 'found the PIN on the page' });
    expect(outcome.steps[0]?.signed?.protocolParameters).toContainEqual(['oauth_callback', 'oob']);
  });

  it('a registered callback URL: the redirect is read, never fetched', async () => {
    const outcome = await runFlow(localConfig(provider, { callback: { kind: 'url', url: 'https://app.example.invalid/cb' } }), testIo());
    expect(outcome.ok).toBe(true);
    expect(outcome.steps[1]?.notes.at(-1)).toEqual({ kind: 'info', text: '302: redirected to the callback' });
  });

  it('print mode with oob asks the person for the PIN', async () => {
    const asked: string[] = [];
    const io = testIo({
      person: {
        pause: async () => undefined,
        openBrowser: async () => false,
        waiting: () => () => undefined,
        ask: async (what) => {
          asked.push(what);
          // The person opens the page and approves; the provider shows the PIN.
          const page = await (await fetch(`${shown[0]}&action=approve`)).text();
          return /id="oauth_verifier">([^<]+)</.exec(page)?.[1] ?? '';
        },
      },
      observer: { authorizeUrl: (url) => shown.push(url) },
    });
    const shown: string[] = [];
    const outcome = await runFlow(localConfig(provider, { callback: { kind: 'oob' }, authorize: 'print' }), io);
    expect(asked).toEqual(['pin']);
    expect(shown[0]).toMatch(/\/oauth\/authorize\?oauth_token=/);
    expect(outcome.ok).toBe(true);
  });

  it('a wrong consumer secret stops at the request-token leg with the response kept', async () => {
    const config = localConfig(provider);
    const outcome = await runFlow({ ...config, client: { ...config.client, consumerSecret: 'wrong-secret' } }, testIo());
    expect(outcome.ok).toBe(false);
    expect(outcome.failure?.leg).toBe('request_token');
    expect(outcome.failure?.exchange?.response.status).toBe(401);
    expect(outcome.failure?.exchange?.response.body).toContain('signature_invalid');
    expect(outcome.steps).toHaveLength(1);
    expect(outcome.steps[0]?.ok).toBe(false);
  });

  it('a wrong verifier stops at the access-token leg', async () => {
    const outcome = await runFlow(localConfig(provider, { callback: { kind: 'oob' }, verifier: 'not-the-pin' }), testIo());
    expect(outcome.failure?.leg).toBe('access_token');
    expect(outcome.failure?.exchange?.response.body).toMatch(/verifier_invalid|token_rejected/);
  });

  it('a network failure is recorded on the step and returned, never thrown', async () => {
    const config = localConfig(provider);
    const outcome = await runFlow({ ...config, endpoints: { ...config.endpoints, requestToken: 'http://127.0.0.1:1/oauth/request_token' } }, testIo());
    expect(outcome.ok).toBe(false);
    expect(outcome.error?.code).toBe('network-refused');
    expect(outcome.steps[0]?.error?.code).toBe('network-refused');
    expect(outcome.steps[0]?.signed?.method).toBe('POST');
  });

  it('an authorise page that waits for a person is a clear failure in http mode', async () => {
    provider.update({ autoApprove: false });
    try {
      const outcome = await runFlow(localConfig(provider), testIo());
      expect(outcome.failure?.leg).toBe('authorize');
      expect(outcome.failure?.message).toContain('waits for a person');
      expect(outcome.failure?.kind).toBe('approval-page');
      expect(outcome.steps.at(-1)?.error).toMatchObject({ code: 'flow:approval-page', kind: 'approval-page' });
    } finally {
      provider.update({ autoApprove: true });
    }
  });
});
