import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/diagnose/read/problem-details.js';
import { sanitizeForTerminal, TERMINAL_UNSAFE_CHARACTERS } from '../../src/terminal/sanitize.js';
import { propertyRuns } from '../helpers/property-runs.js';

const RUNS = propertyRuns(1000);

/** Written out here, not built from the module's constant, so a character dropped from it fails these tests. */
/** Any code unit up to U+2FFF: controls, marks and ordinary text alike. */
const anyChar = fc.integer({ min: 0, max: 0x2fff }).map((code) => String.fromCharCode(code));
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('sanitizeForTerminal', () => {
  it('makes escape sequences visible instead of letting them act', () => {
    expect(sanitizeForTerminal('ok\u001b]0;pwned\u0007\u001b[2J')).toBe('ok\\x1b]0;pwned\\x07\\x1b[2J');
  });

  it('keeps newlines, tabs and non-ASCII text', () => {
    expect(sanitizeForTerminal('a\tb\nリクエスト・トークン')).toBe('a\tb\nリクエスト・トークン');
  });

  it('neutralises C1 controls (8-bit CSI) and DEL', () => {
    expect(sanitizeForTerminal('\u009b31m\u007f')).toBe('\\x9b31m\\x7f');
  });

  it(`never lets a control character other than \\n and \\t through (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(sanitizeForTerminal(s)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('sanitizeForTerminal with colour on', () => {
  it('keeps our palette colours and escapes everything else', () => {
    const ours = '\u001b[1mProblem\u001b[22m \u001b[31mtoken_used\u001b[39m';
    expect(sanitizeForTerminal(ours, { keepColour: true })).toBe(ours);
    expect(sanitizeForTerminal('a\u001b[8mhidden\u001b[2J\u001b]0;t\u0007', { keepColour: true })).toBe('a\\x1b[8mhidden\\x1b[2J\\x1b]0;t\\x07');
  });

  it(`with colour on, nothing but palette SGR codes survives (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = sanitizeForTerminal(s, { keepColour: true }).replace(/\u001b\[(?:1|2|22|31|32|33|36|39)m/g, '');
        expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('sanitizeForTerminal and bidirectional text', () => {
  it('makes Unicode bidi overrides and isolates visible, so text shows in the order it is', () => {
    expect(sanitizeForTerminal('token\u202Edesrever\u202C ok \u2066x\u2069')).toBe('token\\u202edesrever\\u202c ok \\u2066x\\u2069');
  });

  it('makes the bidi marks visible too: Arabic letter mark, left-to-right and right-to-left marks', () => {
    expect(sanitizeForTerminal('a\u061Cb\u200Ec\u200Fd')).toBe('a\\u061cb\\u200ec\\u200fd');
  });

  it(`never lets a bidi control through, with colour on or off (${RUNS} cases)`, () => {
    const withBidi = fc.string({ unit: fc.oneof(fc.constantFrom('\u061c', '\u200e', '\u200f', '\u202a', '\u202e', '\u2066', '\u2069', '\u200d', 'a', '\n'), anyChar) });
    fc.assert(
      fc.property(withBidi, fc.boolean(), (s, keepColour) => {
        expect(sanitizeForTerminal(s, { keepColour })).not.toMatch(UNSAFE);
      }),
      { numRuns: RUNS },
    );
  });

  it('leaves ordinary right-to-left text alone', () => {
    expect(sanitizeForTerminal('שלום مرحبا')).toBe('שלום مرحبا');
  });
});

describe('one definition of what a terminal must not get', () => {
  it('the readers\' cleanText drops exactly what the sanitiser escapes (and tabs and newlines), leaving other text alone', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom('\u061c', '\u200e', '\u200f', '\u202e', '\u2068', '\u001b', '\u009b', '\t', '\n'), anyChar, fc.constantFrom('ש', 'م', 'ト')) }), (s) => {
        const cleaned = cleanText(s, 100_000);
        expect(cleaned).not.toMatch(UNSAFE);
        expect(cleaned).not.toMatch(/[\t\n]/);
        expect(sanitizeForTerminal(cleaned)).toBe(cleaned);
      }),
      { numRuns: RUNS },
    );
    expect(new RegExp(`^[${TERMINAL_UNSAFE_CHARACTERS}]+$`).test('\u0000\u0008\u000b\u001f\u007f\u009f\u061c\u200e\u200f\u202a\u202e\u2066\u2069')).toBe(true);
    expect(new RegExp(`[${TERMINAL_UNSAFE_CHARACTERS}]`).test('\t\n\u200d\u05d0 ok')).toBe(false);
  });
});
