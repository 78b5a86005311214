#!/usr/bin/env node
'use strict';
// The only place that calls process.exit (STYLE habit 6). CommonJS on
// purpose: no ES module loader to start, and `--version` answers before the
// bundle is even read (start-up time, issue #8).

const argv = process.argv.slice(2);

if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  run().catch((error) => {
    // main() has its own top-level catch; this only fires if the bundle cannot load.
    process.stderr.write(`oauth-doctor: cannot start (${error && error.message}) — reinstall the package\n`);
    process.exitCode = 70;
  });
}

async function run() {
  const { main, processEnvironment } = require('./load-cli.cjs').loadCli(argv[0]).cli;
  // Made when a command first asks for its signal: most never do (start-up time, issue #8).
  let controller;
  const signal = () => (controller ??= new AbortController()).signal;
  const interrupt = () => {
    // A command that never asked for the signal has nothing to clean up.
    if (!controller) process.exit(130);
    controller.abort();
    // Commands observe the signal and clean up; do not let a stuck one hang.
    setTimeout(() => process.exit(130), 3000).unref();
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  // A command decides what an interrupt means: `serve` stops cleanly (0), a
  // waiting flow reports it (130).
  process.exitCode = await main(argv, processEnvironment(signal));
}
