import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Records of a report written to a private temporary file as they are made
 * and read back in order when the document is written (issue 14 item 1):
 * `inspect --json` of a million exchanges holds an index of offsets, never
 * the records. The directory is 0700, the file 0600, both removed by
 * `close()`; what is spooled has already been through the redactor.
 */
export class Spool {
  private readonly fd: number;
  private pending: string[] = [];
  private pendingBytes = 0;
  private written = 0;
  private readonly offsets: number[] = [];
  private readonly lengths: number[] = [];

  constructor(
    private readonly dir: string,
    name: string,
  ) {
    this.fd = openSync(join(dir, name), 'w+', 0o600);
  }

  static directory(): string {
    return mkdtempSync(join(tmpdir(), 'oauth-doctor-inspect-'));
  }

  static remove(dir: string): void {
    rmSync(dir, { recursive: true, force: true });
  }

  get count(): number {
    return this.offsets.length;
  }

  /** Appends one record (any JSON value); returns its number. */
  add(value: unknown): number {
    const text = JSON.stringify(value);
    const bytes = Buffer.byteLength(text);
    this.offsets.push(this.written + this.pendingBytes);
    this.lengths.push(bytes);
    this.pending.push(text);
    this.pendingBytes += bytes;
    if (this.pendingBytes >= 1 << 20) this.flush();
    return this.offsets.length - 1;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const buf = Buffer.from(this.pending.join(''), 'utf8');
    let done = 0;
    while (done < buf.length) done += writeSync(this.fd, buf, done, buf.length - done, this.written + done);
    this.written += buf.length;
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** Record `n`, read back. */
  get(n: number): unknown {
    this.flush();
    const length = this.lengths[n] ?? 0;
    const buf = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const read = readSync(this.fd, buf, done, length - done, (this.offsets[n] ?? 0) + done);
      if (read === 0) break;
      done += read;
    }
    return JSON.parse(buf.toString('utf8', 0, done)) as unknown;
  }

  /** Every record in order, read back a block at a time. */
  *all(): Generator<unknown, void> {
    this.flush();
    const block = Buffer.allocUnsafe(1 << 20);
    let blockStart = 0;
    let blockEnd = 0;
    for (let n = 0; n < this.offsets.length; n++) {
      const start = this.offsets[n] ?? 0;
      const length = this.lengths[n] ?? 0;
      if (length > block.length) {
        yield this.get(n);
        continue;
      }
      if (start < blockStart || start + length > blockEnd) {
        blockStart = start;
        blockEnd = start + readSync(this.fd, block, 0, block.length, start);
      }
      yield JSON.parse(block.toString('utf8', start - blockStart, start - blockStart + length)) as unknown;
    }
  }

  close(): void {
    closeSync(this.fd);
  }
}
