import { captureError } from '../errors.js';
import type { Capture, CapturedExchange } from '../types.js';
import { HarEntryReader } from './entry.js';
import { HarScanner, mentionsOAuth, textWithLongStringsCut, type ByteSource } from './scan.js';

export type { ByteSource } from './scan.js';
import { MAX_BODY_CHARS } from './entry.js';
import { DoctorError } from '../../errors.js';

export interface HarReadOptions {
  /** Name used in messages. */
  readonly source: string;
  /** Called now and then with bytes done and total. */
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
  /** Checked between slices of work; aborting stops with an `interrupted` error. */
  readonly signal?: AbortSignal | undefined;
  /** Parse every entry, not only those that mention OAuth (benchmark baseline, tests). */
  readonly allEntries?: boolean | undefined;
}

/**
 * An entry longer than this has its long strings cut before JSON.parse
 * (textWithLongStringsCut): no body is kept past MAX_BODY_CHARS characters,
 * which base64 (4 characters for 3 bytes) of UTF-8 (up to 4 bytes a
 * character) spells in at most this many bytes.
 */
const LONG_STRING_BYTES = Math.ceil((MAX_BODY_CHARS * 4) / 3) * 4 + 16;

/** Bytes between two yields to the event loop (progress, Ctrl-C). */
const SLICE_BYTES = 8 * 1024 * 1024;
/** With `emit`: bytes read at a step (some 50 exchanges), and the work done between two yields to the event loop. */
const EMIT_STEP_BYTES = 32 * 1024;
const EMIT_SLICE_MS = 50;

class HarReader {
  private readonly scanner: HarScanner;
  private readonly spans;
  private readonly exchanges: CapturedExchange[] = [];
  private kept = 0;
  private total = 0;
  private withoutAuthorization = 0;
  done = false;

  constructor(
    input: Buffer | ByteSource,
    private readonly options: HarReadOptions,
    /** Each exchange handed on as it is read, instead of kept (issue 14 item 1). */
    private readonly emit?: ((exchange: CapturedExchange) => void) | undefined,
  ) {
    this.scanner = new HarScanner(input, options.source);
    this.spans = this.scanner.scan();
  }

  get offset(): number {
    return this.scanner.offset;
  }

  /** Reads entries until about `budget` more bytes are behind us or the end. */
  step(budget: number): void {
    const stopAt = this.scanner.offset + budget;
    while (this.scanner.offset < stopAt) {
      const next = this.spans.next();
      if (next.done) {
        this.done = true;
        return;
      }
      const span = next.value;
      this.total++;
      if (!this.options.allEntries && !mentionsOAuth(this.scanner.window, span.start, span.end)) continue;
      const parsed = this.parseEntry(span.index, span.start, span.end);
      const exchange = new HarEntryReader(this.options.source, span.index).read(parsed, this.kept++);
      if (!exchange.request.headers.some(([n]) => n.toLowerCase() === 'authorization') && /oauth/i.test(exchange.request.url) && /(request|access)[_-]?token|initiate|\/token\b/i.test(exchange.request.url)) {
        this.withoutAuthorization++;
      }
      if (this.emit) this.emit(exchange);
      else this.exchanges.push(exchange);
    }
  }

  private parseEntry(index: number, start: number, end: number): unknown {
    const buf = this.scanner.window;
    const text = end - start > LONG_STRING_BYTES ? textWithLongStringsCut(buf, start, end, LONG_STRING_BYTES) : buf.toString('utf8', start, end);
    try {
      return JSON.parse(text);
    } catch (error) {
      const message = (error as Error).message;
      const position = /at position (\d+)/.exec(message);
      const offset = position ? start + Buffer.byteLength(text.slice(0, Number(position[1]))) : start;
      const reason = message.replace(/\s*in JSON at position \d+.*$/s, '').replace(/, ".*" is not valid JSON$/s, '');
      throw captureError('har-malformed', `${this.options.source}: log.entries[${index}] is not valid JSON (${reason}) at ${this.scanner.describe(offset)}`, 'the HAR file is damaged; export it again');
    }
  }

  capture(): Capture {
    const notes: string[] = [];
    if (this.withoutAuthorization > 0) {
      notes.push(
        `${this.withoutAuthorization} token request(s) in this HAR carry no Authorization header: browsers' default HAR export may strip it ("sanitized"); export "with sensitive data" to check signatures`,
      );
    }
    return { format: 'har', source: this.options.source, exchanges: this.exchanges, creator: this.scanner.header.creator, totalEntries: this.total, notes };
  }
}

/** Reads a HAR held in one Buffer, synchronously (small files, tests). */
export function parseHar(buf: Buffer, options: HarReadOptions): Capture {
  const reader = new HarReader(buf, options);
  while (!reader.done) reader.step(Number.MAX_SAFE_INTEGER);
  return reader.capture();
}

/**
 * Reads a HAR held in one Buffer or read from a file a block at a time,
 * yielding to the event loop every few MB so progress can be drawn and
 * Ctrl-C is honoured. Peak memory is the Buffer (or a block and the largest
 * entry) plus one entry at a time plus the OAuth exchanges kept; with `emit`,
 * each exchange is handed on as it is read and none is kept (the capture
 * returned has no exchanges, only its totals and notes).
 */
export async function readHar(input: Buffer | ByteSource, options: HarReadOptions, emit?: (exchange: CapturedExchange) => void): Promise<Capture> {
  const reader = new HarReader(input, options, emit);
  const size = Buffer.isBuffer(input) ? input.length : input.size;
  let since = performance.now();
  while (!reader.done) {
    // Handing exchanges on costs more a byte than keeping them (each is checked as it comes): small steps, and a
    // yield once EMIT_SLICE_MS of work is done, so Ctrl-C answers within a second however slow the exchanges are
    // (issue 14 item 1: 256 KB steps, some 430 exchanges, took 1.8-2.6 s between yields at 1M under load 11).
    reader.step(emit ? EMIT_STEP_BYTES : SLICE_BYTES);
    options.onProgress?.(reader.done ? size : reader.offset, size);
    if (reader.done) break;
    if (emit && performance.now() - since < EMIT_SLICE_MS) continue;
    await new Promise((resolve) => setImmediate(resolve));
    since = performance.now();
    if (options.signal?.aborted) throw new DoctorError('interrupted', 'interrupted', 'interrupted while reading the HAR');
  }
  return reader.capture();
}
