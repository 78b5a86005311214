import { readTextFile } from '../files/read-text-file.js';
import { usageError } from '../errors.js';
import type { Environment } from './environment.js';
import { isSignatureMethod, SIGNATURE_METHODS, type SignatureMethod } from '../oauth/types.js';
import { loadPrivateKey } from '../oauth/signature.js';

/** Flags that every signing command shares; each falls back to an environment variable. */
export interface CredentialFlags {
  readonly consumerKey?: string | undefined;
  readonly consumerSecret?: string | undefined;
  readonly token?: string | undefined;
  readonly tokenSecret?: string | undefined;
  readonly privateKey?: string | undefined;
  readonly signatureMethod?: string | undefined;
}

export interface ResolvedCredentials {
  readonly consumerKey: string;
  readonly consumerSecret: string;
  readonly token: string | undefined;
  readonly tokenSecret: string | undefined;
  readonly privateKeyPem: string | undefined;
  readonly signatureMethod: SignatureMethod;
}

function pick(flag: string | undefined, env: Environment, variable: string): string | undefined {
  return flag ?? (env.env[variable] || undefined);
}

export function parseSignatureMethod(value: string | undefined, flag = '--signature-method'): SignatureMethod {
  const method = (value ?? 'HMAC-SHA1').toUpperCase();
  if (!isSignatureMethod(method)) {
    throw usageError('unknown-signature-method', `${flag} "${value}" is not a signature method`, `use one of ${SIGNATURE_METHODS.join(', ')}`);
  }
  return method;
}

/** Reads a PEM private key file and checks that it parses. */
export function readPrivateKeyFile(path: string, env: Environment, flag = '--private-key'): string {
  const pem = readTextFile(path, env.cwd, { code: 'private-key-unreadable', shown: `${flag} ${path}`, hint: 'give the path of a PEM private key' });
  loadPrivateKey(pem, `${flag} ${path}`);
  return pem;
}

/**
 * Resolves credentials in a fixed order: flag, then environment variable
 * (OAUTH_CONSUMER_KEY, OAUTH_CONSUMER_SECRET, OAUTH_TOKEN, OAUTH_TOKEN_SECRET,
 * OAUTH_PRIVATE_KEY_FILE). A missing required value is a usage error naming both.
 */
export function resolveCredentials(flags: CredentialFlags, env: Environment, options: { requireSecret?: boolean } = {}): ResolvedCredentials {
  const signatureMethod = parseSignatureMethod(flags.signatureMethod);
  const consumerKey = pick(flags.consumerKey, env, 'OAUTH_CONSUMER_KEY');
  if (!consumerKey) throw usageError('missing-consumer-key', 'no consumer key', 'pass --consumer-key or set OAUTH_CONSUMER_KEY');
  const privateKeyFile = pick(flags.privateKey, env, 'OAUTH_PRIVATE_KEY_FILE');
  const privateKeyPem = privateKeyFile ? readPrivateKeyFile(privateKeyFile, env, flags.privateKey ? '--private-key' : 'OAUTH_PRIVATE_KEY_FILE') : undefined;
  if (signatureMethod === 'RSA-SHA1' && !privateKeyPem) {
    throw usageError('missing-private-key', 'RSA-SHA1 needs a private key', 'pass --private-key FILE or set OAUTH_PRIVATE_KEY_FILE');
  }
  const consumerSecret = pick(flags.consumerSecret, env, 'OAUTH_CONSUMER_SECRET');
  if (consumerSecret === undefined && signatureMethod !== 'RSA-SHA1' && options.requireSecret !== false) {
    throw usageError('missing-consumer-secret', 'no consumer secret', 'pass --consumer-secret or set OAUTH_CONSUMER_SECRET');
  }
  const token = pick(flags.token, env, 'OAUTH_TOKEN');
  const tokenSecret = pick(flags.tokenSecret, env, 'OAUTH_TOKEN_SECRET');
  return { consumerKey, consumerSecret: consumerSecret ?? '', token, tokenSecret, privateKeyPem, signatureMethod };
}
