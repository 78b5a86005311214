import type { Command } from 'commander';
import type { ExitCode } from '../errors.js';
import type { Environment } from './environment.js';

/**
 * What a command is given to run (a leaf of its own, issue 13: the commands
 * and the program that registers them both read it, so neither imports the other for it).
 */
export interface CommandContext {
  readonly env: Environment;
  /** Records the exit code the command ends with. */
  setExitCode(code: ExitCode): void;
  /**
   * The program with every command registered, built when asked (a run
   * registers only the command it names): `completion` reads its flags from it
   * without importing the program that registers it.
   */
  readonly wholeProgram: () => Command;
}
