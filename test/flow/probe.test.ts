import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProvider, type RunningProvider } from '../../src/provider/index.js';
import { runFlow } from '../../src/flow/engine.js';
import { recognisesProblem } from '../../src/flow/diagnosis.js';
import { parseForm, formValue } from '../../src/oauth/form.js';
import { localConfig, testIo } from './helpers.js';

let provider: RunningProvider;
beforeAll(async () => {
  provider = await startProvider({ dialect: 'x', authorizeMarksTokenUsed: true });
});
afterAll(async () => {
  await provider.close();
});

describe('--probe: the authorise page is checked before a person is sent there', () => {
  it('a known error page (X: "the request token for this page is invalid", here from an authorise page on another host) stops the flow at the authorise leg; nobody is sent to it', async () => {
    const other = await startProvider({ dialect: 'x' });
    try {
      const shown: string[] = [];
      const io = testIo({ recognisesProblem, observer: { authorizeUrl: (url) => shown.push(url) } });
      const config = localConfig(provider, { authorize: 'print', probeAuthorize: true });
      const outcome = await runFlow({ ...config, endpoints: { ...config.endpoints, authorize: other.endpoints.authorize } }, io);
      expect(outcome.failure?.leg).toBe('authorize');
      expect(outcome.failure?.exchange?.response.body).toContain('The request token for this page is invalid');
      expect(outcome.steps.at(-1)?.notes).toContainEqual({ kind: 'info', text: 'probed the authorise page before sending a person there' });
      expect(shown).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('issue 15 item 3: the probe never opens the page with the request token the person approves (X uses it up), so the flow still completes', async () => {
    const issued: string[] = [];
    const io = testIo({
      recognisesProblem,
      observer: {
        stepDone: (step) => {
          if (step.name === 'request_token' && step.exchange) issued.push(formValue(parseForm(step.exchange.response.body), 'oauth_token') ?? '');
        },
        // The person opens the printed URL and approves; the browser follows the redirect to the listener.
        authorizeUrl: (url) => void fetch(`${url}&action=approve`, { redirect: 'follow' }).then((r) => r.text()),
      },
    });
    const outcome = await runFlow(localConfig(provider, { authorize: 'print', probeAuthorize: true }), io);
    expect(outcome.error?.message).toBeUndefined();
    expect(outcome.ok).toBe(true);
    const authorizeStep = outcome.steps.find((s) => s.name === 'authorize');
    expect(authorizeStep?.notes).toContainEqual({ kind: 'info', text: 'with a request token of its own, so the one you approve is untouched' });
    expect(issued).toHaveLength(1);
  });

  it('an ordinary page of the provider is not mistaken for an error page', async () => {
    const page = await (await fetch(`${provider.url}/`)).text();
    expect(page).toContain('oauth-doctor');
    const io = testIo({ recognisesProblem });
    const exchange = await io.send({ method: 'GET', url: `${provider.url}/`, headers: {} });
    expect(recognisesProblem(exchange)).toBe(false);
  });
});
