import type { Command } from 'commander';
import type { CommandContext } from '../../cli/command-context.js';
import { SECRETS_HELP } from '../../cli/help-text.js';
import { addOptions } from '../../cli/command-line.js';
import { SIGN_COMMAND_LINE, type SignOptions } from './options.js';

const SIGN_EXAMPLES = `Examples:
  oauth-doctor sign --url 'https://api.x.com/1.1/statuses/update.json?include_entities=true' \\
    --data 'status=Hello%20Ladies%20%2B%20Gentlemen'        a body means POST, as for curl
  oauth-doctor sign --url https://api.example.com/initiate -X POST --callback oob --json
  oauth-doctor sign --url https://api.example.com/me --timestamp 1318622958 --nonce abc \\
    --show-secrets                                           compare with another client's signature
  Credentials come from OAUTH_CONSUMER_KEY, OAUTH_CONSUMER_SECRET, OAUTH_TOKEN, OAUTH_TOKEN_SECRET.`;

export function registerSign(program: Command, context: CommandContext): void {
  const command = program
    .command('sign')
    .description('sign one OAuth 1.0a request without sending it, and show the working (parameters, base string, key, header, curl)');
  addOptions(command, SIGN_COMMAND_LINE)
    .addHelpText('after', `\n${SIGN_EXAMPLES}\n\n${SECRETS_HELP}`)
    .action(async (options: SignOptions) => {
      const { runSign } = await import('./run.js');
      context.setExitCode(await runSign(options, context.env));
    });
}
