import type { Command } from 'commander';
import type { CommandContext } from '../cli/command-context.js';
import { COMMANDS } from './all.js';

/**
 * Registers the command named first on the command line, or all of them when
 * the first word is not one (--help, help, a typo to suggest a fix for):
 * defining every command's options costs start-up time (issue #8).
 */
export function registerCommands(program: Command, context: CommandContext, firstWord?: string): void {
  const named = COMMANDS.filter(([name]) => name === firstWord);
  for (const [, register] of named.length > 0 ? named : COMMANDS) register(program, context);
}
