import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { captureError } from './errors.js';
import type { Capture, CapturedExchange, CapturedRequest, CapturedResponse, HeaderList } from './types.js';
import { firstHeaderValue } from '../http/headers.js';
import { MAX_BODY_CHARS } from './har/entry.js';

/**
 * Reads raw HTTP/1.x text (RFC 9112): one or more requests, each optionally
 * followed by its response, as a proxy log, `curl -v`-style paste or a
 * hand-saved file holds them. Line endings may be CRLF or bare LF (pasting
 * often loses the CR). Bodies are delimited by Content-Length, chunked
 * transfer coding, or — when neither is given — the next message or the end.
 */

export interface RawHttpReadOptions {
  readonly source: string;
  /** Scheme for requests whose target is a path (raw HTTP never says); default https. */
  readonly scheme?: 'http' | 'https' | undefined;
}

// Methods are case-sensitive tokens, by convention uppercase; requiring that keeps prose from reading as a request.
const REQUEST_LINE = /^([A-Z][A-Z0-9_-]*) (\S+)(?: (HTTP\/\d(?:\.\d)?))?\s*$/;
const STATUS_LINE = /^HTTP\/\d(?:\.\d)? (\d{3})(?: .*)?$/;
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z:]+$/;

interface Line {
  readonly text: string;
  readonly number: number;
  /** Byte offset of the line start and of the next line. */
  readonly start: number;
  readonly next: number;
}

/** Thrown where a message runs past the bytes held when more may follow; the message is read again with more. */
class NeedMore {}
const NEED_MORE = new NeedMore();

/**
 * Reads the messages of raw HTTP text given whole or a piece at a time (issue
 * 14 item 1: 100,000 raw requests are read from the file a block at a time,
 * never held whole). The bytes held are those from the start of the message
 * being read; a message that runs past them is read again once the next
 * piece came. Each exchange is handed to `emit` as it ends (its request and
 * the response after it), or kept when there is no `emit`.
 */
export class RawHttpReader {
  private buf: Buffer = Buffer.alloc(0);
  private pos = 0;
  private lineNumber = 1;
  private last = false;
  private started = false;
  private readonly notes: string[] = [];
  private readonly exchanges: CapturedExchange[] = [];
  private count = 0;
  private pending: { request: CapturedRequest; line: number } | undefined;

  constructor(
    private readonly options: RawHttpReadOptions,
    private readonly emit?: ((exchange: CapturedExchange) => void) | undefined,
  ) {}

  private fail(code: string, line: number, what: string, hint: string): never {
    throw captureError(code, `${this.options.source}: line ${line}: ${what}`, hint);
  }

  /** The end of the bytes held was reached where more may follow: read this message again with them. */
  private needMore(): void {
    if (!this.last) throw NEED_MORE;
  }

  private peekLine(): Line | undefined {
    if (this.pos >= this.buf.length) {
      this.needMore();
      return undefined;
    }
    const newline = this.buf.indexOf(0x0a, this.pos);
    if (newline === -1) this.needMore();
    const end = newline === -1 ? this.buf.length : newline;
    const text = this.buf.toString('utf8', this.pos, end).replace(/\r$/, '');
    return { text, number: this.lineNumber, start: this.pos, next: newline === -1 ? this.buf.length : newline + 1 };
  }

  private take(line: Line): void {
    this.pos = line.next;
    this.lineNumber = line.number + 1;
  }

  private skipBlankLines(): void {
    for (let line = this.peekLine(); line && line.text.trim() === ''; line = this.peekLine()) this.take(line);
  }

  private readHeaders(): [string, string][] {
    const headers: [string, string][] = [];
    for (;;) {
      const line = this.peekLine();
      if (!line) return headers;
      this.take(line);
      if (line.text === '') return headers;
      if (/^[ \t]/.test(line.text)) {
        // obs-fold (RFC 9112 §5.2): a continuation of the previous field.
        const last = headers[headers.length - 1];
        if (!last) this.fail('http-malformed', line.number, 'a header continuation line comes before any header', 'remove the leading spaces');
        last[1] += ` ${line.text.trim()}`;
        continue;
      }
      const colon = line.text.indexOf(':', line.text.startsWith(':') ? 1 : 0);
      if (colon <= 0) this.fail('http-malformed', line.number, `expected a header "Name: value" but found "${line.text.slice(0, 60)}"`, 'a blank line must separate the headers from the body');
      const name = line.text.slice(0, colon).trim();
      if (!HEADER_NAME.test(name)) this.fail('http-malformed', line.number, `"${name.slice(0, 40)}" is not a valid header name`, 'header names are tokens without spaces');
      headers.push([name, line.text.slice(colon + 1).trim()]);
    }
  }

  private isMessageStart(text: string): boolean {
    return STATUS_LINE.test(text) || (REQUEST_LINE.test(text) && / HTTP\/\d/.test(text));
  }

