// Entry of explain's own bundle (dist/commands/explain.cjs, scripts/build.mjs):
// the command without commander; bin/ hands the lines it leaves to the full CLI.
import type { ExitCode } from '../../errors.js';
import type { Environment } from '../../cli/environment.js';
import { runOwnCommand } from '../../cli/own-main.js';
import { EXPLAIN_COMMAND_LINE, type ExplainOptions } from './options.js';

export function main(argv: readonly string[], env: Environment): Promise<ExitCode | undefined> {
  return runOwnCommand(argv, env, EXPLAIN_COMMAND_LINE, async ({ operands, options }) => {
    const { runExplain } = await import('./run.js');
    return runExplain(operands, options as unknown as ExplainOptions, env);
  });
}
