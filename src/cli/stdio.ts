import { fstatSync, statSync, writeSync } from 'node:fs';

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
 * reader that went away (EPIPE, `… | head -1`) ends the output quietly.
 */
export function fdWriter(fd: 1 | 2, stream: () => NodeJS.WritableStream): TextSink {
  // Windows consoles need Node's own stream to get Unicode right.
  if (process.platform === 'win32') return { write: (text) => stream().write(text) };
  let fallback: NodeJS.WritableStream | undefined;
  let closed = false;
  const handOver = (): NodeJS.WritableStream => {
    const node = stream();
    // Nowhere left to report a broken stdout or stderr: stop writing to it.
    node.on('error', () => (closed = true));
    return node;
  };
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
        if (code === 'EPIPE') closed = true;
        else if (code === 'EAGAIN') (fallback = handOver()).write(bytes.subarray(offset));
        else throw error;
      }
    },
  };
}

/**
 * isatty(fd) without loading node:tty (which loads net and the stream stack):
 * a pipe, socket or file is never a terminal, and neither is /dev/null (where
 * CI and benchmarks send output); only another character device needs the real check.
 */
export function isTerminal(fd: number): boolean {
  let stat;
  try {
    stat = fstatSync(fd);
  } catch {
    return false; // closed descriptor
  }
  if (!stat.isCharacterDevice()) return false;
  if (process.platform !== 'win32' && isDevNull(stat.rdev)) return false;
  return process.getBuiltinModule('node:tty').isatty(fd);
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
