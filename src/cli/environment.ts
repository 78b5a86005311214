import type { Readable, Writable } from 'node:stream';
import { isatty } from 'node:tty';
import { newNonce } from '../oauth/nonce.js';

/**
 * The world a command sees (STYLE habit 7): streams, TTY flags, environment
 * variables, clock and nonce source. bin/ builds the real one; tests build
 * their own, so output is deterministic without sanitising it afterwards.
 */
export interface Environment {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly stdinIsTTY: boolean;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Milliseconds since the epoch. */
  now(): number;
  nonce(): string;
  /** Aborted on Ctrl-C / SIGTERM. */
  readonly signal: AbortSignal;
}

export function processEnvironment(signal: AbortSignal): Environment {
  return {
    // process.stdin is built on first access (for a pipe that loads net and
    // friends), so only the commands that read it pay for it.
    get stdin() {
      return process.stdin;
    },
    stdout: process.stdout,
    stderr: process.stderr,
    stdinIsTTY: isatty(0),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    cwd: process.cwd(),
    now: () => Date.now(),
    nonce: newNonce,
    signal,
  };
}

/** CI or no terminal: never prompt, never animate (issue #5). */
export function isInteractive(env: Environment): boolean {
  return env.stdinIsTTY && env.stderrIsTTY && !env.env['CI'];
}
