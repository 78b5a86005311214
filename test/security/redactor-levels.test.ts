// Regression (issue 7 canary test): a PLAINTEXT signature is the encoded
// consumer secret, encoded again in the Authorization header; a provider that
// echoes that header inside a form-encoded error body encodes it a third time.
import { describe, expect, it } from 'vitest';
import { percentEncode } from '../../src/oauth/percent-encode.js';
import { maskSecret } from '../../src/secrets/mask.js';
import { Redactor } from '../../src/secrets/redactor.js';

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
