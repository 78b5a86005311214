import { createDispatcher, sendHttp } from '../../src/http/index.js';
import { startCallbackListener } from '../../src/flow/callback-listener.js';
import type { FlowIo, Person } from '../../src/flow/types.js';
import { newNonce } from '../../src/oauth/sign-request.js';

/** A person who is never there: any question fails the test. */
export const absentPerson: Person = {
  pause: async () => undefined,
  openBrowser: async () => false,
  ask: async (what) => {
    throw new Error(`unexpected question: ${what}`);
  },
  waiting: () => () => undefined,
};

export function testIo(overrides: Partial<FlowIo> = {}): FlowIo {
  const dispatcher = createDispatcher({ env: {}, timeoutMs: 5000 });
  const signal = new AbortController().signal;
  return {
    now: Date.now,
    nonce: newNonce,
    send: (request, options) => sendHttp(request, { dispatcher, timeoutMs: 5000, signal, now: Date.now, maxRedirects: options?.maxRedirects ?? 0 }),
    recognisesProblem: (exchange) => exchange.response.status >= 400 || /oauth_problem=/.test(exchange.response.body),
    startListener: (port) => startCallbackListener({ port, signal, now: Date.now }),
    waitTimeoutMs: 5000,
    person: absentPerson,
    ...overrides,
  };
}

/** The flow tests' config: the one the demo starts from. */
export { localFlowConfig as localConfig } from '../../src/flow/local-config.js';
