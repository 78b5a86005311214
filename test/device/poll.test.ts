import { describe, expect, it } from 'vitest';
import { nextPoll, startPolling, withinWait, type PollState } from '../../src/device/poll.js';

const T0 = 1_796_000_000_000;

describe('device grant polling (RFC 8628 §3.5)', () => {
  it('waits the interval on authorization_pending, 5 s by default', () => {
    const state = startPolling({ expires_in: 600 }, T0);
    expect(state.intervalSec).toBe(5);
    const d = nextPoll(state, { kind: 'error', error: 'authorization_pending' }, T0 + 5_000);
    expect(d).toMatchObject({ kind: 'wait', delayMs: 5_000, reason: 'authorization_pending' });
  });

  it('adds 5 s on every slow_down, for this and all later polls', () => {
    let state: PollState = startPolling({ interval: 2, expires_in: 600 }, T0);
    const first = nextPoll(state, { kind: 'error', error: 'slow_down' }, T0);
    if (first.kind !== 'wait') throw new Error(first.kind);
    expect(first.delayMs).toBe(7_000);
    state = first.state;
    const second = nextPoll(state, { kind: 'error', error: 'slow_down' }, T0 + 7_000);
    if (second.kind !== 'wait') throw new Error(second.kind);
    expect(second.delayMs).toBe(12_000);
    const pending = nextPoll(second.state, { kind: 'error', error: 'authorization_pending' }, T0 + 19_000);
    expect(pending).toMatchObject({ kind: 'wait', delayMs: 12_000 });
    expect(second.state.slowDowns).toBe(2);
  });

  it('stops: tokens, access_denied, expired_token, another error, and before the code expires', () => {
    const state = startPolling({ interval: 5, expires_in: 12 }, T0);
    expect(nextPoll(state, { kind: 'tokens' }, T0)).toEqual({ kind: 'done' });
    expect(nextPoll(state, { kind: 'error', error: 'access_denied' }, T0)).toMatchObject({ kind: 'stop', reason: 'access_denied' });
    expect(nextPoll(state, { kind: 'error', error: 'expired_token' }, T0)).toMatchObject({ kind: 'stop', reason: 'expired_token' });
    expect(nextPoll(state, { kind: 'error', error: 'invalid_client' }, T0)).toMatchObject({ kind: 'stop', reason: 'error', error: 'invalid_client' });
    expect(nextPoll(state, { kind: 'error', error: 'authorization_pending' }, T0 + 8_000)).toMatchObject({ kind: 'stop', reason: 'expired' });
  });

  it('ignores a nonsense interval', () => {
    expect(startPolling({ interval: -1 }, T0).intervalSec).toBe(5);
    expect(startPolling({ interval: '3' }, T0).intervalSec).toBe(5);
  });

  it('--wait-timeout bounds the wait: a poll past it is not made, and none is moved earlier than the interval to fit in', () => {
    const state = startPolling({ interval: 5, expires_in: 600 }, T0, 15_000);
    expect(state.waitUntil).toBe(T0 + 15_000);
    expect(withinWait(state, T0, 5_000)).toBe(true);
    expect(withinWait(state, T0 + 10_000, 5_000)).toBe(true);
    expect(withinWait(state, T0 + 10_001, 5_000)).toBe(false);
    // No bound given: only the code's expiry stops the polling.
    expect(withinWait(startPolling({ interval: 5 }, T0), T0 + 86_400_000, 5_000)).toBe(true);
  });
});
