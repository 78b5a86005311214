import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCommandLine, type CommandLineTable, type ReadCommandLine } from '../../src/cli/command-line.js';
import type { Environment } from '../../src/cli/environment.js';
import { buildProgram } from '../../src/cli/program.js';
import { EXPLAIN_COMMAND_LINE } from '../../src/commands/explain/options.js';
import { SIGN_COMMAND_LINE } from '../../src/commands/sign/options.js';
import { propertyRuns } from '../helpers/property-runs.js';

// The own bundles of explain and sign read their command lines without
// commander (issue 17): each line they read must be read exactly as the full
// CLI's commander program reads it, and every other line left to it.

const quiet: Environment = {
  stdin: Readable.from([]),
  stdout: { write: () => true },
  stderr: { write: () => true },
  stdinIsTTY: false,
  stdoutIsTTY: false,
  stderrIsTTY: false,
  env: {},
  cwd: process.cwd(),
  now: () => 0,
  nonce: () => 'n',
  signal: new AbortController().signal,
};

class Parsed extends Error {}

/** What the real program (src/cli/program.ts) hands the command's action, or 'commander' when it answers itself (help, an error). */
async function commanderReads(command: string, args: readonly string[]): Promise<ReadCommandLine | 'commander'> {
  const argv = [command, ...args];
  const { program } = buildProgram(quiet, argv);
  let seen: ReadCommandLine | undefined;
  program.hook('preAction', (_, action) => {
    const operands = action.processedArgs.length > 0 ? (action.processedArgs[0] as string[]) : [];
    seen = { operands, options: { ...action.opts() } };
    throw new Parsed();
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof Parsed && seen !== undefined) return seen;
  }
  return 'commander';
}

const SIGN = ['--url', 'https://photos.example.net/initiate', '-X', 'POST', '--consumer-key', 'dpf43f3p2l4k3l03', '--consumer-secret', 'kd94hf93k423kf44', '--timestamp', '137131200', '--nonce', 'wIjqoS'];

const cases: [string, CommandLineTable, string[]][] = [
  ['explain', EXPLAIN_COMMAND_LINE, ['token_used']],
  ['explain', EXPLAIN_COMMAND_LINE, []],
  ['explain', EXPLAIN_COMMAND_LINE, ['-']],
  ['explain', EXPLAIN_COMMAND_LINE, ['token_used', '--json', '--show-secrets']],
  ['explain', EXPLAIN_COMMAND_LINE, ['--status', '401', 'a', 'b', '--header', 'WWW-Authenticate: Bearer', '--header=X: y']],
  ['explain', EXPLAIN_COMMAND_LINE, ['--status=-5', '--lang', 'ja', '--lang', 'en', 'x']],
  ['explain', EXPLAIN_COMMAND_LINE, ['--session', '--json']],
  ['sign', SIGN_COMMAND_LINE, SIGN],
  ['sign', SIGN_COMMAND_LINE, [...SIGN, '-XGET', '-da=b', '--no-version', '--body-hash', '--json']],
  ['sign', SIGN_COMMAND_LINE, ['--url=http://a.example/', '--content-type', 'text/plain', '--signature-method', 'HMAC-SHA512']],
  ['sign', SIGN_COMMAND_LINE, []],
];
const leftToCommander: [string, CommandLineTable, string[]][] = [
  ['explain', EXPLAIN_COMMAND_LINE, ['--help']],
  ['explain', EXPLAIN_COMMAND_LINE, ['token_used', '-h']],
  ['explain', EXPLAIN_COMMAND_LINE, ['token_used', '--debug']],
  ['explain', EXPLAIN_COMMAND_LINE, ['--version']],
  ['explain', EXPLAIN_COMMAND_LINE, ['--status', '--debug']],
  ['explain', EXPLAIN_COMMAND_LINE, ['--', '--json']],
  ['explain', EXPLAIN_COMMAND_LINE, ['--status']],
  ['explain', EXPLAIN_COMMAND_LINE, ['--nope']],
  ['explain', EXPLAIN_COMMAND_LINE, ['-1']],
  ['explain', EXPLAIN_COMMAND_LINE, ['--json=1']],
  ['sign', SIGN_COMMAND_LINE, [...SIGN, 'extra']],
  ['sign', SIGN_COMMAND_LINE, [...SIGN, '-X']],
  ['sign', SIGN_COMMAND_LINE, [...SIGN, '--version']],
  ['sign', SIGN_COMMAND_LINE, ['--consumer-secert=topsecret']],
];

describe('reading a command line without commander', () => {
  it.each(cases)('%s %j is read, as commander reads it', async (command, table, args) => {
    const read = readCommandLine(args, table);
    expect(read).toBeDefined();
    expect(read).toEqual(await commanderReads(command, args));
  });

  it.each(leftToCommander)('%s %j is left to commander', (_, table, args) => {
    expect(readCommandLine(args, table)).toBeUndefined();
  });

  it('any line it reads, commander reads the same (generated lines)', async () => {
    const words = (table: CommandLineTable) => {
      const flags = table.options.flatMap((row) => row.flags.split(/, | /).filter((f) => f.startsWith('-')));
      const token = fc.oneof(
        fc.constantFrom(...flags),
        fc.constantFrom(...flags).map((f) => `${f}=v`),
        fc.constantFrom('-', '--', '-h', '--debug', '-Xy', '-dz', '-q', 'token_used', 'x:89', '401', '', '-5', '--no-json'),
        fc.string({ maxLength: 4 }),
      );
      return fc.array(token, { maxLength: 8 });
    };
    for (const [command, table] of [['explain', EXPLAIN_COMMAND_LINE], ['sign', SIGN_COMMAND_LINE]] as const) {
      await fc.assert(
        fc.asyncProperty(words(table), async (args) => {
          const read = readCommandLine(args, table);
          if (read !== undefined) expect(read).toEqual(await commanderReads(command, args));
        }),
        { numRuns: propertyRuns(300) },
      );
    }
  });

  it('an option form the reader does not know is refused when the table is read', () => {
    expect(() => readCommandLine([], { operands: 'none', options: [{ flags: '--level [n]', description: 'optional value' }] })).toThrow(/not of a form/);
  });
});
