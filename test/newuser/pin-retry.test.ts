// Issue 15 item 13: a wrong or stale PIN typed at a terminal gets another try instead of ending the run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFlow } from '../../src/flow/engine.js';
import { isVerifierProblem } from '../../src/flow/diagnosis.js';
import { findVerifierInPage } from '../../src/flow/page-verifier.js';
import { startProvider, type RunningProvider } from '../../src/provider/index.js';
import { absentPerson, localConfig, testIo } from '../flow/helpers.js';

let provider: RunningProvider;
beforeAll(async () => {
  provider = await startProvider({});
});
afterAll(() => provider.close());

function pinFlow(answers: string[], retry: boolean) {
  let realPin: string | undefined;
  const asked: string[] = [];
  const io = testIo({
    person: { ...absentPerson, ask: async () => answers.shift() ?? 'none' },
    observer: {
      // The person opens the page, approves and reads the PIN there (oob).
      authorizeUrl: (url) => void fetch(`${url}&action=approve`).then(async (r) => (realPin = findVerifierInPage(await r.text()))),
    },
    retryPin: retry
      ? async (failure, attempt) => {
          asked.push(`try ${attempt + 1}`);
          return isVerifierProblem(failure) ? (realPin ?? 'unknown') : undefined;
        }
      : undefined,
  });
  return { run: () => runFlow(localConfig(provider, { authorize: 'print', callback: { kind: 'oob' } }), io), asked };
}

describe('issue 15 item 13: another try for a refused PIN', () => {
  it('a mistyped PIN is refused (verifier_invalid), the person types the right one, and the flow completes', async () => {
    const { run, asked } = pinFlow(['000000-wrong'], true);
    await new Promise((r) => setTimeout(r, 0));
    const outcome = await run();
    expect(outcome.ok, JSON.stringify(outcome.failure ?? outcome.error)).toBe(true);
    expect(asked).toEqual(['try 2']);
    const legs = outcome.steps.filter((s) => s.name === 'access_token');
    expect(legs.map((s) => s.ok)).toEqual([false, true]);
    expect(legs[0]?.notes[0]?.text).toContain('PIN refused; another try (2 of 3)');
  });

  it('without a person to ask (CI, --verifier) the first refusal ends the run, as before', async () => {
    const { run } = pinFlow(['000000-wrong'], false);
    const outcome = await run();
    expect(outcome.ok).toBe(false);
    expect(outcome.failure?.leg).toBe('access_token');
  });
});
