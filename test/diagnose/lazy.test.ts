import { describe, expect, it } from 'vitest';
import { lazy } from '../../src/knowledge/lazy.js';
import { phrases } from '../../src/knowledge/phrases.js';
import { providerCodes } from '../../src/knowledge/provider-codes.js';
import { providers } from '../../src/knowledge/providers.js';

describe('tables built on first use', () => {
  it('builds once, on the first call, and hands back the same table after', () => {
    let builds = 0;
    const table = lazy(() => {
      builds++;
      return [1, 2, 3];
    });
    expect(builds).toBe(0);
    const first = table();
    expect(table()).toBe(first);
    expect(builds).toBe(1);
  });

  it('the provider tables hold their real-world and X API v2 rows', () => {
    expect(providerCodes()).toBe(providerCodes());
    expect(providerCodes().some((r) => r.code.includes('oauth1-permissions'))).toBe(true);
    expect(providers().some((p) => p.id === 'garmin')).toBe(true);
    expect(phrases().some((p) => p.id.startsWith('generic-'))).toBe(true);
  });
});
