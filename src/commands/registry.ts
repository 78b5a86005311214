import type { Command } from 'commander';
import type { CommandContext } from '../cli/program.js';
import { registerSign } from './sign/command.js';
import { registerServe } from './serve/command.js';
import { registerFlow } from './flow/command.js';
import { registerDemo } from './demo/command.js';
import { registerExplain } from './explain/command.js';
import { registerCodes } from './codes/command.js';
import { registerInspect } from './inspect/command.js';

/** Every command, in the order --help lists them. Each loads its work lazily. */
export function registerCommands(program: Command, context: CommandContext): void {
  registerSign(program, context);
  registerFlow(program, context);
  registerDemo(program, context);
  registerServe(program, context);
  registerExplain(program, context);
  registerCodes(program, context);
  registerInspect(program, context);
}
