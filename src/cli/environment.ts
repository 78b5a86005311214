import type { Readable } from 'node:stream';
import { nonceFromBytes } from '../oauth/nonce.js';
import { randomBytes } from './random.js';
import { fdWriter, isPipeOrFile, isTerminal, mayBeTerminal, type TextSink } from './stdio.js';

/**
 * The world a command sees (STYLE habit 7): streams, TTY flags, environment
 * variables, clock and nonce source. bin/ builds the real one; tests build
 * their own, so output is deterministic without sanitising it afterwards.
 */
export interface Environment {
  readonly stdin: Readable;
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  readonly stdinIsTTY: boolean;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  /**
   * Cheap, and may say yes wrongly (any character device but /dev/null):
   * whether stderrIsTTY is worth asking yet. Left out, stderrIsTTY is used.
   */
  readonly stderrMaybeTTY?: boolean;
  /**
   * Stdin is a shell pipe or a file (data is coming, and an end), not a socket
   * a parent process may hold open: explain --status reads only such a stdin.
   * Left out, any stdin that is no terminal counts.
   */
  readonly stdinIsPipeOrFile?: boolean;
  /** A terminal's width in columns, when stdout / stderr is one and says (issue 15 item 7). */
  readonly stdoutColumns?: number | undefined;
  readonly stderrColumns?: number | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Milliseconds since the epoch. */
  now(): number;
  nonce(): string;
  /** Aborted on Ctrl-C / SIGTERM. */
  readonly signal: AbortSignal;
}

/** `signal` is asked for only by the commands that observe interrupts; asking installs the SIGINT/SIGTERM handlers (bin/). */
export function processEnvironment(signal: () => AbortSignal): Environment {
  // Node builds process.stdin/stdout/stderr on first access, and that loads
  // its stream stack (~2 ms): output goes through fdWriter, and stdin is
  // opened only by a command that reads it (start-up time, issue #8).
  return {
    get stdin() {
      return process.stdin;
    },
    stdout: fdWriter(1, () => process.stdout),
    stderr: fdWriter(2, () => process.stderr),
    get stdinIsTTY() {
      return isTerminal(0);
    },
    get stdoutIsTTY() {
      return isTerminal(1);
    },
    get stderrIsTTY() {
      return isTerminal(2);
    },
    get stderrMaybeTTY() {
      return mayBeTerminal(2);
    },
    get stdinIsPipeOrFile() {
      return isPipeOrFile(0);
    },
    // Asked only for a terminal: process.stdout is then a tty.WriteStream that knows its size.
    get stdoutColumns() {
      return isTerminal(1) ? process.stdout.columns : undefined;
    },
    get stderrColumns() {
      return isTerminal(2) ? process.stderr.columns : undefined;
    },
    env: process.env,
    cwd: process.cwd(),
    now: () => Date.now(),
    nonce: () => nonceFromBytes(randomBytes(16)),
    get signal() {
      return signal();
    },
  };
}

/** CI or no terminal: never prompt, never animate (issue #5). */
export function isInteractive(env: Environment): boolean {
  return env.stdinIsTTY && env.stderrIsTTY && !env.env['CI'];
}
