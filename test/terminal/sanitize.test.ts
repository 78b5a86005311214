import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitizeForTerminal } from '../../src/terminal/sanitize.js';

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

  it('never lets a control character other than \\n and \\t through (10,000 cases)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(sanitizeForTerminal(s)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      }),
      { numRuns: 10_000 },
    );
  });
});

describe('sanitizeForTerminal with colour on', () => {
  it('keeps our palette colours and escapes everything else', () => {
    const ours = '\u001b[1mProblem\u001b[22m \u001b[31mtoken_used\u001b[39m';
    expect(sanitizeForTerminal(ours, { keepColour: true })).toBe(ours);
    expect(sanitizeForTerminal('a\u001b[8mhidden\u001b[2J\u001b]0;t\u0007', { keepColour: true })).toBe('a\\x1b[8mhidden\\x1b[2J\\x1b]0;t\\x07');
  });

  it('with colour on, nothing but palette SGR codes survives (10,000 cases)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = sanitizeForTerminal(s, { keepColour: true }).replace(/\u001b\[(?:1|2|22|31|32|33|36|39)m/g, '');
        expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      }),
      { numRuns: 10_000 },
    );
  });
});

describe('sanitizeForTerminal and bidirectional text', () => {
  it('makes Unicode bidi overrides and isolates visible, so text shows in the order it is', () => {
    expect(sanitizeForTerminal('token\u202Edesrever\u202C ok \u2066x\u2069')).toBe('token\\u202edesrever\\u202c ok \\u2066x\\u2069');
  });

  it('leaves ordinary right-to-left text alone', () => {
    expect(sanitizeForTerminal('שלום مرحبا')).toBe('שלום مرحبا');
  });
});
