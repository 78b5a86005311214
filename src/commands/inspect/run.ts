import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { constants as bufferConstants } from 'node:buffer';
import { resolve } from 'node:path';
import { createRequire } from 'node:module';
import type { KeyObject } from 'node:crypto';
import type * as V8 from 'node:v8';
import type { Environment } from '../../cli/environment.js';
import { readPrivateKeyFile } from '../../keys/private-key-file.js';
import { createOutput } from '../../cli/output.js';
import { HEAD_BYTES, readCapture, type CaptureFile, type ReadCaptureOptions } from '../../capture/index.js';
import type { CaptureFormat } from '../../capture/types.js';
import { resolveLang, type Lang } from '../../diagnose/lang.js';
import { ExitCode, DoctorError, isDoctorError, usageError } from '../../errors.js';
import { readStdin } from '../../files/stdin.js';
import { inspectCaptureSteps } from '../../inspect/inspect.js';
import { renderReport } from '../../inspect/render.js';
import { inspectJsonDocument } from '../../inspect/report-json.js';
import { t } from '../../inspect/text.js';
import { loadPublicKey } from '../../oauth/signature.js';
import { maskSecret } from '../../secrets/mask.js';
import type { InspectCommandOptions } from './options.js';
import { runInspectStream, STREAM_MIN_BYTES } from './stream-run.js';

/** Files above this size get a progress line on a TTY. */
const PROGRESS_MIN_BYTES = 16 * 1024 * 1024;

function fileError(code: string, what: string, error: unknown, hint: string) {
  return usageError(code, `${what}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, hint);
}

/** A capture file opened: its descriptor and size (a directory or a file larger than a Buffer refused). */
function openInput(path: string, shown: string): { fd: number; size: number } {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw fileError('input-unreadable', shown, error, 'check the path');
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw usageError('input-is-directory', `${shown} is a directory`, 'give the capture file itself');
    return { fd, size: stat.size };
  } catch (error) {
    closeSync(fd);
    if (isDoctorError(error)) throw error;
    throw fileError('input-unreadable', shown, error, 'check the file');
  }
}

/** Bytes of the file at a position, as many as it has (a short read only at its end). */
function readAt(fd: number, into: Buffer, offset: number, length: number, position: number, shown: string): number {
  let done = 0;
  try {
    while (done < length) {
      const read = readSync(fd, into, offset + done, Math.min(length - done, 64 * 1024 * 1024), position + done);
      if (read === 0) break;
      done += read;
    }
  } catch (error) {
    throw fileError('input-unreadable', shown, error, 'check the file');
  }
  return done;
}

/** The whole file in exactly one Buffer of its size (works past the 2 GiB limit of readFileSync). */
function readWhole(fd: number, size: number, shown: string): Buffer {
  if (size > bufferConstants.MAX_LENGTH) throw usageError('input-too-large', `${shown} is ${size} bytes, more than this Node.js can hold`, 'cut the capture down to the OAuth exchanges (filter the HAR by domain)');
  const buf = Buffer.allocUnsafe(size);
  const read = readAt(fd, buf, 0, size, 0, shown);
  return read === size ? buf : buf.subarray(0, read);
}

/** The file read by position (a large capture, streamed: issue 14 item 1); its descriptor is closed by the caller. */
function captureFile(fd: number, size: number, shown: string): CaptureFile {
  const head = Buffer.allocUnsafe(Math.min(size, HEAD_BYTES));
  return {
    size,
    head: head.subarray(0, readAt(fd, head, 0, head.length, 0, shown)),
    read: (into, offset, length, position) => readAt(fd, into, offset, length, position, shown),
  };
}

function parseFormat(value: string | undefined): CaptureFormat | undefined {
  if (value === undefined) return undefined;
  const format = value.toLowerCase();
  if (format === 'har' || format === 'curl' || format === 'http') return format;
  throw usageError('unknown-format', `--format "${value}" is not a capture format`, 'use --format har, curl or http');
}

function parseScheme(value: string | undefined): 'http' | 'https' | undefined {
  if (value === undefined) return undefined;
  const scheme = value.toLowerCase().replace(/:\/*$/, '');
  if (scheme === 'http' || scheme === 'https') return scheme;
  throw usageError('unknown-scheme', `--scheme "${value}" is not http or https`, 'use --scheme http or --scheme https');
}

function parseSkew(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value.trim())) throw usageError('invalid-max-skew', `--max-skew "${value}" is not a whole number of seconds`, 'e.g. --max-skew 300');
  return Number(value.trim());
}

function readKeyFile(path: string, flag: string, env: Environment): KeyObject {
  let pem: string;
  try {
    pem = readFileSync(resolve(env.cwd, path), 'utf8');
  } catch (error) {
    throw fileError(flag === '--public-key' ? 'public-key-unreadable' : 'private-key-unreadable', `${flag} ${path}`, error, 'give the path of a PEM key file');
  }
  // loadPublicKey accepts a public key, a certificate, or the private key it belongs to.
  return loadPublicKey(pem, `${flag} ${path}`);
}

function progressReporter(env: Environment, source: string, size: number, lang: Lang): ((done: number, total: number) => void) | undefined {
  if (!env.stderrIsTTY || size < PROGRESS_MIN_BYTES) return undefined;
  let last = 0;
  return (done, total) => {
    const now = env.now();
    const finished = done >= total;
    if (!finished && now - last < 200) return;
    last = now;
    const mb = (n: number) => (n / 1048576).toFixed(0);
    const text = t('progress', lang, { source, percent: Math.floor((done / total) * 100), done: mb(done), total: mb(total) });
    // Progress is drawn in place on a terminal; it carries no secret and no outside text but the file name.
    env.stderr.write(finished ? '\r\x1b[K' : `\r${text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?')}\x1b[K`);
  };
}

/**
 * A large capture makes garbage fast (each exchange parsed, checked and
 * dropped) while little stays live, and V8 then lets its heap grow to
 * several times what is live before it collects (issue 14 item 1: 100,000
 * curl commands, 29 MB, peaked at 300 MB of memory with 44 MB live). V8's
 * --optimize-for-size, which it reads at each collection, grows the heap by
 * less: set for the rest of this run once the capture is known to be large.
 * Measured on that file (load 2.5–4.9, so CPU is the figure): peak 290 ->
 * 144 MB, CPU 33 -> 39 s. A full collection forced whenever the heap grew by
 * half (vm 'gc'): 204 MB, 41 s; --max-old-space-size or a smaller young
 * generation cannot be set once the process runs.
 */
function favourMemory(): void {
  v8().setFlagsFromString('--optimize-for-size');
}

/**
 * node:v8, loaded only for a large capture (a small one never needs it). Not
 * `await import()`: the CLI bundles run from a code cache (vm.Script, no
 * dynamic-import hook), where it fails (exit 70). process.getBuiltinModule
 * (Node ≥ 20.16) loads a built-in in the CommonJS bundle, the ES module
 * library and the tests alike; createRequire is the fallback where it is
 * missing (a built-in resolves from any absolute path).
 */
function v8(): typeof V8 {
  const builtin = (process as { getBuiltinModule?: typeof process.getBuiltinModule }).getBuiltinModule;
  return builtin === undefined ? (createRequire(process.execPath)('node:v8') as typeof V8) : builtin('node:v8');
}

/** Work done between two yields to the event loop (Ctrl-C is honoured within about this long). */
const SLICE_MS = 50;

function interrupted(): DoctorError {
  return new DoctorError('interrupted', 'interrupted', 'interrupted while inspecting the capture');
}

/** Yields to the event loop when a slice of work is used up; throws once Ctrl-C was pressed. */
function pacer(signal: AbortSignal): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < SLICE_MS) return;
    await new Promise((resolve) => setImmediate(resolve));
    if (signal.aborted) throw interrupted();
    since = performance.now();
  };
}

