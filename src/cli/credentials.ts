import { usageError } from '../errors.js';
import type { Environment } from './environment.js';
import { isRsaMethod, isSignatureMethod, SIGNATURE_METHODS, type SignatureMethod } from '../oauth/methods.js';
import { readPrivateKeyFile, type PrivateKeyFile } from '../keys/private-key-file.js';

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
  readonly privateKey: PrivateKeyFile | undefined;
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

/**
 * Resolves credentials in a fixed order: flag, then environment variable
 * (OAUTH_CONSUMER_KEY, OAUTH_CONSUMER_SECRET, OAUTH_TOKEN, OAUTH_TOKEN_SECRET,
 * OAUTH_PRIVATE_KEY_FILE, OAUTH_PRIVATE_KEY_PASSPHRASE). A missing required value is a usage error naming both.
 */
export async function resolveCredentials(flags: CredentialFlags, env: Environment, options: { requireSecret?: boolean } = {}): Promise<ResolvedCredentials> {
  const signatureMethod = parseSignatureMethod(flags.signatureMethod);
  const consumerKey = pick(flags.consumerKey, env, 'OAUTH_CONSUMER_KEY');
  if (!consumerKey) throw usageError('missing-consumer-key', 'no consumer key', 'pass --consumer-key or set OAUTH_CONSUMER_KEY');
  const privateKeyFile = pick(flags.privateKey, env, 'OAUTH_PRIVATE_KEY_FILE');
  const privateKey = privateKeyFile ? await readPrivateKeyFile(privateKeyFile, env, flags.privateKey ? '--private-key' : 'OAUTH_PRIVATE_KEY_FILE') : undefined;
  if (isRsaMethod(signatureMethod) && !privateKey) {
    throw usageError('missing-private-key', `${signatureMethod} needs a private key`, 'pass --private-key FILE or set OAUTH_PRIVATE_KEY_FILE');
  }
  const consumerSecret = pick(flags.consumerSecret, env, 'OAUTH_CONSUMER_SECRET');
  if (consumerSecret === undefined && !isRsaMethod(signatureMethod) && options.requireSecret !== false) {
    throw usageError('missing-consumer-secret', 'no consumer secret', 'pass --consumer-secret or set OAUTH_CONSUMER_SECRET');
  }
  const token = pick(flags.token, env, 'OAUTH_TOKEN');
  const tokenSecret = pick(flags.tokenSecret, env, 'OAUTH_TOKEN_SECRET');
  return { consumerKey, consumerSecret: consumerSecret ?? '', token, tokenSecret, privateKey, signatureMethod };
}
