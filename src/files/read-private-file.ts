import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { usageError } from '../errors.js';
import type { UnreadableFile } from './read-text-file.js';

/** Files that hold secrets (profiles, consumer lists) are small; past this one is not what the user meant. */
const MAX_PRIVATE_FILE_BYTES = 1024 * 1024;

/** A file's text and its permission bits, both from the same open file. */
export interface PrivateFile {
  readonly text: string;
  /** `mode & 0o777`: a caller checks `mode & 0o077` (readable by others). Meaningless on Windows. */
  readonly mode: number;
}

/**
 * Reads a file that may hold secrets, with its mode, for the caller to warn
 * or refuse when other users can read it. One open, then `fstat` and read
 * through that descriptor: the mode describes the very file read (a path
 * looked up twice could be replaced in between), and a file that vanishes
 * after the open is still read, never a raw ENOENT. O_NONBLOCK so a FIFO
 * is refused rather than waited on. Missing, unreadable, not a regular file
 * or too large: a usage error with the caller's code, one line, no stack.
 */
export function readPrivateFile(path: string, cwd: string, unreadable: UnreadableFile, maxBytes = MAX_PRIVATE_FILE_BYTES): PrivateFile {
  const fail = (reason: string) => usageError(unreadable.code, `${unreadable.shown}: cannot read the file (${reason})`, unreadable.hint);
  let fd: number;
  try {
    fd = openSync(resolve(cwd, path), constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw fail((error as NodeJS.ErrnoException).code ?? 'error');
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw fail('EISDIR');
    if (!stats.isFile()) throw fail('not a regular file');
    if (stats.size > maxBytes) throw fail(`larger than ${Math.round(maxBytes / 1024)} KiB`);
    let text: string;
    try {
      text = readFileSync(fd, 'utf8');
    } catch (error) {
      throw fail((error as NodeJS.ErrnoException).code ?? 'error');
    }
    return { text, mode: stats.mode & 0o777 };
  } finally {
    closeSync(fd);
  }
}
