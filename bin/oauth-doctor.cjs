#!/usr/bin/env node
'use strict';
// The CLI's entry, and the only place that calls process.exit (STYLE habit
// 6). CommonJS and one file on purpose: no ES module loader to start, no
// second file to resolve, and `--version` answers before any bundle is read
// (start-up time, issue #8).
//
// It loads a bundled CLI through a V8 code cache made at build time
// (scripts/code-cache.cjs), the way v8-compile-cache does for require(): the
// bundle's functions arrive compiled instead of being parsed and compiled on
// every start. `explain …` loads dist/commands/explain.cjs, which holds that
// command alone; anything else (--help, no command, a typo) loads
// dist/cli.cjs, which holds them all. A cache from another Node version is
// rejected by V8 and the bundle simply compiles as usual.
const { readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

const DIST = join(__dirname, '..', 'dist');
const FULL_BUNDLE = join(DIST, 'cli.cjs');

/**
 * The bundle for a command line's first word: its own, or the full one. The
 * build writes them in pure ASCII, so latin1 reads them right, and faster than UTF-8.
 */
function bundleFor(firstWord) {
  if (typeof firstWord === 'string' && /^[a-z]+$/.test(firstWord)) {
    const own = join(DIST, 'commands', `${firstWord}.cjs`);
    const source = readOrUndefined(own, 'latin1');
    if (source !== undefined) return { path: own, source };
  }
  return { path: FULL_BUNDLE, source: readFileSync(FULL_BUNDLE, 'latin1') };
}

function cachePath(bundlePath) {
  return bundlePath.replace(/\.cjs$/, '.cache');
}

function readOrUndefined(path, encoding) {
  try {
    return readFileSync(path, encoding);
  } catch {
    return undefined;
  }
}

function loadCli(firstWord) {
  const { path, source } = bundleFor(firstWord);
  const cachedData = readOrUndefined(cachePath(path));
  // The CommonJS wrapper, as Module.wrap() writes it (node:module itself costs start-up time).
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n});`, { filename: path, cachedData });
  const module = { exports: {} };
  // The bundle requires only Node's modules and undici, which resolve the same from bin/ as from dist/.
  script.runInThisContext()(module.exports, require, module, path, dirname(path));
  return { cli: module.exports, script, path, cacheRejected: cachedData === undefined ? undefined : script.cachedDataRejected };
}

module.exports = { loadCli, cachePath, FULL_BUNDLE };

if (require.main === module) start(process.argv.slice(2));

function start(argv) {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    // Straight to the descriptor: process.stdout would build Node's stream stack first.
    const version = `${require('../package.json').version}\n`;
    try {
      require('node:fs').writeSync(1, version);
    } catch (error) {
      // A reader that went away wants nothing more; anything else, let Node's stream try.
      if (error.code !== 'EPIPE') process.stdout.write(version);
    }
    return;
  }
  run(argv).catch((error) => {
    // main() has its own top-level catch; this only fires if the bundle cannot load.
    process.stderr.write(`oauth-doctor: cannot start (${error && error.message}) — reinstall the package\n`);
    process.exitCode = 70;
  });
}

async function run(argv) {
  const { main, processEnvironment } = loadCli(argv[0]).cli;
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
