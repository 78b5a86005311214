import { randomBytes } from 'node:crypto';
import { closeSync, constants, fchmodSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { DoctorError, inputError } from '../errors.js';
import type { ProviderState } from './state.js';

/**
 * O_EXCL: the temporary file is ours and new, never a planted file or a
 * symlink to one (with O_CREAT, O_EXCL fails on any existing name, a
 * dangling link included); O_NOFOLLOW says so twice where it exists.
 */
const EXCLUSIVE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/** writeSync may write less than asked (a full disk, a file-size limit): only the next call throws. */
function writeAll(fd: number, bytes: Buffer): void {
  for (let at = 0; at < bytes.length; ) {
    const written = writeSync(fd, bytes, at, bytes.length - at);
    if (written <= 0) throw Object.assign(new Error('short write'), { code: 'EIO' });
    at += written;
  }
}

/**
 * Writes the state atomically: a temporary file in the same directory with
 * an unpredictable name, created exclusively at mode 0600 (it holds
 * secrets), flushed to disk, then renamed over the old one. A reader sees
 * the old file or the new one, never half of either; a failed write leaves
 * the old one as it was.
 */
function writeStateFile(path: string, state: ProviderState): void {
  const temporary = `${path}.tmp-${randomBytes(12).toString('hex')}`;
  const fd = openSync(temporary, EXCLUSIVE, 0o600);
  try {
    fchmodSync(fd, 0o600);
    writeAll(fd, Buffer.from(JSON.stringify(state) + '\n', 'utf8'));
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** A state write that failed: the errno code only (never a path's content or a stack). */
function stateWriteError(path: string, error: unknown): DoctorError {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  return new DoctorError('state-file-unwritable', 'input', `--state ${path}: cannot write it (${code})`, { hint: 'give a path in a directory oauth-doctor may write to, with space left' });
}

function looksLikeState(value: unknown): value is ProviderState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v['version'] === 1 && ['consumers', 'requestTokens', 'accessTokens', 'sessions', 'refusedAddresses'].every((k) => Array.isArray(v[k]));
}

/** Reads a state file; undefined when there is none yet. A file that is not ours is an input error, never overwritten. */
export function readStateFile(path: string): ProviderState | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw inputError('state-file-unreadable', `--state ${path}: cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'})`, 'give a path oauth-doctor may read and write');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw inputError('state-file-invalid', `--state ${path} is not a provider state file (not JSON)`, 'remove it or give another path');
  }
  if (!looksLikeState(parsed)) throw inputError('state-file-invalid', `--state ${path} is not a provider state file`, 'remove it or give another path');
  return parsed;
}

/**
 * Coalesces saves: many changes in one tick make one write. A write that
 * fails while serving is reported once per failure streak (`onError`) and
 * never thrown: the provider keeps answering and the last good file stays.
 * `flushOrThrow` (start-up) throws it as `state-file-unwritable` instead.
 */
export class StatePersister {
  private pending: NodeJS.Immediate | undefined;
  private failing = false;

  constructor(
    private readonly path: string,
    private readonly snapshot: () => ProviderState,
    private readonly onError: (error: DoctorError) => void = () => undefined,
  ) {}

  schedule(): void {
    this.pending ??= setImmediate(() => this.flush());
  }

  /** Writes now; true when the file was written. */
  flush(): boolean {
    try {
      this.flushOrThrow();
      this.failing = false;
      return true;
    } catch (error) {
      if (!this.failing) this.onError(error as DoctorError);
      this.failing = true;
      return false;
    }
  }

  flushOrThrow(): void {
    if (this.pending) clearImmediate(this.pending);
    this.pending = undefined;
    try {
      writeStateFile(this.path, this.snapshot());
    } catch (error) {
      throw stateWriteError(this.path, error);
    }
  }
}
