'use strict';
// Build step: loads each CLI bundle (dist/cli.cjs and dist/commands/*.cjs),
// runs in this process, with output discarded, the invocations whose start-up
// matters, then saves V8's code cache of everything they compiled next to the
// bundle (<bundle>.v8-<version>.cache: only that V8 can use it). Nothing
// here touches the network.
const { readdirSync, renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { Readable } = require('node:stream');
const { loadCli, cachePath, FULL_BUNDLE } = require('../bin/oauth-doctor.cjs');

const WARM_UP = [
  ['explain', 'token_used'],
  ['explain', 'oauth_problem=timestamp_refused&oauth_acceptable_timestamps=1-2', '--json'],
  ['codes'],
  ['sign', '--url', 'https://photos.example.net/initiate?a=b', '-X', 'POST', '--consumer-key', 'k', '--consumer-secret', 's', '--timestamp', '1', '--nonce', 'n'],
  ['sign', '--url', 'https://photos.example.net/initiate', '--consumer-key', 'k', '--consumer-secret', 's', '--json'],
  ['--help'],
  ['sign', '--no-such-flag'],
];

const sink = () => ({ write: () => true });

function environment() {
  return {
    stdin: Readable.from([]),
    stdout: sink(),
    stderr: sink(),
    stdinIsTTY: false,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    env: { LANG: 'C' },
    cwd: process.cwd(),
    now: () => Date.now(),
    nonce: () => 'warm-up-nonce',
    signal: new AbortController().signal,
  };
}

/** The full bundle runs every warm-up; a command's bundle runs its own, or its --help. */
function warmUpsFor(command) {
  if (command === undefined) return WARM_UP;
  const own = WARM_UP.filter((argv) => argv[0] === command);
  return own.length > 0 ? own : [[command, '--help']];
}

async function cache(command) {
  const { cli, script, path } = loadCli(command, { userCache: false });
  if (command !== undefined && path === FULL_BUNDLE) throw new Error(`no bundle for ${command}`);
  for (const argv of warmUpsFor(command)) await cli.main(argv, environment());
  const target = cachePath(path);
  const temporary = `${target}.${process.pid}`;
  writeFileSync(temporary, script.createCachedData());
  renameSync(temporary, target);
}

async function main() {
  const commands = readdirSync(join(__dirname, '..', 'dist', 'commands'))
    .filter((file) => file.endsWith('.cjs'))
    .map((file) => file.slice(0, -'.cjs'.length));
  for (const command of [undefined, ...commands]) await cache(command);
}

main().catch((error) => {
  // A missing cache only costs start-up time: say so, do not fail the build.
  process.stderr.write(`code cache not written: ${error.message}\n`);
});
