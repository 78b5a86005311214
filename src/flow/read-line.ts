import type { Readable } from 'node:stream';
import { DoctorError } from '../errors.js';

export interface ReadLineOptions {
  readonly signal: AbortSignal;
  readonly timeoutMs: number;
  /** What the person was asked for, for the timeout message. */
  readonly what: string;
}

/**
 * Reads one line from a stream (a terminal in cooked mode or a pipe) and
 * stops listening right after, so the process can exit. Resolves undefined
 * at end of input without a line. Bounded by a timeout (exit 4) and Ctrl-C.
 */
export function readLine(input: Readable, options: ReadLineOptions): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const cleanup = () => {
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      input.off('data', onData);
      input.off('end', onEnd);
      input.off('error', onEnd);
      input.pause();
    };
    const onData = (chunk: Buffer | string) => {
      buffer += chunk.toString();
      const newline = buffer.search(/\r?\n/);
      if (newline === -1) return;
      cleanup();
      resolve(buffer.slice(0, newline));
    };
    const onEnd = () => {
      cleanup();
      resolve(buffer === '' ? undefined : buffer);
    };
    const onAbort = () => {
      cleanup();
      reject(new DoctorError('interrupted', 'interrupted', `interrupted while waiting for ${options.what}`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new DoctorError('input-timeout', 'timeout', `no ${options.what} arrived within ${Math.round(options.timeoutMs / 1000)} s`, { hint: 'pass it with --verifier, or raise --wait-timeout (e.g. --wait-timeout 10m)' }));
    }, options.timeoutMs);
    if (options.signal.aborted) return onAbort();
    options.signal.addEventListener('abort', onAbort, { once: true });
    input.on('data', onData);
    input.once('end', onEnd);
    input.once('error', onEnd);
    input.resume();
  });
}
