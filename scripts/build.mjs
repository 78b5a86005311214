// Bundles the library and the CLI with esbuild: a CLI bundle per command, so
// start-up loads only what the command needs (issue #8).
// Builds into a fresh folder and swaps it in, so a CLI started during a
// rebuild never sees half a dist/.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

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

// The CLI: CommonJS bundles loaded by bin/oauth-doctor.cjs with a V8 code cache
// made below. dist/cli.cjs holds every command (--help, typos, no command);
// dist/commands/<name>.cjs holds one, so `explain` or `sign` reads and
// deserialises a fifth of the code (start-up time, issue #8). Within a bundle
// each command's modules are still evaluated only when it runs (esbuild turns
// our `await import()` into lazy initialisers). The small dependencies
// (commander, chalk, oauth-1.0a) are bundled so start-up resolves no
// packages; undici stays external, required only by network commands.
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

// src/commands/all.ts with one command in it: the rest of the CLI is unchanged.
const onlyCommand = (name) => ({
  name: 'only-command',
  setup(b) {
    b.onResolve({ filter: /^\.\/all\.js$/ }, (args) =>
      args.importer.replaceAll('\\', '/').endsWith('src/commands/registry.ts') ? { path: name, namespace: 'only-command', pluginData: args.resolveDir } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'only-command' }, (args) => {
      const register = `register${name[0].toUpperCase()}${name.slice(1)}`;
      return {
        contents: `import { ${register} } from './${name}/command.ts';\nexport const COMMANDS = [['${name}', ${register}]];\n`,
        resolveDir: args.pluginData,
        loader: 'ts',
      };
    });
  },
});

const cliOptions = {
  entryPoints: ['src/cli.ts'],
  bundle: true,
  // Less to read and hash at every start; names kept for readable stack traces.
  minify: true,
  keepNames: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20.18',
  external: ['undici'],
  legalComments: 'none',
  charset: 'ascii',
  logLevel: 'warning',
};
// One folder per command (src/commands/<name>/command.ts exporting register<Name>).
const commandNames = (await readdir(new URL('src/commands/', root), { withFileTypes: true }))
  .filter((entry) => entry.isDirectory() && existsSync(new URL(`src/commands/${entry.name}/command.ts`, root)))
  .map((entry) => entry.name);
if (commandNames.length === 0) throw new Error('no commands found under src/commands/');
// Pure ASCII, so bin/oauth-doctor.cjs can read a bundle as latin1, about twice as
// fast as decoding UTF-8, and V8 keeps it as a one-byte string. esbuild's
// ASCII charset escapes strings but leaves regular expression literals (the
// Japanese phrases) as they are: escape those here, one UTF-16 unit at a time,
// which a regular expression reads the same with or without the u flag.
const asciiOnly = (code) => code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

async function buildCli(outfile, plugins, command) {
  const result = await build({ ...cliOptions, plugins: [deferChildProcess, noColorDetection, ...plugins], outfile, write: false });
  // A command's bundle must hold that command alone, or the plugin above missed
  // (keepNames leaves each register<Name> function's name in the output).
  const registered = result.outputFiles
    .flatMap((file) => [...file.text.matchAll(/"register([A-Z][a-z]+)"/g)].map((m) => m[1].toLowerCase()))
    .filter((name) => commandNames.includes(name));
  if (command !== undefined && registered.join() !== command) throw new Error(`dist/commands/${command}.cjs registers ${registered.join(', ') || 'nothing'}`);
  await mkdir(dirname(outfile), { recursive: true });
  for (const file of result.outputFiles) await writeFile(file.path, asciiOnly(file.text), 'ascii');
}

await Promise.all([
  buildCli(new URL('cli.cjs', staging).pathname, []),
  ...commandNames.map((name) => buildCli(new URL(`commands/${name}.cjs`, staging).pathname, [onlyCommand(name)], name)),
]);
await rename(dist, retired).catch(() => undefined);
await rename(staging, dist);
await rm(retired, { recursive: true, force: true });

// Compile cache for the CLI, made by running it (scripts/code-cache.cjs).
execFileSync(process.execPath, [new URL('./code-cache.cjs', import.meta.url).pathname], { stdio: 'inherit' });
