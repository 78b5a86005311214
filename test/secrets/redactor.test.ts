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

// Issue 14 item 7b: a secret spelled with more percent-encoding than the
// minimum (%7E for ~, %4C for L), in lower-case hex, or with + for a space,
// is the same secret to every decoder, so it is masked the same.
describe('Redactor: every spelling of a secret', () => {
  const secret = 'Lk9~a b/c+d=é';
  const every = (v: string) => [...Buffer.from(v)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  const spellings = [
    ['every octet encoded', every(secret)],
    ['lower-case hex', every(secret).toLowerCase()],
    ['%4C and %7E, the rest minimal', percentEncodeMinimal(secret).replace('L', '%4C').replace('%7E', '~').replace('~', '%7e')],
    ['+ for the space', secret.replace(' ', '+')],
    ['a + read as a space', secret.replace('+', ' ')],
    ['every octet encoded, then encoded again (inside a base string)', every(secret).replace(/%/g, '%25')],
    ['three levels deep', every(secret).replace(/%/g, '%2525')],
  ] as const;

  it.each(spellings)('%s', (_what, spelling) => {
    const out = new Redactor().add(secret).redact(`x=${spelling}&y=1`);
    expect(out).toBe(`x=${maskSecret(secret)}&y=1`);
  });

  it(`any mix of spellings, octet by octet (${RUNS} cases)`, () => {
    const value = 'CANARYts/token+secret=52b8~';
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: value.length, maxLength: value.length }), (choices) => {
        const spelled = [...value].map((c, i) => [c, every(c), every(c).toLowerCase(), every(c).replace(/%/g, '%25')][choices[i] ?? 0]).join('');
        expect(new Redactor().add(value).redact(`<${spelled}>`)).toBe(`<${maskSecret(value)}>`);
      }),
      { numRuns: RUNS },
    );
  });

  it('a 1 MB text with every secret of a run is redacted in well under a second', () => {
    const r = new Redactor();
    for (const s of ['CANARYcs/consumer+secret=91a7', 'CANARYts/token+secret=52b8', 'CANARYat-access-token-63c9', 's', 'ab']) r.add(s);
    const text = 'oauth_token=abc%20def&x=1 GET&https%3A%2F%2Fapi.example.com%2Fx  the quick brown fox: jumps = over\n'.repeat(10_000);
    const started = performance.now();
    expect(r.redact(text)).toBe(text);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

function percentEncodeMinimal(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

// Issue 14 item 11: a secret of 1 to 3 characters is masked where it stands
// as a value, in any spelling, and the text around it is left alone.
describe('Redactor: short secrets', () => {
  const r = new Redactor().add('s').add('t').add('s&t');
  it.each([
    ['oauth_token_secret=t&x=1', 'oauth_token_secret=…(1 chars)&x=1'],
    ['OAuth oauth_signature="s%26t", oauth_version="1.0"', 'OAuth oauth_signature="…(3 chars)", oauth_version="1.0"'],
    ['{"consumerSecret": "s", "tokenSecret":"t"}', '{"consumerSecret": "…(1 chars)", "tokenSecret":"…(1 chars)"}'],
    ['oauth_token_secret: %74', 'oauth_token_secret: …(1 chars)'],
    ['<oauth_token_secret>t</oauth_token_secret>', '<oauth_token_secret>…(1 chars)</oauth_token_secret>'],
    ['<input name="oauth_verifier" value="t">', '<input name="oauth_verifier" value="…(1 chars)">'],
    ['Signature (PLAINTEXT)\n  s&t\n', 'Signature (PLAINTEXT)\n  …(3 chars)\n'],
    ['--token-secret t given', '--token-secret …(1 chars) given'],
    ['  oauth_token_secret  t', '  oauth_token_secret  …(1 chars)'],
  ])('%s', (text, expected) => {
    expect(r.redact(text)).toBe(expected);
  });

  it.each([
    'this text has s and t in it: its words stay whole',
    'query  s                       1',
    'the server\'s Date agrees, it\'s t here',
    'a=s&b=t (not secret-named fields)',
    'GET&https%3A%2F%2Fa.example%2Fx&s%3D1%26t%3D2',
  ])('leaves %s alone', (text) => {
    expect(r.redact(text)).toBe(text);
  });

  it('a JSON string that is, whole, a short secret is masked', () => {
    expect(JSON.stringify({ signature: 's&t', value: 't', note: 'st' }, r.jsonReplacer)).toBe('{"signature":"…(3 chars)","value":"…(1 chars)","note":"st"}');
  });
});
