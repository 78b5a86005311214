import { ExitCode } from '../errors.js';
import type { Environment } from './environment.js';
import { reportError } from './report-error.js';
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
  try {
    const { buildProgram } = await import('./program.js');
    const run = buildProgram(env, argv);
    await run.program.parseAsync([...argv], { from: 'user' });
    return run.exitCode();
  } catch (error) {
    // Errors can quote what was typed; mask the secrets given on the command line or in the environment.
    const { invocationRedactor } = await import('./invocation-secrets.js');
    return reportError(error, env, invocationRedactor(argv, env.env), debug);
  }
}
