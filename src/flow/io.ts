import type { Dispatcher } from 'undici';
import { sendHttp } from '../http/send.js';
import { startCallbackListener } from './callback-listener.js';
import { recognisesProblem } from './diagnosis.js';
import type { FlowIo, FlowObserver, Person } from './types.js';

export interface NetworkIoOptions {
  readonly dispatcher: Dispatcher;
  readonly timeoutMs: number;
  readonly waitTimeoutMs: number;
  /** Ctrl-C. */
  readonly signal: AbortSignal;
  readonly now: () => number;
  readonly nonce: () => string;
  readonly person: Person;
  readonly observer?: FlowObserver | undefined;
  readonly retryPin?: FlowIo['retryPin'];
}

/** The real world for the engine: undici on the network, a listener on 127.0.0.1, the diagnostics module's reader. */
export function networkIo(options: NetworkIoOptions): FlowIo {
  const { dispatcher, timeoutMs, signal, now } = options;
  return {
    now,
    nonce: options.nonce,
    send: (request, sendOptions) => sendHttp(request, { dispatcher, timeoutMs, signal, now, maxRedirects: sendOptions?.maxRedirects ?? 0 }),
    recognisesProblem,
    startListener: (port, host) => startCallbackListener({ port, host, signal, now }),
    waitTimeoutMs: options.waitTimeoutMs,
    person: options.person,
    observer: options.observer,
    retryPin: options.retryPin,
  };
}

/** A person who is never there (the demo, scripted runs): nothing is asked, nothing waits. */
export const noPerson: Person = {
  pause: async () => undefined,
  openBrowser: async () => false,
  ask: async () => {
    throw new Error('no person to ask');
  },
  waiting: () => () => undefined,
};
