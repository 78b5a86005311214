import type { Capture, CapturedExchange, HeaderList } from './types.js';

/**
 * Reads a `curl -v` transcript: `> ` lines are the request as curl sent it,
 * `< ` lines the response's status line and headers, `* ` lines curl's own
 * notes (connection, TLS), `{ [n bytes data]` / `} [n bytes data]` markers of
 * bodies it did not print, and unprefixed lines the response body (curl
 * prints it to stdout, interleaved with stderr when both go to a terminal).
 * One reader for `inspect` and for `explain`'s extractor (STYLE habit 13).
 * Line-by-line, linear; never throws.
 */

interface CurlVerboseMessage {
  /** The request line (`GET /path HTTP/1.1`) as curl printed it. */
  readonly method: string;
  readonly target: string;
  readonly requestHeaders: HeaderList;
  readonly response?: { readonly status: number; readonly headers: HeaderList; readonly body: string } | undefined;
  /** Where the request started, 1-based line. */
  readonly line: number;
}

export interface CurlVerboseTranscript {
  readonly messages: readonly CurlVerboseMessage[];
  /** `https` when curl spoke TLS or connected to port 443, else `http`; undefined when it never said. */
  readonly scheme: 'http' | 'https' | undefined;
  /** `* Connected to HOST (IP) port N`. */
  readonly connectedHost: string | undefined;
}

