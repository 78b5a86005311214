import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayWidth, wrapText } from '../../src/terminal/wrap.js';
import { propertyRuns } from '../helpers/property-runs.js';

const RUNS = propertyRuns(1000);

describe('wrapText', () => {
  it('breaks English at spaces, within the width, with the indents asked for', () => {
    const lines = wrapText('The request token for this page is invalid. It may have already been used, or expired because it is too old.', '  - ', '    ', 40);
    expect(lines[0]?.startsWith('  - The request')).toBe(true);
    for (const line of lines.slice(1)) expect(line.startsWith('    ')).toBe(true);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(40);
    expect(lines.map((l) => l.trim().replace(/^- /, '')).join(' ')).toBe('The request token for this page is invalid. It may have already been used, or expired because it is too old.');
  });

  it('breaks Japanese between characters, counts them two columns wide, and never starts a line with 。 or 、', () => {
    const text = 'このページのリクエスト・トークンが無効です。使用済み、または期限切れの可能性があります。送信したサイトまたはアプリケーションに戻って再度お試しください。';
    const lines = wrapText(text, '', '', 30);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(32); // a closing mark may hang over by one
    for (const line of lines.slice(1)) expect('、。・'.includes(line[0] ?? '')).toBe(false);
    expect(lines.join('')).toBe(text);
  });

  it('keeps ASCII words whole inside Japanese text', () => {
    const lines = wrapText('同じ oauth_token が二度使われていないか確認します（RFC 5849 §2.3）。一時クレデンシャルは一回限りです。', '', '', 24);
    expect(lines.some((l) => l.includes('oauth_token'))).toBe(true);
    expect(lines.join('\n')).not.toMatch(/oauth_\n|RFC\n5849/);
  });

  it('does not count colour codes as columns', () => {
    expect(displayWidth('\u001b[2m      \u001b[22m')).toBe(6);
  });

  it(`loses no text and never throws (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 120 }), (text, width) => {
        const lines = wrapText(text, '', '', width);
        expect(lines.join(' ').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
      }),
      { numRuns: RUNS },
    );
  });

  it(`breaks exactly where measuring each whole candidate line would (${RUNS} cases)`, () => {
    // The definition wrapText's running widths must agree with: measure prefix + line + token every time.
    const NO_LINE_START = new Set('、。，．）」』】〕・ー！？：；ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ'.split(''));
    const TOKENS = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+|\s+/g;
    const byDefinition = (text: string, first: string, rest: string, width: number): string[] => {
      const lines: string[] = [];
      let line = '';
      const prefix = () => (lines.length === 0 ? first : rest);
      for (const token of text.match(TOKENS) ?? []) {
        const isSpace = /^\s+$/.test(token);
        const fits = displayWidth(prefix() + line + token) <= width;
        if (line !== '' && !fits && !isSpace && !NO_LINE_START.has(token)) {
          lines.push(prefix() + line.trimEnd());
          line = token;
        } else if (!(line === '' && isSpace)) line += isSpace ? ' ' : token;
      }
      if (line.trim() !== '' || lines.length === 0) lines.push(prefix() + line.trimEnd());
      return lines;
    };
    const piece = fc.constantFrom('oauth_token', 'RFC 5849', 'トークン', '。', '、', ' ', '  ', '\t', '\n', '\u3000', '\u001b[1m', '\u001b[22m', 'ｱ', '😀', 'a', 'x'.repeat(30));
    const text = fc.oneof(fc.string(), fc.array(piece, { maxLength: 60 }).map((parts) => parts.join('')));
    const prefix = fc.constantFrom('', '  ', '    - ', '      ▸ ', '\u001b[2m      \u001b[22m');
    fc.assert(
      fc.property(text, prefix, prefix, fc.integer({ min: 1, max: 120 }), (input, first, rest, width) => {
        expect(wrapText(input, first, rest, width)).toEqual(byDefinition(input, first, rest, width));
      }),
      { numRuns: RUNS },
    );
  });

  it(`displayWidth counts code points, two for wide ones, none for colour codes (${RUNS} cases)`, () => {
    const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
    const byDefinition = (text: string) => [...text.replace(/\u001b\[[0-9;]*m/g, '')].reduce((sum, char) => sum + (WIDE.test(char) ? 2 : 1), 0);
    const piece = fc.constantFrom('a', 'ト', '😀', '\ud83d', '\ude00', '\u001b[1m', '\u001b[22m', '\u001b', '。', 'ｱ', ' ');
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.array(piece, { maxLength: 40 }).map((parts) => parts.join('')));
    fc.assert(
      fc.property(text, (input) => {
        expect(displayWidth(input)).toBe(byDefinition(input));
      }),
      { numRuns: RUNS },
    );
  });
});
