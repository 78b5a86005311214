import type { Readable, Writable } from 'node:stream';
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
  // Node builds process.stdin/stdout/stderr on first access, and for a pipe
  // that loads net and its friends (~3 ms each time): the getters let a
  // command that never narrates, or never reads stdin, skip the cost.
  return {
    get stdin() {
      return process.stdin;
    },
    get stdout() {
      return process.stdout;
    },
    get stderr() {
      return process.stderr;
    },
    get stdinIsTTY() {
      return process.getBuiltinModule('node:tty').isatty(0);
    },
    get stdoutIsTTY() {
      return Boolean(process.stdout.isTTY);
    },
    get stderrIsTTY() {
      return Boolean(process.stderr.isTTY);
    },
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
