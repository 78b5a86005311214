import { captureError } from '../errors.js';

/**
 * A structural JSON scanner over one Buffer or over a file read a block at a
 * time, so a HAR of hundreds of MB is never turned into one giant string or
 * object graph (V8 cannot even hold a string above ~512 MB), nor held whole
 * (issue 14 item 1). It walks the two outer levels (`{ "log": { … } }`)
 * itself and hands back the byte span of each `log.entries[i]`; the caller
 * JSON.parses one entry at a time. Values it only skips are checked for
 * balanced brackets and terminated strings; entries it hands out are checked
 * fully by JSON.parse.
 *
 * Read from a file, the scanner holds a window of it: blocks are appended as
 * a value runs past its end (positions in the window stay put while a value
 * is scanned) and the bytes before the next entry are let go between two
 * entries, so it holds about one block and the largest entry.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
/** Strings shorter than this are scanned inline; longer ones with Buffer.indexOf (memchr). */
const INLINE_STRING_SCAN = 24;

export interface EntrySpan {
  /** 0-based index in log.entries. */
  readonly index: number;
  /** Offsets in the scanner's window (HarScanner.window) while the span is the one last handed out. */
  readonly start: number;
  readonly end: number;
}

/** A file (or anything) read by position: the bytes of a capture too large to be held whole. */
export interface ByteSource {
  /** Its size in bytes (for progress). */
  readonly size: number;
  /** Reads up to `length` bytes from `position` into `into` at `offset`; the number read, 0 at the end. */
  read(into: Buffer, offset: number, length: number, position: number): number;
}

/** Bytes read from a ByteSource at a time; the bytes before an entry are let go once this many are behind. */
const BLOCK = 1 << 20;

export interface HarHeader {
  version?: string | undefined;
  creator?: string | undefined;
}

function isWhitespace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

export class HarScanner {
  private pos = 0;
  readonly header: HarHeader = {};
  /** The bytes held: all of them for a Buffer; for a ByteSource, a window from file offset `base`. */
  private buf: Buffer;
  private store: Buffer;
  private base = 0;
  private readonly input: ByteSource | undefined;
  private atEnd: boolean;
  /** Lines ended and where the last began (file offsets) in the bytes let go, for the line and column of an error. */
  private linesBefore = 0;
  private lineStartBefore = 0;

  constructor(
    input: Buffer | ByteSource,
    private readonly source: string,
  ) {
    if (Buffer.isBuffer(input)) {
      this.buf = this.store = input;
      this.input = undefined;
      this.atEnd = true;
    } else {
      this.input = input;
      this.store = Buffer.allocUnsafe(4 * BLOCK);
      this.buf = this.store.subarray(0, 0);
      this.atEnd = false;
      this.more();
    }
  }

  /** The bytes the last span handed out lies in. */
  get window(): Buffer {
    return this.buf;
  }

  /** File offset of the scan. */
  get offset(): number {
    return this.base + this.pos;
  }

  /** Appends the next block of the source to the window (offsets in it are kept); false at the end. */
  private more(): boolean {
    const input = this.input;
    if (this.atEnd || input === undefined) return false;
    const filled = this.buf.length;
    if (this.store.length - filled < BLOCK) {
      const grown = Buffer.allocUnsafe(Math.max(this.store.length * 2, filled + BLOCK));
      this.buf.copy(grown, 0, 0, filled);
      this.store = grown;
    }
    const read = input.read(this.store, filled, Math.min(BLOCK, this.store.length - filled), this.base + filled);
    if (read === 0) {
      this.atEnd = true;
      return false;
    }
    this.buf = this.store.subarray(0, filled + read);
    return true;
  }

  /** Lets go of the bytes before the scan (between two entries, where no other offset is held). */
  private release(): void {
    if (this.input === undefined || this.pos < BLOCK) return;
    const buf = this.buf;
    for (let i = buf.indexOf(0x0a); i !== -1 && i < this.pos; i = buf.indexOf(0x0a, i + 1)) {
      this.linesBefore++;
      this.lineStartBefore = this.base + i + 1;
    }
    const kept = buf.length - this.pos;
    // After a huge entry, go back to a small store.
    const target = this.store.length > 8 * BLOCK && kept < 2 * BLOCK ? Buffer.allocUnsafe(4 * BLOCK) : this.store;
    buf.copy(target, 0, this.pos, buf.length);
    this.store = target;
    this.base += this.pos;
    this.pos = 0;
    this.buf = this.store.subarray(0, kept);
  }

