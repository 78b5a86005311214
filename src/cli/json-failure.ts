import { ExitCode, isDoctorError } from '../errors.js';
import type { Environment } from './environment.js';
import { escapeUnsafeJson } from './output.js';
import type { Redactor } from '../secrets/redactor.js';

/**
 * `--json` promises one JSON document on stdout for every run, a failure's
 * too (STYLE habit 4): a script reads stdout with `jq` and the exit code
 * with `$?`, and an empty stdout would leave it parsing nothing. A command
 * that reaches its report prints it itself (a refused flow's report carries
 * its `error`); a failure before that (a usage error, a connection refused,
 * a timeout) reaches the top-level catch with nothing on stdout, and this is
 * the document printed there: the same code, class, exit code and line the
 * text on stderr says.
 */
interface JsonFailure {
  readonly ok: false;
  readonly command: string | null;
  readonly error: { readonly code: string; readonly class: string; readonly exitCode: number; readonly message: string; readonly hint?: string | undefined };
}

/** Whether this command line asked for --json (an option, not an operand after `--`). */
function wantsJson(argv: readonly string[]): boolean {
  for (const arg of argv) {
    if (arg === '--') return false;
    if (arg === '--json') return true;
  }
  return false;
}

/** The document for an error that reached the top-level catch, or undefined for one that is not a failure (--help). */
function jsonFailure(error: unknown, argv: readonly string[]): JsonFailure | undefined {
  const command = argv.find((a) => !a.startsWith('-')) ?? null;
  if (isDoctorError(error)) return { ok: false, command, error: { code: error.code, class: error.errorClass, exitCode: error.exitCode, message: error.message, hint: error.hint } };
  const code: unknown = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  if (typeof code === 'string' && code.startsWith('commander.')) {
    const exitCode: unknown = (error as Error & { exitCode?: unknown }).exitCode;
    if (exitCode === 0) return undefined;
    return { ok: false, command, error: { code: code.slice('commander.'.length).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), class: 'usage', exitCode: ExitCode.Usage, message: (error as Error).message.replace(/^error: /, '') } };
  }
  return { ok: false, command, error: { code: 'internal', class: 'internal', exitCode: ExitCode.Internal, message: error instanceof Error ? error.message : String(error) } };
}

/** Writes the failure document when --json was asked (the caller knows nothing reached stdout yet); never throws (a closed stdout). */
export function writeJsonFailure(error: unknown, argv: readonly string[], env: Environment, redactor: Redactor | undefined): void {
  if (!wantsJson(argv)) return;
  const doc = jsonFailure(error, argv);
  // Ctrl-C is the person's own stop, not a result a script reads: exit 130 says it, and no document is made up for it.
  if (doc === undefined || doc.error.class === 'interrupted') return;
  try {
    // One line: a tool reading `serve --json`'s start line with a line reader gets the whole failure, and jq reads it alike.
    const text = JSON.stringify(doc, (_key, value: unknown) => (typeof value === 'string' && redactor ? redactor.redact(value) : value));
    env.stdout.write(escapeUnsafeJson(text) + '\n');
  } catch {
    // stdout is gone: the exit code says it
  }
}
