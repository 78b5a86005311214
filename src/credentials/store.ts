import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { inputError, usageError } from '../errors.js';
import { readPrivateFile } from '../files/read-private-file.js';
import { writePrivateFile } from '../files/write-private-file.js';
import { isSignatureMethod, type SignatureMethod } from '../oauth/methods.js';
import { credentialsPath } from './path.js';

/**
 * Named credentials (`flow --save-credentials NAME`, `request --as NAME`):
 * what signs a call — consumer key and secret, token and token secret, or the
 * path of an RSA key file (never the key itself) — kept in one JSON file of
 * the user's (credentials.json, mode 0600). A file other users can read is
 * refused, not warned about: it holds secrets by construction.
 */
export interface OAuth1Credential {
  readonly protocol?: undefined;
  readonly consumerKey: string;
  readonly consumerSecret?: string | undefined;
  readonly token?: string | undefined;
  readonly tokenSecret?: string | undefined;
  /** Absolute path of a PEM private key (RSA methods). */
  readonly privateKeyFile?: string | undefined;
  readonly signatureMethod?: SignatureMethod | undefined;
  /** The provider preset or profile it was made with, for its conventions. */
  readonly provider?: string | undefined;
  /** ISO time it was saved. */
  readonly savedAt?: string | undefined;
}

/**
 * An OAuth 2.0 credential (`flow --save-credentials NAME` on an OAuth 2.0
 * run): the access token `request --as NAME` sends as a bearer token
 * (RFC 6750 §2.1), and what a refresh would need, kept in the same file.
 */
export interface OAuth2Credential {
  readonly protocol: 'oauth2';
  readonly clientId: string;
  readonly accessToken: string;
  readonly refreshToken?: string | undefined;
  readonly tokenType?: string | undefined;
  readonly scope?: string | undefined;
  /** ISO time the access token expires (from expires_in), when it said. */
  readonly expiresAt?: string | undefined;
  readonly issuer?: string | undefined;
  readonly tokenEndpoint?: string | undefined;
  readonly provider?: string | undefined;
  readonly savedAt?: string | undefined;
}

export type NamedCredential = OAuth1Credential | OAuth2Credential;

interface StoreFile {
  readonly version: 1;
  readonly credentials: Readonly<Record<string, NamedCredential>>;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;
const FIELDS = ['consumerKey', 'consumerSecret', 'token', 'tokenSecret', 'privateKeyFile', 'signatureMethod', 'provider', 'savedAt'] as const;
const OAUTH2_FIELDS = ['protocol', 'clientId', 'accessToken', 'refreshToken', 'tokenType', 'scope', 'expiresAt', 'issuer', 'tokenEndpoint', 'provider', 'savedAt'] as const;

export function checkCredentialName(name: string, flag: string): string {
  if (!NAME.test(name)) throw usageError('invalid-credential-name', `${flag} "${name.slice(0, 40)}" is not a credential name`, 'use letters, digits, ".", "_", "@" or "-" (at most 64), e.g. x-personal');
  return name;
}

function fromJson(value: unknown, path: string): StoreFile {
  const bad = (why: string) => inputError('credentials-file-invalid', `${path}: ${why}`, 'fix or remove the file; oauth-doctor credentials remove NAME rewrites it');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad('not a JSON object');
  const credentials = (value as { credentials?: unknown }).credentials;
  if (typeof credentials !== 'object' || credentials === null || Array.isArray(credentials)) throw bad('no "credentials" object');
  const out: Record<string, NamedCredential> = {};
  for (const [name, entry] of Object.entries(credentials as Record<string, unknown>)) {
    if (typeof entry !== 'object' || entry === null) throw bad(`"${name}" is not an object`);
    const record: Record<string, string> = {};
    const oauth2 = (entry as Record<string, unknown>)['protocol'] === 'oauth2';
    for (const field of oauth2 ? OAUTH2_FIELDS : FIELDS) {
      const v = (entry as Record<string, unknown>)[field];
      if (v === undefined) continue;
      if (typeof v !== 'string') throw bad(`"${name}".${field} is not a string`);
      record[field] = v;
    }
    if (oauth2) {
      if (!record['clientId'] || !record['accessToken']) throw bad(`"${name}" (OAuth 2.0) has no clientId or accessToken`);
      out[name] = record as unknown as OAuth2Credential;
      continue;
    }
    if (!record['consumerKey']) throw bad(`"${name}" has no consumerKey`);
    if (record['signatureMethod'] !== undefined && !isSignatureMethod(record['signatureMethod'])) throw bad(`"${name}".signatureMethod "${record['signatureMethod']}" is not a signature method`);
    out[name] = record as unknown as OAuth1Credential;
  }
  return { version: 1, credentials: out };
}

/** The saved credentials; none when the file does not exist. Refused (exit 2) when others can read it. */
export function readCredentials(env: Readonly<Record<string, string | undefined>>): { path: string; credentials: Readonly<Record<string, NamedCredential>> } {
  const path = credentialsPath(env);
  if (!existsSync(path)) return { path, credentials: {} };
  const file = readPrivateFile(path, '/', { code: 'credentials-unreadable', shown: path, hint: 'check the file, or remove it' });
  if (process.platform !== 'win32' && (file.mode & 0o077) !== 0) {
    throw usageError('credentials-file-exposed', `${path} can be read by other users (mode ${(file.mode & 0o777).toString(8).padStart(4, '0')})`, `chmod 600 ${path}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(file.text);
  } catch (error) {
    throw inputError('credentials-file-invalid', `${path}: not JSON (${(error as Error).message})`, 'fix or remove the file');
  }
  return { path, credentials: fromJson(parsed, path).credentials };
}

export function findCredential(env: Readonly<Record<string, string | undefined>>, name: string, flag = '--as'): NamedCredential {
  const { path, credentials } = readCredentials(env);
  const found = credentials[checkCredentialName(name, flag)];
  if (!found) {
    const names = Object.keys(credentials);
    throw usageError('unknown-credential', `${flag} ${name}: no credential of that name in ${path}`, names.length > 0 ? `saved: ${names.join(', ')}` : 'save one with flow --save-credentials NAME or request --save-credentials NAME');
  }
  return found;
}

function write(path: string, credentials: Readonly<Record<string, NamedCredential>>): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const store: StoreFile = { version: 1, credentials };
  writePrivateFile(path, '/', JSON.stringify(store, null, 2) + '\n', '--save-credentials');
}

/** Saves (or replaces) one credential; returns the file's path. */
export function saveCredential(env: Readonly<Record<string, string | undefined>>, name: string, credential: NamedCredential): string {
  const { path, credentials } = readCredentials(env);
  const clean = Object.fromEntries(Object.entries({ ...credential, }).filter(([, v]) => v !== undefined && v !== '')) as unknown as NamedCredential;
  write(path, { ...credentials, [checkCredentialName(name, '--save-credentials')]: clean });
  return path;
}

/** Removes one credential; false when there was none of that name. */
export function removeCredential(env: Readonly<Record<string, string | undefined>>, name: string): { path: string; removed: boolean } {
  const { path, credentials } = readCredentials(env);
  if (!(name in credentials)) return { path, removed: false };
  const rest = Object.fromEntries(Object.entries(credentials).filter(([n]) => n !== name));
  write(path, rest);
  return { path, removed: true };
}
