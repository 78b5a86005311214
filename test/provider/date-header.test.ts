import { afterEach, describe, expect, it } from 'vitest';
import { startProvider } from '../../src/provider/index.js';

describe('the provider tells its own time', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  it('the Date header carries the configured clock skew', async () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 0);
    const provider = await startProvider({ now: () => now, clockSkewSec: 600 });
    close = () => provider.close();
    const response = await fetch(`${provider.url}/api/me`);
    await response.arrayBuffer();
    expect(Date.parse(response.headers.get('date') ?? '')).toBe(now + 600_000);
  });
});
