// Bundles the library and the CLI with esbuild: a CLI bundle per command, so
// start-up loads only what the command needs (issue #8).
// Builds into a fresh folder and swaps it in, so a CLI started during a
// rebuild never sees half a dist/.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateKnowledge, knowledgeTablesPlugin, tablesRead, writeTables } from './knowledge-tables.mjs';

// Packages left to the installer (package.json dependencies), loaded only by the
// commands that need them: undici by network commands; oidc-provider, jose and
// oauth4webapi by the OAuth 2 commands (issues #18, #19).
const RUNTIME_PACKAGES = ['undici', 'oidc-provider', 'jose', 'oauth4webapi'];

const root = new URL('../', import.meta.url);
const staging = new URL(`dist.tmp-${process.pid}/`, root);
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

// The knowledge tables, evaluated once: every bundle reads them from
// dist/knowledge/*.json on first use instead of carrying them as code
// (scripts/knowledge-tables.mjs; start-up and tarball size, issues #12, #17).
await mkdir(staging, { recursive: true });
const knowledge = await evaluateKnowledge(fileURLToPath(root), staging.pathname);
const knowledgeFor = (dirExpression) => knowledgeTablesPlugin(fileURLToPath(root), knowledge, dirExpression);

// The library: ES modules, one chunk per shared part.
await build({
  entryPoints: { index: 'src/index.ts' },
  outdir: staging.pathname,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.18',
  external: RUNTIME_PACKAGES,
  // The knowledge tables make the library large; minified it keeps the tarball lean (issue #17), names kept for stack traces.
  minify: true,
  keepNames: true,
  banner: { js: "import { createRequire as __odCreateRequire } from 'node:module'; const require = __odCreateRequire(import.meta.url);" },
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
  // The loader lands in index.js or in a chunk one folder down.
  plugins: [knowledgeFor("require('node:url').fileURLToPath(new URL(/\\/chunks\\/[^/]*$/.test(import.meta.url) ? '../knowledge/' : './knowledge/', import.meta.url))")],
});

// The CLI: CommonJS bundles loaded by bin/oauth-doctor.cjs through the V8 code
// cache it keeps for the user. dist/cli.cjs holds every command (--help, typos,
// no command, and the commands listed below in OWN_BUNDLES);
// dist/commands/<name>.cjs holds one, so `explain` or `sign` reads and
// deserialises a fifth of the code (start-up time, issue #8). Within a bundle
// each command's modules are still evaluated only when it runs (esbuild turns
// our `await import()` into lazy initialisers). The small dependencies
// (commander, chalk, oauth-1.0a) are bundled so start-up resolves no
// packages (so they are devDependencies: an install never fetches them); undici stays external, required only by network commands.
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

// A command's own bundle: its src/commands/<name>/main.ts, which reads the
// usual command lines with the command's option table and leaves the rest
// (help, errors) to the full bundle, so it holds no commander (issue 17).
const ownEntry = (name) => ({
  stdin: {
    contents: `export { main } from './src/commands/${name}/main.ts';\nexport { processEnvironment } from './src/cli/environment.ts';\n`,
    resolveDir: fileURLToPath(root),
    sourcefile: `${name}-entry.ts`,
    loader: 'ts',
  },
});

// Packages an own bundle must not hold: commander (the full bundle's), the
// crypto and network libraries of the commands it does not run. The build lists
// the packages each own bundle holds on its first line (test/cli/bundles.test.ts).
const NOT_IN_OWN_BUNDLE = { explain: ['commander', '@noble/hashes', 'oauth-1.0a', ...RUNTIME_PACKAGES], sign: ['commander', ...RUNTIME_PACKAGES] };

const cliOptions = {
  entryPoints: ['src/cli.ts'],
  bundle: true,
  // Less to read and hash at every start; names kept for readable stack traces.
  minify: true,
  keepNames: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20.18',
  external: RUNTIME_PACKAGES,
  legalComments: 'none',
  charset: 'ascii',
  logLevel: 'warning',
};
// One folder per command (src/commands/<name>/command.ts exporting register<Name>).
const commandNames = (await readdir(new URL('src/commands/', root), { withFileTypes: true }))
  .filter((entry) => entry.isDirectory() && existsSync(new URL(`src/commands/${entry.name}/command.ts`, root)))
  .map((entry) => entry.name);
