import type { Readable } from 'node:stream';
import { DoctorError } from '../errors.js';
import type { BodyEncoding, BodyLimits } from './types.js';

export interface CappedBody {
  readonly kept: Buffer;
  readonly totalBytes: number;
}

/**
 * Reads a body keeping at most `keepBytes`; the rest is counted and thrown
 * away as it arrives, so a 10 GB reply costs no more memory than a 1 MB one.
 * Past `maxBytes` the read stops: a provider sending that much to an OAuth
 * endpoint is broken, and an endless body must not keep us busy for ever.
 */
export async function readCappedBody(stream: Readable, limits: BodyLimits, url: string): Promise<CappedBody> {
  const chunks: Buffer[] = [];
  let kept = 0;
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (kept < limits.keepBytes) {
      const part = chunk.subarray(0, limits.keepBytes - kept);
      chunks.push(part);
      kept += part.length;
    }
    if (total > limits.maxBytes) {
      stream.destroy();
      throw new DoctorError('body-too-large', 'network', `the response from ${url} is larger than ${formatBytes(limits.maxBytes)}; stopped reading`, {
        hint: 'an OAuth endpoint should answer with a few hundred bytes; check the URL points at the OAuth endpoint',
      });
    }
  }
  return { kept: Buffer.concat(chunks, kept), totalBytes: total };
}

/** Control bytes other than tab, newline, carriage return, form feed and ESC suggest a binary body. */
function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 4096);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x20 && ![0x09, 0x0a, 0x0c, 0x0d, 0x1b].includes(byte)) controls++;
  }
  return controls > sample.length / 10;
}

/**
 * Decodes the kept bytes as UTF-8 without ever throwing: invalid sequences
 * become U+FFFD and the encoding says so. A body cut at the keep limit may
 * end inside a character; that tail is not counted as invalid.
 */
export function decodeBody(bytes: Buffer, truncated: boolean): { text: string; encoding: BodyEncoding } {
  if (bytes.length === 0) return { text: '', encoding: 'empty' };
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes, { stream: truncated });
  if (looksBinary(bytes)) return { text, encoding: 'binary' };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: truncated });
    return { text, encoding: 'utf-8' };
  } catch {
    return { text, encoding: 'invalid-utf-8' };
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes % 1024 === 0 ? 0 : 1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MiB`;
}
