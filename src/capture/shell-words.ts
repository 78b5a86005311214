import { captureError } from './errors.js';

/** One shell word and where it started, for error messages. */
export interface ShellWord {
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

const ANSI_C_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };

/** Thrown inside a construct that runs past the text held when more may follow; the construct is read again with more. */
class NeedMore {}
const NEED_MORE = new NeedMore();

/** Characters of a shell expansion quoted in its error. */
const EXPANSION_SHOWN = 12;

/**
 * Splits text into commands of words the way a POSIX shell (bash) would for
 * the quoting that "Copy as cURL" and people produce: '…', "…", $'…' (ANSI-C,
 * used by Chrome), backslash escapes, backslash-newline continuations and
 * `#` comments. Commands end at an unquoted newline, `;`, `&&`, `||` or `|`.
 * Anything that needs a shell to evaluate ($VAR, $(…), `…`) is an error that
 * says where it is, because guessing its value would sign the wrong thing.
 *
 * The text may come a piece at a time (issue 14 item 1: a 200,000-line curl
 * file is read from the file a block at a time): `push` splits what it can
 * and keeps the text from the construct that runs past the end (a quoted
 * string, a comment, an escape) for the next piece; each command is handed
 * to `onCommand` as it ends, and only its words are held.
 */
export class ShellSplitter {
  private input = '';
  private i = 0;
  private last = false;
  private words: ShellWord[] = [];
  private current = '';
  private inWord = false;
  private startLine = 1;
  private startColumn = 1;
  private line = 1;
  /** Where the current line starts, as an index into `input` (negative once the text before it was let go). */
  private lineStart = 0;

  constructor(
    private readonly source: string,
    private readonly onCommand: (words: ShellWord[]) => void,
  ) {}

  /** Characters held that are not split yet (a construct waiting for the rest of it). */
  get pending(): number {
    return this.input.length - this.i;
  }

  /** Splits `text` after what came before; `last` says nothing follows (then an unclosed quote is an error). */
  push(text: string, last: boolean): void {
    if (this.i > 0) {
      this.input = this.input.slice(this.i);
      this.lineStart -= this.i;
      this.i = 0;
    }
    this.input = this.input === '' ? text : this.input + text;
    this.last = last;
    this.split();
    if (last) {
      this.endCommand();
      this.input = '';
      this.i = 0;
    }
  }

  private where(at: number): string {
    return `line ${this.line}, column ${at - this.lineStart + 1}`;
  }

  private fail(at: number | string, what: string, hint?: string): never {
    throw captureError('curl-malformed', `${this.source}: ${what} at ${typeof at === 'string' ? at : this.where(at)}`, hint ?? 'check the quoting of the command');
  }

  /** The end of the text held inside a construct: an error at the very end, else wait for more. */
  private runsOut(at: number | string, what: string): never {
    if (this.last) this.fail(at, what);
    throw NEED_MORE;
  }

  private begin(): void {
    if (!this.inWord) {
      this.inWord = true;
      this.current = '';
      this.startLine = this.line;
      this.startColumn = this.i - this.lineStart + 1;
    }
  }

  private endWord(): void {
    if (this.inWord) this.words.push({ text: this.current, line: this.startLine, column: this.startColumn });
    this.inWord = false;
    this.current = '';
  }

  private endCommand(): void {
    this.endWord();
    // Each command is handed on as it ends and none is kept (issue 14 item 1).
    if (this.words.length > 0) {
      const words = this.words;
      this.words = [];
      this.onCommand(words);
    }
  }

  private newline(at: number): void {
    this.line++;
    this.lineStart = at + 1;
  }

  private expansion(at: number): never {
    if (!this.last && at + EXPANSION_SHOWN > this.input.length) throw NEED_MORE;
    return this.fail(at, `the command uses a shell expansion ("${this.input.slice(at, at + EXPANSION_SHOWN).split('\n')[0]}…")`, 'expand variables and command substitutions first (e.g. run it through `echo`), then inspect the literal command');
  }

  private split(): void {
    const input = this.input;
    // Outside a construct a character is read with at most two after it, an expansion quoted with twelve: with more to come, stop that far from the end.
    const end = this.last ? input.length : input.length - EXPANSION_SHOWN;
    while (this.i < end) {
      const i = this.i;
      const c = input[i] as string;
      if (c === "'" || c === '"' || c === '#' || (c === '$' && input[i + 1] === "'")) {
        // A construct may run past the text held: read it again from its start once more has come.
        const saved = { current: this.current, inWord: this.inWord, startLine: this.startLine, startColumn: this.startColumn, line: this.line, lineStart: this.lineStart };
        try {
          this.construct(input, c);
        } catch (error) {
          if (error !== NEED_MORE) throw error;
          Object.assign(this, saved);
          this.i = i;
          return;
        }
        continue;
      }
      this.plain(input, c);
    }
  }

