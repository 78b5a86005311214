import type { Environment } from '../../cli/environment.js';
import { usageError } from '../../errors.js';
import { readPrivateFile } from '../../files/read-private-file.js';
import { consumerListEntries, CONSUMERS_VARIABLE, splitKeyValue } from './consumer-list.js';

export { CONSUMERS_VARIABLE, consumerSecretsIn } from './consumer-list.js';

/** A consumer and where it was given (for messages; `from` never holds the secret). */
export interface SourcedConsumer {
  readonly key: string;
  readonly from: string;
}

/** A shared-secret consumer and where it was given. */
export interface SharedSecretConsumer extends SourcedConsumer {
  readonly secret: string;
}

/** OAUTH_DOCTOR_CONSUMERS: comma-separated KEY:SECRET entries; empty entries are skipped. */
export function parseConsumerList(text: string, variable = CONSUMERS_VARIABLE): SharedSecretConsumer[] {
  return consumerListEntries(text).map(({ number, pair }) => {
    if (!pair) throw usageError('invalid-consumer', `${variable}: entry ${number} is not KEY:SECRET`, `e.g. ${variable}="app1:secret1,app2:secret2" (a secret with a comma goes in --consumers-file)`);
    return { key: pair.key, secret: pair.value, from: `${variable} entry ${number}` };
  });
}

/** A consumers file: one KEY:SECRET per line; blank lines and lines starting with # are skipped. */
export function parseConsumersFile(text: string, shown: string): SharedSecretConsumer[] {
  const consumers: SharedSecretConsumer[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const pair = splitKeyValue(line);
    if (!pair) throw usageError('invalid-consumer', `--consumers-file ${shown} line ${index + 1} is not KEY:SECRET`, 'write one KEY:SECRET per line; a line starting with # is a comment');
    consumers.push({ key: pair.key, secret: pair.value, from: `--consumers-file ${shown} line ${index + 1}` });
  });
  return consumers;
}

/**
 * Reads --consumers-file. It holds secrets, so a file other users can read
 * is refused (profiles only warn, but a profile names one secret the user
 * already exposed; this file is a list kept for the purpose). Not checked
 * on Windows, where these mode bits mean nothing.
 */
function readConsumersFile(path: string, env: Environment): SharedSecretConsumer[] {
  const { text, mode } = readPrivateFile(path, env.cwd, { code: 'consumers-file-unreadable', shown: `--consumers-file ${path}`, hint: 'give the path of a file with one KEY:SECRET per line' });
  if (process.platform !== 'win32') {
    if ((mode & 0o077) !== 0) {
      throw usageError('consumers-file-readable-by-others', `--consumers-file ${path} holds secrets but other users can read it (mode ${mode.toString(8).padStart(4, '0')})`, `run chmod 600 ${path}`);
    }
  }
  return parseConsumersFile(text, path);
}

/** Every shared-secret consumer from the environment, the file and the flags, in that order (keys are checked for duplicates with the RSA ones: `refuseDuplicateKeys`). */
export function sharedSecretConsumers(flags: readonly string[], file: string | undefined, env: Environment): SharedSecretConsumer[] {
  const fromFlags = flags.map((value) => {
    const pair = splitKeyValue(value);
    if (!pair) throw usageError('invalid-consumer', `--consumer ${value.includes(':') ? `"${value.slice(0, value.indexOf(':'))}:…"` : 'value'} is not KEY:SECRET`, 'e.g. --consumer my-app:s3cr3t, or put them in --consumers-file');
    return { key: pair.key, secret: pair.value, from: '--consumer' };
  });
  return [...parseConsumerList(env.env[CONSUMERS_VARIABLE] ?? ''), ...(file === undefined ? [] : readConsumersFile(file, env)), ...fromFlags];
}

/** What the entries are called in messages: OAuth 1.0a consumers and their keys, or OAuth 2 clients and their ids. */
const CONSUMER_WORDS = { noun: 'consumer', key: 'consumer key', code: 'duplicate-consumer' } as const;
export const CLIENT_WORDS = { noun: 'client', key: 'client id', code: 'duplicate-client' } as const;

/** A key given twice, from any source (shared-secret or RSA), is refused naming both places. */
export function refuseDuplicateKeys(consumers: readonly SourcedConsumer[], words: { readonly noun: string; readonly key: string; readonly code: string } = CONSUMER_WORDS): void {
  const seen = new Map<string, string>();
  for (const consumer of consumers) {
    const earlier = seen.get(consumer.key);
    if (earlier !== undefined) throw usageError(words.code, `${words.noun} ${consumer.key} is given twice (${earlier}, ${consumer.from})`, `give each ${words.key} once`);
    seen.set(consumer.key, consumer.from);
  }
}
