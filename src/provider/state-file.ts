import { closeSync, fchmodSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { inputError } from '../errors.js';
import type { ProviderState } from './state.js';

let sequence = 0;

/**
 * Writes the state atomically: a temporary file in the same directory,
 * mode 0600 (it holds secrets), flushed to disk, then renamed over the old
 * one. A reader sees the old file or the new one, never half of either.
 */
export function writeStateFile(path: string, state: ProviderState): void {
  const temporary = `${path}.tmp-${process.pid}-${++sequence}`;
  const fd = openSync(temporary, 'w', 0o600);
  try {
    fchmodSync(fd, 0o600);
    writeSync(fd, JSON.stringify(state) + '\n');
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temporary, path);
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

/** Coalesces saves: many changes in one tick make one write. */
export class StatePersister {
  private pending: NodeJS.Immediate | undefined;

  constructor(
    private readonly path: string,
    private readonly snapshot: () => ProviderState,
  ) {}

  schedule(): void {
    this.pending ??= setImmediate(() => this.flush());
  }

  flush(): void {
    if (this.pending) clearImmediate(this.pending);
    this.pending = undefined;
    writeStateFile(this.path, this.snapshot());
  }
}
