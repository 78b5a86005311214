import { captureError } from './errors.js';
import { parseCurl, type CurlReadOptions } from './curl.js';
import { looksLikeCurlVerbose, parseCurlVerbose } from './curl-verbose.js';
import { readHar, type ByteSource, type HarReadOptions } from './har/index.js';
import { parseRawHttp } from './raw-http.js';
import type { Capture, CapturedExchange, CaptureFormat } from './types.js';

export * from './types.js';
export { parseHar } from './har/index.js';
export { parseCurl } from './curl.js';
export { parseRawHttp } from './raw-http.js';
export { parseCurlVerbose } from './curl-verbose.js';
export { splitShellCommands } from './shell-words.js';

/** Which parser a file needs, from its name and its first bytes. */
export function detectFormat(name: string, buf: Buffer): CaptureFormat {
  if (/\.har$/i.test(name)) return 'har';
  let i = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  while (i < buf.length && (buf[i] === 0x20 || buf[i] === 0x0a || buf[i] === 0x0d || buf[i] === 0x09)) i++;
  if (buf[i] === 0x7b) return 'har';
  const start = buf.toString('utf8', i, Math.min(buf.length, i + 16));
  if (/^(\$\s+)?curl(\.exe)?\s/.test(start)) return 'curl';
  return 'http';
}

export interface ReadCaptureOptions {
  readonly source: string;
  readonly format?: CaptureFormat | undefined;
  readonly scheme?: 'http' | 'https' | undefined;
  readonly readFile?: CurlReadOptions['readFile'];
  readonly onProgress?: HarReadOptions['onProgress'];
  readonly signal?: AbortSignal | undefined;
}

/** Reads a capture of any supported format from one Buffer. */
export async function readCapture(buf: Buffer, options: ReadCaptureOptions): Promise<Capture> {
  return readCaptureTo(buf, options);
}

/** A capture file too large to be held whole (issue 14 item 1): read by position, a HAR a block at a time. */
export interface CaptureFile extends ByteSource {
  /** Its first bytes (at least what detectFormat looks at). */
  readonly head: Buffer;
  /** All of it, for the formats not yet read a block at a time. */
  whole(): Buffer;
}

/**
 * The same, each exchange handed to `emit` as it is read (issue 14 item 1):
 * a HAR's are never kept (the capture returned has its totals and notes, no
 * exchanges), and from a CaptureFile it is read a block at a time; curl
 * commands and raw HTTP messages are handed on as each is parsed (from the
 * whole text), a `curl -v` transcript once it is parsed.
 */
export async function streamCapture(input: Buffer | CaptureFile, options: ReadCaptureOptions, emit: (exchange: CapturedExchange) => void): Promise<Capture> {
  let buf: Buffer;
  if (Buffer.isBuffer(input)) buf = input;
  else if ((options.format ?? detectFormat(options.source, input.head)) === 'har') return readHar(input, { source: options.source, onProgress: options.onProgress, signal: options.signal }, emit);
  else buf = input.whole();
  const capture = await readCaptureTo(buf, options, emit);
  for (const exchange of capture.exchanges) emit(exchange);
  return { ...capture, exchanges: [] };
}

async function readCaptureTo(buf: Buffer, options: ReadCaptureOptions, emit?: (exchange: CapturedExchange) => void): Promise<Capture> {
  const format = options.format ?? detectFormat(options.source, buf);
  const capture =
    format === 'har'
      ? await readHar(buf, { source: options.source, onProgress: options.onProgress, signal: options.signal }, emit)
      : format === 'curl'
        ? parseCurl(buf.toString('utf8'), { source: options.source, readFile: options.readFile }, emit)
        : readHttpText(buf, options, emit);
  if (capture.exchanges.length === 0 && capture.totalEntries === 0 && format !== 'har') throw captureError('capture-empty', `${options.source}: no request found`, 'give a HAR file, a curl command or a raw HTTP request');
  return capture;
}

/** Raw HTTP, or a `curl -v` transcript (its `> ` / `< ` lines are HTTP messages with a prefix). */
function readHttpText(buf: Buffer, options: ReadCaptureOptions, emit?: (exchange: CapturedExchange) => void): Capture {
  const head = buf.toString('utf8', 0, Math.min(buf.length, 64 * 1024));
  if (looksLikeCurlVerbose(head)) return parseCurlVerbose(buf.toString('utf8'), { source: options.source });
  return parseRawHttp(buf, { source: options.source, scheme: options.scheme }, emit);
}
