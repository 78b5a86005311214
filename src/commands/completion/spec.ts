// The completion model, read from the commander program itself (every
// registered command, its options and argument) and the value rows: the
// shell scripts are rendered from this, never from a list kept by hand.
import type { Command, Option } from 'commander';
import type { ValueRow } from './values.js';

export interface OptionSpec {
  /** e.g. ['-X', '--method'] */
  readonly flags: readonly string[];
  readonly description: string;
  readonly takesValue: boolean;
  /** The value may be left out (`--outage [status]`): a flag may follow instead. */
  readonly valueOptional: boolean;
  /** Known values, when the option takes one from a table. */
  readonly values?: readonly string[] | undefined;
  /** The value may be a file name. */
  readonly files: boolean;
}

export interface CommandSpec {
  readonly name: string;
  readonly description: string;
  readonly options: readonly OptionSpec[];
  /** Whether the command takes a positional argument, and what it may be. */
  readonly argument?: { readonly values: readonly string[]; readonly files: boolean } | undefined;
}

export interface CompletionSpec {
  readonly program: string;
  readonly commands: readonly CommandSpec[];
  /** Options before any command (--help, --version, --debug). */
  readonly globalOptions: readonly OptionSpec[];
}

const HELP: OptionSpec = { flags: ['-h', '--help'], description: 'display help', takesValue: false, valueOptional: false, files: false };

function rowFor(rows: readonly ValueRow[], command: string, option: string): ValueRow | undefined {
  return rows.find((r) => r.command === command && r.option === option) ?? rows.find((r) => r.command === '*' && r.option === option);
}

function optionSpec(option: Option, command: string, rows: readonly ValueRow[]): OptionSpec {
  const flags = [option.short, option.long].filter((f): f is string => f !== undefined);
  const takesValue = option.required || option.optional;
  const row = option.long === undefined ? undefined : rowFor(rows, command, option.long);
  const values = option.argChoices ?? row?.values();
  // A value is a file when commander's placeholder says so (`<file>`, `<name|file>`) or the row does.
  const files = takesValue && (/\bfile\b/.test(option.flags) || row?.files === true);
  return { flags, description: option.description, takesValue, valueOptional: option.optional, values, files };
}

export function completionSpec(program: Command, rows: readonly ValueRow[]): CompletionSpec {
  const commands = program.commands.map((command): CommandSpec => {
    const name = command.name();
    const row = rowFor(rows, name, '<argument>');
    const argument = command.registeredArguments[0];
    return {
      name,
      description: command.description(),
      options: [...command.options.map((o) => optionSpec(o, name, rows)), HELP],
      argument: argument === undefined ? undefined : { values: argument.argChoices ?? row?.values() ?? [], files: row === undefined || row.files === true },
    };
  });
  const globalOptions = [...program.options.map((o) => optionSpec(o, '', rows)), HELP];
  return { program: program.name(), commands, globalOptions };
}
