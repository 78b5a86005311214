// The explain command's options: the table commander registers (command.ts)
// and the command's own bundle reads (main.ts, src/cli/command-line.ts), and
// their type as both hand them over. A leaf of its own, so command.ts and the
// modules it loads lazily both read it without importing each other (issue
// 13: no import cycle).
import type { CommandLineTable } from '../../cli/command-line.js';

export const EXPLAIN_COMMAND_LINE: CommandLineTable = {
  operands: 'variadic',
  options: [
    { flags: '--session <file>', description: 'a session record (flow --save) whose evidence ranks the causes; alone, explains the problem it recorded' },
    { flags: '--status <code>', description: 'the HTTP status of the response, when the input is only its body' },
    { flags: '--header <header>', description: "a response header, 'Name: value' (repeatable)", repeatable: true },
    { flags: '--lang <lang>', description: 'en or ja (default: from LC_ALL, LC_MESSAGES, LANG)' },
    { flags: '--show-secrets', description: 'print tokens and verifiers found in the input in full' },
    { flags: '--json', description: 'print one JSON object on stdout' },
  ],
};

export interface ExplainOptions {
  session?: string;
  status?: string;
  header: string[];
  lang?: string;
  json?: boolean;
  showSecrets?: boolean;
}