if (commandNames.length === 0) throw new Error('no commands found under src/commands/');
// The commands whose start-up is a target (issue #8) get a bundle of their
// own; the others (demo, flow, inspect, serve, …: their work, the network or
// a file, dwarfs the few milliseconds) load the full one. Each own bundle
// repeats the shared code, so four more of them were 420 kB of the 1 MB
// tarball (issue #17). `codes` loads the full bundle: it is no start-up target,
// and its own bundle (the whole knowledge base again) was 114 kB of the packed
// 904 kB, the room the OAuth 2 commands need (measured: `codes` took 110–130 ms
// wall either way, its printing of the whole table dwarfs the load).
const OWN_BUNDLES = ['explain', 'sign'];
for (const name of OWN_BUNDLES) if (!commandNames.includes(name)) throw new Error(`OWN_BUNDLES names ${name}, which is no command`);
// Pure ASCII, so bin/oauth-doctor.cjs can read a bundle as latin1, about twice as
// fast as decoding UTF-8, and V8 keeps it as a one-byte string. esbuild's
// ASCII charset escapes strings but leaves regular expression literals (the
// Japanese phrases) as they are: escape those here, one UTF-16 unit at a time,
// which a regular expression reads the same with or without the u flag.
const asciiOnly = (code) => code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

async function buildCli(outfile, command) {
  // The bin gives each bundle its own folder as __dirname.
  const toKnowledge = relative(dirname(outfile), new URL('knowledge/', staging).pathname).replaceAll('\\', '/');
  const knowledgeDir = `require('node:path').join(__dirname, ${JSON.stringify(toKnowledge)}) + require('node:path').sep`;
  const { entryPoints, ...common } = cliOptions;
  const entry = command === undefined ? { entryPoints } : ownEntry(command);
  // A command's own bundle keeps no names: keepNames sets each function's and
  // class's name at start-up (Object.defineProperty, 450 in explain's bundle),
  // about 1 ms of explain's start (issue 17). Nothing reads those names, and
  // its stack traces (an internal error's report) still give the bundle's line and column.
  const names = command === undefined ? {} : { keepNames: false };
  const result = await build({ ...common, ...names, ...entry, plugins: [deferChildProcess, noColorDetection, knowledgeFor(knowledgeDir)], outfile, write: false, metafile: true });
  let banner = '';
  if (command !== undefined) {
    // A command's bundle must hold that command alone and none of the packages it does not need.
    const packages = [...new Set(Object.keys(result.metafile.inputs).flatMap((input) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1] ?? []))].sort();
    const banned = packages.filter((name) => NOT_IN_OWN_BUNDLE[command].includes(name));
    if (banned.length > 0) throw new Error(`dist/commands/${command}.cjs holds ${banned.join(', ')}, which ${command} must not load`);
    // No command.ts: those register commands with commander.
    const registrations = Object.keys(result.metafile.inputs).filter((input) => /src\/commands\/[a-z]+\/command\.ts$/.test(input));
    if (registrations.length > 0) throw new Error(`dist/commands/${command}.cjs holds ${registrations.join(', ')}`);
    banner = `// packages: ${packages.join(' ') || '(none)'}\n`;
  }
  await mkdir(dirname(outfile), { recursive: true });
  for (const file of result.outputFiles) {
    await writeFile(file.path, banner + asciiOnly(file.text), 'ascii');
    tablesRead(file.text, read);
  }
}
const read = new Map();

await Promise.all([
  buildCli(new URL('cli.cjs', staging).pathname),
  ...OWN_BUNDLES.map((name) => buildCli(new URL(`commands/${name}.cjs`, staging).pathname, name)),
]);
for (const file of await readdir(staging, { recursive: true, encoding: 'utf8' })) {
  if (/\.js$/.test(file)) tablesRead(await readFile(new URL(file, staging), 'utf8'), read);
}
await writeTables(new URL('knowledge/', staging).pathname, knowledge, read);
await swapIn(staging, dist);

// The library's type declarations (issue #17), with `--types` (npm's prepare,
// so every packed or installed-from-git copy has them): tsc writes what
// src/index.ts reaches into types/ (tsconfig.types.json). A folder of its own,
// so a plain build (the tests run some) never removes them from under npm pack.
if (process.argv.includes('--types')) {
  const typesStaging = new URL(`types.tmp-${process.pid}/`, root);
  const tsc = new URL('node_modules/typescript/bin/tsc', root).pathname;
  execFileSync(process.execPath, [tsc, '-p', new URL('tsconfig.types.json', root).pathname, '--outDir', typesStaging.pathname], { stdio: 'inherit' });
  await swapIn(typesStaging, new URL('types/', root));
}

/** Replaces `target` with the folder `fresh` in two renames, so a reader never sees half of it. */
async function swapIn(fresh, target) {
  const old = new URL(`${target.pathname.replace(/\/$/, '')}.old-${process.pid}/`, 'file:');
  await rename(target, old).catch(() => undefined);
  await rename(fresh, target);
  await rm(old, { recursive: true, force: true });
}
