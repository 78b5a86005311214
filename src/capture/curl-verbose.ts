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
}

export function readCurlVerbose(text: string): CurlVerboseTranscript {
  const messages: CurlVerboseMessage[] = [];
  let scheme: 'http' | 'https' | undefined;
  let connectedHost: string | undefined;
  let current: Building | undefined;
  const finish = () => {
    if (current) messages.push(toMessage(current));
    current = undefined;
  };
  const lines = typeof text === 'string' ? text.split(/\r?\n/) : [];
  lines.forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    const connected = CONNECTED.exec(line);
    if (connected) {
      connectedHost = connected[1];
      if (connected[2] === '443') scheme = 'https';
      else scheme ??= 'http';
      return;
    }
    if (TLS.test(line)) {
      scheme = 'https';
      return;
    }
    const request = REQUEST_LINE.exec(line);
    if (request) {
      finish();
      current = { method: request[1] ?? 'GET', target: request[2] ?? '/', requestHeaders: [], status: undefined, responseHeaders: [], body: [], inBody: false, line: index + 1 };
      return;
    }
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
  });
  finish();
  return { messages, scheme, connectedHost };
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
function curlVerboseUrl(message: CurlVerboseMessage, transcript: CurlVerboseTranscript): string {
  if (/^https?:\/\//i.test(message.target)) return message.target;
  const host = message.requestHeaders.find(([name]) => name.toLowerCase() === 'host')?.[1] ?? transcript.connectedHost ?? 'localhost';
  return `${transcript.scheme ?? 'https'}://${host}${message.target.startsWith('/') ? message.target : `/${message.target}`}`;
}

/** A transcript as a capture for `inspect`. */
export function parseCurlVerbose(text: string, options: { readonly source: string }): Capture {
  const transcript = readCurlVerbose(text);
  const exchanges: CapturedExchange[] = transcript.messages.map((message, index) => ({
    index,
    origin: `line ${message.line}`,
    request: { method: message.method, url: curlVerboseUrl(message, transcript), headers: message.requestHeaders },
    response: message.response === undefined ? undefined : { status: message.response.status, headers: message.response.headers, body: message.response.body === '' ? undefined : message.response.body },
  }));
  const notes: string[] = [];
  const sentBody = transcript.messages.some((m) => m.requestHeaders.some(([name, value]) => name.toLowerCase() === 'content-length' && value !== '0'));
  if (sentBody) notes.push('read as a curl -v transcript: curl does not print the request body, so parameters in a form body are not seen');
  if (transcript.scheme === undefined) notes.push('the transcript does not say whether TLS was used; https assumed');
  return { format: 'http', source: options.source, exchanges, totalEntries: exchanges.length, notes };
}