  private plain(input: string, c: string): void {
    const i = this.i;
    if (c === '\n') {
      this.endCommand();
      this.newline(i);
      this.i++;
      return;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      this.endWord();
      this.i++;
      return;
    }
    if (c === '^' && (input[i + 1] === '\n' || input[i + 1] === '\r' || input[i + 1] === '"')) {
      this.fail(i, 'this looks like a Windows cmd.exe command (^ escapes)', 'use "Copy as cURL (bash)" instead of "(cmd)"');
    }
    if (c === ';' || c === '|' || (c === '&' && input[i + 1] === '&')) {
      this.endCommand();
      this.i += (c === '|' || c === '&') && input[i + 1] === c ? 2 : 1;
      return;
    }
    if (c === '&' || c === '<' || c === '>' || c === '(' || c === ')') {
      this.fail(i, `unquoted "${c}" (a shell operator)`, 'quote the URL or value that contains it');
    }
    if (c === '\\') {
      const next = input[i + 1];
      if (next === undefined) this.fail(i, 'a backslash ends the input');
      if (next === '\n') {
        this.newline(i + 1);
        this.i += 2;
        return;
      }
      if (next === '\r' && input[i + 2] === '\n') {
        this.newline(i + 2);
        this.i += 3;
        return;
      }
      this.begin();
      this.current += next;
      this.i += 2;
      return;
    }
    if (c === '$' && /[A-Za-z_{(0-9@*#?$!-]/.test(input[i + 1] ?? '')) this.expansion(i);
    if (c === '`') this.expansion(i);
    this.begin();
    this.current += c;
    this.i++;
  }

  /** A quoted string, an ANSI-C string or a comment, from its first character to past its end. */
  private construct(input: string, c: string): void {
    let i = this.i;
    if (c === '#' && !this.inWord) {
      while (i < input.length && input[i] !== '\n') i++;
      if (i === input.length && !this.last) throw NEED_MORE;
      this.i = i;
      return;
    }
    if (c === '#') {
      this.plain(input, c);
      return;
    }
    if (c === "'") {
      this.begin();
      const close = input.indexOf("'", i + 1);
      if (close === -1) this.runsOut(i, 'a single quote is never closed; it opens');
      this.current += input.slice(i + 1, close);
      for (let k = input.indexOf('\n', i + 1); k !== -1 && k < close; k = input.indexOf('\n', k + 1)) this.newline(k);
      this.i = close + 1;
      return;
    }
    if (c === '$') {
      this.begin();
      const open = this.where(i);
      i += 2;
      for (;;) {
        const d = input[i];
        if (d === undefined) this.runsOut(open, "a $'…' string is never closed; it opens");
        if (d === "'") break;
        if (d === '\n') this.newline(i);
        if (d !== '\\') {
          this.current += d;
          i++;
          continue;
        }
        // An escape reads at most ten characters (\U and eight hex digits).
        if (!this.last && i + 10 >= input.length) throw NEED_MORE;
        const e = input[i + 1] ?? '';
        const digitsAt = (from: number, max: number, pattern: RegExp) => {
          let digits = '';
          while (digits.length < max && pattern.test(input[from + digits.length] ?? '')) digits += input[from + digits.length];
          return digits;
        };
        if (e === 'x' || e === 'u' || e === 'U') {
          const digits = digitsAt(i + 2, e === 'x' ? 2 : e === 'u' ? 4 : 8, /[0-9A-Fa-f]/);
          if (digits === '') this.fail(i, `\\${e} without hex digits in a $'…' string`);
          const code = parseInt(digits, 16);
          this.current += code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
          i += 2 + digits.length;
        } else if (/[0-7]/.test(e)) {
          const digits = digitsAt(i + 1, 3, /[0-7]/);
          this.current += String.fromCharCode(parseInt(digits, 8) & 0xff);
          i += 1 + digits.length;
        } else if (e === 'c' && input[i + 2] !== undefined) {
          this.current += String.fromCharCode((input.charCodeAt(i + 2) & 0x1f) >>> 0);
          i += 3;
        } else {
          this.current += ANSI_C_ESCAPES[e] ?? `\\${e}`;
          i += 2;
        }
      }
      this.i = i + 1;
      return;
    }
    // "…"
    this.begin();
    const open = this.where(i);
    i++;
    for (;;) {
      const d = input[i];
      if (d === undefined) this.runsOut(open, 'a double quote is never closed; it opens');
      if (d === '"') break;
      if (!this.last && i + 1 >= input.length) throw NEED_MORE;
      if (d === '$' && /[A-Za-z_{(0-9@*#?$!-]/.test(input[i + 1] ?? '')) this.expansion(i);
      if (d === '`') this.expansion(i);
      if (d === '\n') this.newline(i);
      if (d === '\\' && /[$`"\\\n]/.test(input[i + 1] ?? '')) {
        const e = input[i + 1] as string;
        if (e === '\n') this.newline(i + 1);
        else this.current += e;
        i += 2;
        continue;
      }
      this.current += d;
      i++;
    }
    this.i = i + 1;
  }
}

/** The commands of a whole text (see ShellSplitter); with `onCommand`, each is handed on as it ends and none is kept. */
export function splitShellCommands(input: string, source: string, onCommand?: (words: ShellWord[]) => void): ShellWord[][] {
  const commands: ShellWord[][] = [];
  new ShellSplitter(source, onCommand ?? ((words) => void commands.push(words))).push(input, true);
  return commands;
}
