import type { Command } from 'commander';
import type { CommandContext } from '../../cli/command-context.js';
import type { PresetsOptions } from './options.js';

export function registerPresets(program: Command, context: CommandContext): void {
  program
    .command('presets')
    .alias('providers')
    .description('list the providers --provider NAME knows, OAuth 1.0a and OAuth 2.0, with their aliases and the flags each needs')
    .option('--json', 'print one JSON object on stdout')
    .addHelpText(
      'after',
      `
Examples:
  oauth-doctor presets                              both protocols, with aliases
  oauth-doctor presets --json | jq -r '.presets[] | select(.protocol == "oauth2") | .name'

A preset is given to flow and request as --provider NAME (or an alias);
anything with a path separator or ending in .json is read as a JSON profile instead.`,
    )
    .action(async (options: PresetsOptions) => {
      const { runPresets } = await import('./run.js');
      context.setExitCode(await runPresets(options, context.env));
    });
}
