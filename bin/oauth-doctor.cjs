#!/usr/bin/env node
'use strict';
// The CLI's entry, and the only place that calls process.exit (STYLE habit
// 6). CommonJS and one file on purpose: no ES module loader to start, no
// second file to resolve, and `--version` answers before any bundle is read
// (start-up time, issue #8).
//
// It loads a bundled CLI through a V8 code cache, the way v8-compile-cache
// does for require(): the bundle's functions arrive compiled instead of being
// parsed and compiled on every start. `explain …` loads
// dist/commands/explain.cjs, which holds that command alone and no commander:
// it reads the usual lines with the command's option table and leaves the rest
// (its --help, a usage error) to dist/cli.cjs (issue #17). Anything else
// (--help, no command, a typo) loads dist/cli.cjs, which holds them all.
// A cache only fits the V8 that made it, so none is shipped (issue #17: a
// cache built with Node 20 was 1.9 MB of the package that Node 22, 24 and 26
// rejected). The first run compiles the bundle as usual and leaves, after the
// command ran, its cache in the user's cache folder for the next run: that
// cache holds every function the run compiled, also the lazily compiled ones,
// which is why it beats module.enableCompileCache() (measured on Node 22, 24
// and 26; see the README). NODE_DISABLE_COMPILE_CACHE turns it off, as for
// Node's own cache.
const { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } = require('node:fs');
const { basename, dirname, isAbsolute, join } = require('node:path');
const vm = require('node:vm');

// Every function a start runs is written `const f = (function f() {…});`: V8
// compiles a parenthesised function with the file, in the one parse it makes
// anyway, where a declaration is only pre-parsed and parsed a second time on
// its first call (issue 17: about 0.4 M fewer instructions per start, measured
// under callgrind; this file has no code cache of its own). saveUserCache
// runs once per build, so it stays a declaration, compiled only then.
const DIST = join(__dirname, '..', 'dist');
const FULL_BUNDLE = join(DIST, 'cli.cjs');

/** The bundle for a command line's first word: its own, or the full one (always with `full`). */
const bundleFor = (function bundleFor(firstWord, full = false) {
  if (!full && typeof firstWord === 'string' && /^[a-z]+$/.test(firstWord)) {
    const own = join(DIST, 'commands', `${firstWord}.cjs`);
    const stat = statSync(own, { throwIfNoEntry: false });
    if (stat?.isFile()) return { path: own, stat };
  }
  return { path: FULL_BUNDLE, stat: statSync(FULL_BUNDLE) };
});

/**
 * Where this user's cache of a bundle lives: a folder of their own, named so
 * that another build of the bundle never meets it, since V8 itself checks
 * only the length of the source.
 */
