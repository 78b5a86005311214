import type { Command } from 'commander';
import type { Environment } from '../../cli/environment.js';
import { createOutput } from '../../cli/output.js';
import { ExitCode, usageError } from '../../errors.js';
import { bashScript } from './bash.js';
import { fishScript } from './fish.js';
import { completionSpec } from './spec.js';
import { SHELLS, VALUE_ROWS, type Shell } from './values.js';
import { zshScript } from './zsh.js';

const RENDER: Readonly<Record<Shell, typeof bashScript>> = { bash: bashScript, zsh: zshScript, fish: fishScript };

/** The script for a shell, from the program with every command registered. */
function completionScript(shell: Shell, program: Command): string {
  return RENDER[shell](completionSpec(program, VALUE_ROWS));
}

export async function runCompletion(shell: string, env: Environment, wholeProgram: () => Command): Promise<ExitCode> {
  if (!(SHELLS as readonly string[]).includes(shell)) throw usageError('unknown-shell', `no completion for the shell "${shell}"`, `use one of ${SHELLS.join(', ')}`);
  const output = await createOutput(env);
  output.results(completionScript(shell as Shell, wholeProgram()).replace(/\n$/, '').split('\n'));
  return ExitCode.Ok;
}
