import type { Command } from 'commander';
import type { CommandContext } from '../../cli/command-context.js';
import type { CodesOptions } from './options.js';

export function registerCodes(program: Command, context: CommandContext): void {
  program
    .command('codes')
    .description('list every oauth_problem code, provider code and cause oauth-doctor knows')
    .option('--lang <lang>', 'en or ja (default: from LC_ALL, LC_MESSAGES, LANG)')
    .option('--json', 'print one JSON object on stdout')
    .addHelpText(
      'after',
      `
Examples:
  oauth-doctor codes                           every code, wrapped to your terminal
  oauth-doctor codes --lang ja | less          in Japanese
  oauth-doctor codes --json | jq '.problems[].code'`,
    )
    .action(async (options: CodesOptions) => {
      const { runCodes } = await import('./run.js');
      context.setExitCode(await runCodes(options, context.env));
    });
}
