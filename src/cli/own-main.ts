import type { ExitCode } from '../errors.js';
import { readCommandLine, type CommandLineTable, type ReadCommandLine } from './command-line.js';
import type { Environment } from './environment.js';
import { reportError } from './report-error.js';
import { watchStdout } from './stdout-watch.js';

/**
 * The top-level catch of main() (src/cli/main.ts), shared with the commands'
 * own bundles: errors can quote what was typed, so the secrets given on the
 * command line or in the environment are masked.
 */
export async function reportFailure(error: unknown, argv: readonly string[], env: Environment, debug: boolean, stdoutWritten = true): Promise<ExitCode> {
  const { invocationRedactor } = await import('./invocation-secrets.js');
  const redactor = invocationRedactor(argv, env.env);
  // --json: one JSON document on stdout for every run, this failure's when the command printed none (json-failure.ts).
  if (!stdoutWritten) {
    const { writeJsonFailure } = await import('./json-failure.js');
    writeJsonFailure(error, argv, env, redactor);
  }
  return reportError(error, env, redactor, debug);
}

/**
 * main() of a command's own bundle (dist/commands/<name>.cjs, issue 17): reads
 * `argv` (the command's name first) with the command's option table and runs
 * the command, as the full CLI would; or returns undefined, having done
 * nothing, for a line the full CLI must answer (help, an error commander
 * words, an option form this reader leaves alone). bin/ then loads the full CLI.
 */
export async function runOwnCommand(argv: readonly string[], env: Environment, table: CommandLineTable, run: (line: ReadCommandLine, env: Environment) => Promise<ExitCode>): Promise<ExitCode | undefined> {
  const line = readCommandLine(argv.slice(1), table);
  if (line === undefined) return undefined;
  const watched = watchStdout(env);
  try {
    return await run(line, watched.env);
  } catch (error) {
    // --debug is the program's option: such a line went to the full CLI.
    return reportFailure(error, argv, watched.env, false, watched.wrote());
  }
}
