import type * as zlibModule from 'node:zlib';
import type { ZlibOptions } from 'node:zlib';
import type { ContentCoding } from './types.js';

/**
 * Decodes a body sent with `Content-Encoding: gzip`, `deflate` or `br`
 * (RFC 9110 §8.4.1), at most `maxBytes` of output so a small compressed body
 * cannot grow without bound. A body cut short (at the keep limit) decodes as
 * far as it goes. An unknown coding, or bytes that do not decode, are kept
 * as they came: the caller shows them, nothing is lost.
 */
export async function decodeContent(bytes: Buffer, header: string | undefined, maxBytes: number, cut: boolean): Promise<{ bytes: Buffer; coding?: ContentCoding; truncated: boolean }> {
  const coding = codingOf(header);
  if (!coding || bytes.length === 0) return { bytes, truncated: false };
  // getBuiltinModule, not import(): the bundles run from a code cache without a dynamic-import hook.
  const zlib = process.getBuiltinModule('node:zlib');
  const options = { maxOutputLength: maxBytes, finishFlush: coding === 'br' ? zlib.constants.BROTLI_OPERATION_FLUSH : zlib.constants.Z_SYNC_FLUSH };
  try {
    const out = coding === 'gzip' ? zlib.gunzipSync(bytes, options) : coding === 'br' ? zlib.brotliDecompressSync(bytes, options) : inflateAny(zlib, bytes, options);
    return { bytes: out, coding, truncated: false };
  } catch (error) {
    // Past maxBytes: keep what fits, as for a plain body over the keep limit.
    if (error instanceof RangeError) return { bytes: await decodePrefix(zlib, coding, bytes, maxBytes), coding, truncated: true };
    return { bytes, truncated: cut };
  }
}

function codingOf(header: string | undefined): ContentCoding | undefined {
  const value = header?.trim().toLowerCase();
  if (value === 'gzip' || value === 'x-gzip') return 'gzip';
  if (value === 'deflate') return 'deflate';
  if (value === 'br') return 'br';
  return undefined;
}

type Zlib = typeof zlibModule;

/** `deflate` is meant to be zlib-wrapped (RFC 9110 §8.4.1.2) but servers send raw deflate too. */
function inflateAny(zlib: Zlib, bytes: Buffer, options: ZlibOptions): Buffer {
  try {
    return zlib.inflateSync(bytes, options);
  } catch (error) {
    if (error instanceof RangeError) throw error;
    return zlib.inflateRawSync(bytes, options);
  }
}

/** The first maxBytes of a body that decodes to more. */
function decodePrefix(zlib: Zlib, coding: ContentCoding, bytes: Buffer, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stream = coding === 'gzip' ? zlib.createGunzip() : coding === 'br' ? zlib.createBrotliDecompress() : zlib.createInflate();
    const done = () => resolve(Buffer.concat(chunks).subarray(0, maxBytes));
    stream.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= maxBytes) {
        stream.destroy();
        done();
      }
    });
    stream.on('error', done);
    stream.on('end', done);
    stream.end(bytes);
  });
}
