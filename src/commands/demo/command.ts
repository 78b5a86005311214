import type { Command } from 'commander';
import type { CommandContext } from '../../cli/command-context.js';
import { EXIT_CODES_HELP } from '../../cli/help-text.js';
import type { DemoOptions } from './options.js';

const DEMO_HELP = `
Runs with nothing but this package: starts the embedded providers on
127.0.0.1, runs each protocol's whole flow, then replays the classic failures
and shows what oauth-doctor diagnoses for each.
  OAuth 1.0a: a reused request token, an expired request token, a revoked
  access token, a wrong consumer secret, a clock 10 minutes off, a wrong
  verifier, X's "request token invalid" page.
  OAuth 2.0: a reused code, an expired code, a redirect mismatch, a lost PKCE
  verifier, a replayed rotated refresh token, a client assertion from a clock
  10 minutes off, consent denied, a device polling too fast (slow_down) —
  each scored against the engine's own reason for the refusal.
Exits 0 only if every one was diagnosed as expected.`;

export function registerDemo(program: Command, context: CommandContext): void {
  program
    .command('demo')
    .description('run the whole OAuth 1.0a flow and the whole OAuth 2.0 code flow with PKCE, then each protocol\'s classic failures, against the embedded providers, each diagnosed')
    .option('--json', 'print one JSON report on stdout')
    .option('--verbose', 'show the full diagnosis of each failure')
    .option('--lang <lang>', 'language of the diagnoses: en or ja (default: from LANG)')
    .option('--protocol <name>', 'oauth1, oauth2 or both (default: both)')
    .option('--only <id>', 'run one scenario (e.g. clock-off, reused-code)')
    .option('--timeout <duration>', 'bound on each HTTP request, e.g. 10s or 500ms (a bare number is milliseconds)', '10s')
    .addHelpText('after', `${DEMO_HELP}\n\n${EXIT_CODES_HELP}`)
    .action(async (options: DemoOptions) => {
      const { runDemo } = await import('./run.js');
      context.setExitCode(await runDemo(options, context.env));
    });
}
