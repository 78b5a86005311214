import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { usageError } from '../errors.js';

/** How to report a file that cannot be read: the stable code, the file as the user named it (`--ca cert.pem`), what to do. */
export interface UnreadableFile {
  readonly code: string;
  readonly shown: string;
  readonly hint: string;
}

/**
 * Reads a file the user named (a flag's value, resolved against `cwd`) as
 * UTF-8 text. A file that cannot be read is a usage error: one line naming
 * it and the system's reason (ENOENT, EACCES, EISDIR…), never a stack trace.
 */
export function readTextFile(path: string, cwd: string, unreadable: UnreadableFile): string {
  try {
    return readFileSync(resolve(cwd, path), 'utf8');
  } catch (error) {
    throw usageError(unreadable.code, `${unreadable.shown}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`, unreadable.hint);
  }
}
