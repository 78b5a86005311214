import type { Command } from 'commander';
import type { CommandContext } from '../cli/command-context.js';
import { registerSign } from './sign/command.js';
import { registerServe } from './serve/command.js';
import { registerFlow } from './flow/command.js';
import { registerRequest } from './request/command.js';
import { registerDemo } from './demo/command.js';
import { registerExplain } from './explain/command.js';
import { registerCodes } from './codes/command.js';
import { registerInspect } from './inspect/command.js';
import { registerCompletion } from './completion/command.js';
import { registerCredentials } from './credentials/command.js';
import { registerPresets } from './presets/command.js';

export type Register = (program: Command, context: CommandContext) => void;

/**
 * Every command, in the order --help lists them; each registers its flags
 * and loads its work lazily. The build makes one CLI bundle per command by
 * replacing this list with that command alone (scripts/build.mjs), so each
 * register function is named register<Command>.
 */
export const COMMANDS: ReadonlyArray<readonly [name: string, register: Register]> = [
  ['sign', registerSign],
  ['flow', registerFlow],
  ['request', registerRequest],
  ['demo', registerDemo],
  ['serve', registerServe],
  ['explain', registerExplain],
  ['codes', registerCodes],
  ['presets', registerPresets],
  ['inspect', registerInspect],
  ['completion', registerCompletion],
  ['credentials', registerCredentials],
];
