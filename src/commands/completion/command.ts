import type { Command } from 'commander';
import type { CommandContext } from '../../cli/command-context.js';

export function registerCompletion(program: Command, context: CommandContext): void {
  program
    .command('completion')
    .description('print a shell completion script: commands, flags, presets, dialects (bash, zsh or fish)')
    .argument('<shell>', 'bash, zsh or fish')
    .addHelpText(
      'after',
      `
Install:
  bash  echo 'source <(oauth-doctor completion bash)' >> ~/.bashrc
  zsh   oauth-doctor completion zsh > "\${fpath[1]}/_oauth-doctor"   (or: source <(oauth-doctor completion zsh))
  fish  oauth-doctor completion fish > ~/.config/fish/completions/oauth-doctor.fish`,
    )
    .action(async (shell: string) => {
      const { runCompletion } = await import('./run.js');
      context.setExitCode(await runCompletion(shell, context.env, context.wholeProgram));
    });
}
