'use strict';
// Build step: loads dist/cli.cjs, runs the commands whose start-up matters
// (explain, codes, sign, --help) in this process with output discarded, then
// saves V8's code cache of everything they compiled to dist/cli.cache.
// Nothing here touches the network.
const { renameSync, writeFileSync } = require('node:fs');
const { Writable, Readable } = require('node:stream');
const { loadCli, CACHE } = require('../bin/load-cli.cjs');

const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });
const WARM_UP = [
  ['explain', 'token_used'],
  ['explain', 'oauth_problem=timestamp_refused&oauth_acceptable_timestamps=1-2', '--json'],
  ['codes'],
  ['sign', '--url', 'https://photos.example.net/initiate?a=b', '-X', 'POST', '--consumer-key', 'k', '--consumer-secret', 's', '--timestamp', '1', '--nonce', 'n'],
  ['sign', '--url', 'https://photos.example.net/initiate', '--consumer-key', 'k', '--consumer-secret', 's', '--json'],
  ['--help'],
  ['sign', '--no-such-flag'],
];

async function main() {
  const { cli, script } = loadCli();
  for (const argv of WARM_UP) {
    const env = {
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
    await cli.main(argv, env);
  }
  const temporary = `${CACHE}.${process.pid}`;
  writeFileSync(temporary, script.createCachedData());
  renameSync(temporary, CACHE);
}

main().catch((error) => {
  // A missing cache only costs start-up time: say so, do not fail the build.
  process.stderr.write(`code cache not written: ${error.message}\n`);
});
