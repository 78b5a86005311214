// The device polling as the diagnosis tells it (RFC 8628 §3.5): a client polling every few milliseconds was
// "polled every 0 s on average"; the gap is shown as it was, in ms under a second.
import { describe, expect, it } from 'vitest';
import { diagnoseOAuth2 } from '../../src/diagnose/oauth2/diagnose.js';

const T0 = 1_796_000_000_000;

function slowDown(gapMs: number, lang: 'en' | 'ja' = 'en') {
  const polls = [0, 1, 2, 3].map((i) => ({ at: T0 + i * gapMs, error: i === 3 ? 'slow_down' : 'authorization_pending' }));
  return diagnoseOAuth2({ failedStep: 'device-token', device: { issuedAt: T0 - 1000, expiresInSec: 600, intervalSec: 5, polls } }, { code: 'oauth2:slow_down', source: 'json-body', confidence: 'exact', parameters: {} }, { lang });
}

describe('slow_down: the polling gap the diagnosis shows', () => {
  it('polls 4 ms apart are "every 4 ms", not "every 0 s"; rate-limited is certain', () => {
    const cause = slowDown(4).causes.find((c) => c.id === 'rate-limited');
    expect(cause?.likelihood).toBe('certain');
    expect(cause?.evidence.join(' ')).toContain('polled every 4 ms on average, faster than the interval of 5 s');
    expect(slowDown(4, 'ja').causes.find((c) => c.id === 'rate-limited')?.evidence.join(' ')).toContain('平均 4 ミリ秒 ごと');
  });

  it('a gap of a second or more keeps the seconds', () => {
    expect(slowDown(2000).causes.find((c) => c.id === 'rate-limited')?.evidence.join(' ')).toContain('polled every 2 s on average');
  });
});
