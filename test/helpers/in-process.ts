import { Readable } from 'node:stream';
import type { Environment } from '../../src/cli/environment.js';
import { main } from '../../src/cli/main.js';

export interface InProcessResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `main(argv, env)` in this process with string streams (STYLE habit 15): no subprocess, same output. */
export async function runInProcess(argv: readonly string[], options: { input?: string; cwd?: string; env?: Record<string, string>; stdoutIsTTY?: boolean; columns?: number } = {}): Promise<InProcessResult> {
  let stdout = '';
  let stderr = '';
  const env: Environment = {
    stdin: Readable.from([Buffer.from(options.input ?? '')]),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdinIsTTY: false,
    stdoutIsTTY: options.stdoutIsTTY ?? false,
    stderrIsTTY: false,
    env: { LANG: 'C', NO_COLOR: '1', ...options.env },
    cwd: options.cwd ?? process.cwd(),
    now: () => Date.UTC(2026, 10, 22, 9, 0, 0),
    nonce: () => 'fixednonce',
    signal: new AbortController().signal,
  };
  const code = await main(argv, env);
  return { code, stdout, stderr };
}
