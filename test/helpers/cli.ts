import { spawn } from 'node:child_process';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Environment } from '../../src/cli/environment.js';
import { main } from '../../src/cli/main.js';
import { randomBytes } from '../../src/cli/random.js';
import { nonceFromBytes } from '../../src/oauth/nonce.js';

export const BIN = fileURLToPath(new URL('../../bin/oauth-doctor.cjs', import.meta.url));

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliOptions {
  /** Extra environment variables; the run starts from a clean, colourless, non-CI environment. */
  readonly env?: Record<string, string | undefined>;
  readonly input?: string;
  readonly cwd?: string;
  /**
   * Give up after this many ms (default 20 s): the test then sees signal
   * SIGKILL. runBin kills the process; runCli aborts the run's signal (as
   * Ctrl-C would) and answers with what was printed so far.
   */
  readonly timeoutMs?: number;
}

/** What a subprocess started by a test is given: PATH, HOME, LANG=C and the test's own variables. */
function cleanEnv(extra: CliOptions['env']): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', LANG: 'C' };
  for (const [k, v] of Object.entries(extra ?? {})) if (v !== undefined) env[k] = v;
  return env;
}

/** Text as it arrives through a pipe: UTF-8 encoded and decoded (a lone surrogate becomes U+FFFD). */
function throughPipe(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/**
 * Runs the CLI as a user would — `main(argv, env)`, what bin/ runs — but in
 * this process, over an injected Environment (STYLE habit 7): the same
 * environment variables, stdin, cwd, real clock and random nonces as a
 * subprocess with pipes, and the same result; no Node start-up per call.
 * For what only a real process shows (start-up, signals, terminals, pipes,
 * the built bundle, process.env), use runBin.
 */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const controller = new AbortController();
  const env: Environment = {
    stdin: Readable.from([Buffer.from(options.input ?? '', 'utf8')]),
    stdout: { write: (text: string) => (stdout += throughPipe(text)) },
    stderr: { write: (text: string) => (stderr += throughPipe(text)) },
    stdinIsTTY: false,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    stderrMaybeTTY: false,
    env: cleanEnv(options.env),
    cwd: options.cwd ?? process.cwd(),
    now: () => Date.now(),
    nonce: () => nonceFromBytes(randomBytes(16)),
    signal: controller.signal,
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      controller.abort();
      resolve({ code: null, signal: 'SIGKILL', stdout, stderr });
    }, options.timeoutMs ?? 20_000);
    main(args, env).then(
      (code) => {
        clearTimeout(timer);
        resolve({ code, signal: null, stdout, stderr });
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Runs the built CLI (bin/oauth-doctor.cjs) in a subprocess, and collects what it printed. */
export function runBin(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  const env = cleanEnv(options.env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}
