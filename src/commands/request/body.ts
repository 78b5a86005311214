import type { Environment } from '../../cli/environment.js';
import { usageError } from '../../errors.js';
import { readStdin } from '../../files/stdin.js';
import { readTextFile } from '../../files/read-text-file.js';
import { percentEncode } from '../../oauth/percent-encode.js';
import type { RequestBody } from '../../oauth/types.js';

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';
const MAX_BODY = 64 * 1024 * 1024;

export interface BodyFlags {
  readonly data: readonly string[];
  readonly form: readonly string[];
  readonly jsonBody?: string | undefined;
  /** From -H Content-Type, which wins over the body's default type (as in curl). */
  readonly contentType?: string | undefined;
}

/** `@FILE` reads a file, `@-` stdin (once), anything else is the text itself. */
async function readArgument(value: string, flag: string, env: Environment, stdinUsed: { used: boolean }): Promise<string> {
  if (!value.startsWith('@')) return value;
  const path = value.slice(1);
  if (path === '-') {
    if (stdinUsed.used) throw usageError('stdin-twice', `${flag} @- reads stdin, which another @- already read`, 'read stdin once');
    stdinUsed.used = true;
    const bytes = await readStdin(env, { ttyHint: 'pipe the body in, e.g. echo \'{"a":1}\' | oauth-doctor request … --json-body @-', maxBytes: MAX_BODY, tooLargeHint: 'send a smaller body' });
    return bytes.toString('utf8');
  }
  return readTextFile(path, env.cwd, { code: 'body-unreadable', shown: `${flag} ${value}`, hint: 'give the path of a file to send' });
}

/** `--form name=value`: encoded for you, as RFC 5849 §3.6 encodes (space as %20). */
function formField(value: string): string {
  const eq = value.indexOf('=');
  if (eq <= 0) throw usageError('invalid-form-field', `--form "${value.slice(0, 40)}" is not name=value`, "e.g. --form 'status=Hello + 😀'");
  return `${percentEncode(value.slice(0, eq))}=${percentEncode(value.slice(eq + 1))}`;
}

/**
 * The body as curl would build it: -d values (and files) joined with `&`,
 * --form fields encoded and appended, or a JSON body; form-encoded unless
 * -H Content-Type says otherwise. No body flags: no body.
 */
export async function readBody(flags: BodyFlags, env: Environment): Promise<RequestBody | undefined> {
  const stdin = { used: false };
  if (flags.jsonBody !== undefined) {
    if (flags.data.length > 0 || flags.form.length > 0) throw usageError('conflicting-bodies', '--json-body cannot be combined with -d/--data or --form', 'give one body');
    const content = await readArgument(flags.jsonBody, '--json-body', env, stdin);
    try {
      JSON.parse(content);
    } catch (error) {
      throw usageError('invalid-json-body', `--json-body is not JSON (${(error as Error).message})`, 'check the quoting: --json-body \'{"name":"value"}\'');
    }
    return { contentType: flags.contentType ?? JSON_TYPE, content };
  }
  if (flags.data.length === 0 && flags.form.length === 0) return undefined;
  const parts: string[] = [];
  for (const value of flags.data) parts.push(await readArgument(value, '-d', env, stdin));
  for (const value of flags.form) parts.push(formField(value));
  return { contentType: flags.contentType ?? FORM, content: parts.join('&') };
}
