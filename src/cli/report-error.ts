import { ExitCode, isDoctorError } from '../errors.js';
import { sanitizeForTerminal } from '../terminal/sanitize.js';
import { neutraliseWorkflowCommands } from '../terminal/workflow-commands.js';
import type { Environment } from './environment.js';
import type { Redactor } from '../secrets/redactor.js';

/**
 * The one top-level catch (STYLE habit 6): a known error becomes one line
 * with advice; an unknown one a stack trace and a request to report it.
 * Commander's own errors (unknown option, missing argument) are usage errors.
 */
export function reportError(error: unknown, env: Environment, redactor?: Redactor, debug = false): ExitCode {
  const clean = (s: string) => neutraliseWorkflowCommands(sanitizeForTerminal(redactor ? redactor.redact(s) : s));
  // When stderr itself cannot be written, the exit code is all that is left to say it.
  const say = (text: string) => {
    try {
      env.stderr.write(clean(text) + '\n');
    } catch {
      // nowhere to report it
    }
  };
  if (isDoctorError(error)) {
    const hint = error.hint ? ` — ${error.hint}` : '';
    say(`oauth-doctor: ${error.message}${hint}`);
    if (debug && error.stack) say(error.stack);
    return error.exitCode;
  }
  if (isCommanderError(error)) {
    // Commander already printed its message through configureOutput.
    return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  say(`oauth-doctor: internal error — this is a bug, please report it with the command you ran:\n${stack}`);
  return ExitCode.Internal;
}

/** Recognised by shape so that this start-up module does not load commander. */
function isCommanderError(error: unknown): error is Error & { exitCode: number; code: string } {
  const code: unknown = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('commander.');
}
