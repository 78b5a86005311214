// Entry of sign's own bundle (dist/commands/sign.cjs, scripts/build.mjs):
// the command without commander; bin/ hands the lines it leaves to the full CLI.
import type { ExitCode } from '../../errors.js';
import type { Environment } from '../../cli/environment.js';
import { runOwnCommand } from '../../cli/own-main.js';
import { SIGN_COMMAND_LINE, type SignOptions } from './options.js';

export function main(argv: readonly string[], env: Environment): Promise<ExitCode | undefined> {
  return runOwnCommand(argv, env, SIGN_COMMAND_LINE, async ({ options }) => {
    const { runSign } = await import('./run.js');
    return runSign(options as unknown as SignOptions, env);
  });
}
