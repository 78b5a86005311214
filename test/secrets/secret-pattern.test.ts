import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holdsSpelling, secretPattern, spellingUnits } from '../../src/secrets/secret-pattern.js';
import { propertyRuns } from '../helpers/property-runs.js';

const RUNS = propertyRuns(2000);

// Characters that make the spellings interesting: the escape itself, the digits of `%25`, hex letters in both cases, `+` and space, and multi-byte ones.
const CHARS = ['%', '2', '5', 'a', 'A', 'b', 'F', 'f', 'k', '+', ' ', '&', '=', 'é', '日', '😀'];
const char = fc.constantFrom(...CHARS);
const value = fc.array(char, { minLength: 1, maxLength: 6 }).map((cs) => cs.join(''));

/** One spelling of `v`, each code point chosen by `choices`: as is, `+`/space swapped, or encoded 1 to 3 levels deep in a random hex case. */
function spell(v: string, choices: readonly number[], cases: readonly boolean[]): string {
  return [...v]
    .map((c, i) => {
      const choice = choices[i % choices.length] ?? 0;
      if (choice === 0) return c;
      if (choice === 4) return c === '+' ? ' ' : c === ' ' ? '+' : c;
      return [...Buffer.from(c, 'utf8')]
        .map((byte, j) => {
          const hex = byte.toString(16).toUpperCase().padStart(2, '0');
          const shown = cases[(i + j) % cases.length] ? hex.toLowerCase() : hex;
          return `%${'25'.repeat(choice - 1)}${shown}`;
        })
        .join('');
    })
    .join('');
}

describe('holdsSpelling: the hand-written matcher answers as the secret pattern does', () => {
  it(`for texts holding a spelling of the secret between noise (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(
        value,
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1 }),
        fc.array(fc.boolean(), { minLength: 1 }),
        fc.array(char).map((cs) => cs.join('')),
        fc.array(char).map((cs) => cs.join('')),
        (v, choices, cases, before, after) => {
          const text = `${before}${spell(v, choices, cases)}${after}`;
          expect(holdsSpelling(text, spellingUnits(v))).toBe(true);
          expect(new RegExp(secretPattern(v)).test(text)).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it(`for any text over the same characters, with or without a spelling (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(value, fc.array(char, { maxLength: 40 }).map((cs) => cs.join('')), (v, text) => {
        expect(holdsSpelling(text, spellingUnits(v))).toBe(new RegExp(secretPattern(v)).test(text));
      }),
      { numRuns: RUNS },
    );
  });

  it('on the lines sign prints', () => {
    const units = spellingUnits('kd94hf93k423kf44');
    expect(holdsSpelling('POST&https%3A%2F%2Fphotos.example.net%2Finitiate&oauth_consumer_key%3Ddpf43f3p2l4k3l03', units)).toBe(false);
    expect(holdsSpelling('key=kd94hf93k423kf44&', units)).toBe(true);
    expect(holdsSpelling('x%3Dkd94hf93k%25342%2533kf44', units)).toBe(true);
    expect(holdsSpelling('kd94hf93k423kf4', units)).toBe(false);
  });
});