  /** `byte 1234 (line 56, column 7)` of an offset in the window. */
  describe(offset: number): string {
    const buf = this.buf;
    let line = this.linesBefore + 1;
    let lineStart = this.lineStartBefore;
    const end = Math.min(offset, buf.length);
    for (let i = 0; i < end; i++) {
      if (buf[i] === 0x0a) {
        line++;
        lineStart = this.base + i + 1;
      }
    }
    return `byte ${this.base + offset} (line ${line}, column ${this.base + end - lineStart + 1})`;
  }

  private fail(code: string, offset: number, what: string): never {
    throw captureError(code, `${this.source}: ${what} at ${this.describe(offset)}`, 'the HAR file is damaged or cut short; export it again from the browser or proxy');
  }

  private skipWhitespace(): void {
    let buf = this.buf;
    let i = this.pos;
    for (;;) {
      while (i < buf.length && isWhitespace(buf[i])) i++;
      if (i < buf.length || !this.more()) break;
      buf = this.buf;
    }
    this.pos = i;
  }

  private found(offset: number): string {
    while (offset + 12 > this.buf.length && this.more());
    if (offset >= this.buf.length) return 'the end of the file';
    const text = this.buf.toString('utf8', offset, Math.min(offset + 12, this.buf.length)).replace(/\s+/g, ' ');
    return `"${text}"`;
  }

  private expect(byte: number, what: string): void {
    this.skipWhitespace();
    if (this.buf[this.pos] !== byte) this.fail('har-malformed', this.pos, `expected ${what} but found ${this.found(this.pos)}`);
    this.pos++;
  }

  /** Offset just after the closing quote of the string that opens at `start`. */
  private stringEnd(start: number): number {
    let buf = this.buf;
    const inlineLimit = Math.min(buf.length, start + INLINE_STRING_SCAN);
    let i = start + 1;
    for (; i < inlineLimit; i++) {
      const c = buf[i];
      if (c === QUOTE) return i + 1;
      if (c === BACKSLASH) i++;
    }
    // Long string (or one running past the window): jump from quote to quote, counting the backslashes before each.
    for (;;) {
      const quote = i < buf.length ? buf.indexOf(QUOTE, i) : -1;
      if (quote === -1) {
        if (!this.more()) this.fail('har-malformed', start, 'a string is never closed; it starts');
        buf = this.buf;
        continue;
      }
      let backslashes = 0;
      for (let k = quote - 1; k > start && buf[k] === BACKSLASH; k--) backslashes++;
      if (backslashes % 2 === 0) return quote + 1;
      i = quote + 1;
    }
  }

  /** Offset just after the value that starts at `start` (object, array, string or scalar). */
  private valueEnd(start: number): number {
    let buf = this.buf;
    const first = buf[start];
    if (first === QUOTE) return this.stringEnd(start);
    if (first !== LBRACE && first !== LBRACKET) {
      let i = start;
      for (;;) {
        while (i < buf.length) {
          const c = buf[i];
          if (c === COMMA || c === RBRACE || c === RBRACKET || isWhitespace(c)) break;
          i++;
        }
        if (i < buf.length || !this.more()) break;
        buf = this.buf;
      }
      if (i === start) this.fail('har-malformed', start, `expected a value but found ${this.found(start)}`);
      return i;
    }
    // Containers: track the expected closers so `{ ]` is caught, skip strings whole.
    const closers: number[] = [];
    let i = start;
    let length = buf.length;
    for (;;) {
      if (i >= length) {
        if (!this.more()) break;
        buf = this.buf;
        length = buf.length;
      }
      const c = buf[i] as number;
      if (c === QUOTE) {
        i = this.stringEnd(i);
        buf = this.buf;
        length = buf.length;
        continue;
      }
      if (c === LBRACE) closers.push(RBRACE);
      else if (c === LBRACKET) closers.push(RBRACKET);
      else if (c === RBRACE || c === RBRACKET) {
        const wanted = closers.pop();
        if (wanted !== c) this.fail('har-malformed', i, `found "${String.fromCharCode(c)}" where "${wanted === undefined ? '' : String.fromCharCode(wanted)}" was expected`);
        if (closers.length === 0) return i + 1;
      }
      i++;
    }
    return this.fail('har-malformed', start, `the ${first === LBRACE ? 'object' : 'array'} is never closed (file cut short?); it starts`);
  }

