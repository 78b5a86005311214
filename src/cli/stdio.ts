import { fstatSync, statSync, writeSync } from 'node:fs';
import { DoctorError } from '../errors.js';

/** What a command writes to: text in, nothing awaited. Node's streams and tests' Writables both fit. */
export interface TextSink {
  write(text: string): unknown;
}

/**
 * stdout or stderr written with fs.writeSync, the way Node itself writes to
 * a file (SyncWriteStream) and, on Linux, to pipes and terminals. Touching
 * process.stdout instead builds Node's stream stack (stream, net, tty), about
 * 2 ms of a 25 ms start (issue #8). A descriptor left non-blocking by the
 * parent (EAGAIN) hands the rest to Node's stream, which waits properly; a
 * reader that went away (EPIPE, `… | head -1`) ends the output quietly; any
 * other failure (a full disk, `> /dev/full`) is reported once, as a DoctorError.
 */
export function fdWriter(fd: 1 | 2, stream: () => NodeJS.WritableStream): TextSink {
  let fallback: NodeJS.WritableStream | undefined;
  let closed = false;
  const handOver = (): NodeJS.WritableStream => {
    const node = stream();
    // An asynchronous failure has no one left to tell: stop writing to it.
    node.on('error', () => (closed = true));
    return node;
  };
  // Windows consoles need Node's own stream to get Unicode right.
  if (process.platform === 'win32') fallback = handOver();
  return {
    write(text: string): void {
      if (closed) return;
      if (fallback) {
        fallback.write(text);
        return;
      }
      const bytes = Buffer.from(text, 'utf8');
      let offset = 0;
      try {
        while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') {
          (fallback = handOver()).write(bytes.subarray(offset));
          return;
        }
        closed = true;
        if (code !== 'EPIPE') throw outputFailed(fd, code);
      }
    },
  };
}

function outputFailed(fd: 1 | 2, code: string | undefined): DoctorError {
  const stream = fd === 1 ? 'stdout' : 'stderr';
  return new DoctorError('output-failed', 'input', `cannot write to ${stream} (${code ?? 'I/O error'})`, {
    hint: `make room where ${stream} goes, or send it somewhere else`,
  });
}

/**
 * isatty(fd) without loading node:tty (which loads net and the stream stack)
 * where it can: a pipe, socket or file is never a terminal, and neither is
 * /dev/null (where CI and benchmarks send output); only another character
 * device needs the real check.
 */
export function isTerminal(fd: number): boolean {
  return mayBeTerminal(fd) && process.getBuiltinModule('node:tty').isatty(fd);
}

/** The cheap half of isTerminal: false is sure, true may be wrong (another character device). */
export function mayBeTerminal(fd: number): boolean {
  let stat;
  try {
    stat = fstatSync(fd);
  } catch {
    return false; // closed descriptor
  }
  if (!stat.isCharacterDevice()) return false;
  return process.platform === 'win32' || !isDevNull(stat.rdev);
}

/** A shell pipe or a regular file: data with an end, not a socket a parent may keep open (explain --status). */
export function isPipeOrFile(fd: number): boolean {
  try {
    const stat = fstatSync(fd);
    return stat.isFIFO() || stat.isFile();
  } catch {
    return false; // closed descriptor
  }
}

let devNull: number | undefined;

function isDevNull(rdev: number): boolean {
  try {
    devNull ??= statSync('/dev/null').rdev;
  } catch {
    return false;
  }
  return rdev === devNull;
}