/** Runs a generator of work to its end, pausing now and then. */
async function drive<T>(steps: Generator<void, T>, pause: () => Promise<void>): Promise<T> {
  for (let n = 0; ; n++) {
    const next = steps.next();
    if (next.done) return next.value;
    if ((n & 31) === 0) await pause();
  }
}

export async function runInspect(file: string | undefined, options: InspectCommandOptions, env: Environment): Promise<ExitCode> {
  const lang = resolveLang(options.lang, env.env);
  const format = parseFormat(options.format);
  const scheme = parseScheme(options.scheme);
  const maxSkewSec = parseSkew(options.maxSkew);
  if (file !== undefined && options.curl !== undefined) throw usageError('too-many-inputs', 'give either a file or --curl, not both', 'inspect one capture at a time');
  if (file === undefined && options.curl === undefined) {
    throw usageError('missing-input', 'nothing to inspect', 'give a .har file, a file with a curl command or raw HTTP, - for stdin, or --curl \'curl …\'');
  }
  const consumerSecret = options.consumerSecret ?? (env.env['OAUTH_CONSUMER_SECRET'] || undefined);
  const tokenSecret = options.tokenSecret ?? (env.env['OAUTH_TOKEN_SECRET'] || undefined);
  const privateKeyFile = options.privateKey ?? (env.env['OAUTH_PRIVATE_KEY_FILE'] || undefined);
  if (options.publicKey !== undefined && options.privateKey !== undefined) throw usageError('too-many-keys', 'give --public-key or --private-key, not both', 'the public key is enough to check RSA-SHA1');
  const privateFlag = options.privateKey ? '--private-key' : 'OAUTH_PRIVATE_KEY_FILE';
  // A private key may be encrypted (passphrase from OAUTH_PRIVATE_KEY_PASSPHRASE or a prompt): read it as sign does, check with its public half.
  const publicKey =
    options.publicKey !== undefined
      ? readKeyFile(options.publicKey, '--public-key', env)
      : privateKeyFile !== undefined
        ? loadPublicKey((await readPrivateKeyFile(privateKeyFile, env, privateFlag)).key, `${privateFlag} ${privateKeyFile}`)
        : undefined;

  const source = options.curl !== undefined ? '--curl' : file === '-' ? 'stdin' : (file as string);
  const opened = options.curl !== undefined || file === '-' ? undefined : openInput(resolve(env.cwd, file as string), file as string);
  try {
    let buf: Buffer | undefined = options.curl !== undefined ? Buffer.from(options.curl, 'utf8') : opened === undefined ? await readStdin(env, {}) : undefined;
    const size = buf?.length ?? opened?.size ?? 0;
    const read = {
      source,
      format: options.curl !== undefined ? (format ?? 'curl') : format,
      scheme,
      readFile: (path: string) => readFileSync(resolve(env.cwd, path), 'utf8'),
      onProgress: progressReporter(env, source, size, lang),
      signal: env.signal,
    };
    const pause = pacer(env.signal);
    // A large capture is inspected as a stream, each exchange checked and dropped, a file read a block at a time (issue 14 item 1); --all spools the report's rows and writes them as it goes.
    const streamFrom = /^\d+$/.test(env.env['OAUTH_DOCTOR_STREAM_MIN_BYTES'] ?? '') ? Number(env.env['OAUTH_DOCTOR_STREAM_MIN_BYTES']) : STREAM_MIN_BYTES;
    if (size >= streamFrom) favourMemory();
    if (size >= streamFrom) {
      const input = buf ?? captureFile((opened as { fd: number }).fd, size, file as string);
      const output = await createOutput(env, { showSecrets: options.showSecrets });
      output.redactor.add(consumerSecret).add(tokenSecret);
      const render = { palette: output.out, lang, mask: (value: string) => (output.redactor.active ? maskSecret(value) : value), redact: (text: string) => output.redactor.redact(text), width: output.outWidth, all: options.all };
      const result = await runInspectStream({ input, read, inspect: { lang, consumerSecret, tokenSecret, publicKey, maxSkewSec }, json: options.json === true, output, render, pause });
      if (!options.json && output.redactor.active && result.secrets > 0) output.narrate(output.err.dim(t('secretsMasked', lang)));
      return result.findings > 0 || result.oauth2Findings > 0 || (result.exchanges === 0 && !result.oauth2) ? ExitCode.Refused : ExitCode.Ok;
    }
    buf ??= readWhole((opened as { fd: number }).fd, size, file as string);
    return await inspectWhole(buf, read, pause, { options, env, lang, consumerSecret, tokenSecret, publicKey, maxSkewSec });
  } finally {
    if (opened) closeSync(opened.fd);
  }
}

