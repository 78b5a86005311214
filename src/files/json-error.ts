/**
 * Where JSON text first breaks, without quoting any of it. JSON.parse's
 * message quotes the text around the error (`Unexpected token 'c',
 * "{"consumerSecret":csXX"... is not valid JSON`), which in a profile is
 * part of a secret (issue 14 #10), and not every V8 says where it broke.
 * A small RFC 8259 syntax scanner finds the offset; the caller says line and column.
 */
export interface JsonErrorPlace {
  /** 1-based line and column (columns count UTF-16 units, as editors mostly do). */
  readonly line: number;
  readonly column: number;
  /** What was expected there, in our words (never the text found). */
  readonly expected: string;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

/** The first syntax error of `text` as JSON (RFC 8259 §2–§7), or undefined when it is valid. */
export function jsonErrorPlace(text: string): JsonErrorPlace | undefined {
  let at = 0;
  let failure: { offset: number; expected: string } | undefined;
  const fail = (expected: string): false => {
    failure ??= { offset: at, expected };
    return false;
  };
  const space = () => {
    while (at < text.length && WHITESPACE.has(text[at] ?? '')) at++;
  };
  const literal = (word: string) => (text.startsWith(word, at) ? ((at += word.length), true) : fail('a value'));
  const string = (): boolean => {
    if (text[at] !== '"') return fail('a string in double quotes');
    at++;
    while (at < text.length) {
      const c = text.charCodeAt(at);
      if (c === 0x22) return (at++, true);
      if (c < 0x20) return fail('the end of the string (a control character must be escaped)');
      if (c === 0x5c) {
        const next = text[at + 1] ?? '';
        if ('"\\/bfnrt'.includes(next) && next !== '') at += 2;
        else if (next === 'u' && /^[0-9A-Fa-f]{4}$/.test(text.slice(at + 2, at + 6))) at += 6;
        else return fail('a valid escape (\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX)');
      } else at++;
    }
    return fail('the closing double quote');
  };
  const number = (): boolean => {
    const match = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
    match.lastIndex = at;
    const found = match.exec(text);
    if (!found || found[0] === '' || found[0] === '-') return fail('a value');
    at += found[0].length;
    return true;
  };
  // An explicit stack, not recursion: a file of 100,000 `[` is an error, not a RangeError.
  const stack: Array<{ readonly kind: 'object' | 'array'; first: boolean }> = [];
  const value = (): boolean => {
    space();
    const c = text[at];
    if (c === '{' || c === '[') {
      stack.push({ kind: c === '{' ? 'object' : 'array', first: true });
      at++;
      return true;
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    return number();
  };
  const member = (): boolean => {
    space();
    if (!string()) return false;
    space();
    if (text[at] !== ':') return fail("':' after the name");
    at++;
    return value();
  };
  let ok = value();
  while (ok && stack.length > 0) {
    space();
    const top = stack[stack.length - 1];
    if (!top) break;
    const close = top.kind === 'object' ? '}' : ']';
    if (text[at] === close && top.first) {
      at++;
      stack.pop();
    } else if (top.first || text[at] === ',') {
      if (!top.first) at++;
      top.first = false;
      ok = top.kind === 'object' ? member() : value();
    } else if (text[at] === close) {
      at++;
      stack.pop();
    } else ok = fail(`',' or '${close}'`);
  }
  if (ok) {
    space();
    if (at < text.length) fail('the end of the file');
  }
  if (!failure) return undefined;
  return { ...lineColumn(text, failure.offset), expected: failure.expected };
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
