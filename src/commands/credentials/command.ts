import type { Command } from 'commander';
import type { CommandContext } from '../../cli/command-context.js';
import type { CredentialsOptions } from './options.js';

export function registerCredentials(program: Command, context: CommandContext): void {
  const credentials = program
    .command('credentials')
    .description('list or remove the named credentials saved by flow/request --save-credentials (used with request --as NAME)')
    .addHelpText('after', `
Where: $XDG_CONFIG_HOME/oauth-doctor/credentials.json, else ~/.config/oauth-doctor (Linux),
~/Library/Application Support/oauth-doctor (macOS) or %APPDATA%\\oauth-doctor (Windows);
mode 0600, and refused when other users can read it.`);
  credentials
    .command('list')
    .description('list the saved credentials, secrets masked')
    .option('--json', 'print one JSON document')
    .option('--show-secrets', 'print secrets in full')
    .action(async (options: CredentialsOptions) => {
      const { runCredentialsList } = await import('./run.js');
      context.setExitCode(await runCredentialsList(options, context.env));
    });
  credentials
    .command('remove')
    .description('remove one saved credential')
    .argument('<name>', 'the credential to remove')
    .action(async (name: string) => {
      const { runCredentialsRemove } = await import('./run.js');
      context.setExitCode(await runCredentialsRemove(name, context.env));
    });
}
