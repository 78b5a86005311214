import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Environment } from '../../cli/environment.js';
import { createOutput } from '../../cli/output.js';
import { ExitCode, inputError, usageError } from '../../errors.js';
import { readTextFile } from '../../files/read-text-file.js';
import { readStdin } from '../../files/stdin.js';
import { diagnose } from '../../diagnose/diagnose.js';
import { pastedRequest } from '../../diagnose/evidence/pasted-request.js';
import { resolveLang, type Lang } from '../../diagnose/lang.js';
import { CARRIERS_LOOKED_IN, describeInput, readTextReading, type InputSeen, type NextStep } from '../../diagnose/read-problem.js';
import { diagnosisJson, renderDiagnosis } from '../../diagnose/render.js';
import { secretsInText } from '../../diagnose/secrets-in-text.js';
import { say } from '../../diagnose/text.js';
import { parseSessionRecord } from '../../diagnose/session-file.js';
import { renderSessionSummary, summarizeSession } from '../../diagnose/session-summary.js';
import type { DetectedProblem, SessionEvidence } from '../../diagnose/types.js';
import type { ExplainOptions } from './options.js';

/** Larger than any error response; a guard against pointing explain at a disk image. */
const MAX_INPUT_BYTES = 8 * 1024 * 1024;
const FILE_LIKE = /^(?:\.{0,2}\/|~\/)|\.(?:txt|json|html?|xml|http|log|har|out)$/i;

export async function runExplain(input: readonly string[], options: ExplainOptions, env: Environment): Promise<ExitCode> {
  const lang = resolveLang(options.lang, env.env);
  const status = parseStatus(options.status);
  const headers = parseHeaders(options.header);
  const session = options.session === undefined ? undefined : readSession(options.session, env);
  const evidence = session?.evidence ?? {};
  // With only --session, explain the problem the run recorded.
  const fromSession = input.length === 0 && status === undefined && Object.keys(headers).length === 0 ? session?.problem : undefined;
  // Issue 15 item 10: a session that recorded no refusal (interrupted, timed out, succeeded) is described, not "nothing to explain".
  if (session && input.length === 0 && fromSession === undefined && status === undefined && Object.keys(headers).length === 0) return describeSession(session.json, options, env, lang);
  const bare = input.length === 0 && (status !== undefined || Object.keys(headers).length > 0);
  const text = fromSession !== undefined ? '' : await readInput(input, env, bare);

  const output = await createOutput(env, { showSecrets: options.showSecrets });
  // A session saved with --show-secrets holds them in full (base strings, URLs): mask those too.
  for (const secret of secretsInText(`${text}\n${session?.text ?? ''}`)) output.redactor.add(secret);

  const reading = fromSession === undefined ? readTextReading(text, { status, headers }) : { problem: fromSession };
  const problem = reading.problem;
  if (!problem && reading.notAProblem !== undefined) {
    // The reader read the input whole and can say why it is no problem: one line, not the list of carriers.
    const line = say(`notAProblem_${reading.notAProblem}`, lang);
    if (options.json) output.json({ recognised: false, reason: reading.notAProblem, message: line, lookedFor: CARRIERS_LOOKED_IN });
    output.narrate(`oauth-doctor: ${line}`);
    return ExitCode.Refused;
  }
  if (!problem) {
    // Say what was looked at (the shapes found, never their text) and the next step that fits this input (issue #12 item 6).
    const { seen, next } = describeInput(text, { status });
    if (options.json) output.json({ recognised: false, lookedAt: seen, next, lookedFor: CARRIERS_LOOKED_IN });
    output.narrate('oauth-doctor: nothing in the input was recognised as an OAuth problem.');
    output.narrate(`Looked at: ${lookedAt(seen, status)}`);
    output.narrate('Looked for:');
    for (const carrier of CARRIERS_LOOKED_IN) output.narrate(`  - ${carrier}`);
    output.narrate(`Next: ${next.map(nextStepText).join('; or ')}.`);
    return ExitCode.Refused;
  }
  // A paste is its own evidence where no session is given: the OAuth 1.0a request it shows beside the error (its leg, a signing key's shape).
  const pasted = session === undefined ? pastedRequest(text) : undefined;
  const diagnosis = diagnose(problem, pasted === undefined ? evidence : { ...evidence, pasted }, { lang });
  if (options.json) output.json(diagnosisJson(diagnosis));
  else output.results(renderDiagnosis(diagnosis, output.out, output.outWidth));
  return ExitCode.Ok;
}

