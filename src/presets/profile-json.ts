import { resolve } from 'node:path';
import { usageError } from '../errors.js';
import { jsonErrorPlace } from '../files/json-error.js';
import { readPrivateFile } from '../files/read-private-file.js';

/** A `--provider FILE` read and parsed: its text (for line:column places), its mode (for the 0600 warning) and its JSON. */
export interface ProfileJson {
  readonly text: string;
  readonly mode: number;
  readonly data: unknown;
}

/**
 * Reads `--provider FILE` as JSON for either protocol's profile. A UTF-8 byte order mark is dropped
 * (Windows editors write one; RFC 8259 §8.1 lets a parser ignore it). Bad JSON is exit 2 with `fixHint`.
 */
export function readProfileJson(path: string, cwd: string, fixHint: string): ProfileJson {
  const read = readPrivateFile(resolve(cwd, path), cwd, { code: 'profile-unreadable', shown: `--provider ${path}`, hint: 'give a preset name or the path of a JSON profile' });
  const text = read.text.startsWith('\uFEFF') ? read.text.slice(1) : read.text;
  try {
    return { text, mode: read.mode, data: JSON.parse(text) as unknown };
  } catch {
    // Never JSON.parse's message: it quotes the file around the error, a secret included (issue 14 #10).
    // FILE:LINE:COLUMN, as compilers and editors take it (a click in most terminals opens the place).
    const place = jsonErrorPlace(text);
    const where = place === undefined ? '' : `: ${path}:${place.line}:${place.column}: expected ${place.expected}`;
    throw usageError('profile-invalid', `--provider ${path} is not valid JSON${where}`, fixHint);
  }
}
