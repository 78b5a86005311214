// Runs drills.py, the independent Python client (Authlib, PyJWT,
// requests-oauthlib, requests from Debian), against a serve --oauth2 and
// hands back each drill's result and how long it took.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PYTHON = '/usr/bin/python3';
const DRILLS = fileURLToPath(new URL('./drills.py', import.meta.url));
const INSTALL_HINT = 'apt-get install -y python3-authlib python3-jwt python3-requests-oauthlib python3-oauthlib (see .ci/run)';

export type Drill = Record<string, unknown> & { exception?: string };

export interface DrillConfig {
  readonly issuer: string;
  readonly clientId: string;
  readonly secret: string;
  readonly publicClientId: string;
  /** A client registered with --client-jwks only (private_key_jwt), and the PEMs of its keys and of a key serve never got. */
  readonly keyClientId?: string;
  readonly keys?: { readonly rsa: string; readonly ec: string; readonly wrong: string };
}

export function runDrills(config: DrillConfig, names: readonly string[]): Promise<{ results: Record<string, Drill>; seconds: Record<string, number> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, [DRILLS, JSON.stringify(config), ...names], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', (error) => reject(new Error(`cannot run ${PYTHON} (${error.message}); ${INSTALL_HINT}`)));
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`drills.py exited ${code}: ${err.slice(-2000)}; ${INSTALL_HINT}`));
      const seconds = Object.fromEntries([...err.matchAll(/^drill (\S+): ([\d.]+) s$/gm)].map((m) => [m[1] ?? '', Number(m[2])]));
      resolve({ results: JSON.parse(out) as Record<string, Drill>, seconds });
    });
  });
}
