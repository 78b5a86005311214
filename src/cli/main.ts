import { ExitCode } from '../errors.js';
import type { Environment } from './environment.js';
import { reportFailure } from './own-main.js';
import { watchStdout } from './stdout-watch.js';
import { VERSION } from '../version.js';

/**
 * Runs one invocation and returns the exit code; only bin/ calls
 * process.exit. `--version` answers before anything else is loaded, and each
 * command loads its own modules when it runs (start-up time, issue #8).
 */
export async function main(argv: readonly string[], env: Environment): Promise<ExitCode> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    env.stdout.write(`${VERSION}\n`);
    return ExitCode.Ok;
  }
  const debug = argv.includes('--debug');
  // Whether the command printed its --json document before failing (src/cli/json-failure.ts).
  const watched = watchStdout(env);
  try {
    const { buildProgram } = await import('./program.js');
    const run = buildProgram(watched.env, argv);
    await run.program.parseAsync([...argv], { from: 'user' });
    return run.exitCode();
  } catch (error) {
    return reportFailure(error, argv, watched.env, debug, watched.wrote());
  }
}
