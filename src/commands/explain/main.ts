// Entry of explain's own bundle (dist/commands/explain.cjs, scripts/build.mjs):
// the command without commander; bin/ hands the lines it leaves to the full CLI.
// run.js is imported statically: a line this bundle reads always runs it (the
// others go to the full CLI), and esbuild then hoists its modules into the
// bundle's top level instead of wrapping each of the ~110 in a lazy
// initialiser (issue 17: a code cache 26 kB smaller, ~0.5 M fewer
// instructions per start, measured under callgrind).
import type { ExitCode } from '../../errors.js';
import type { Environment } from '../../cli/environment.js';
import { runOwnCommand } from '../../cli/own-main.js';
import { EXPLAIN_COMMAND_LINE, type ExplainOptions } from './options.js';
import { runExplain } from './run.js';

export function main(argv: readonly string[], env: Environment): Promise<ExitCode | undefined> {
  return runOwnCommand(argv, env, EXPLAIN_COMMAND_LINE, async ({ operands, options }, watched) => runExplain(operands, options as unknown as ExplainOptions, watched));
}