  /** Offset where the next message starts (a start line right after a blank line, or right here), or the end. */
  private nextMessageStart(): number {
    let offset = this.pos;
    let previousBlank = true;
    while (offset < this.buf.length) {
      const newline = this.buf.indexOf(0x0a, offset);
      const end = newline === -1 ? this.buf.length : newline;
      const text = this.buf.toString('utf8', offset, Math.min(end, offset + 200)).replace(/\r$/, '');
      if (newline === -1) this.needMore();
      if (previousBlank && this.isMessageStart(text)) return offset;
      previousBlank = text.trim() === '';
      offset = end + 1;
    }
    // Whether the body ends here or a message starts in the bytes to come is known only with them.
    this.needMore();
    return this.buf.length;
  }

  private advanceTo(offset: number): void {
    for (let i = this.pos; i < offset && i < this.buf.length; i++) if (this.buf[i] === 0x0a) this.lineNumber++;
    this.pos = offset;
  }

  private readChunked(startLine: number): Buffer {
    const parts: Buffer[] = [];
    for (;;) {
      const line = this.peekLine();
      if (!line) this.fail('http-malformed', startLine, 'the chunked body ends before its last (0-size) chunk', 'the capture was cut short');
      this.take(line);
      const size = /^([0-9A-Fa-f]+)(?:;.*)?$/.exec(line.text.trim());
      if (!size) this.fail('http-malformed', line.number, `expected a chunk size in hex but found "${line.text.slice(0, 40)}"`, 'Transfer-Encoding: chunked bodies are "<hex size>" lines followed by that many bytes');
      const length = parseInt(size[1] as string, 16);
      if (length === 0) {
        // Trailer fields, then the final blank line.
        this.readHeaders();
        return Buffer.concat(parts);
      }
      if (this.pos + length > this.buf.length) this.needMore();
      if (this.pos + length > this.buf.length) this.fail('http-malformed', line.number, `the chunk says ${length} bytes but only ${this.buf.length - this.pos} follow`, 'the capture was cut short');
      parts.push(this.buf.subarray(this.pos, this.pos + length));
      this.advanceTo(this.pos + length);
      const after = this.peekLine();
      if (after && after.text === '') this.take(after);
    }
  }

  private readBody(headers: HeaderList, startLine: number, allowUntilNext: boolean): Buffer | undefined {
    const transferEncoding = firstHeaderValue(headers, 'transfer-encoding');
    if (transferEncoding && /chunked/i.test(transferEncoding)) return this.readChunked(startLine);
    const lengthText = firstHeaderValue(headers, 'content-length');
    if (lengthText !== undefined) {
      if (!/^\d+$/.test(lengthText.trim())) this.fail('http-malformed', startLine, `Content-Length "${lengthText}" is not a number`, 'fix the header');
      const length = Number(lengthText.trim());
      const available = this.nextMessageStart() - this.pos;
      if (length <= available) {
        const body = this.buf.subarray(this.pos, this.pos + length);
        this.advanceTo(this.pos + length);
        return body;
      }
      this.notes.push(`line ${startLine}: Content-Length says ${length} bytes but ${Math.max(0, available)} follow (line endings changed when pasting?); read up to the next message`);
    }
    if (!allowUntilNext && lengthText === undefined) return undefined;
    const end = this.nextMessageStart();
    let body = this.buf.subarray(this.pos, end);
    this.advanceTo(end);
    // Without a length, trailing blank lines belong to the paste, not the body.
    let trimmed = body.length;
    while (trimmed > 0 && (body[trimmed - 1] === 0x0a || body[trimmed - 1] === 0x0d)) trimmed--;
    body = body.subarray(0, trimmed);
    return body.length > 0 ? body : undefined;
  }

  private decode(body: Buffer, headers: HeaderList, line: number): string {
    const encoding = firstHeaderValue(headers, 'content-encoding')?.trim().toLowerCase();
    let bytes = body;
    try {
      if (encoding === 'gzip' || encoding === 'x-gzip') bytes = gunzipSync(body);
      else if (encoding === 'deflate') bytes = inflateSync(body);
      else if (encoding === 'br') bytes = brotliDecompressSync(body);
    } catch {
      this.notes.push(`line ${line}: the body says Content-Encoding ${encoding} but does not decompress; read as it is`);
    }
    const text = bytes.toString('utf8');
    return text.length > MAX_BODY_CHARS ? text.slice(0, MAX_BODY_CHARS) : text;
  }