const REQUEST_LINE = /^> ([A-Z][A-Z0-9_-]*) (\S+) HTTP\/\d(?:\.\d)?\s*$/;
const STATUS_LINE = /^< HTTP\/\d(?:\.\d)?\s+(\d{3})\b/;
const HEADER_LINE = /^[<>] ([!#$%&'*+\-.^_`|~0-9A-Za-z]+):[ \t]*(.*)$/;
const DATA_MARKER = /^[{}] \[[\d.]+ ?\w* ?(?:bytes )?data\]\s*$/;
const CONNECTED = /^\* +(?:Connected to|Established connection to) (\S+)(?: \([^)]*\))? port (\d+)/;
const TLS = /^\* +(?:SSL|TLS|ALPN|Server certificate|SSL connection using)/;

/** Whether the text looks like a `curl -v` transcript: a `> ` request line and a `< HTTP/` status line. */
export function looksLikeCurlVerbose(text: string): boolean {
  return /^> [A-Z][A-Z0-9_-]* \S+ HTTP\/\d/m.test(text) && /^< HTTP\/\d(?:\.\d)?\s+\d{3}/m.test(text);
}

interface Building {
  method: string;
  target: string;
  requestHeaders: [string, string][];
  status: number | undefined;
  responseHeaders: [string, string][];
  body: string[];
  /** Once the blank `< ` line after the headers was seen, plain lines are body. */
  inBody: boolean;
  line: number;
  /** What curl had said of the connection when the request was sent. */
  scheme: 'http' | 'https' | undefined;
  connectedHost: string | undefined;
}

/** A message as the reader hands it on: with what curl had said of its connection (when it was sent, else by its end). */
interface CurlVerboseRead extends CurlVerboseMessage {
  readonly scheme: 'http' | 'https' | undefined;
  readonly connectedHost: string | undefined;
}

/**
 * Reads a transcript given whole or a piece at a time (issue 14 item 1: a
 * large one is read from the file a block at a time, never held whole): the
 * lines are read as they end, each message handed to `emit` once the next
 * request line or the end shows it complete. Holds the line being read and
 * the message being built, nothing before.
 */
class CurlVerboseReader {
  /** The text after the last line end. */
  private partial = '';
  private lineNumber = 0;
  private current: Building | undefined;
  scheme: 'http' | 'https' | undefined;
  connectedHost: string | undefined;

  constructor(private readonly emit: (message: CurlVerboseRead) => void) {}

  /** Characters held waiting for the end of their line. */
  get pending(): number {
    return this.partial.length;
  }

  /** The next piece of the text; `last` says nothing follows. */
  push(text: string, last: boolean): void {
    let from = 0;
    let newline = text.indexOf('\n');
    if (newline !== -1) {
      // As text.split(/\r?\n/) then one more trailing CR taken off each line.
      this.line(strip(strip(this.partial + text.slice(0, newline))));
      this.partial = '';
      from = newline + 1;
      while ((newline = text.indexOf('\n', from)) !== -1) {
        this.line(strip(strip(text.slice(from, newline))));
        from = newline + 1;
      }
    }
    this.partial += from === 0 ? text : text.slice(from);
    if (!last) return;
    this.line(strip(this.partial));
    this.partial = '';
    this.finish();
  }

  private finish(): void {
    const current = this.current;
    this.current = undefined;
    if (!current) return;
    this.emit({ ...toMessage(current), scheme: current.scheme ?? this.scheme, connectedHost: current.connectedHost ?? this.connectedHost });
  }

  private line(line: string): void {
    const number = ++this.lineNumber;
    const connected = CONNECTED.exec(line);
    if (connected) {
      this.connectedHost = connected[1];
      if (connected[2] === '443') this.scheme = 'https';
      else this.scheme ??= 'http';
      return;
    }
    if (TLS.test(line)) {
      this.scheme = 'https';
      return;
    }
    const request = REQUEST_LINE.exec(line);
    if (request) {
      this.finish();
      this.current = { method: request[1] ?? 'GET', target: request[2] ?? '/', requestHeaders: [], status: undefined, responseHeaders: [], body: [], inBody: false, line: number, scheme: this.scheme, connectedHost: this.connectedHost };
      return;
    }
    const current = this.current;
    if (!current) return;
    const status = STATUS_LINE.exec(line);
    if (status) {
      // A `100 Continue` or a redirect followed with -L: the last status line is the answer.
      current.status = Number(status[1]);
      current.responseHeaders = [];
      current.body = [];
      current.inBody = false;
      return;
    }
    const header = HEADER_LINE.exec(line);
    if (header) {
      const pair: [string, string] = [header[1] ?? '', (header[2] ?? '').trim()];
      if (line.startsWith('>')) current.requestHeaders.push(pair);
      else if (current.status !== undefined) current.responseHeaders.push(pair);
      return;
    }
    if (/^<\s*$/.test(line)) {
      if (current.status !== undefined) current.inBody = true;
      return;
    }
    if (/^[>*]( |$)/.test(line) || DATA_MARKER.test(line)) return;
    if (current.inBody) current.body.push(line);
  }
}

const strip = (line: string): string => (line.endsWith('\r') ? line.slice(0, -1) : line);

export function readCurlVerbose(text: string): CurlVerboseTranscript {
  const messages: CurlVerboseMessage[] = [];
  const reader = new CurlVerboseReader(({ scheme: _scheme, connectedHost: _host, ...message }) => messages.push(message));
  reader.push(typeof text === 'string' ? text : '', true);
  return { messages, scheme: reader.scheme, connectedHost: reader.connectedHost };
}

function toMessage(b: Building): CurlVerboseMessage {
  const body = b.body.join('\n').replace(/\n+$/, '');
  return {
    method: b.method,
    target: b.target,
    requestHeaders: b.requestHeaders,
    response: b.status === undefined ? undefined : { status: b.status, headers: b.responseHeaders, body },
    line: b.line,
  };
}

/** The absolute URL a transcript's request went to: its target when absolute (a proxy), else scheme + Host + target. */
function curlVerboseUrl(message: CurlVerboseRead): string {
  if (/^https?:\/\//i.test(message.target)) return message.target;
  const host = message.requestHeaders.find(([name]) => name.toLowerCase() === 'host')?.[1] ?? message.connectedHost ?? 'localhost';
  return `${message.scheme ?? 'https'}://${host}${message.target.startsWith('/') ? message.target : `/${message.target}`}`;
}

/**
 * A transcript read for `inspect` a piece at a time: each message handed to
 * `emit` as an exchange once complete; `capture()` gives the totals and notes
 * (no exchanges) after the last piece.
 */
export class CurlVerboseCaptureReader {
  private readonly reader: CurlVerboseReader;
  private count = 0;
  private sentBody = false;

  constructor(
    private readonly options: { readonly source: string },
    emit: (exchange: CapturedExchange) => void,
  ) {
    this.reader = new CurlVerboseReader((message) => {
      if (message.requestHeaders.some(([name, value]) => name.toLowerCase() === 'content-length' && value !== '0')) this.sentBody = true;
      emit({
        index: this.count++,
        origin: `line ${message.line}`,
        request: { method: message.method, url: curlVerboseUrl(message), headers: message.requestHeaders },
        response: message.response === undefined ? undefined : { status: message.response.status, headers: message.response.headers, body: message.response.body === '' ? undefined : message.response.body },
      });
    });
  }

  get pending(): number {
    return this.reader.pending;
  }

  push(text: string, last: boolean): void {
    this.reader.push(text, last);
  }

  capture(): Capture {
    const notes: string[] = [];
    if (this.sentBody) notes.push('read as a curl -v transcript: curl does not print the request body, so parameters in a form body are not seen');
    if (this.reader.scheme === undefined) notes.push('the transcript does not say whether TLS was used; https assumed');
    return { format: 'http', source: this.options.source, exchanges: [], totalEntries: this.count, notes };
  }
}

/** A transcript as a capture for `inspect`. */
export function parseCurlVerbose(text: string, options: { readonly source: string }): Capture {
  const exchanges: CapturedExchange[] = [];
  const reader = new CurlVerboseCaptureReader(options, (exchange) => exchanges.push(exchange));
  reader.push(text, true);
  return { ...reader.capture(), exchanges };
}