const FRAGMENT_NAMES: Readonly<Record<string, string>> = { json: 'a JSON object', form: 'form-encoded parameters', url: 'a URL with a query', xml: 'XML', html: 'an HTML page' };

/** One line naming what the extractor found in the input: its size, the shapes in it and where, or that it held none. */
function lookedAt(seen: InputSeen, status: number | undefined): string {
  const parts: string[] = [];
  if (seen.shape === 'har') parts.push('a HAR capture');
  if (seen.shape === 'curl-command') parts.push('a curl command');
  if (seen.shape === 'curl-verbose') parts.push('a curl -v transcript');
  if (seen.request) parts.push('an HTTP request line');
  const shownStatus = status ?? seen.status;
  if (shownStatus !== undefined) parts.push(status !== undefined ? `the status ${shownStatus} given with --status` : `a status ${shownStatus} in the text`);
  if (seen.headers.length > 0) parts.push(`header lines (${seen.headers.join(', ')})`);
  for (const f of seen.fragments) parts.push(`${FRAGMENT_NAMES[f.kind] ?? f.kind} at character ${f.at}${f.decoded.length > 0 ? ` (after undoing ${f.decoded.join(', ')})` : ''}`);
  const size = `${seen.chars} characters in ${seen.lines} line${seen.lines === 1 ? '' : 's'}`;
  if (parts.length === 0) return `${size}, as plain text: no JSON, XML, form parameters, URL query, status line or header line in it, and no words the classifier knows.`;
  return `${size}; found ${parts.join(', ')}; none of it carried an OAuth error oauth-doctor knows.`;
}

function nextStepText(step: NextStep): string {
  if (step === 'inspect') return 'read a capture of the whole exchange (HAR, curl command, raw HTTP) with oauth-doctor inspect FILE';
  if (step === 'status') return 'add --status N for a bare body (the HTTP status of the answer)';
  return 'pass the whole response with its status line and headers (curl -si … | oauth-doctor explain -)';
}

function parseStatus(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{3}$/.test(value.trim()) || Number(value) < 100 || Number(value) > 599) {
    throw usageError('invalid-status', `--status "${value}" is not an HTTP status`, 'give a number from 100 to 599, e.g. --status 401');
  }
  return Number(value);
}

function parseHeaders(values: readonly string[]): Record<string, string[]> {
  const headers: Record<string, string[]> = {};
  for (const value of values) {
    const colon = value.indexOf(':');
    const name = colon === -1 ? '' : value.slice(0, colon).trim();
    if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name)) {
      throw usageError('invalid-header', `--header "${value}" is not "Name: value"`, `e.g. --header 'WWW-Authenticate: OAuth oauth_problem="token_rejected"'`);
    }
    (headers[name.toLowerCase()] ??= []).push(value.slice(colon + 1).trim());
  }
  return headers;
}

const INPUT_HINT = 'give a code, the response text, a URL, a file, or pipe the response in (e.g. oauth-doctor explain token_rejected); --session FILE alone explains the problem a flow run recorded';

/**
 * The text to explain: the words given, a file, or stdin — with `-`, or when
 * nothing is named and stdin is no terminal (`curl -si URL | oauth-doctor explain`,
 * as most CLIs read a pipe). `bare`: --status or --header alone describe the
 * answer, so nothing named and nothing piped is an empty body, not an error
 * (and only a shell pipe or a file is read for the body then).
 * Empty input (only white space) is one line, exit 2: there is nothing to read.
 */
