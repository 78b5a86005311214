import { Command } from 'commander';
import { ExitCode } from '../errors.js';
import type { CommandContext } from './command-context.js';
import type { Environment } from './environment.js';
import { VERSION } from '../version.js';
import { EXIT_CODES_HELP, SECRETS_HELP } from './help-text.js';
import { registerCommands } from '../commands/registry.js';
import { invocationRedactor, withoutOptionValues } from './invocation-secrets.js';

export interface ProgramRun {
  readonly program: Command;
  exitCode(): ExitCode;
}

/** Builds the commander program; commands register themselves (src/commands/registry.ts). */
export function buildProgram(env: Environment, argv: readonly string[] = []): ProgramRun {
  let exitCode: ExitCode = ExitCode.Ok;
  const redactor = invocationRedactor(argv, env.env);
  const context: CommandContext = { env, setExitCode: (code) => (exitCode = code), wholeProgram: () => buildProgram(env).program };
  const program = new Command('oauth-doctor')
    .description('Debug OAuth 1.0a and OAuth 2.0 / OpenID Connect: sign and send requests, run each flow step by step (OAuth 1.0a\'s three legs; OAuth 2.0\'s code with PKCE, device, client credentials and refresh grants), inspect captures, and diagnose what providers answer.')
    .version(VERSION, '-V, --version')
    .option('--debug', 'print stack traces for errors')
    .addHelpText('after', `\n${EXIT_CODES_HELP}\n\n${SECRETS_HELP}`)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void env.stdout.write(s),
      writeErr: (s) => void env.stderr.write(s),
      // One line: commander's message, its "Did you mean" suggestion, and where to look.
      // Commander quotes what was typed: a mistyped --consumer-secert=VALUE must not print VALUE.
      outputError: (s, write) => write(redactor.redact(`oauth-doctor: ${withoutOptionValues(s).replace(/^error: /, '').trim().replace(/\s*\n\s*/g, ' ')} — run with --help for usage\n`)),
    });
  registerCommands(program, context, argv[0]);
  // No action on the program itself: commander then prints the usage for a
  // missing command (exit 2 via report-error) and names an unknown one.
  return { program, exitCode: () => exitCode };
}
