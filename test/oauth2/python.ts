// Runs an independent Python implementation as a child process (JSON in, JSON out).
import { spawn } from 'node:child_process';

export const PYTHON = '/usr/bin/python3';
export const INSTALL_HINT = 'apt-get install -y python3-authlib python3-jwt python3-oauthlib python3-cryptography (see .ci/run)';

export function runPython<T>(script: string, input: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, [script], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', (error) => reject(new Error(`cannot run ${PYTHON} (${error.message}); ${INSTALL_HINT}`)));
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${script} exited ${code}: ${err.trim().split('\n').slice(-3).join(' | ')}; ${INSTALL_HINT}`));
      resolve(JSON.parse(out) as T);
    });
    child.stdin.end(JSON.stringify(input));
  });
}
