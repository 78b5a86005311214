import { DoctorError } from '../errors.js';
import type { ByteSource } from './har/scan.js';

/**
 * A capture read a block at a time (issue 14 item 1) by a reader that takes
 * pieces: curl commands and raw HTTP messages are parsed as their bytes come,
 * never from the whole file. Between two blocks the event loop runs (a
 * progress line, Ctrl-C honoured).
 */

/**
 * Bytes read at a time: some 200 curl commands, so the event loop (Ctrl-C) runs every few hundred ms however slow each
 * is (1 MiB, some 3,400 commands, took 1.2 s between two yields at 100k under load 4).
 */
const TEXT_BLOCK = 128 * 1024;

export interface BlockFeedOptions {
  /** Called after each block with bytes done and total. */
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
  /** Checked between blocks; aborting stops with an `interrupted` error. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Hands `feed` the input a block at a time, then an empty last piece.
 * `feed` takes the block (it may not keep the Buffer: it is reused) and
 * answers how many bytes it holds waiting for the rest of something; the
 * next block is read at least that large, so a message or quoted value
 * larger than a block is read again a bounded number of times (the blocks
 * double), not once a block.
 */
export async function feedBlocks(input: Buffer | ByteSource, options: BlockFeedOptions, feed: (block: Buffer, last: boolean) => number): Promise<void> {
  const size = Buffer.isBuffer(input) ? input.length : input.size;
  let store = Buffer.isBuffer(input) ? undefined : Buffer.allocUnsafe(TEXT_BLOCK);
  let position = 0;
  let want = TEXT_BLOCK;
  for (;;) {
    let block: Buffer;
    if (Buffer.isBuffer(input)) block = input.subarray(position, position + want);
    else {
      // Larger for a piece that needs more, small again after it.
      if ((store as Buffer).length < want || ((store as Buffer).length > 4 * TEXT_BLOCK && want === TEXT_BLOCK)) store = Buffer.allocUnsafe(want);
      block = (store as Buffer).subarray(0, input.read(store as Buffer, 0, want, position));
    }
    if (block.length === 0) break;
    position += block.length;
    want = Math.max(TEXT_BLOCK, feed(block, false));
    options.onProgress?.(position, Math.max(size, position));
    await new Promise((resolve) => setImmediate(resolve));
    if (options.signal?.aborted) throw new DoctorError('interrupted', 'interrupted', 'interrupted while reading the capture');
  }
  feed(Buffer.alloc(0), true);
}
