import { createHash } from 'node:crypto';

/**
 * The nonces a capture used, kept compactly (issue 14 item 1): a capture of
 * 1,000,000 signed exchanges held a Map of 1,000,000 `key\0nonce` strings,
 * each with an object holding its origin string, some 150 bytes an exchange
 * that grew with the capture. Here a nonce is 64 bits of the SHA-256 of its
 * consumer key and value in an open-addressing table of typed arrays, and
 * what a repeat reports of the first use (where it was, its timestamp) is
 * kept by number: the timestamps in a Float64Array, the origins joined into
 * one string per ORIGINS_PER_CHUNK. About 25 bytes a nonce plus its origin's
 * characters. Two different nonces share 64 bits with probability about
 * n² / 2^65 (3 × 10⁻⁸ for a million), the one case a repeat is reported wrongly.
 */

const ORIGINS_PER_CHUNK = 256;
/** Table slots are grown (doubled) when more than this share is used (linear probing). */
const MAX_LOAD = 0.7;

/** Strings appended one after another and read back by number, held as few flat strings. */
export class StringList {
  private readonly chunks: { readonly text: string; readonly ends: Uint32Array }[] = [];
  private pending: string[] = [];

  get length(): number {
    return this.chunks.length * ORIGINS_PER_CHUNK + this.pending.length;
  }

  push(value: string): number {
    this.pending.push(value);
    if (this.pending.length === ORIGINS_PER_CHUNK) {
      const ends = new Uint32Array(ORIGINS_PER_CHUNK);
      let end = 0;
      this.pending.forEach((part, i) => (ends[i] = end += part.length));
      // join('') makes one flat string: no part of it keeps the text it was cut from.
      this.chunks.push({ text: this.pending.join(''), ends });
      this.pending = [];
    }
    return this.length - 1;
  }

  get(n: number): string {
    const chunk = this.chunks[Math.floor(n / ORIGINS_PER_CHUNK)];
    if (!chunk) return this.pending[n - this.chunks.length * ORIGINS_PER_CHUNK] ?? '';
    const i = n % ORIGINS_PER_CHUNK;
    return chunk.text.slice(i === 0 ? 0 : (chunk.ends[i - 1] as number), chunk.ends[i] as number);
  }
}

function grown(from: Float64Array, size: number): Float64Array {
  if (size <= from.length) return from;
  const to = new Float64Array(Math.max(size, from.length * 2));
  to.set(from);
  return to;
}

/** A use of a nonce seen before: where and with which timestamp it was first used. */
export interface EarlierUse {
  readonly origin: string;
  readonly timestamp: number | undefined;
}

export class CompactNonceSet {
  private hi = new Uint32Array(1024);
  private lo = new Uint32Array(1024);
  /** 1 + the number of the use in the slot; 0: empty. */
  private use = new Uint32Array(1024);
  private used = 0;
  private timestamps: Float64Array = new Float64Array(1024);
  private readonly origins = new StringList();

  get size(): number {
    return this.used;
  }

  /** Bytes held by the table and the first uses (for tests and the bench). */
  get bytes(): number {
    return this.hi.byteLength * 3 + this.timestamps.byteLength;
  }

  /** The first use of `consumerKey`'s `nonce` if it was seen before; else it is remembered with its origin and timestamp. */
  seen(consumerKey: string, nonce: string, origin: string, timestamp: number | undefined): EarlierUse | undefined {
    const digest = createHash('sha256').update(consumerKey).update('\u0000').update(nonce).digest();
    const h = digest.readUInt32LE(0);
    const l = digest.readUInt32LE(4);
    const mask = this.use.length - 1;
    let slot = l & mask;
    for (;;) {
      const n = this.use[slot] as number;
      if (n === 0) break;
      if (this.hi[slot] === h && this.lo[slot] === l) {
        const ts = this.timestamps[n - 1] as number;
        return { origin: this.origins.get(n - 1), timestamp: Number.isNaN(ts) ? undefined : ts };
      }
      slot = (slot + 1) & mask;
    }
    const number = this.origins.push(origin);
    this.timestamps = grown(this.timestamps, number + 1);
    this.timestamps[number] = timestamp ?? NaN;
    this.hi[slot] = h;
    this.lo[slot] = l;
    this.use[slot] = number + 1;
    this.used++;
    if (this.used > this.use.length * MAX_LOAD) this.grow();
    return undefined;
  }

  private grow(): void {
    const { hi, lo, use } = this;
    this.hi = new Uint32Array(hi.length * 2);
    this.lo = new Uint32Array(hi.length * 2);
    this.use = new Uint32Array(hi.length * 2);
    const mask = this.use.length - 1;
    for (let from = 0; from < use.length; from++) {
      if (use[from] === 0) continue;
      let slot = (lo[from] as number) & mask;
      while (this.use[slot] !== 0) slot = (slot + 1) & mask;
      this.hi[slot] = hi[from] as number;
      this.lo[slot] = lo[from] as number;
      this.use[slot] = use[from] as number;
    }
  }
}