  private readKey(): string {
    this.skipWhitespace();
    const start = this.pos;
    if (this.buf[start] !== QUOTE) this.fail('har-malformed', start, `expected a property name but found ${this.found(start)}`);
    const end = this.stringEnd(start);
    this.pos = end;
    const raw = this.buf.toString('utf8', start, end);
    if (!raw.includes('\\')) return raw.slice(1, -1);
    try {
      return JSON.parse(raw) as string;
    } catch {
      return this.fail('har-malformed', start, 'a property name has an invalid escape; it starts');
    }
  }

  /**
   * Walks the members of the object at the current position; `member` is
   * called with each key and must consume the value (or return false to have
   * it skipped).
   */
  private *members(what: string, member: (key: string) => Generator<EntrySpan, boolean>): Generator<EntrySpan, void> {
    this.expect(LBRACE, `"{" opening ${what}`);
    this.skipWhitespace();
    if (this.buf[this.pos] === RBRACE) {
      this.pos++;
      return;
    }
    for (;;) {
      const key = this.readKey();
      this.expect(COLON, `":" after "${key}" in ${what}`);
      this.skipWhitespace();
      const consumed = yield* member(key);
      if (!consumed) this.pos = this.valueEnd(this.pos);
      this.skipWhitespace();
      const next = this.buf[this.pos];
      if (next === COMMA) {
        this.pos++;
        continue;
      }
      if (next === RBRACE) {
        this.pos++;
        return;
      }
      this.fail('har-malformed', this.pos, `expected "," or "}" in ${what} but found ${this.found(this.pos)}`);
    }
  }

  // Generators that never yield still need the generator signature for yield*.
  // eslint-disable-next-line require-yield
  private *skip(): Generator<EntrySpan, boolean> {
    return false;
  }

  private *entries(): Generator<EntrySpan, boolean> {
    this.expect(LBRACKET, '"[" opening log.entries (entries must be an array)');
    this.skipWhitespace();
    if (this.buf[this.pos] === RBRACKET) {
      this.pos++;
      return true;
    }
    for (let index = 0; ; index++) {
      this.release();
      this.skipWhitespace();
      const start = this.pos;
      if (this.buf[start] !== LBRACE) this.fail('har-malformed', start, `log.entries[${index}] should be an object but found ${this.found(start)}`);
      const end = this.valueEnd(start);
      this.pos = end;
      yield { index, start, end };
      this.skipWhitespace();
      const next = this.buf[this.pos];
      if (next === COMMA) {
        this.pos++;
        continue;
      }
      if (next === RBRACKET) {
        this.pos++;
        return true;
      }
      this.fail('har-malformed', this.pos, `expected "," or "]" after log.entries[${index}] but found ${this.found(this.pos)}`);
    }
  }

  private parseSmall(): unknown {
    const start = this.pos;
    const end = this.valueEnd(start);
    this.pos = end;
    try {
      return JSON.parse(this.buf.toString('utf8', start, end));
    } catch {
      return this.fail('har-malformed', start, 'invalid JSON value');
    }
  }

  private sawLog = false;
  private sawEntries = false;

  private *logMember(key: string): Generator<EntrySpan, boolean> {
    if (key === 'entries') {
      this.sawEntries = true;
      return yield* this.entries();
    }
    if (key === 'version') {
      const version = this.parseSmall();
      if (typeof version === 'string') this.header.version = version;
      return true;
    }
    if (key === 'creator') {
      const creator = this.parseSmall() as { name?: unknown; version?: unknown } | null;
      if (creator && typeof creator.name === 'string') this.header.creator = `${creator.name}${typeof creator.version === 'string' ? ` ${creator.version}` : ''}`;
      return true;
    }
    return yield* this.skip();
  }