  private requestUrl(target: string, headers: HeaderList, line: number): { url: string; schemeFrom?: 'port' | 'assumed' } {
    if (/^https?:\/\//i.test(target)) {
      if (!URL.canParse(target)) this.fail('http-malformed', line, `"${target.slice(0, 80)}" is not a valid URL`, 'fix the request line');
      return { url: target };
    }
    if (!target.startsWith('/')) this.fail('http-malformed', line, `the request target "${target.slice(0, 60)}" is neither a path nor an absolute URL`, 'OAuth requests look like POST /oauth/request_token HTTP/1.1');
    const host = firstHeaderValue(headers, 'host') ?? firstHeaderValue(headers, ':authority');
    if (!host) this.fail('http-malformed', line, 'the request has no Host header, so the host it went to is unknown', 'add the Host header, or write the absolute URL in the request line');
    const forwarded = firstHeaderValue(headers, 'x-forwarded-proto') ?? firstHeaderValue(headers, ':scheme');
    // The evidence, strongest first: --scheme, the proxy's own word, the Host's port; else https, marked as assumed.
    const port = /:(\d+)$/.exec(host.trim())?.[1];
    const byPort = port === '80' ? 'http' : port === '443' ? 'https' : undefined;
    const given = this.options.scheme ?? (forwarded && /^https?$/i.test(forwarded.trim()) ? forwarded.trim().toLowerCase() : undefined);
    const scheme = given ?? byPort ?? 'https';
    const url = `${scheme}://${host.trim()}${target}`;
    if (!URL.canParse(url)) this.fail('http-malformed', line, `Host "${host.slice(0, 60)}" with "${target.slice(0, 60)}" is not a valid URL`, 'fix the Host header');
    return given ? { url } : { url, schemeFrom: byPort ? 'port' : 'assumed' };
  }

  private readRequest(line: Line, match: RegExpExecArray): CapturedRequest {
    const method = match[1] as string;
    const target = match[2] as string;
    const headers = this.readHeaders();
    const { url, schemeFrom } = this.requestUrl(target, headers, line.number);
    const body = this.readBody(headers, line.number, true);
    return { method, url, headers, ...(schemeFrom ? { schemeFrom } : {}), body: body === undefined ? undefined : { contentType: firstHeaderValue(headers, 'content-type'), text: this.decode(body, headers, line.number) } };
  }

  private readResponse(line: Line, status: number): CapturedResponse {
    const headers = this.readHeaders();
    const body = this.readBody(headers, line.number, true);
    return { status, headers, body: body === undefined ? undefined : this.decode(body, headers, line.number) };
  }

  private flush(response?: CapturedResponse): void {
    const pending = this.pending;
    this.pending = undefined;
    if (!pending) return;
    const exchange = { index: this.count++, origin: `line ${pending.line}`, request: pending.request, response };
    if (this.emit) this.emit(exchange);
    else this.exchanges.push(exchange);
  }

  /** Bytes held waiting for the rest of a message. */
  get held(): number {
    return this.buf.length - this.pos;
  }

  /** Reads the next piece of the text; `last` says nothing follows. */
  push(bytes: Buffer, last: boolean): void {
    // The bytes of the messages read are let go; the rest is copied with the new piece (the piece's Buffer may be reused), a last piece alone is read where it is.
    this.buf = this.held === 0 && last ? bytes : Buffer.concat([this.buf.subarray(this.pos), bytes]);
    this.pos = 0;
    this.last = last;
    if (!this.started) {
      if (this.buf.length < 3 && !last) return;
      this.started = true;
      if (this.buf[0] === 0xef && this.buf[1] === 0xbb && this.buf[2] === 0xbf) this.pos = 3;
    }
    for (;;) {
      const pos = this.pos;
      const lineNumber = this.lineNumber;
      const notes = this.notes.length;
      try {
        if (!this.message()) break;
      } catch (error) {
        if (error !== NEED_MORE) throw error;
        // Back to the start of the message; it is read again once more bytes came (an exchange is handed on only when its message is read whole).
        this.pos = pos;
        this.lineNumber = lineNumber;
        this.notes.length = notes;
        return;
      }
    }
  }

  /** Reads the next message (after blank lines); false at the end. */
  private message(): boolean {
    this.skipBlankLines();
    const line = this.peekLine();
    if (!line) return false;
    this.take(line);
    const status = STATUS_LINE.exec(line.text);
    if (status) {
      if (!this.pending) {
        this.fail('http-no-request', line.number, 'a response with no request before it', 'inspect needs the request; to explain a response alone use `oauth-doctor explain`');
      }
      this.flush(this.readResponse(line, Number(status[1])));
      return true;
    }
    const request = REQUEST_LINE.exec(line.text);
    if (!request) {
      this.fail('http-malformed', line.number, `expected a request line such as "POST /oauth/request_token HTTP/1.1" or a status line, found "${line.text.slice(0, 60)}"`, 'raw HTTP starts with the request line; for a curl command use --curl or a file starting with curl');
    }
    const read = this.readRequest(line, request);
    this.flush();
    this.pending = { request: read, line: line.number };
    return true;
  }

  /** The capture, once the last piece was pushed. */
  capture(): Capture {
    this.flush();
    if (this.count === 0) throw captureError('http-empty', `${this.options.source}: the input is empty`, 'give a raw HTTP request (request line, headers, blank line, body)');
    return { format: 'http', source: this.options.source, exchanges: this.exchanges, totalEntries: this.count, notes: this.notes };
  }
}

/** Reads raw HTTP text held whole; with `emit`, each exchange is handed on as it is read and none is kept (issue 14 item 1). */
export function parseRawHttp(input: Buffer | string, options: RawHttpReadOptions, emit?: (exchange: CapturedExchange) => void): Capture {
  const reader = new RawHttpReader(options, emit);
  reader.push(typeof input === 'string' ? Buffer.from(input, 'utf8') : input, true);
  return reader.capture();
}
