import type { Command } from 'commander';
import type { CommandContext } from '../../cli/command-context.js';
import { EXPLAIN_INSPECT_EXIT_NOTE } from '../../cli/help-text.js';
import { addOptions } from '../../cli/command-line.js';
import { EXPLAIN_COMMAND_LINE, type ExplainOptions } from './options.js';

export function registerExplain(program: Command, context: CommandContext): void {
  const command = program
    .command('explain')
    .description('explain an OAuth 1.0a or OAuth 2.0 / OpenID Connect error — a code (token_rejected, invalid_grant, AADSTS70008), pasted text, a raw HTTP response, a URL, a file or stdin — and rank its causes')
    .argument('[input...]', 'a code (oauth_problem token_rejected, x:89; OAuth 2.0 invalid_grant), text, raw response, URL, file path, or - for stdin (read anyway when no input is named and stdin is not a terminal)');
  addOptions(command, EXPLAIN_COMMAND_LINE)
    .addHelpText(
      'after',
      `
Examples:
  oauth-doctor explain token_rejected
  oauth-doctor explain 'oauth_problem=timestamp_refused&oauth_acceptable_timestamps=1700000000-1700000600'
  oauth-doctor explain "このページのリクエスト・トークンが無効です"
  curl -si https://api.example.com/oauth/request_token | oauth-doctor explain
  oauth-doctor explain response.txt --session flow-session.json --json
  oauth-doctor explain --session flow-session.json          # the problem the run recorded

Input: stdin is read when no input is named and it is not a terminal, or with -; an empty file or stdin is
exit 2.

Exit status: 0 a problem was recognised, 1 nothing was recognised, 2 usage error or empty input.
${EXPLAIN_INSPECT_EXIT_NOTE}`,
    )
    .action(async (input: string[], options: ExplainOptions) => {
      const { runExplain } = await import('./run.js');
      context.setExitCode(await runExplain(input, options, context.env));
    });
}
