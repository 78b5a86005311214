/**
 * Line wrapping for terminal text in English and Japanese: widths are
 * measured in terminal columns (CJK and full-width characters take two, our
 * colour codes none), Latin text breaks at spaces, Japanese between any two
 * characters, never inside an ASCII word (`oauth_token`, `RFC 5849`), and
 * closing marks never start a line (kinsoku shori).
 */

const SGR = /\u001b\[[0-9;]*m/g;

/** Columns in a terminal: CJK and full-width characters take two; SGR colour codes take none. */
export function displayWidth(text: string): number {
  const plain = text.includes('\u001b') ? text.replace(SGR, '') : text;
  let width = 0;
  // By UTF-16 unit rather than for…of: no iterator on a path every wrapped line takes (start-up, issue #8).
  for (let i = 0; i < plain.length; i++) {
    const code = plain.charCodeAt(i);
    // A surrogate pair is one character, one column wide (nothing above U+FFFF is in the wide ranges below).
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < plain.length) {
      const next = plain.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

function isWide(code: number): boolean {
  return (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6);
}

export function padDisplay(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Characters that must not begin a line in Japanese. */
const NO_LINE_START = new Set('、。，．）」』】〕・ー！？：；ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ'.split(''));

/** A wide character on its own, a run of anything else but spaces, or a run of spaces. */
const TOKENS = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+|\s+/g;

/**
 * Wraps `text` to `width` columns; the first line starts with `first`, the
 * others with `rest` (by default as many spaces as `first` is wide).
 */
export function wrapText(text: string, first: string, rest = ' '.repeat(displayWidth(first)), width = 100): string[] {
  const lines: string[] = [];
  const firstWidth = displayWidth(first);
  const restWidth = displayWidth(rest);
  // Widths add up token by token (an SGR code never spans two tokens), so each is measured once.
  let line = '';
  let lineWidth = 0;
  for (const token of text.match(TOKENS) ?? []) {
    const isSpace = /^\s+$/.test(token);
    const tokenWidth = displayWidth(token);
    const prefixWidth = lines.length === 0 ? firstWidth : restWidth;
    const fits = prefixWidth + lineWidth + tokenWidth <= width;
    if (line !== '' && !fits && !isSpace && !NO_LINE_START.has(token)) {
      lines.push((lines.length === 0 ? first : rest) + line.trimEnd());
      line = token;
      lineWidth = tokenWidth;
    } else if (!(line === '' && isSpace)) {
      line += isSpace ? ' ' : token;
      lineWidth += isSpace ? 1 : tokenWidth;
    }
  }
  if (line.trim() !== '' || lines.length === 0) lines.push((lines.length === 0 ? first : rest) + line.trimEnd());
  return lines;
}
