// Bundles the CLI and the library with esbuild: one small entry file plus a
// chunk per command, so start-up loads only what the command needs (issue #8).
// Builds into a fresh folder and swaps it in, so a CLI started during a
// rebuild never sees half a dist/.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rename, rm } from 'node:fs/promises';

const root = new URL('../', import.meta.url);
const staging = new URL(`dist.tmp-${process.pid}/`, root);
const retired = new URL(`dist.old-${process.pid}/`, root);
const dist = new URL('dist/', root);

// commander requires child_process at load time, for executable subcommands
// oauth-doctor never uses; load it on first use instead (start-up, issue #8).
const deferChildProcess = {
  name: 'defer-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes('node_modules/commander') ? { path: 'child_process', namespace: 'deferred' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'deferred' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, name) => require('node:child_process')[name] });",
      loader: 'js',
    }));
  },
};

// The library: ES modules, one chunk per shared part.
await build({
  entryPoints: { index: 'src/index.ts' },
  outdir: staging.pathname,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.18',
  external: ['undici'],
  banner: { js: "import { createRequire as __odCreateRequire } from 'node:module'; const require = __odCreateRequire(import.meta.url);" },
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
});

// The CLI: one CommonJS file. Each command's modules are still evaluated only
// when it runs (esbuild turns our `await import()` into lazy initialisers),
// and bin/load-cli.cjs loads it with a V8 code cache made below. The small
// dependencies (commander, chalk, oauth-1.0a) are bundled so start-up resolves
// no packages; undici stays external, required only by network commands.
// chalk detects colour support when it loads (node:os, node:tty); we always
// give it the level src/terminal/color.ts decided, so skip its detection.
const noColorDetection = {
  name: 'no-color-detection',
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, () => ({ path: 'supports-color', namespace: 'decided-elsewhere' }));
    b.onLoad({ filter: /.*/, namespace: 'decided-elsewhere' }, () => ({
      contents: 'export default { stdout: false, stderr: false };',
      loader: 'js',
    }));
  },
};

await build({
  plugins: [deferChildProcess, noColorDetection],
  entryPoints: { cli: 'src/cli.ts' },
  outdir: staging.pathname,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  // Less to read and hash at every start; names kept for readable stack traces.
  minify: true,
  keepNames: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20.18',
  external: ['undici'],
  legalComments: 'none',
  logLevel: 'warning',
});
await rename(dist, retired).catch(() => undefined);
await rename(staging, dist);
await rm(retired, { recursive: true, force: true });

// Compile cache for the CLI, made by running it (scripts/code-cache.cjs).
execFileSync(process.execPath, [new URL('./code-cache.cjs', import.meta.url).pathname], { stdio: 'inherit' });