async function readInput(input: readonly string[], env: Environment, bare: boolean): Promise<string> {
  if (input.length === 0) {
    if (env.stdinIsTTY) {
      if (bare) return '';
      throw usageError('missing-input', 'nothing to explain', INPUT_HINT);
    }
    // --status/--header alone under a parent that holds stdin open (a socket) would wait for ever: read only a pipe or a file.
    if (bare && env.stdinIsPipeOrFile === false) return '';
    const piped = await readResponseFromStdin(env);
    if (piped.trim() === '' && !bare) throw inputError('input-empty', 'nothing to explain: stdin was empty (with no input named, explain reads stdin)', INPUT_HINT);
    return piped;
  }
  if (input.length === 1 && input[0] === '-') {
    const piped = await readResponseFromStdin(env);
    if (piped.trim() === '' && !bare) throw inputError('input-empty', 'nothing to explain: stdin was empty', 'pipe the response in, e.g. curl -si URL | oauth-doctor explain -');
    return piped;
  }
  const joined = input.join(' ');
  if (input.length === 1 && joined.trim() !== '' && !/^[a-z][a-z+.-]*:\/\//i.test(joined)) {
    const path = resolve(env.cwd, joined);
    const stat = statOrUndefined(path);
    if (stat?.isFile()) {
      if (stat.size > MAX_INPUT_BYTES) throw inputError('input-too-large', `${joined} is ${stat.size} bytes`, `explain reads at most ${MAX_INPUT_BYTES} bytes; cut the response out of it`);
      const content = readTextFile(path, env.cwd, { code: 'input-unreadable', shown: joined, hint: 'check the path and its permissions' });
      if (content.trim() === '' && !bare) throw inputError('input-empty', `${joined} is empty${content === '' ? '' : ' (white space only)'}: nothing to explain`, 'give the file that holds the provider\'s answer (curl -si URL > response.txt)');
      return content;
    }
    if (stat?.isDirectory()) throw usageError('input-is-directory', `${joined} is a directory`, 'give a file holding the response');
    if (FILE_LIKE.test(joined) && !/\s/.test(joined)) throw usageError('input-file-missing', `${joined}: no such file`, 'check the path, or quote the text to explain it as text');
  }
  if (joined.trim() === '' && !bare) throw inputError('input-empty', 'nothing to explain: the input given is empty', INPUT_HINT);
  return joined;
}

function statOrUndefined(path: string): ReturnType<typeof statSync> | undefined {
  try {
    // Most inputs are not files: no exception for the usual "no such file".
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

async function readResponseFromStdin(env: Environment): Promise<string> {
  const bytes = await readStdin(env, { ttyHint: 'pipe the response in, e.g. curl -si URL | oauth-doctor explain -', maxBytes: MAX_INPUT_BYTES, tooLargeHint: 'pipe only the response' });
  return bytes.toString('utf8');
}

/** What a session without a refusal holds, on stdout; exit 1: nothing was recognised as a problem. */
async function describeSession(json: unknown, options: ExplainOptions, env: Environment, lang: Lang): Promise<ExitCode> {
  const output = await createOutput(env, { showSecrets: options.showSecrets });
  const summary = summarizeSession(json);
  if (options.json) output.json({ recognised: false, reason: `session-${summary.outcome}`, session: summary, message: renderSessionSummary(summary, lang).join(' ') });
  else output.results(renderSessionSummary(summary, lang));
  return ExitCode.Refused;
}

function readSession(file: string, env: Environment): { evidence: SessionEvidence; problem: DetectedProblem | undefined; text: string; json: unknown } {
  const raw = readTextFile(file, env.cwd, { code: 'session-unreadable', shown: `--session ${file}`, hint: 'give the file that flow --save wrote' });
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw inputError('session-not-json', `--session ${file}: not JSON`, 'give the file that flow --save wrote, or a SessionEvidence object');
  }
  const parsed = parseSessionRecord(json);
  if (!parsed.ok) {
    const shown = parsed.problems.slice(0, 5).join('; ') + (parsed.problems.length > 5 ? `; and ${parsed.problems.length - 5} more` : '');
    throw inputError('session-invalid', `--session ${file}: ${shown}`, 'fix the file or save a new one with flow --save');
  }
  return { evidence: parsed.evidence, problem: parsed.problem, text: raw, json };
}
