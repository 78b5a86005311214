import { captureError } from './errors.js';

/** One shell word and where it started, for error messages. */
export interface ShellWord {
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

const ANSI_C_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };

/**
 * Splits text into commands of words the way a POSIX shell (bash) would for
 * the quoting that "Copy as cURL" and people produce: '…', "…", $'…' (ANSI-C,
 * used by Chrome), backslash escapes, backslash-newline continuations and
 * `#` comments. Commands end at an unquoted newline, `;`, `&&`, `||` or `|`.
 * Anything that needs a shell to evaluate ($VAR, $(…), `…`) is an error that
 * says where it is, because guessing its value would sign the wrong thing.
 */
export function splitShellCommands(input: string, source: string, onCommand?: (words: ShellWord[]) => void): ShellWord[][] {
  const commands: ShellWord[][] = [];
  let words: ShellWord[] = [];
  let current = '';
  let inWord = false;
  let startLine = 1;
  let startColumn = 1;
  let line = 1;
  let lineStart = 0;
  let i = 0;
  const where = (at: number) => `line ${line}, column ${at - lineStart + 1}`;
  function fail(at: number | string, what: string, hint?: string): never {
    throw captureError('curl-malformed', `${source}: ${what} at ${typeof at === 'string' ? at : where(at)}`, hint ?? 'check the quoting of the command');
  }
  const begin = () => {
    if (!inWord) {
      inWord = true;
      current = '';
      startLine = line;
      startColumn = i - lineStart + 1;
    }
  };
  const endWord = () => {
    if (inWord) words.push({ text: current, line: startLine, column: startColumn });
    inWord = false;
    current = '';
  };
  const endCommand = () => {
    endWord();
    // With onCommand, each command is handed on as it ends and none is kept (issue 14 item 1).
    if (words.length > 0) {
      if (onCommand) onCommand(words);
      else commands.push(words);
    }
    words = [];
  };
  const newline = (at: number) => {
    line++;
    lineStart = at + 1;
  };
  function expansion(at: number): never {
    return fail(at, `the command uses a shell expansion ("${input.slice(at, at + 12).split('\n')[0]}…")`, 'expand variables and command substitutions first (e.g. run it through `echo`), then inspect the literal command');
  }

  while (i < input.length) {
    const c = input[i] as string;
    if (c === '\n') {
      endCommand();
      newline(i);
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      endWord();
      i++;
      continue;
    }
    if (c === '^' && (input[i + 1] === '\n' || input[i + 1] === '\r' || input[i + 1] === '"')) {
      fail(i, 'this looks like a Windows cmd.exe command (^ escapes)', 'use "Copy as cURL (bash)" instead of "(cmd)"');
    }
    if (c === '#' && !inWord) {
      while (i < input.length && input[i] !== '\n') i++;
      continue;
    }
    if (c === ';' || c === '|' || (c === '&' && input[i + 1] === '&')) {
      endCommand();
      i += (c === '|' || c === '&') && input[i + 1] === c ? 2 : 1;
      continue;
    }
    if (c === '&' || c === '<' || c === '>' || c === '(' || c === ')') {
      fail(i, `unquoted "${c}" (a shell operator)`, 'quote the URL or value that contains it');
    }
    if (c === '\\') {
      const next = input[i + 1];
      if (next === undefined) fail(i, 'a backslash ends the input');
      if (next === '\n') {
        newline(i + 1);
        i += 2;
        continue;
      }
      if (next === '\r' && input[i + 2] === '\n') {
        newline(i + 2);
        i += 3;
        continue;
      }
      begin();
      current += next;
      i += 2;
      continue;
    }
    if (c === "'") {
      begin();
      const close = input.indexOf("'", i + 1);
      if (close === -1) fail(i, 'a single quote is never closed; it opens');
      const text = input.slice(i + 1, close);
      current += text;
      for (let k = i + 1; k < close; k++) if (input[k] === '\n') newline(k);
      i = close + 1;
      continue;
    }
    if (c === '$' && input[i + 1] === "'") {
      begin();
      const open = where(i);
      i += 2;
      for (;;) {
        const d = input[i];
        if (d === undefined) fail(open, "a $'…' string is never closed; it opens");
        if (d === "'") break;
        if (d === '\n') newline(i);
        if (d !== '\\') {
          current += d;
          i++;
          continue;
        }
        const e = input[i + 1] ?? '';
        const digitsAt = (from: number, max: number, pattern: RegExp) => {
          let digits = '';
          while (digits.length < max && pattern.test(input[from + digits.length] ?? '')) digits += input[from + digits.length];
          return digits;
        };
        if (e === 'x' || e === 'u' || e === 'U') {
          const digits = digitsAt(i + 2, e === 'x' ? 2 : e === 'u' ? 4 : 8, /[0-9A-Fa-f]/);
          if (digits === '') fail(i, `\\${e} without hex digits in a $'…' string`);
          const code = parseInt(digits, 16);
          current += code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
          i += 2 + digits.length;
        } else if (/[0-7]/.test(e)) {
          const digits = digitsAt(i + 1, 3, /[0-7]/);
          current += String.fromCharCode(parseInt(digits, 8) & 0xff);
          i += 1 + digits.length;
        } else if (e === 'c' && input[i + 2] !== undefined) {
          current += String.fromCharCode((input.charCodeAt(i + 2) & 0x1f) >>> 0);
          i += 3;
        } else {
          current += ANSI_C_ESCAPES[e] ?? `\\${e}`;
          i += 2;
        }
      }
      i++;
      continue;
    }
    if (c === '"') {
      begin();
      const open = where(i);
      i++;
      for (;;) {
        const d = input[i];
        if (d === undefined) fail(open, 'a double quote is never closed; it opens');
        if (d === '"') break;
        if (d === '$' && /[A-Za-z_{(0-9@*#?$!-]/.test(input[i + 1] ?? '')) expansion(i);
        if (d === '`') expansion(i);
        if (d === '\n') newline(i);
        if (d === '\\' && /[$`"\\\n]/.test(input[i + 1] ?? '')) {
          const e = input[i + 1] as string;
          if (e === '\n') newline(i + 1);
          else current += e;
          i += 2;
          continue;
        }
        current += d;
        i++;
      }
      i++;
      continue;
    }
    if (c === '$' && /[A-Za-z_{(0-9@*#?$!-]/.test(input[i + 1] ?? '')) expansion(i);
    if (c === '`') expansion(i);
    begin();
    current += c;
    i++;
  }
  endCommand();
  return commands;
}
