import { captureError } from './errors.js';
import { StringDecoder } from 'node:string_decoder';
import { feedBlocks } from './blocks.js';
import { CurlReader, parseCurl, type CurlReadOptions } from './curl.js';
import { CurlVerboseCaptureReader, looksLikeCurlVerbose, parseCurlVerbose } from './curl-verbose.js';
import { readHar, type ByteSource, type HarReadOptions } from './har/index.js';
import { parseRawHttp, RawHttpReader } from './raw-http.js';
import type { Capture, CapturedExchange, CaptureFormat } from './types.js';

export * from './types.js';
export { parseHar } from './har/index.js';
export { parseCurl } from './curl.js';
export { parseRawHttp } from './raw-http.js';
export { parseCurlVerbose } from './curl-verbose.js';
export { splitShellCommands } from './shell-words.js';

/** The bytes a capture's kind is told from (a `curl -v` transcript's first lines included). */
export const HEAD_BYTES = 64 * 1024;

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

/** A capture file too large to be held whole (issue 14 item 1): read by position, a block at a time. */
export interface CaptureFile extends ByteSource {
  /** Its first bytes (at least what detectFormat and looksLikeCurlVerbose look at). */
  readonly head: Buffer;
}

/**
 * The same, each exchange handed to `emit` as it is read and none kept (the
 * capture returned has its totals and notes, no exchanges), issue 14 item 1.
 * From a CaptureFile a HAR, curl commands, a `curl -v` transcript and raw
 * HTTP are read a block at a time, each exchange handed on as its entry,
 * command or message ends.
 */
export async function streamCapture(input: Buffer | CaptureFile, options: ReadCaptureOptions, emit: (exchange: CapturedExchange) => void): Promise<Capture> {
  const head = Buffer.isBuffer(input) ? input.subarray(0, HEAD_BYTES) : input.head;
  const format = options.format ?? detectFormat(options.source, head);
  if (format === 'har') return readHar(input, { source: options.source, onProgress: options.onProgress, signal: options.signal }, emit);
  const feed = { onProgress: options.onProgress, signal: options.signal };
  let capture: Capture;
  if (format === 'curl') {
    const reader = new CurlReader({ source: options.source, readFile: options.readFile }, emit);
    const decoder = new StringDecoder('utf8');
    await feedBlocks(input, feed, (block, last) => {
      reader.push(last ? decoder.end() : decoder.write(block), last);
      return reader.pending;
    });
    capture = reader.capture();
  } else if (looksLikeCurlVerbose(head.toString('utf8'))) {
    const reader = new CurlVerboseCaptureReader({ source: options.source }, emit);
    const decoder = new StringDecoder('utf8');
    await feedBlocks(input, feed, (block, last) => {
      reader.push(last ? decoder.end() : decoder.write(block), last);
      return 0;
    });
    capture = reader.capture();
  } else {
    const reader = new RawHttpReader({ source: options.source, scheme: options.scheme }, emit);
    await feedBlocks(input, feed, (block, last) => {
      reader.push(block, last);
      return reader.held;
    });
    capture = reader.capture();
  }
  if (capture.totalEntries === 0) throw captureError('capture-empty', `${options.source}: no request found`, 'give a HAR file, a curl command or a raw HTTP request');
  return capture;
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
  const head = buf.toString('utf8', 0, Math.min(buf.length, HEAD_BYTES));
  if (looksLikeCurlVerbose(head)) return parseCurlVerbose(buf.toString('utf8'), { source: options.source });
  return parseRawHttp(buf, { source: options.source, scheme: options.scheme }, emit);
}