  private *topMember(key: string): Generator<EntrySpan, boolean> {
    if (key !== 'log') return yield* this.skip();
    this.sawLog = true;
    yield* this.members('log', (logKey) => this.logMember(logKey));
    return true;
  }

  /** Yields the span of every log.entries element, in order. */
  *scan(): Generator<EntrySpan, void> {
    while (this.buf.length < 3 && this.more());
    if (this.buf[0] === 0xef && this.buf[1] === 0xbb && this.buf[2] === 0xbf) this.pos = 3;
    this.skipWhitespace();
    if (this.pos >= this.buf.length) throw captureError('har-empty', `${this.source}: the file is empty`, 'export the HAR again');
    yield* this.members('the top-level object', (key) => this.topMember(key));
    this.skipWhitespace();
    if (this.pos < this.buf.length) this.fail('har-malformed', this.pos, `unexpected data after the end of the HAR: ${this.found(this.pos)}`);
    if (!this.sawLog) throw captureError('har-not-har', `${this.source}: this is JSON but not a HAR file (no "log" object at the top level)`, 'export the network log as HAR ("Save all as HAR" in the browser\'s network panel)');
    if (!this.sawEntries) throw captureError('har-not-har', `${this.source}: the HAR has no log.entries array`, 'export the network log as HAR again');
  }
}

/**
 * Whether the bytes of an entry mention OAuth at all (any case), or carry what only OAuth 2.0 steps do
 * (`grant_type`, `response_type`, a redirect's `state=`: issue 18 item 7); entries that do not are never parsed.
 */
export function mentionsOAuth(buf: Buffer, start: number, end: number): boolean {
  const view = buf.subarray(start, end);
  return (
    view.indexOf('oauth') !== -1 || view.indexOf('OAuth') !== -1 || view.indexOf('OAUTH') !== -1 || view.indexOf('Oauth') !== -1 ||
    view.indexOf('grant_type') !== -1 || view.indexOf('response_type') !== -1 || view.indexOf('state=') !== -1
  );
}

/**
 * The text of the JSON value in buf[start, end) with every string longer
 * than `limit` bytes cut to about `limit` (issue 14 item 1): a 200 MB
 * base64 body is never turned into a 200 MB string (and decoded into
 * another) only to be capped at MAX_BODY_CHARS afterwards. The cut never
 * splits an escape sequence or a UTF-8 character, so the result is still
 * valid JSON when the input was. Strings are found by their quotes (an odd
 * run of backslashes before a quote escapes it).
 */
export function textWithLongStringsCut(buf: Buffer, start: number, end: number, limit: number): string {
  const parts: string[] = [];
  let copied = start;
  let i = start;
  while (i < end) {
    const open = buf.indexOf(QUOTE, i);
    if (open === -1 || open >= end) break;
    let close = open + 1;
    for (;;) {
      close = buf.indexOf(QUOTE, close);
      if (close === -1 || close >= end) return parts.join('') + buf.toString('utf8', copied, end);
      let backslashes = 0;
      for (let k = close - 1; k > open && buf[k] === BACKSLASH; k--) backslashes++;
      if (backslashes % 2 === 0) break;
      close++;
    }
    if (close - open - 1 > limit) {
      let cut = open + 1 + limit;
      // Not inside a UTF-8 sequence (continuation bytes are 10xxxxxx)…
      while (cut > open + 1 && ((buf[cut] as number) & 0xc0) === 0x80) cut--;
      // …nor inside an escape: back up over a \uXXXX begun in the last 5 bytes, or a lone backslash.
      for (let k = Math.max(open + 1, cut - 5); k < cut; k++) {
        if (buf[k] !== BACKSLASH) continue;
        let run = 0;
        for (let b = k; b > open && buf[b] === BACKSLASH; b--) run++;
        if (run % 2 === 1 && (buf[k + 1] === 0x75 || k + 1 >= cut)) {
          cut = k;
          break;
        }
        if (run % 2 === 1) k++;
      }
      parts.push(buf.toString('utf8', copied, cut));
      copied = close;
    }
    i = close + 1;
  }
  parts.push(buf.toString('utf8', copied, end));
  return parts.join('');
}
