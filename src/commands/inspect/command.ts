import type { Command } from 'commander';
import type { CommandContext } from '../../cli/command-context.js';
import { EXPLAIN_INSPECT_EXIT_NOTE, SECRETS_HELP } from '../../cli/help-text.js';
import type { InspectCommandOptions } from './options.js';

export function registerInspect(program: Command, context: CommandContext): void {
  program
    .command('inspect')
    .description('diagnose what already happened: a HAR file, a curl command or a raw HTTP exchange — rebuild each OAuth 1.0a flow (check signatures, find signature_invalid\'s cause) and OAuth 2.0 flow (a reused code, PKCE, redirect_uri, state, a replayed refresh token)')
    .argument('[file]', 'a .har file, a file holding curl command(s) or raw HTTP, or - for stdin')
    .option('--curl <command>', "a curl command line to inspect instead of a file, e.g. --curl 'curl -X POST …'")
    .option('--format <format>', 'force the input format: har, curl or http (default: detected)')
    .option('--scheme <scheme>', 'scheme of raw HTTP requests written with a path only (default: the Host port, X-Forwarded-Proto or the signature; else https)')
    .option('--consumer-secret <secret>', 'consumer secret, to recompute HMAC/PLAINTEXT signatures (or OAUTH_CONSUMER_SECRET)')
    .option('--token-secret <secret>', 'token secret, when the capture does not hold the response that issued the token (or OAUTH_TOKEN_SECRET)')
    .option('--public-key <file>', 'RSA public key or certificate (PEM) to check RSA-SHA1 signatures')
    .option('--private-key <file>', 'RSA private key (PEM); its public half checks RSA-SHA1 signatures (or OAUTH_PRIVATE_KEY_FILE)')
    .option('--max-skew <seconds>', 'clock difference to report (default: the provider\'s documented window, else 300)')
    .option('--lang <lang>', 'en or ja (default: from LC_ALL, LC_MESSAGES, LANG)')
    .option('--show-secrets', 'print tokens, verifiers and secrets in full')
    .option('--json', 'print one JSON object on stdout (written as it goes; it always lists everything)')
    .option('--all', 'show every timeline event, signature check and finding (a long report is summarised: counts, the first and the worst findings)')
    .addHelpText(
      'after',
      `
Examples:
  oauth-doctor inspect session.har --consumer-secret "$SECRET"
  oauth-doctor inspect --curl 'curl -X POST https://api.x.com/oauth/request_token -H "Authorization: OAuth …"' --consumer-secret "$SECRET"
  oauth-doctor inspect request.http --json | jq '.signatureCheck.variant'
  pbpaste | oauth-doctor inspect -

Exit status: 0 nothing wrong found, 1 a problem was found (or no OAuth exchange at all), 2 usage or unreadable input.
${EXPLAIN_INSPECT_EXIT_NOTE}

${SECRETS_HELP}`,
    )
    .action(async (file: string | undefined, options: InspectCommandOptions) => {
      const { runInspect } = await import('./run.js');
      context.setExitCode(await runInspect(file, options, context.env));
    });
}
