// Bundles the CLI and the library with esbuild: one small entry file plus a
// chunk per command, so start-up loads only what the command needs (issue #8).
// Builds into a fresh folder and swaps it in, so a CLI started during a
// rebuild never sees half a dist/.
import { build } from 'esbuild';
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

await build({
  plugins: [deferChildProcess],
  entryPoints: { cli: 'src/cli.ts', index: 'src/index.ts' },
  outdir: staging.pathname,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.18',
  // Bundle the small dependencies (commander, chalk, oauth-1.0a) so start-up
  // resolves no packages; undici stays external and loads only with the
  // commands that touch the network.
  external: ['undici'],
  banner: { js: "import { createRequire as __odCreateRequire } from 'node:module'; const require = __odCreateRequire(import.meta.url);" },
  sourcemap: false,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
});
await rename(dist, retired).catch(() => undefined);
await rename(staging, dist);
await rm(retired, { recursive: true, force: true });
