import { chmodSync, closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { usageError } from '../errors.js';

/**
 * Writes a file only its owner can read (mode 0600), atomically: a temporary
 * file created with that mode in the same folder, then renamed over the
 * target, so an existing file with a wider mode is replaced, never reused,
 * and a crash never leaves half a record. `flag` names it in an error.
 */
export function writePrivateFile(path: string, cwd: string, content: string, flag = '--save'): string {
  const target = resolve(cwd, path);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'wx', 0o600);
    writeSync(fd, content);
    closeSync(fd);
    fd = undefined;
    chmodSync(temporary, 0o600);
    renameSync(temporary, target);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temporary, { force: true });
    throw usageError('save-failed', `${flag} ${path}: cannot write the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`, 'give a path in a folder you can write to');
  }
  return target;
}
