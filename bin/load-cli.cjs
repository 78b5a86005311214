'use strict';
// Loads the bundled CLI (dist/cli.cjs) through a V8 code cache made at build
// time (dist/cli.cache), the way v8-compile-cache does for require(): the
// bundle's functions arrive compiled instead of being parsed and compiled on
// every start (start-up time, issue #8). A cache from another Node version is
// rejected by V8 and the bundle simply compiles as usual.
const { readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const Module = require('node:module');
const vm = require('node:vm');

const BUNDLE = join(__dirname, '..', 'dist', 'cli.cjs');
const CACHE = join(__dirname, '..', 'dist', 'cli.cache');

function loadCli() {
  const source = readFileSync(BUNDLE, 'utf8');
  let cachedData;
  try {
    cachedData = readFileSync(CACHE);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), {
    filename: BUNDLE,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, Module.createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE));
  return { cli: module.exports, script, cacheRejected: cachedData === undefined ? undefined : script.cachedDataRejected };
}

module.exports = { loadCli, CACHE };
