import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProvider, type RunningProvider } from '../../src/provider/index.js';
import { runFlow } from '../../src/flow/engine.js';
import { recognisesProblem } from '../../src/flow/diagnosis.js';
import { parseForm, formValue } from '../../src/oauth/form.js';
import { localConfig, testIo, absentPerson } from './helpers.js';

let provider: RunningProvider;
beforeAll(async () => {
  provider = await startProvider({ dialect: 'x', authorizeMarksTokenUsed: true });
});
afterAll(async () => {
  await provider.close();
});

describe('--probe: the authorise page is checked before a person is sent there', () => {
  it('a known error page (X: the request token is used up) stops the flow at the authorise leg; nobody is sent to it', async () => {
    const shown: string[] = [];
    let token: string | undefined;
    const io = testIo({
      recognisesProblem,
      person: {
        ...absentPerson,
        // Someone opened the page before (another tab): on X that uses the token up.
        pause: async (leg) => {
          if (leg === 'authorize' && token) await fetch(`${provider.endpoints.authorize}?oauth_token=${token}`);
        },
      },
      observer: {
        stepDone: (step) => {
          if (step.name === 'request_token' && step.exchange) token = formValue(parseForm(step.exchange.response.body), 'oauth_token');
        },
        authorizeUrl: (url) => shown.push(url),
      },
    });
    const outcome = await runFlow(localConfig(provider, { authorize: 'print', probeAuthorize: true }), io);
    expect(outcome.failure?.leg).toBe('authorize');
    expect(outcome.failure?.exchange?.response.body).toContain('The request token for this page is invalid');
    expect(outcome.steps.at(-1)?.notes).toContain('probed the authorise page before sending a person there');
    expect(shown).toEqual([]);
  });

  it('an ordinary page of the provider is not mistaken for an error page', async () => {
    const page = await (await fetch(`${provider.url}/`)).text();
    expect(page).toContain('oauth-doctor');
    const io = testIo({ recognisesProblem });
    const exchange = await io.send({ method: 'GET', url: `${provider.url}/`, headers: {} });
    expect(recognisesProblem(exchange)).toBe(false);
  });
});
