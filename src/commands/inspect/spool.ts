import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Records of a report written to a private temporary file as they are made
 * and read back in order when the document is written (issue 14 item 1):
 * `inspect --json` of a million exchanges holds an index of offsets, never
 * the records. The directory is 0700, the file 0600, both removed by
 * `close()`. The records are not yet redacted (a secret issued late in the
 * capture is masked everywhere when the document is written), so each is
 * encrypted with a key that lives only in this process: a file left behind by
 * a killed run holds no readable secret.
 */
export class Spool {
  private readonly fd: number;
  private readonly key = randomBytes(32);
  private readonly ivPrefix = randomBytes(8);
  private pending: Buffer[] = [];
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
    const n = this.offsets.length;
    const sealed = this.crypt(n, Buffer.from(JSON.stringify(value), 'utf8'), 'seal');
    this.offsets.push(this.written + this.pendingBytes);
    this.lengths.push(sealed.length);
    this.pending.push(sealed);
    this.pendingBytes += sealed.length;
    if (this.pendingBytes >= 1 << 20) this.flush();
    return n;
  }

  /** AES-256-CTR, one counter block sequence per record: the IV is a random prefix, the record's number and a zero block counter. */
  private crypt(n: number, data: Buffer, way: 'seal' | 'open'): Buffer {
    const iv = Buffer.alloc(16);
    this.ivPrefix.copy(iv, 0);
    iv.writeUInt32BE(n, 8);
    const cipher = way === 'seal' ? createCipheriv('aes-256-ctr', this.key, iv) : createDecipheriv('aes-256-ctr', this.key, iv);
    return Buffer.concat([cipher.update(data), cipher.final()]);
  }

  private parse(n: number, data: Buffer): unknown {
    return JSON.parse(this.crypt(n, data, 'open').toString('utf8')) as unknown;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const buf = Buffer.concat(this.pending);
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
    return this.parse(n, buf.subarray(0, done));
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
      yield this.parse(n, block.subarray(start - blockStart, start - blockStart + length));
    }
  }

  close(): void {
    closeSync(this.fd);
  }
}
