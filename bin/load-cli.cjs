'use strict';
// Loads a bundled CLI through a V8 code cache made at build time, the way
// v8-compile-cache does for require(): the bundle's functions arrive compiled
// instead of being parsed and compiled on every start (start-up time, issue
// #8). `explain …` loads dist/commands/explain.cjs, which holds that command
// alone; anything else (--help, no command, a typo) loads dist/cli.cjs, which
// holds them all. A cache from another Node version is rejected by V8 and the
// bundle simply compiles as usual.
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
