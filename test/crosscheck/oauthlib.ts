// Runs test/crosscheck/oauthlib_sign.py: one python process for a whole batch,
// JSON over stdin/stdout.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SignatureMethod } from '../../src/oauth/index.js';

const SCRIPT = fileURLToPath(new URL('./oauthlib_sign.py', import.meta.url));
const PYTHON = '/usr/bin/python3';
const INSTALL_HINT = 'apt-get install -y python3-oauthlib python3-jwt python3-cryptography (see .ci/run)';

export interface OauthlibCase {
  readonly id: number;
  readonly method: string;
  readonly url: string;
  readonly authorization: string;
  readonly formBody: string | null;
  readonly otherBody: string | null;
  readonly signatureMethod: SignatureMethod;
  readonly consumerSecret: string;
  readonly tokenSecret: string;
}

export type OauthlibResult =
  | { readonly id: number; readonly baseStringUri: string; readonly normalized: string; readonly baseString: string; readonly signature: string; readonly bodyHash?: string; readonly error?: undefined }
  | { readonly id: number; readonly error: string };

export interface OauthlibBatch {
  readonly oauthlib: string;
  readonly results: OauthlibResult[];
}

export function signWithOauthlib(cases: readonly OauthlibCase[], rsaKey?: string): Promise<OauthlibBatch> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, [SCRIPT], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', (error) => reject(new Error(`cannot run ${PYTHON} (${error.message}); ${INSTALL_HINT}`)));
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`oauthlib_sign.py exited ${code}: ${err.trim().split('\n').slice(-3).join(' | ')}; ${INSTALL_HINT}`));
      try {
        resolve(JSON.parse(Buffer.concat(out).toString('utf8')) as OauthlibBatch);
      } catch (error) {
        reject(new Error(`oauthlib_sign.py printed something that is not JSON: ${(error as Error).message}`));
      }
    });
    child.stdin.end(JSON.stringify({ rsaKey: rsaKey ?? null, cases }));
  });
}
