import type { Readable } from 'node:stream';
import { DoctorError } from '../errors.js';
import type { Environment } from '../cli/environment.js';

interface RawModeStream extends Readable {
  setRawMode?(mode: boolean): unknown;
}

/**
 * Asks for a secret on a terminal without echoing it: stdin in raw mode, the
 * question on stderr, Enter ends it, Backspace deletes, Ctrl-C interrupts
 * (exit 130), Ctrl-D on an empty line gives up. Only called when
 * isInteractive(env) says a person is there.
 */
export function promptSecret(env: Environment, question: string): Promise<string | undefined> {
  const input = env.stdin as RawModeStream;
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (done: () => void) => {
      input.off('data', onData);
      input.setRawMode?.(false);
      input.pause();
      env.stderr.write('\n');
      done();
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of chunk.toString()) {
        if (ch === '\r' || ch === '\n') return finish(() => resolve(typed));
        if (ch === '\u0003') return finish(() => reject(new DoctorError('interrupted', 'interrupted', 'interrupted while asking for the passphrase')));
        if (ch === '\u0004' && typed === '') return finish(() => resolve(undefined));
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    env.stderr.write(question);
    input.setRawMode?.(true);
    input.on('data', onData);
    input.resume();
  });
}
