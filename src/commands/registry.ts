import type { Command } from 'commander';
import type { CommandContext } from '../cli/program.js';
import { registerSign } from './sign/command.js';
import { registerServe } from './serve/command.js';
import { registerFlow } from './flow/command.js';
import { registerDemo } from './demo/command.js';
import { registerExplain } from './explain/command.js';
import { registerCodes } from './codes/command.js';
import { registerInspect } from './inspect/command.js';

type Register = (program: Command, context: CommandContext) => void;

/** Every command, in the order --help lists them. Each loads its work lazily. */
const COMMANDS: ReadonlyArray<readonly [name: string, register: Register]> = [
  ['sign', registerSign],
  ['flow', registerFlow],
  ['demo', registerDemo],
  ['serve', registerServe],
  ['explain', registerExplain],
  ['codes', registerCodes],
  ['inspect', registerInspect],
];

/**
 * Registers the command named first on the command line, or all of them when
 * the first word is not one (--help, help, a typo to suggest a fix for):
 * defining every command's options costs start-up time (issue #8).
 */
export function registerCommands(program: Command, context: CommandContext, firstWord?: string): void {
  const named = COMMANDS.filter(([name]) => name === firstWord);
  for (const [, register] of named.length > 0 ? named : COMMANDS) register(program, context);
}
