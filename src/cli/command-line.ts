import type { Command } from 'commander';

// A command's options as data (issue 17 item 2): commander registers them for
// the full CLI (--help, errors, suggestions), and a command with a bundle of
// its own (explain, sign) reads the usual command lines with the same table,
// without loading commander (about 3 ms of each start: its code, building the
// program, parsing). Anything this reader is not sure to read as commander
// does (help, --debug, --version, an unknown or incomplete option, `--`, a
// dash-led operand, an operand where the command takes none) is left to the
// full CLI, which then answers exactly as before.

/** One option, in commander's notation: '--session <file>', '-X, --method <method>', '--no-version', '--json'. */
interface OptionRow {
  readonly flags: string;
  readonly description: string;
  /** The value when the option is not given (commander's defaultValue). */
  readonly default?: string;
  /** Given more than once, every value is kept in order (default: the last one wins). */
  readonly repeatable?: boolean;
}

export interface CommandLineTable {
  readonly options: readonly OptionRow[];
  /** Whether the command takes operands (`[input...]`) or none. */
  readonly operands: 'variadic' | 'none';
}

type OptionValue = string | boolean | string[];

export interface ReadCommandLine {
  readonly operands: string[];
  readonly options: Record<string, OptionValue>;
}

interface Flag {
  readonly short: string | undefined;
  readonly long: string;
  readonly takesValue: boolean;
  readonly negate: boolean;
  /** The options object's key, as commander names it (attributeName()). */
  readonly key: string;
  readonly row: OptionRow;
}

/** The options of the program itself (src/cli/program.ts), which commander recognises anywhere on the line (also -h or -V leading a group). */
function isProgramOption(arg: string): boolean {
  return arg === '--debug' || arg === '--version' || arg === '--help' || (arg[0] === '-' && (arg[1] === 'h' || arg[1] === 'V'));
}

const isLetter = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

// String operations, not patterns: a regular expression costs its compilation
// on first use, and this runs at every start (issue #8).
function flagOf(row: OptionRow): Flag {
  const parts = row.flags.split(' ');
  let short: string | undefined;
  if (parts[0]?.length === 3 && parts[0][0] === '-' && parts[0][2] === ',') short = parts.shift()?.slice(0, 2);
  const [long = '', value, ...rest] = parts;
  const takesValue = value !== undefined && value.startsWith('<') && value.endsWith('>');
  const plainLong = long.startsWith('--') && long.length > 2 && [...long.slice(2)].every((c) => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c === '-');
  if (!plainLong || rest.length > 0 || (value !== undefined && !takesValue) || (short !== undefined && !isLetter(short.charAt(1)))) {
    throw new Error(`option flags "${row.flags}" are not of a form the command-line reader knows`);
  }
  const negate = long.startsWith('--no-');
  if (negate && (takesValue || row.default !== undefined)) throw new Error(`option "${row.flags}": a --no- option takes no value`);
  const key = long
    .slice(negate ? 5 : 2)
    .split('-')
    .map((word, i) => (i === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join('');
  return { short, long, takesValue, negate, key, row };
}

/** Registers the table's options on a commander command, in its order. */
export function addOptions(command: Command, table: CommandLineTable): Command {
  for (const row of table.options) {
    flagOf(row);
    if (row.repeatable) command.option(row.flags, row.description, (value: string, previous: string[]) => [...previous, value], []);
    else if (row.default !== undefined) command.option(row.flags, row.description, row.default);
    else command.option(row.flags, row.description);
  }
  return command;
}

/**
 * The operands and options of `args` (the command line after the command's
 * name) as commander would hand them to the command's action, or undefined
 * when the line is one to leave to commander. Pure.
 */
export function readCommandLine(args: readonly string[], table: CommandLineTable): ReadCommandLine | undefined {
  const flags = table.options.map(flagOf);
  const options: Record<string, OptionValue> = {};
  for (const flag of flags) {
    if (flag.row.repeatable) options[flag.key] = [];
    else if (flag.negate) options[flag.key] = true;
    else if (flag.row.default !== undefined) options[flag.key] = flag.row.default;
  }
  const set = (flag: Flag, value: string | undefined): void => {
    if (!flag.takesValue) options[flag.key] = !flag.negate;
    else if (flag.row.repeatable) options[flag.key] = [...(options[flag.key] as string[]), value as string];
    else options[flag.key] = value as string;
  };
  // The program reads its own options anywhere, also where a value of ours would be.
  if (args.some((arg) => arg === '--' || isProgramOption(arg))) return undefined;
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg.length < 2 || !arg.startsWith('-')) {
      operands.push(arg);
      continue;
    }
    const exact = flags.find((f) => f.long === arg || f.short === arg);
    if (exact !== undefined) {
      if (!exact.takesValue) {
        set(exact, undefined);
        continue;
      }
      if (i + 1 >= args.length) return undefined; // commander: option '…' argument missing
      set(exact, args[++i]);
      continue;
    }
    const equals = arg.indexOf('=');
    if (arg.startsWith('--') && equals > 2) {
      const long = flags.find((f) => f.long === arg.slice(0, equals));
      if (long === undefined || !long.takesValue) return undefined;
      set(long, arg.slice(equals + 1));
      continue;
    }
    const short = arg[1] === '-' ? undefined : flags.find((f) => f.short === arg.slice(0, 2));
    if (short === undefined || !short.takesValue) return undefined; // unknown, or a group of flags (-ab)
    set(short, arg.slice(2));
  }
  if (table.operands === 'none' && operands.length > 0) return undefined; // commander: too many arguments
  return { operands, options };
}
