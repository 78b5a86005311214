// The passphrase prompt on a terminal: raw mode on while typing, nothing echoed, Backspace, Ctrl-C.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Environment } from '../../src/cli/environment.js';
import { DoctorError } from '../../src/errors.js';
import { promptSecret } from '../../src/keys/prompt-secret.js';

function terminal(): { env: Environment; stdin: PassThrough & { modes: boolean[] }; stderr: () => string } {
  const stdin = Object.assign(new PassThrough(), { modes: [] as boolean[] });
  Object.assign(stdin, { setRawMode: (mode: boolean) => stdin.modes.push(mode) });
  let err = '';
  const env = { stdin, stderr: { write: (t: string) => (err += t) }, stdout: { write: () => undefined }, stdinIsTTY: true, stderrIsTTY: true, stdoutIsTTY: true, env: {}, cwd: '/', now: () => 0, nonce: () => 'n', signal: new AbortController().signal } as Environment;
  return { env, stdin, stderr: () => err };
}

describe('promptSecret', () => {
  it('reads to Enter with raw mode on, echoes nothing, honours Backspace, and restores the terminal', async () => {
    const t = terminal();
    const answer = promptSecret(t.env, 'Passphrase for key.pem: ');
    t.stdin.write('sesamx\u007fe');
    t.stdin.write('\r');
    await expect(answer).resolves.toBe('sesame');
    expect(t.stderr()).toBe('Passphrase for key.pem: \n');
    expect(t.stdin.modes).toEqual([true, false]);
  });

  it('Ctrl-C is an interruption (exit 130), Ctrl-D on an empty line gives up', async () => {
    const a = terminal();
    const interrupted = promptSecret(a.env, '? ');
    a.stdin.write('ab\u0003');
    const error = await interrupted.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DoctorError);
    expect((error as DoctorError).exitCode).toBe(130);
    const b = terminal();
    const none = promptSecret(b.env, '? ');
    b.stdin.write('\u0004');
    await expect(none).resolves.toBeUndefined();
  });
});
