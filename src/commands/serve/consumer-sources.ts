import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Environment } from '../../cli/environment.js';
import { usageError } from '../../errors.js';
import { readTextFile } from '../../files/read-text-file.js';

/**
 * Consumers for `serve` from the environment: `key1:secret1,key2:secret2`.
 *
 * Not OAUTH_CONSUMER_KEY / OAUTH_CONSUMER_SECRET, which `sign` and `flow`
 * read: those hold the credentials a *client* signs with, often a real
 * provider's, and a shell that exports them for `flow` would then silently
 * register a real secret with the test provider and replace its generated
 * demo consumer. A provider also holds several consumers, which one pair
 * cannot say. Giving the provider the same pair is one explicit step:
 * OAUTH_DOCTOR_CONSUMERS="$OAUTH_CONSUMER_KEY:$OAUTH_CONSUMER_SECRET".
 */
export const CONSUMERS_VARIABLE = 'OAUTH_DOCTOR_CONSUMERS';

/** A shared-secret consumer and where it was given (for messages; never holds the secret). */
export interface SourcedConsumer {
  readonly key: string;
  readonly secret: string;
  readonly from: string;
}

/**
 * Splits `KEY:SECRET` at the first colon (a secret may hold colons, a key may
 * not). Undefined when either half is missing or the key has white space.
 * Messages built from a failure never quote the text: it may be a secret.
 */
export function splitKeySecret(text: string): { key: string; secret: string } | undefined {
  const colon = text.indexOf(':');
  if (colon <= 0 || colon === text.length - 1) return undefined;
  const key = text.slice(0, colon);
  if (/[\s\p{Cc}]/u.test(key)) return undefined;
  return { key, secret: text.slice(colon + 1) };
}

/** OAUTH_DOCTOR_CONSUMERS: comma-separated KEY:SECRET entries; empty entries are skipped. */
export function parseConsumerList(text: string, variable = CONSUMERS_VARIABLE): SourcedConsumer[] {
  const consumers: SourcedConsumer[] = [];
  text.split(',').forEach((raw, index) => {
    const entry = raw.trim();
    if (entry === '') return;
    const pair = splitKeySecret(entry);
    if (!pair) throw usageError('invalid-consumer', `${variable}: entry ${index + 1} is not KEY:SECRET`, `e.g. ${variable}="app1:secret1,app2:secret2" (a secret with a comma goes in --consumers-file)`);
    consumers.push({ ...pair, from: `${variable} entry ${index + 1}` });
  });
  return consumers;
}

/** A consumers file: one KEY:SECRET per line; blank lines and lines starting with # are skipped. */
export function parseConsumersFile(text: string, shown: string): SourcedConsumer[] {
  const consumers: SourcedConsumer[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const pair = splitKeySecret(line);
    if (!pair) throw usageError('invalid-consumer', `--consumers-file ${shown} line ${index + 1} is not KEY:SECRET`, 'write one KEY:SECRET per line; a line starting with # is a comment');
    consumers.push({ ...pair, from: `--consumers-file ${shown} line ${index + 1}` });
  });
  return consumers;
}

/**
 * Reads --consumers-file. It holds secrets, so a file other users can read
 * is refused (profiles only warn, but a profile names one secret the user
 * already exposed; this file is a list kept for the purpose). Not checked
 * on Windows, where these mode bits mean nothing.
 */
export function readConsumersFile(path: string, env: Environment): SourcedConsumer[] {
  const text = readTextFile(path, env.cwd, { code: 'consumers-file-unreadable', shown: `--consumers-file ${path}`, hint: 'give the path of a file with one KEY:SECRET per line' });
  if (process.platform !== 'win32') {
    const mode = statSync(resolve(env.cwd, path)).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      throw usageError('consumers-file-readable-by-others', `--consumers-file ${path} holds secrets but other users can read it (mode ${mode.toString(8).padStart(4, '0')})`, `run chmod 600 ${path}`);
    }
  }
  return parseConsumersFile(text, path);
}

/** Every shared-secret consumer from the environment, the file and the flags; a key given twice is refused. */
export function sharedSecretConsumers(flags: readonly string[], file: string | undefined, env: Environment): SourcedConsumer[] {
  const fromFlags = flags.map((value) => {
    const pair = splitKeySecret(value);
    if (!pair) throw usageError('invalid-consumer', `--consumer ${value.includes(':') ? `"${value.slice(0, value.indexOf(':'))}:…"` : 'value'} is not KEY:SECRET`, 'e.g. --consumer my-app:s3cr3t, or put them in --consumers-file');
    return { ...pair, from: '--consumer' };
  });
  const all = [...parseConsumerList(env.env[CONSUMERS_VARIABLE] ?? ''), ...(file === undefined ? [] : readConsumersFile(file, env)), ...fromFlags];
  const seen = new Map<string, string>();
  for (const consumer of all) {
    const earlier = seen.get(consumer.key);
    if (earlier !== undefined) throw usageError('duplicate-consumer', `consumer ${consumer.key} is given twice (${earlier}, ${consumer.from})`, 'give each consumer key once');
    seen.set(consumer.key, consumer.from);
  }
  return all;
}