const userCachePath = (function userCachePath(path, stat, env = process.env) {
  if (env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  const home = env.HOME || env.USERPROFILE;
  const base =
    env.XDG_CACHE_HOME ||
    (process.platform === 'win32' ? env.LOCALAPPDATA : home && join(home, process.platform === 'darwin' ? 'Library/Caches' : '.cache'));
  // A relative folder would follow the current directory (XDG: ignore it).
  if (!base || !isAbsolute(base)) return undefined;
  const name = `${basename(path, '.cjs')}-${stat.size}-${Math.trunc(stat.mtimeMs)}.v8-${process.versions.v8}.cache`;
  return join(base, 'oauth-doctor', `code-cache-${process.arch}`, name);
});

/**
 * V8 runs what a cache holds, so only a folder nobody else can write to is
 * trusted: a directory (not a link) of this user's, writable by no group or
 * other. Windows keeps per-user folders private by its own ACLs.
 */
const isPrivateFolder = (function isPrivateFolder(folder) {
  let stat;
  try {
    stat = lstatSync(folder);
  } catch {
    return false; // missing, or a file where a folder on the way should be
  }
  if (!stat.isDirectory()) return false;
  if (process.platform === 'win32') return true;
  return stat.uid === process.getuid() && (stat.mode & 0o022) === 0;
});

const readOrUndefined = (function readOrUndefined(path) {
  try {
    return path === undefined ? undefined : readFileSync(path);
  } catch {
    return undefined;
  }
});

/**
 * Writes the cache of what this run compiled, replacing older builds' caches
 * of the same bundle for the same V8 (another Node's stay). Never fails the run.
 */
function saveUserCache(script, file) {
  try {
    const folder = dirname(file);
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    if (!isPrivateFolder(folder)) return;
    const [, bundle, v8Suffix] = /^(.*)-\d+-\d+(\.v8-.*)$/.exec(basename(file));
    for (const old of readdirSync(folder)) {
      if (old !== basename(file) && old.startsWith(`${bundle}-`) && old.endsWith(v8Suffix)) unlinkSync(join(folder, old));
    }
    const temporary = `${file}.${process.pid}`;
    writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
    renameSync(temporary, file);
  } catch {
    // A cache that cannot be written only costs time on the next start.
  }
}

/**
 * Code run by vm.Script cannot import() (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING),
 * and oidc-provider, oauth4webapi and jose are ES modules only: this file's own
 * import() is lent to the bundle (src/esm/import-esm.ts). It resolves a package
 * from here, the package's node_modules, as require() does.
 */
const IMPORT_ESM_HOOK = Symbol.for('oauth-doctor.import-esm');
const lendImport = (function lendImport() {
  if (typeof globalThis[IMPORT_ESM_HOOK] !== 'function') {
    Object.defineProperty(globalThis, IMPORT_ESM_HOOK, { value: (specifier) => import(specifier), configurable: true });
  }
});

/** The result's saveCache() leaves a cache for the next run when this one had none it could use. */
const loadCli = (function loadCli(firstWord, full = false) {
  lendImport();
  const { path, stat } = bundleFor(firstWord, full);
  const userFile = userCachePath(path, stat);
  const cachedData = userFile !== undefined && isPrivateFolder(dirname(userFile)) ? readOrUndefined(userFile) : undefined;
  // The build writes bundles in pure ASCII, so latin1 reads them right, and faster than UTF-8.
  const source = readFileSync(path, 'latin1');
  // The CommonJS wrapper, as Module.wrap() writes it (node:module itself costs start-up time).
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n});`, { filename: path, cachedData });
  const module = { exports: {} };
  // The bundle requires only Node's modules and undici, which resolve the same from bin/ as from dist/.
  script.runInThisContext()(module.exports, require, module, path, dirname(path));
  const cache = cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'user';
  const saveCache = () => {
    if (userFile !== undefined && (cache === 'none' || cache === 'rejected')) saveUserCache(script, userFile);
  };
  return { cli: module.exports, script, path, cache, saveCache };
});


const start = (function start(argv) {
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
});

const run = (async function run(argv) {
  let loaded = loadCli(argv[0]);
  const { main, processEnvironment } = loaded.cli;
  // Made, with the interrupt handlers, when a command first asks for its
  // signal: one that never does (explain, sign, codes) keeps Node's default,
  // dying by SIGINT as a shell expects (status 130), and starts faster (issue #8).
  let controller;
  const interrupt = () => {
    controller.abort();
    // Commands observe the signal and clean up; do not let a stuck one hang.
    setTimeout(() => process.exit(130), 3000).unref();
  };
  const signal = () => {
    if (!controller) {
      controller = new AbortController();
      process.once('SIGINT', interrupt);
      process.once('SIGTERM', interrupt);
    }
    return controller.signal;
  };
  // A command decides what an interrupt does: `serve` closes its provider, a
  // waiting flow saves and reports its session; both then exit 130.
  let code = await main(argv, processEnvironment(signal));
  if (code === undefined) {
    // A command's own bundle reads the usual lines without commander and
    // leaves the others (help, usage errors) to the full CLI (issue #17).
    loaded.saveCache();
    loaded = loadCli(argv[0], true);
    code = await loaded.cli.main(argv, loaded.cli.processEnvironment(signal));
  }
  process.exitCode = code;
  loaded.saveCache();
  // Nothing left to do (no timer, socket, request or pending write: output
  // went out with writeSync, and a write Node's own stream still holds is a
  // pending request): leave now. Letting the event loop run dry first costs
  // the leftover work Node and V8 do before a natural exit, and the heap's
  // teardown: 1-2 ms of `explain`'s 11 (issue #17, measured on Node 20–26).
  if (process.getActiveResourcesInfo().length === 0) process.exit();
});

module.exports = { loadCli, FULL_BUNDLE };

if (require.main === module) start(process.argv.slice(2));
