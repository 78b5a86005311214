import type { KeyObject } from 'node:crypto';
import { isInteractive, type Environment } from '../cli/environment.js';
import { inputError } from '../errors.js';
import { readTextFile } from '../files/read-text-file.js';
import { isEncryptedPem, loadPrivateKey } from '../oauth/signature.js';
import { promptSecret } from './prompt-secret.js';

/** A private key the user named: where it came from, its PEM text (for the redactor) and the loaded key. */
export interface PrivateKeyFile {
  readonly path: string;
  readonly pem: string;
  readonly key: KeyObject;
  /** Given only for an encrypted key; a secret like any other (the redactor masks it). */
  readonly passphrase?: string | undefined;
}

const PASSPHRASE_VARIABLE = 'OAUTH_PRIVATE_KEY_PASSPHRASE';

/**
 * Reads a PEM private key file: PKCS#1, PKCS#8, or encrypted (PKCS#8
 * `ENCRYPTED PRIVATE KEY` or OpenSSL's `Proc-Type: 4,ENCRYPTED`) with the
 * passphrase from OAUTH_PRIVATE_KEY_PASSPHRASE, else asked for on a terminal.
 * A wrong passphrase is one line and exit 2 (`private-key-passphrase-wrong`).
 */
export async function readPrivateKeyFile(path: string, env: Environment, flag = '--private-key'): Promise<PrivateKeyFile> {
  const origin = `${flag} ${path}`;
  const pem = readTextFile(path, env.cwd, { code: 'private-key-unreadable', shown: origin, hint: 'give the path of a PEM private key' });
  let passphrase: string | undefined;
  if (isEncryptedPem(pem)) {
    passphrase = env.env[PASSPHRASE_VARIABLE];
    if (passphrase === undefined && isInteractive(env)) passphrase = await promptSecret(env, `Passphrase for ${path}: `);
    if (passphrase === undefined) {
      throw inputError('private-key-passphrase-missing', `${origin} is encrypted and no passphrase was given`, `set ${PASSPHRASE_VARIABLE}, or run on a terminal to be asked for it`);
    }
  }
  return { path, pem, key: loadPrivateKey(pem, origin, passphrase), passphrase };
}