interface WholeRun {
  readonly options: InspectCommandOptions;
  readonly env: Environment;
  readonly lang: Lang;
  readonly consumerSecret: string | undefined;
  readonly tokenSecret: string | undefined;
  readonly publicKey: KeyObject | undefined;
  readonly maxSkewSec: number | undefined;
}

/** A capture inspected whole: read, sorted by time, reported (smaller captures, --all). */
async function inspectWhole(input: Buffer, read: ReadCaptureOptions, pause: () => Promise<void>, run: WholeRun): Promise<ExitCode> {
  const { options, env, lang, consumerSecret, tokenSecret, publicKey, maxSkewSec } = run;
  let buf: Buffer | undefined = input;
  const capture = await readCapture(buf, read);
  // The file's bytes are not needed once read: let them go before the report is made (issue 14 item 1).
  buf = undefined;

  // OAuth 2.0 steps (issue 18 item 7): read beside the OAuth 1.0a core, loaded only here.
  const oauth2Module = await import('../../inspect/oauth2/index.js');
  const oauth2 = oauth2Module.inspectOAuth2(capture, { lang });
  const core = await drive(inspectCaptureSteps(capture, { lang, consumerSecret, tokenSecret, publicKey, maxSkewSec }), pause);
  const report = { ...core, oauth2, secrets: [...new Set([...core.secrets, ...(oauth2?.secrets ?? [])])] };
  const output = await createOutput(env, { showSecrets: options.showSecrets });
  output.redactor.add(consumerSecret).add(tokenSecret);
  for (const secret of report.secrets) output.redactor.add(secret);

  if (options.json) {
    await output.jsonStream({ ...inspectJsonDocument(report, lang, output.redactor.active), oauth2: oauth2 ? oauth2Module.oauth2Json(oauth2) : null }, pause);
  } else {
    const lines = renderReport(report, {
      palette: output.out,
      lang,
      mask: (value) => (output.redactor.active ? maskSecret(value) : value),
      redact: (text) => output.redactor.redact(text),
      width: output.outWidth,
      all: options.all,
    });
    if (oauth2) lines.push('', ...oauth2Module.renderOAuth2(oauth2, { palette: output.out, lang, width: output.outWidth }));
    output.results(lines);
    if (output.redactor.active && report.secrets.length > 0) output.narrate(output.err.dim(t('secretsMasked', lang)));
  }
  const oauth2Findings = report.oauth2?.findings.length ?? 0;
  return report.findings.length > 0 || oauth2Findings > 0 || (report.exchanges.length === 0 && report.oauth2 === undefined) ? ExitCode.Refused : ExitCode.Ok;
}
