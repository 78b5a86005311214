// Entry of sign's own bundle (dist/commands/sign.cjs, scripts/build.mjs):
// the command without commander; bin/ hands the lines it leaves to the full CLI.
// run.js is imported statically, as in explain's main.ts: a line this bundle
// reads always runs it, and esbuild then hoists its modules into the bundle's
// top level instead of wrapping each in a lazy initialiser (issue 17).
import type { ExitCode } from '../../errors.js';
import type { Environment } from '../../cli/environment.js';
import { runOwnCommand } from '../../cli/own-main.js';
import { SIGN_COMMAND_LINE, type SignOptions } from './options.js';
import { runSign } from './run.js';

export function main(argv: readonly string[], env: Environment): Promise<ExitCode | undefined> {
  return runOwnCommand(argv, env, SIGN_COMMAND_LINE, async ({ options }, watched) => runSign(options as unknown as SignOptions, watched));
}
