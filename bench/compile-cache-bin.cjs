'use strict';
// Bench only: the alternative to bin/oauth-doctor.cjs's own code cache, so
// `npm run bench` shows the choice (issue #17). Node's module.enableCompileCache()
// (Node ≥ 22.1) with a plain require() of the same bundle the bin would load.
// Node caches what it compiled when the module loaded; the bin's cache is
// made after the command ran, so it also holds the functions compiled lazily.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

require('node:module').enableCompileCache(process.env.OD_BENCH_COMPILE_CACHE);
const dist = join(__dirname, '..', 'dist');
const argv = process.argv.slice(2);
const own = join(dist, 'commands', `${argv[0]}.cjs`);
const signal = () => new AbortController().signal;
const { main, processEnvironment } = require(/^[a-z]+$/.test(argv[0] ?? '') && existsSync(own) ? own : join(dist, 'cli.cjs'));
main(argv, processEnvironment(signal)).then(async (code) => {
  // An own bundle leaves help and usage errors to the full CLI, as bin/ does.
  if (code === undefined) {
    const full = require(join(dist, 'cli.cjs'));
    code = await full.main(argv, full.processEnvironment(signal));
  }
  process.exitCode = code;
});
