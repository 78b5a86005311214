// Regression (issue 7 canary test): a PLAINTEXT signature is the encoded
// consumer secret, encoded again in the Authorization header; a provider that
// echoes that header inside a form-encoded error body encodes it a third time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentEncode } from '../../src/oauth/percent-encode.js';
import { maskSecret } from '../../src/secrets/mask.js';
import { Redactor } from '../../src/secrets/redactor.js';
import { propertyRuns } from '../helpers/property-runs.js';

const RUNS = propertyRuns(1000);

describe('Redactor: every encoding a secret travels in', () => {
  const secret = 'CANARYcs/consumer+secret=91a7';
  const once = percentEncode(secret);
  const twice = percentEncode(once);
  const thrice = percentEncode(twice);

  it('scrubs the secret encoded three times (a PLAINTEXT header echoed in a form body)', () => {
    const echoed = `oauth_problem_advice=you%20sent%20oauth_signature%3D%22${thrice}%2526%22`;
    const out = new Redactor().add(secret).redact(echoed);
    expect(out).not.toContain(thrice);
    expect(out).toContain(maskSecret(secret));
  });

  it('scrubs the secret read by a form decoder (a raw + became a space)', () => {
    const out = new Redactor().add(secret).redact(`advice: ${secret.replace('+', ' ')}`);
    expect(out).toBe(`advice: ${maskSecret(secret)}`);
  });

  it.each([['raw', secret], ['once', once], ['twice', twice], ['three times', thrice]])('%s', (_level, form) => {
    expect(new Redactor().add(secret).redact(`<${form}>`)).toBe(`<${maskSecret(secret)}>`);
    expect(new Redactor(false).add(secret).redact(`<${form}>`)).toBe(`<${form}>`);
  });
});

// Regression (issue 7 canary test): a 600-character body preview ended inside
// an oauth_token_secret and printed 18 of its 26 characters before the `…`.
describe('Redactor: a secret cut short by a preview', () => {
  const secret = 'CANARYts/token+secret=52b8';

  it('masks what is left of a secret right before an ellipsis, in any encoding', () => {
    const r = new Redactor().add(secret);
    expect(r.redact('pad&oauth_token_secret=CANARYts%2Ftoken%2Bs…')).toBe(`pad&oauth_token_secret=${maskSecret(secret)}…`);
    expect(r.redact('│ CANARYts/token+sec…')).toBe(`│ ${maskSecret(secret)}…`);
  });

  it('leaves its own masks, other ellipses and short coincidences alone', () => {
    const r = new Redactor().add(secret);
    const masked = r.redact(`a ${secret} b`);
    expect(r.redact(masked)).toBe(masked);
    expect(r.redact('the request to api.example.com/oauth…')).toBe('the request to api.example.com/oauth…');
    expect(r.redact('CAN…')).toBe('CAN…');
  });

  it(`no cut leaves 4 or more characters of a secret before an ellipsis (${RUNS} cases)`, () => {
    const secrets = fc.string({ minLength: 5, maxLength: 40, unit: fc.constantFrom(...'abcdefXYZ0123/+=%-_~ ') });
    fc.assert(
      fc.property(secrets, fc.nat(), fc.string({ maxLength: 10 }), (value, at, before) => {
        const r = new Redactor().add(value);
        for (const form of [value, percentEncode(value)]) {
          const cut = 4 + (at % Math.max(1, form.length - 4));
          if (cut >= form.length) continue;
          const out = r.redact(`${before}${form.slice(0, cut)}…`);
          expect(out.endsWith(`${form.slice(0, cut)}…`)).toBe(false);
        }
      }),
      { numRuns: RUNS, seed: 7 },
    );
  });
});
