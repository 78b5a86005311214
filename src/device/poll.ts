/**
 * The device grant's polling, decided in a pure function (RFC 8628 §3.4,
 * §3.5): after each token-endpoint answer, wait, stop with a result, or
 * stop with a failure. The runner (a flow leg) only sends and sleeps.
 */
export interface PollState {
  /** Seconds between polls: the device authorization response's `interval`, default 5 (§3.2). */
  readonly intervalSec: number;
  /** When the device code expires, ms since the epoch (`expires_in`, §3.2). */
  readonly expiresAt: number;
  readonly polls: number;
  readonly slowDowns: number;
  /** The end of the wait for the person (`--wait-timeout` after the device authorization), ms since the epoch. */
  readonly waitUntil?: number | undefined;
}

export type PollAnswer =
  | { readonly kind: 'tokens' }
  | { readonly kind: 'error'; readonly error: string };

export type PollDecision =
  | { readonly kind: 'wait'; readonly state: PollState; readonly delayMs: number; readonly reason: 'authorization_pending' | 'slow_down' }
  | { readonly kind: 'done' }
  | { readonly kind: 'stop'; readonly reason: 'access_denied' | 'expired_token' | 'expired' | 'error'; readonly error?: string | undefined };

const DEFAULT_INTERVAL_SEC = 5;
/** §3.5: on slow_down the interval "MUST be increased by 5 seconds for this and all subsequent requests". */
const SLOW_DOWN_STEP_SEC = 5;

export function startPolling(response: { interval?: unknown; expires_in?: unknown }, now: number, waitMs?: number): PollState {
  const interval = typeof response.interval === 'number' && Number.isFinite(response.interval) && response.interval > 0 ? response.interval : DEFAULT_INTERVAL_SEC;
  const expiresIn = typeof response.expires_in === 'number' && Number.isFinite(response.expires_in) && response.expires_in > 0 ? response.expires_in : 1800;
  return { intervalSec: interval, expiresAt: now + expiresIn * 1000, polls: 0, slowDowns: 0, waitUntil: waitMs === undefined ? undefined : now + waitMs };
}

/**
 * Whether a poll `delayMs` from `now` still falls inside the wait for the
 * person. §3.5 has the client poll until the code expires; how long a person
 * is waited for is the client's to bound (`--wait-timeout`), and a poll is
 * never moved earlier than the interval to fit in (that would be slow_down).
 */
export function withinWait(state: PollState, now: number, delayMs: number): boolean {
  return state.waitUntil === undefined || now + delayMs <= state.waitUntil;
}

/** What to do after a poll's answer, at `now`. */
export function nextPoll(state: PollState, answer: PollAnswer, now: number): PollDecision {
  if (answer.kind === 'tokens') return { kind: 'done' };
  const polled = { ...state, polls: state.polls + 1 };
  switch (answer.error) {
    case 'authorization_pending':
    case 'slow_down': {
      const slower = answer.error === 'slow_down';
      const next = slower ? { ...polled, intervalSec: polled.intervalSec + SLOW_DOWN_STEP_SEC, slowDowns: polled.slowDowns + 1 } : polled;
      const delayMs = next.intervalSec * 1000;
      if (now + delayMs >= next.expiresAt) return { kind: 'stop', reason: 'expired' };
      return { kind: 'wait', state: next, delayMs, reason: slower ? 'slow_down' : 'authorization_pending' };
    }
    case 'access_denied':
      return { kind: 'stop', reason: 'access_denied' };
    case 'expired_token':
      return { kind: 'stop', reason: 'expired_token' };
    default:
      return { kind: 'stop', reason: 'error', error: answer.error };
  }
}
