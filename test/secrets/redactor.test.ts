import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskSecret } from '../../src/secrets/mask.js';
import { Redactor } from '../../src/secrets/redactor.js';
import { propertyRuns } from '../helpers/property-runs.js';

const RUNS = propertyRuns(1000);

describe('maskSecret', () => {
  it('shows a short prefix and the length, enough to tell two apart', () => {
    expect(maskSecret('kd94hf93k423kf44')).toBe('kd94…(16 chars)');
    expect(maskSecret('1234567')).toBe('1…(7 chars)');
    expect(maskSecret('abc')).toBe('…(3 chars)');
    expect(maskSecret('')).toBe('(empty)');
  });

  it(`never reveals more than a quarter of the secret (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (s) => {
        const shown = maskSecret(s).split('…')[0] ?? '';
        expect([...shown].length).toBeLessThanOrEqual(Math.floor([...s].length / 4));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('Redactor', () => {
  const secret = 'pfkk dhi9/sl3r+4s00';

  it('scrubs a secret as is, percent-encoded once and twice (inside a base string)', () => {
    const r = new Redactor().add(secret);
    const once = 'pfkk%20dhi9%2Fsl3r%2B4s00';
    const twice = 'pfkk%2520dhi9%252Fsl3r%252B4s00';
    const text = `raw=${secret} header=${once} base=${twice}`;
    const out = r.redact(text);
    expect(out).not.toContain(secret);
    expect(out).not.toContain(once);
    expect(out).not.toContain(twice);
    expect(out).toContain(maskSecret(secret));
  });

  it('does nothing when secrets are to be shown', () => {
    const r = new Redactor(false).add(secret);
    expect(r.redact(secret)).toBe(secret);
    expect(r.mask(secret)).toBe(secret);
  });

  it('replaces the longer of two overlapping secrets whole', () => {
    const r = new Redactor().add('abcdefgh').add('abcdefghijkl');
    expect(r.redact('x abcdefghijkl y')).toBe(`x ${maskSecret('abcdefghijkl')} y`);
  });
});
